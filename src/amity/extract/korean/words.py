"""Eojeol (space-separated word) tokens of Korean text and the particles attached to them.

Korean writes case and topic particles onto the name (부산시는, 울산시와, 경주에서), so rules
look at a word's stem after taking the longest particle off its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import vocab
from ..text import push_span

_WORD = re.compile(r"[가-힣]+(?:[A-Za-z0-9]+[가-힣]*)*|[A-Za-z][A-Za-z0-9&.'-]*[A-Za-z0-9]|[A-Za-z]|\d+(?:[.,]\d+)*[가-힣]*")
_SENTENCE_END = re.compile(r"(?<=[다요음함됨임까])\.(?=\s|$|[\"'”’)\]])|(?<=[.!?])[\"'”’]?\s+(?=[\"“‘(\[]?[가-힣A-Z0-9])")


# Per-word results are cached, bounded so a long-running server does not grow with every new word.
WORD_CACHE = 50_000


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def stem(self) -> str:
        return split_particle(self.text)[0]

    @property
    def stem_end(self) -> int:
        return self.start + len(self.stem)


@cache
def particles() -> tuple[str, ...]:
    return tuple(sorted(vocab.load("ko", "particles")["particles"], key=len, reverse=True))


@lru_cache(maxsize=WORD_CACHE)
def split_particle(word: str) -> tuple[str, str]:
    """("부산시는" -> ("부산시", "는")); a word that is all particle keeps itself."""
    for p in particles():
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)], p
    return word, ""


@lru_cache(maxsize=WORD_CACHE)
def is_particle(rest: str) -> bool:
    return rest == "" or rest in particles() or any(rest.startswith(p) and is_particle(rest[len(p):])
                                                     for p in particles() if len(p) < len(rest))


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, end)]


def korean_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a line break or a sentence-final "다." / "요." (and . ! ? before a capital or Hangul)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        start = line_start
        for m in _SENTENCE_END.finditer(line):
            cut = line_start + m.end()
            push_span(spans, text, start, cut)
            start = cut
        push_span(spans, text, start, line_start + len(line))
    return spans


def is_hangul(s: str) -> bool:
    return bool(s) and all("가" <= c <= "힣" for c in s)
