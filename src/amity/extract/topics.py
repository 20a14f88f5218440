"""Topics of events and fields of agreements, from a controlled vocabulary."""

from __future__ import annotations

import functools
import re

from .context import Context

TOPIC_KEYWORDS: dict[str, str] = {
    "ports_logistics": r"\bports?\b|harbou?r|logistic|shipping|maritime",
    "smart_city_digital": r"smart cit|digital|\bict\b|information and communications?|\bai\b|artificial intelligence|\bit\b",
    "tourism": r"touris|travel destination|visitors",
    "culture_arts": r"cultur|\barts?\b|music|ceramic|heritage|film|painting|calligraph|dance|biennale",
    "economy_trade": r"econom|trade|investment|business|commerce|export",
    "industry": r"industr|manufactur|semiconductor|shipbuilding|automobile",
    "transport": r"transport|traffic|air routes?|railway|expressway|mobility",
    "environment_energy": r"environment|climate|carbon|energy|green growth|waste|water resource",
    "education_youth": r"educat|youth|students?|school|academi|training",
    "sports": r"\bsports?\b|universiade|olympic",
    "health": r"health|medical|pandemic|vaccin|sanitation|welfare",
    "science_technology": r"science|technolog|research|biotech",
    "public_administration": r"administrat|governance|public servants|policy|policies",
    "people_exchange": r"human exchange|people-to-people|civilian exchange|homestay|cultural exchange|exchanges between (?:the )?people",
    "agriculture_fisheries": r"agricultur|fisher|farm",
    "safety_disaster": r"safety|disaster|crime",
    "urban_planning": r"urban (?:planning|development|construction|problems)|redevelopment|infrastructure",
}
# Cheap first pass: a topic's regex runs only if one of its stems occurs in the text.
_STEMS = {topic: tuple({w.strip() for w in re.findall(r"[a-z][a-z -]+", p.replace("\\b", " ")) if len(w.strip()) >= 2})
          for topic, p in TOPIC_KEYWORDS.items()}
_COMPILED = {topic: re.compile(p) for topic, p in TOPIC_KEYWORDS.items()}


@functools.lru_cache(maxsize=256)
def topics_in(text: str) -> tuple[str, ...]:
    low = text.lower()
    return tuple(topic for topic, pattern in _COMPILED.items()
                 if any(stem in low for stem in _STEMS[topic]) and pattern.search(low))


def tag_topics(ctx: Context) -> None:
    for ev in ctx.events:
        ev.topics = list(topics_in(_around(ctx, ev.sentence)))
    for ag in ctx.agreements:
        ag.fields = list(topics_in(_around(ctx, ag.sentence)))


def _around(ctx: Context, sentence: tuple[int, int]) -> str:
    """The sentence and the next one, where releases usually list the fields."""
    idx = next((i for i, s in enumerate(ctx.sentences) if s == sentence), None)
    if idx is None:
        return ctx.text[sentence[0]:sentence[1]]
    end = ctx.sentences[min(idx + 1, len(ctx.sentences) - 1)][1]
    return ctx.text[sentence[0]:end]
