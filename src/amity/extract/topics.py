"""Topics of events and fields of agreements, from a controlled vocabulary."""

from __future__ import annotations

import functools
import re

from . import vocab
from .context import Context

# The words are data (lang/en/field_words.json); the codes are amity.extract.codes.COOPERATION_FIELDS.
TOPIC_KEYWORDS: dict[str, str] = vocab.load("en", "field_words")["fields"]
# Cheap first pass: a topic's regex runs only if one of its stems occurs in the text.
_STEMS = {topic: tuple({w.strip() for w in re.findall(r"[a-z][a-z -]+", p.replace("\\b", " ")) if len(w.strip()) >= 2})
          for topic, p in TOPIC_KEYWORDS.items()}
_COMPILED = {topic: re.compile(p) for topic, p in TOPIC_KEYWORDS.items()}


@functools.lru_cache(maxsize=256)
def topics_in(text: str) -> tuple[str, ...]:
    low = text.lower()
    return tuple(topic for topic, pattern in _COMPILED.items()
                 if any(stem in low for stem in _STEMS[topic]) and pattern.search(low))


@functools.cache
def _korean_patterns() -> dict[str, re.Pattern]:
    # lang/ko/field_words.json, read on the first Korean article (English pays nothing for it)
    return {topic: re.compile(p) for topic, p in vocab.load("ko", "field_words")["fields"].items()}


def korean_topics_in(text: str) -> tuple[str, ...]:
    return tuple(topic for topic, pattern in _korean_patterns().items() if pattern.search(text))


def tag_topics(ctx: Context) -> None:
    _tag(ctx, topics_in)


def tag_topics_korean(ctx: Context) -> None:
    _tag(ctx, korean_topics_in)


def _tag(ctx: Context, find) -> None:
    for ev in ctx.events:
        ev.topics = list(find(_around(ctx, ev.sentence)))
    for ag in ctx.agreements:
        ag.fields = list(find(_around(ctx, ag.sentence)))


def _around(ctx: Context, sentence: tuple[int, int]) -> str:
    """The sentence and the next one, where releases usually list the fields."""
    idx = next((i for i, s in enumerate(ctx.sentences) if s == sentence), None)
    if idx is None:
        return ctx.text[sentence[0]:sentence[1]]
    end = ctx.sentences[min(idx + 1, len(ctx.sentences) - 1)][1]
    return ctx.text[sentence[0]:end]
