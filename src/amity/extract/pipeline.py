"""The extraction pipeline: an ordered list of small steps over one Context.

Each step is a callable `step(ctx) -> None`; a failing step adds a warning and
the rest still run, so `extract()` never raises. A statistical model can be
plugged in by inserting a step (see `DEFAULT_STEPS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from . import agreements, alliances, events, followups, organizations, people, places, topics
from .assemble import assemble
from .context import Context
from .dates import parse_published
from .korean import KOREAN_STEPS
from .model import Extraction
from .text import clean, sentences

Step = Callable[[Context], None]

DEFAULT_STEPS: list[Step] = [
    places.find_places_and_countries,
    organizations.find_organizations,
    people.find_people,
    organizations.settle_places,
    people.resolve_titles,
    events.find_events,
    agreements.find_agreements,
    alliances.find_alliances,
    topics.tag_topics,
    followups.find_follow_ups,
]


_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z]")


# The steps each language's articles go through; a language without its own list is read
# with the English rules (with a warning), which still finds places written in Latin script.
STEPS_BY_LANGUAGE: dict[str, list[Step]] = {"en": DEFAULT_STEPS, "ko": KOREAN_STEPS}


def steps_for(language: str | None) -> list[Step]:
    return STEPS_BY_LANGUAGE.get(language or "en", DEFAULT_STEPS)


def detect_language(text: str) -> str | None:
    sample = text[:5000]
    if sample.isascii():  # the common case: one search, not a count of every letter
        return "en" if _LATIN.search(sample) else None
    latin = len(_LATIN.findall(sample))
    hangul, han, kana = (len(p.findall(sample)) for p in (_HANGUL, _HAN, _KANA))
    best = max((hangul, "ko"), (han + kana, "ja" if kana > han / 4 else "zh"), (latin, "en"))
    return best[1] if best[0] else None


def run(text: object, published: object = None, url: object = None, title: object = None,
        steps: list[Step] | None = None) -> Extraction:
    warnings: list[str] = []
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
        warnings.append("text given as bytes: decoded as UTF-8 with replacement")
    if not isinstance(text, str):
        warnings.append(f"text is not a string: {type(text).__name__}")
        text = ""
    pub, warning = parse_published(published)
    if warning:
        warnings.append(warning)
    cleaned = clean(text)
    if pub is None and cleaned.published_hint:
        pub, _ = parse_published(cleaned.published_hint)
    ctx = Context(raw=text, clean=cleaned, published=pub,
                  url=url if isinstance(url, str) else None,
                  title=title if isinstance(title, str) and title.strip() else cleaned.title)
    ctx.warnings.extend(warnings)
    language = detect_language(cleaned.text)
    if not cleaned.text.strip():
        ctx.warnings.append("empty text: nothing to extract")
        return assemble(ctx, language)
    if language not in (None, *STEPS_BY_LANGUAGE):
        ctx.warnings.append(f"language looks like {language!r}: the rules read English, results may be empty")
    if "\ufffd" in cleaned.text[:20000]:
        ctx.warnings.append("text contains undecodable bytes (replacement characters)")
    ctx.sentences = sentences(cleaned.text)
    for step in steps if steps is not None else steps_for(language):
        try:
            step(ctx)
        except Exception as exc:  # noqa: BLE001 - a broken step must not lose the rest
            ctx.warnings.append(f"step {getattr(step, '__name__', step)} failed: {type(exc).__name__}: {exc}")
    try:
        return assemble(ctx, language)
    except Exception as exc:  # noqa: BLE001
        empty = Extraction()
        empty.warnings = [*ctx.warnings, f"assembling the result failed: {type(exc).__name__}: {exc}"]
        return empty


def extract(text: str, published: str | date | None = None, url: str | None = None,
            title: str | None = None) -> Extraction:
    """Read one article; never raises (problems are listed in `warnings`)."""
    try:
        return run(text, published, url, title)
    except Exception as exc:  # noqa: BLE001 - last line of defence, e.g. MemoryError in a step
        result = Extraction()
        result.warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
        return result
