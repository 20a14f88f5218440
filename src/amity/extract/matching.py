"""Do two written names stand for one person or one body? Scores that carry their reasons.

In the manner of nomenklatura's matchers: a comparison yields features (what agreed or
disagreed, how much each one weighs) and the score is their sum, clipped to [0, 1]. The
same two inputs give the same score in either order. Pure Python: linking and the duplicate
finder add what the registry knows (titles, places, dates) on top.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from amity.extract.names import same_person
from amity.extract.romanize import compare_korean, compare_spellings, is_hangul, korean_readings, name_keys
from amity.extract.vocab import load

# What each kind of agreement between two names is worth.
SAME_NAME = 1.0
KOREAN_VARIANT = 0.85       # times how sure the romanisations agree
CLOSE_SPELLING = 0.7        # a letter or two apart ("Mikko Laine" / "Mikko Laíne")
LOOSE_NAME = 0.6            # same family name, a given name written differently
GENERIC_SHARED = 0.3        # "Mayor Kim": many people share it
DIFFERENT_FULL_NAMES = -0.2  # their full names disagree outright


@dataclass(frozen=True)
class Feature:
    label: str
    weight: float

    def as_json(self) -> dict:
        return {"label": self.label, "weight": round(self.weight, 3)}


@dataclass
class Match:
    features: list[Feature] = field(default_factory=list)

    @property
    def score(self) -> float:
        return max(0.0, min(1.0, sum(f.weight for f in self.features)))

    def add(self, label: str, weight: float) -> Match:
        self.features.append(Feature(label, weight))
        return self

    def extend(self, other: Match) -> Match:
        self.features.extend(other.features)
        return self

    @property
    def explanation(self) -> str:
        return "; ".join(f"{f.label} ({f.weight:+.2f})" for f in self.features)


@lru_cache(maxsize=65536)
def normalise(text: str | None) -> str:
    """Case and accents do not make another name (Hangul is recomposed after NFKD takes it apart)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch))).lower()
    return " ".join(re.sub(r"[^\w\s'’-]", " ", text).replace("’", "'").split())


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s\-–—/]+", normalise(text).replace("'s ", " ")) if t)


@cache
def _title_words() -> frozenset[str]:
    english = {w.strip(".").lower() for w in load("en", "title_words")["title_words"]}
    return frozenset(english | set(load("ko", "name_titles")["words"]))


@lru_cache(maxsize=65536)
def is_generic_name(name: str) -> bool:
    """A post or courtesy word with one name beside it ("Mayor Kim", "김 시장", "Kim"): many people share it."""
    words = [w.strip(".") for w in normalise(name).split()]
    named = [w for w in words if w not in _title_words()]
    if len(named) == 1 and is_hangul(named[0]):
        return len(named[0]) == 1  # "김" in "김 시장" is generic; 박형준 is a full name in one word
    return len(named) <= 1


def _same_words(a: str, b: str) -> bool:
    """The same names in another order ("Laine Mikko"); a hyphenated given name stays whole
    ("Hui-ho" is not "Ho-hui")."""
    return sorted(normalise(a).split()) == sorted(normalise(b).split())


@lru_cache(maxsize=65536)
def _pair(a: str, b: str) -> tuple[float, str]:
    """How two full, non-generic names agree: (score, why); (0, '') when they do not."""
    if normalise(a) == normalise(b):
        return SAME_NAME, f"same name {a!r}"
    if _same_words(a, b):
        return SAME_NAME, f"same name {a!r} / {b!r} in the other order"
    keys_a, keys_b = name_keys(a), name_keys(b)
    # Spellings of one Korean name share a coarse key: without one in common, no need to compare syllables.
    korean = compare_korean(a, b) if not (keys_a and keys_b) or keys_a & keys_b else None
    if korean is not None:
        score = KOREAN_VARIANT * korean.family * korean.given
        script = " across scripts" if is_hangul(a) != is_hangul(b) else ""
        return score, f"Korean name spelt two ways{script}: {korean.detail}"
    if is_hangul(a) or is_hangul(b) or (korean_readings(a) and korean_readings(b)):
        return 0.0, ""  # two Korean names whose syllables disagree: "Kim Min-jun" is not "Kim Min-ji"
    if fuzz.ratio(normalise(a), normalise(b)) >= 92:
        return CLOSE_SPELLING, f"names {a!r} / {b!r} a letter or two apart"
    if same_person(a, b) and same_person(b, a):
        return LOOSE_NAME, f"names {a!r} / {b!r} agree loosely"
    return 0.0, ""


def compare_person_names(left: list[str], right: list[str]) -> Match:
    """Two people's names (each their name and aliases): the best agreement, and whether it is only generic."""
    left = [n for n in dict.fromkeys(left) if n and n.strip()]
    right = [n for n in dict.fromkeys(right) if n and n.strip()]
    full_left = [n for n in left if not is_generic_name(n)]
    full_right = [n for n in right if not is_generic_name(n)]
    best_score, best_why = 0.0, ""
    for a in full_left:
        for b in full_right:
            score, why = _pair(a, b)
            if score > best_score:
                best_score, best_why = score, why
    match = Match()
    if best_score:
        return match.add(best_why, best_score)
    generic = sorted({normalise(a) for a in left if is_generic_name(a)} & {normalise(b) for b in right if is_generic_name(b)})
    if generic:
        match.add(f"share only the generic name {generic[0]!r}, which many people have", GENERIC_SHARED)
        if full_left and full_right:
            match.add(f"but their full names differ ({full_left[0]!r} / {full_right[0]!r})", DIFFERENT_FULL_NAMES)
    return match


@cache
def _organization_words() -> tuple[frozenset[str], frozenset[str]]:
    words = load("en", "organization_name_words")
    return frozenset(words["ignored"]), frozenset(words["qualifiers"])


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    ignored, _ = _organization_words()
    return tuple(t for t in _tokens(name) if t not in ignored)


@lru_cache(maxsize=65536)
def _pair_body(a: str, b: str) -> tuple[float, str]:
    if normalise(a) == normalise(b):
        return SAME_NAME, f"same name {a!r}"
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b:
        return 0.0, ""
    if words_a == words_b:
        return 0.95, f"same name {a!r} / {b!r} but for small words"
    if sorted(words_a) == sorted(words_b):
        return 0.9, f"the same words in another order: {a!r} / {b!r}"
    _, qualifiers = _organization_words()
    only_a = set(words_a) - set(words_b)
    only_b = set(words_b) - set(words_a)
    if only_a and only_b:
        near = _near_words(only_a, only_b)
        if near is None:
            return 0.0, ""  # each has a word the other lacks: "Consulate of China" / "Consulate of Japan"
        only_a, only_b = only_a - near[0], only_b - near[1]
        if only_a and only_b:
            return 0.0, ""
        spelled = f"{' '.join(sorted(near[0]))} ≈ {' '.join(sorted(near[1]))}"
    else:
        spelled = ""
    extra = only_a | only_b
    if extra - qualifiers:
        return 0.0, ""  # one names a different body ("Busan Port" / "Busan Port Authority Union")
    score = 0.85 - 0.05 * len(extra) - (0.1 if spelled else 0.0)
    differs = [f"differ only by {', '.join(repr(w) for w in sorted(extra))}"] if extra else []
    spelt = [f"spelt {spelled}"] if spelled else []
    return score, f"{a!r} / {b!r} " + " and ".join([*differs, *spelt])


def _near_words(only_a: set[str], only_b: set[str]) -> tuple[set[str], set[str]] | None:
    """Words of one name that are a spelling of the other's ("Gyeongju" / "Kyeongju")."""
    near_a, near_b = set(), set()
    for wa in only_a:
        for wb in only_b:
            if len(wa) >= 4 and len(wb) >= 4 and (fuzz.ratio(wa, wb) >= 85 or compare_spellings(wa, wb) >= 0.6):
                near_a.add(wa)
                near_b.add(wb)
    return (near_a, near_b) if near_a else None


def compare_body_names(left: list[str], right: list[str]) -> Match:
    """Two organizations, alliances or places by their names: the best agreement between any two."""
    best_score, best_why = 0.0, ""
    for a in dict.fromkeys(left):
        for b in dict.fromkeys(right):
            if not a or not b:
                continue
            score, why = max(_pair_body(a, b), _pair_body(b, a), key=lambda found: found[0])
            if score > best_score:
                best_score, best_why = score, why
    match = Match()
    return match.add(best_why, best_score) if best_score else match
