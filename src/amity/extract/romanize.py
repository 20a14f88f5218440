"""Korean names across scripts: Hangul, Revised Romanization and the other ways people spell them.

A Korean syllable is an initial consonant, a vowel and a final consonant (jamo). A Latin
spelling of a syllable is read as every jamo triple it could stand for ("jun" is 준, 전 or 즌),
each with a weight saying how usual that spelling is (lang/ko/romanization.json). Two spellings
may be the same syllable when their readings share a triple; the weight of the best shared
triple says how sure that is. Family names are spelt by custom (이 = Lee), so they come from a
table of their own. Pure Python: no Django, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from amity.extract.vocab import load

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_VOWELS, _FINALS = 21, 28
_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,5}$")

Jamo = tuple[int, int, int]          # (initial, vowel, final) indexes
Reading = tuple[tuple[Jamo, float], ...]  # the syllables a spelling may stand for, most usual first, weighted


_HANGUL_ANY = re.compile("[\uac00-\ud7a3]")


def is_hangul(text: str) -> bool:
    return _HANGUL_ANY.search(text) is not None


def decompose(syllable: str) -> Jamo | None:
    code = ord(syllable) - _HANGUL_FIRST
    if not 0 <= code <= _HANGUL_LAST - _HANGUL_FIRST:
        return None
    return code // (_VOWELS * _FINALS), (code // _FINALS) % _VOWELS, code % _FINALS


def compose(jamo: Jamo) -> str:
    initial, vowel, final = jamo
    return chr(_HANGUL_FIRST + (initial * _VOWELS + vowel) * _FINALS + final)


@cache
def _table() -> dict:
    return load("ko", "romanization")


def romanize_syllable(syllable: str) -> str:
    """Revised Romanization of one Hangul syllable (its first, most usual spelling)."""
    jamo = decompose(syllable)
    if jamo is None:
        return syllable
    table = _table()
    return "".join(table[part][index][0][0] for part, index in zip(("initials", "vowels", "finals"), jamo, strict=True))


def romanize(text: str) -> str:
    """Revised Romanization, syllable by syllable (no sound changes across syllables)."""
    return "".join(romanize_syllable(ch) for ch in text)


@cache
def read_syllable(latin: str) -> Reading:
    """Every Hangul syllable a Latin spelling may stand for, with the spelling's weight."""
    latin = latin.lower()
    table = _table()
    found: dict[Jamo, float] = {}
    for i, initials in enumerate(table["initials"]):
        for written_i, weight_i in initials:
            if not latin.startswith(written_i):
                continue
            after_initial = latin[len(written_i):]
            for v, vowels in enumerate(table["vowels"]):
                for written_v, weight_v in vowels:
                    if not after_initial.startswith(written_v):
                        continue
                    rest = after_initial[len(written_v):]
                    for f, finals in enumerate(table["finals"]):
                        for written_f, weight_f in finals:
                            if rest == written_f:
                                weight = weight_i * weight_v * weight_f
                                if weight > found.get((i, v, f), 0.0):
                                    found[(i, v, f)] = weight
    return tuple(sorted(found.items(), key=lambda item: -item[1]))


@cache
def _family_spellings() -> dict[str, tuple[tuple[str, float], ...]]:
    """Latin spelling -> the Hangul family names it is used for."""
    spellings: dict[str, list[tuple[str, float]]] = {}
    for hangul, written in _table()["family_names"].items():
        for latin, weight in written:
            spellings.setdefault(latin.replace("-", ""), []).append((hangul, weight))
    return {latin: tuple(found) for latin, found in spellings.items()}


def family_spellings(hangul: str) -> list[str]:
    """The usual Latin spellings of a Hangul family name, most usual first."""
    return [latin for latin, _ in _table()["family_names"].get(hangul, [])]


def family_readings(latin: str) -> dict[str, float]:
    """Hangul family names a Latin family name may be ('Rhee' -> 이), with how sure."""
    found = dict(_family_spellings().get(latin.lower().replace("-", ""), ()))
    if not found:  # a family name the table lacks: read it as an ordinary syllable
        for jamo, weight in read_syllable(latin.lower()):
            found[compose(jamo)] = weight * 0.8
    return found


@dataclass(frozen=True)
class KoreanName:
    """One way of reading a written name as a Korean family name and given-name syllables."""

    family: tuple[tuple[str, float], ...]          # Hangul family names it may be, with weights
    given: tuple[Reading, ...]                     # per given-name syllable, what it may be
    written_family: str
    written_given: str
    family_first: bool


def _segmentations(word: str, limit: int = 6) -> list[list[str]]:
    """Ways of cutting an unhyphenated given name ('hyungjoon') into readable syllables."""
    results: list[list[str]] = []

    def walk(rest: str, taken: list[str]) -> None:
        if len(results) >= limit:
            return
        if not rest:
            if 1 <= len(taken) <= 3:
                results.append(taken)
            return
        if len(taken) == 3:
            return
        for end in range(len(rest), 0, -1):
            piece = rest[:end]
            if read_syllable(piece):
                walk(rest[end:], [*taken, piece])

    walk(word, [])
    return results


def _given_readings(given_words: list[str]) -> list[tuple[Reading, ...]]:
    pieces = [piece for word in given_words for piece in re.split(r"[-‐‑'’]", word.lower()) if piece]
    if not pieces or not all(piece.isalpha() and piece.isascii() for piece in pieces):
        return []
    options: list[list[str]] = [[]]
    for piece in pieces:
        cuts = [[piece]] if read_syllable(piece) else _segmentations(piece)
        if not cuts:
            return []
        options = [[*done, *cut] for done in options for cut in cuts][:12]
    readings = []
    for syllables in options:
        if len(syllables) <= 3:
            readings.append(tuple(read_syllable(s) for s in syllables))
    return readings


@lru_cache(maxsize=65536)  # the duplicate finder asks about the same names many times
def korean_readings(name: str) -> list[KoreanName]:
    """The ways a name (Hangul or Latin, either order) reads as a Korean name; [] when it cannot."""
    name = " ".join(name.replace(",", " ").split())
    if not name:
        return []
    if _HANGUL_NAME.match(name.replace(" ", "")) and " " not in name.strip():
        return _hangul_readings(name)
    if is_hangul(name):
        parts = name.split()
        if len(parts) == 2 and all(_HANGUL_NAME.match(p) or len(p) == 1 for p in parts):
            return _hangul_readings("".join(parts))
        return []
    words = name.split()
    if not 2 <= len(words) <= 4:
        return []
    readings = []
    for family_first in (True, False):
        family_word = words[0] if family_first else words[-1]
        given_words = words[1:] if family_first else words[:-1]
        family = family_readings(family_word)
        if not family:
            continue
        for given in _given_readings(given_words):
            readings.append(KoreanName(tuple(sorted(family.items(), key=lambda kv: -kv[1])), given,
                                       family_word, " ".join(given_words), family_first))
    return readings


def _hangul_readings(name: str) -> list[KoreanName]:
    compounds = [f for f in _table()["family_names"] if len(f) == 2 and name.startswith(f) and len(name) >= 4]
    family = compounds[0] if compounds else name[0]
    given = name[len(family):]
    if not given:
        return []
    syllables = tuple(((decompose(ch), 1.0),) for ch in given)
    return [KoreanName(((family, 1.0),), syllables, family, given, True)]


def _best_shared(left, right) -> float:
    """How sure two readings are one syllable: the best shared reading, relative to each spelling's
    own best (so a spelling always agrees fully with itself, however unusual it is)."""
    right_weights = dict(right)
    shared = max((weight * right_weights[key] for key, weight in left if key in right_weights), default=0.0)
    own = max((w for _, w in left), default=0.0) * max(right_weights.values(), default=0.0)
    return shared / own if own else 0.0


@dataclass(frozen=True)
class NameAgreement:
    """How two written names agree as one Korean name."""

    family: float          # 0..1: how sure the family names are one
    given: float           # 0..1: the weakest given-name syllable's agreement
    detail: str
    same_order: bool


@lru_cache(maxsize=65536)
def compare_korean(a: str, b: str) -> NameAgreement | None:
    """The best agreement between the Korean readings of two names (None: not one Korean name)."""
    best: NameAgreement | None = None
    for left in korean_readings(a):
        for right in korean_readings(b):
            if len(left.given) != len(right.given):
                continue
            family = _best_shared(left.family, right.family)
            if not family:
                continue
            syllables = [_best_shared(x, y) for x, y in zip(left.given, right.given, strict=True)]
            if not all(syllables):
                continue
            given = sum(syllables) / len(syllables)
            if best is None or family + given > best.family + best.given:
                best = NameAgreement(
                    family, given,
                    f"{left.written_family} ≈ {right.written_family}, {left.written_given} ≈ {right.written_given}",
                    left.family_first == right.family_first)
    return best


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """Coarse keys shared by every spelling of a Korean name (for blocking and search); empty if not one.

    A key is the family name's most usual spelling plus the given name's consonants, in
    classes romanisations confuse: 박형준, Heong-jun Park and Park Hyung-joon all give
    'park_hngjn'. A Latin name may read several ways, so it may have several keys.
    """
    keys = set()
    for reading in korean_readings(name):
        for family, _ in reading.family:
            spelled = family_spellings(family)
            family_latin = spelled[0] if spelled else romanize(family)
            keys.update(f"{family_latin}_{consonants}" for consonants in _key_options(reading.given))
    return frozenset(keys)


def _key_options(given) -> set[str]:
    found = {""}
    for syllable in given:
        classes = {_CONSONANT_CLASS[jamo[0]] + _FINAL_CLASS[jamo[2]] for jamo, _ in syllable}
        found = {done + c for done in found for c in classes}
        if len(found) > 16:
            break
    return found


# Consonants that romanisations confuse fall into one class (g/k, d/t, b/p, j/ch, r/l ...).
_CONSONANT_CLASS = ["k", "k", "n", "t", "t", "l", "m", "p", "p", "s", "s", "", "j", "j", "j", "k", "t", "p", "h"]
_FINAL_CLASS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
                "ng", "t", "t", "k", "t", "p", "t"]


@lru_cache(maxsize=65536)
def _word_readings(word: str) -> tuple:
    return tuple(_given_readings([word]))


@lru_cache(maxsize=65536)
def compare_spellings(a: str, b: str) -> float:
    """How sure two Latin words are one Korean word spelt two ways ('Kyongju' / 'Gyeongju'); 0 if not."""
    best = 0.0
    for left in _word_readings(a):
        for right in _word_readings(b):
            if len(left) == len(right) and len(left) >= 2:
                syllables = [_best_shared(x, y) for x, y in zip(left, right, strict=True)]
                if all(syllables):
                    best = max(best, sum(syllables) / len(syllables))
    return best
