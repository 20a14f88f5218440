"""Places and countries in Korean text.

A word is a place when it starts with a known Korean name and what follows is a particle, an
administrative suffix or a word such as 시청 / 군수 (부산시는, 울산시와, 경주에서, 평창군수). A base
name without its suffix (평창 for 평창군) counts when the article also names the place in full,
when it is listed with other places (포항·울산·경주), or when it is not an ordinary word. Right
after a country name, a word ending in a foreign suffix (시/주/성/현/정) is a place of that
country even when no list knows it (베트남 뜨선시, 일본 야즈정); it is then found in the rest of
the article too, and named in English by transliteration when a gazetteer city is close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import vocab
from ..context import Context, CountryCand, PlaceCand
from ..gazetteer import PlaceEntry
from .names import KoPlace, korean_names, prefix_match, transliterate_match
from .words import Word, is_particle, korean_sentences, split_particle, words

_BRACKETED = re.compile(r"\(([A-Z][A-Za-z.'\- ]{1,40}|[\u4e00-\u9fff]{2,8})\)")
_ADMIN_ENDINGS = set("시군구도읍면성주현정")
_LIST_SEPARATORS = {"·", ",", "、", "(", "/", "‧", "ㆍ"}


@dataclass
class KoreanState:
    """What the Korean steps share beyond the Context: the words, and which word is which place."""

    words: list[Word]
    place_of_word: dict[int, PlaceCand] = field(default_factory=dict)  # word index -> place
    country_of_word: dict[int, CountryCand] = field(default_factory=dict)
    surfaces: dict[str, PlaceCand] = field(default_factory=dict)  # every spelling -> its place
    main: dict[str, PlaceCand] = field(default_factory=dict)  # kind -> the article's own place of that kind


def state(ctx: Context) -> KoreanState:
    st = getattr(ctx, "korean", None)
    if st is None:
        st = KoreanState(words(ctx.text))
        ctx.korean = st  # type: ignore[attr-defined]
    return st


@cache
def _suffixes() -> dict:
    return vocab.load("ko", "place_suffixes")


@cache
def _continuations() -> tuple[str, ...]:
    s = _suffixes()
    org_suffixes = vocab.load("ko", "organizations")["suffixes"]
    return tuple(sorted({*s["continuations"], *s["korean"], *s["foreign"], *org_suffixes}, key=len, reverse=True))


def _rest_ok(rest: str, name: str = "") -> bool:
    if is_particle(rest) or any(rest.startswith(c) for c in _continuations()):
        return True
    # 고성군 + 수: the suffix of the name is also the start of a title (군수, 시장, 구청장)
    return bool(name) and name[-1] in "시군구도" and any((name[-1] + rest).startswith(c) for c in _continuations())


def _foreign_suffix(stem: str) -> str | None:
    for suffix in sorted(_suffixes()["foreign"], key=len, reverse=True):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            return suffix
    return None


def split_sentences(ctx: Context) -> None:
    ctx.sentences = korean_sentences(ctx.text)


def find_places_and_countries(ctx: Context) -> None:
    names = korean_names()
    st = state(ctx)
    ws = st.words
    text = ctx.text
    hits: list[tuple[int, int, int, KoPlace, bool]] = []  # word index, start, end, place, strong
    for i, w in enumerate(ws):
        country = prefix_match(w.text, names.countries)
        # 일본자치체국제화협회 names a Japanese party; 한국지방행정연구원 is a domestic institute of a Korean release
        org_word = country is not None and names.countries[country] != "KR" and (_org_word(w.text) or _org_word(w.stem))  # 일본자치체국제화협회: a Japanese association
        if country and (len(w.text) - len(country) <= 4 or is_particle(w.text[len(country):]) or org_word):
            place_name = prefix_match(w.text, names.places)
            if not place_name or len(place_name) <= len(country):
                length = len(country) + (3 if w.text[len(country):].startswith("공화국") else 0)  # 체코공화국
                _add_country(ctx, st, i, w.start, w.start + length, names.countries[country], country)
                continue
        name = prefix_match(w.text, names.places)
        if name is None:
            continue
        rest = w.text[len(name):]
        if not _rest_ok(rest, name):
            continue
        strong = name in names.strong or bool(rest[:1] and rest[0] in "시군구도" and is_particle(rest[1:]))
        place = _choose(names.places[name], st, ws, i, ctx)
        suffix = _suffix_len(rest, name)
        if suffix and place.entry.country != "KR" and rest[:suffix] in ("현", "성", "주", "도"):
            # 돗토리현 is the prefecture, not the city 돗토리
            kind = _suffixes()["foreign"][rest[:suffix]]
            place = KoPlace(f"ko:{name}{rest[:suffix]}", PlaceEntry(place.entry.name, place.entry.country, kind), kind,
                            [name + rest[:suffix]])
        hits.append((i, w.start, w.start + len(name) + suffix, place, strong))

    strong_keys = {h[3].key for h in hits if h[4]}
    hit_words = {h[0] for h in hits if h[4] or h[3].bare_ok}
    for i, start, end, place, strong in hits:
        if not (strong or place.key in strong_keys or _listed(text, ws, i, hit_words)
                or (place.bare_ok and place.entry.country == "KR") or _after_country(ws, i, st)):
            continue
        _add_place(ctx, st, i, start, end, place)

    _country_pairs(ctx, st)
    _foreign_after_country(ctx, st)
    _country_lists(ctx, st)
    _later_mentions(ctx, st)
    _choose_main(ctx, st)


def _org_word(word: str) -> bool:
    from .organizations import _org_kind  # organizations reads places, not the other way round

    return _org_kind(word) is not None


@cache
def _pair_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """한중 / 한중일 as one word, 한·중·일 / 한-베 with separators (syllables from countries.json)."""
    others = "".join(s for s in vocab.load("ko", "countries")["pair_syllables"] if s != "한")
    return re.compile(rf"한[{others}]{{1,2}}"), re.compile(rf"한(?:[·ㆍ‧\-][{others}]){{1,3}}(?![가-힣])")


def _country_pairs(ctx: Context, st: KoreanState) -> None:
    """한·중·일, 한중 교류, 한-베트남: the one-syllable names of countries paired with Korea."""
    pairs = vocab.load("ko", "countries")["pair_syllables"]
    names: dict[str, str] = {}
    for name, code in korean_names().countries.items():
        names.setdefault(code, name)  # Babel's name first (중국, not 중화인민공화국)
    for i, w in enumerate(st.words):
        if i in st.country_of_word or i in st.place_of_word:
            continue
        joined, separated = _pair_patterns()
        m = joined.fullmatch(w.stem) or separated.match(ctx.text, w.start)
        if not m:
            continue
        for offset, syllable in enumerate(m.group(0)):
            if syllable in pairs:
                code = pairs[syllable]
                _add_country(ctx, st, i, m.start() + offset, m.start() + offset + 1, code, names.get(code, syllable))


def _suffix_len(rest: str, surface: str = "") -> int:
    """Length of the administrative suffix written right after a base name (평창 + 군이 -> 1)."""
    if surface[-1:] in _ADMIN_ENDINGS and is_particle(rest):  # 정읍시 + 도 ("also"), not 정읍시도
        return 0
    for s in sorted({*_suffixes()["korean"], *_suffixes()["foreign"]}, key=len, reverse=True):
        if rest.startswith(s) and is_particle(rest[len(s):]):
            return len(s)
    return 0


def _choose(candidates: list[KoPlace], st: KoreanState, ws: list[Word], i: int, ctx: Context) -> KoPlace:
    if len(candidates) == 1:
        return candidates[0]
    near = {p.entry.kr_admin_code for p in (st.place_of_word.get(i - 1), st.place_of_word.get(i - 2))
            if p is not None and p.entry is not None}
    for c in candidates:
        if c.parent and c.parent in near:
            return c
    mentioned = {p.entry.kr_admin_code for p in ctx.places if p.entry is not None}
    for c in candidates:
        if c.parent and c.parent in mentioned:
            return c
    return candidates[0]


def _after_country(ws: list[Word], i: int, st: KoreanState) -> bool:
    """일본 돗토리시, 중국의 투먼: a foreign name written right after its country."""
    country = st.country_of_word.get(i - 1)
    return (country is not None and ws[i - 1].text[len(country.name):] in ("", "의")
            and ws[i].stem not in _not_places())


@cache
def _not_places() -> frozenset[str]:
    return frozenset(_suffixes()["not_places"])


def _listed(text: str, ws: list[Word], i: int, hit_words: set[int]) -> bool:
    """Is word i written in a list with another place (포항·울산·경주, 강원(평창, 영월), 전북 완주)?"""
    for j in (i - 1, i + 1):
        if j not in hit_words or not 0 <= j < len(ws):
            continue
        a, b = (ws[j], ws[i]) if j < i else (ws[i], ws[j])
        between = text[a.end:b.start].strip()
        if between and set(between) <= _LIST_SEPARATORS | {" "}:
            return True
    return False


def _display_name(stem: str, place: KoPlace) -> str:
    """The name as the text writes it, without 시/군 for a city or county (평창군 -> 평창, 뜨선시 -> 뜨선)."""
    for suffix in ("특별자치시", "특별시", "광역시", "시", "군"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2 and place.kind in ("city", "county"):
            return stem[: -len(suffix)]
    return stem


def mention_known_place(ctx: Context, name: str, start: int, end: int) -> PlaceCand | None:
    """Record a place written inside another word (주광주 = posted in Gwangju), by its Korean name."""
    candidates = korean_names().places.get(name)
    if not candidates:
        return None
    return _add_place(ctx, state(ctx), None, start, end, candidates[0])


def _add_place(ctx: Context, st: KoreanState, i: int | None, start: int, end: int, place: KoPlace) -> PlaceCand:
    stem = ctx.text[start:end]
    cand = next((p for p in ctx.places if getattr(p, "ko_key", None) == place.key), None)
    if cand is None:
        cand = PlaceCand(_display_name(stem, place), place.entry.country, place.kind, place.entry)
        cand.ko_key = place.key  # type: ignore[attr-defined]
        ctx.places.append(cand)
        for surface in [*place.korean, place.entry.name]:
            if surface not in cand.surfaces:
                cand.surfaces.append(surface)
    if stem not in cand.surfaces:
        cand.surfaces.append(stem)
    written = _BRACKETED.match(ctx.text, end)
    if written and written.group(1).strip() not in cand.surfaces:  # 코페르(Koper)시
        cand.surfaces.append(written.group(1).strip())
    if (start, end) not in cand.mentions:
        cand.mentions.append((start, end))
    for surface in (stem, *place.korean):
        st.surfaces.setdefault(surface, cand)
    if i is not None:
        st.place_of_word[i] = cand
    return cand


def _add_country(ctx: Context, st: KoreanState, i: int, start: int, end: int, code: str, name: str) -> None:
    cand = ctx.countries.get(code)
    if cand is None:
        cand = ctx.countries[code] = CountryCand(code, name)
    cand.mentions.append((start, end))
    st.country_of_word[i] = cand


def _foreign_after_country(ctx: Context, st: KoreanState) -> None:
    """베트남 뜨선시, 키르기스스탄 오쉬주 우즈겐구, 미국 가든그로브시: unknown names right after a country."""
    ws = st.words
    names = korean_names()
    learned: dict[str, KoPlace] = {}
    for i, w in enumerate(ws):
        if i == 0 or i in st.place_of_word:
            continue
        before = st.place_of_word.get(i - 1)
        if i - 1 in st.country_of_word:
            country = st.country_of_word[i - 1].code
        elif before is not None and before.country != "KR":  # 오쉬주 우즈겐구: a town of the region before
            country = before.country
        else:
            continue
        if country == "KR" or _mention_end(st, ctx, i - 1) != ws[i - 1].end:  # "미얀마 만달레이시와 우호협력도시"
            continue
        stem, _ = split_particle(w.text)
        suffix = _foreign_suffix(stem)
        if suffix is None or ctx.text[ws[i - 1].end:w.start].strip():
            continue
        base = stem[: -len(suffix)]
        if stem.endswith("도시") or base in _not_places() or stem in _not_places():
            continue
        kind = _suffixes()["foreign"][suffix]
        entry = _english_entry(base, country, kind)
        place = KoPlace(f"ko:{stem}", entry, kind, [stem, base])
        learned[stem] = learned[base] = place
        _add_place(ctx, st, i, w.start, w.start + len(stem), place)
    if not learned:
        return
    for i, w in enumerate(ws):
        if i in st.place_of_word:
            continue
        name = prefix_match(w.text, learned)
        if name and _rest_ok(w.text[len(name):]) and not prefix_match(w.text, names.places):
            end = w.start + len(name) + _suffix_len(w.text[len(name):], name)
            _add_place(ctx, st, i, w.start, end, learned[name])


def _mention_end(st: KoreanState, ctx: Context, i: int) -> int:
    w = st.words[i]
    place = st.place_of_word.get(i)
    spans = place.mentions if place is not None else st.country_of_word[i].mentions
    return max((e for s, e in spans if s == w.start), default=-1)


def _country_lists(ctx: Context, st: KoreanState) -> None:
    """일본의 사카이미나토, 요나고, 돗토리: the names listed after a country are its places."""
    ws, text = st.words, ctx.text
    for i, w in enumerate(ws[:-1]):
        country = st.country_of_word.get(i)
        if (country is None or country.code == "KR" or w.text[len(country.name):] not in ("", "의")
                or text[ws[i + 1].end:ws[i + 2].start if i + 2 < len(ws) else None].strip() != ","):
            continue
        j = i + 1
        while j < len(ws):
            item = ws[j]
            if j not in st.place_of_word and j not in st.country_of_word:
                if split_particle(item.text)[1] or len(item.text) < 2 or item.text in _not_places():
                    break
                suffix = _foreign_suffix(item.text)
                kind = _suffixes()["foreign"][suffix] if suffix else "city"
                base = item.text[: -len(suffix)] if suffix and suffix != "시" else item.text
                place = KoPlace(f"ko:{item.text}", _english_entry(base, country.code, kind), kind, [item.text])
                _add_place(ctx, st, j, item.start, item.end, place)
            if j + 1 >= len(ws) or text[item.end:ws[j + 1].start].strip() != ",":
                break
            j += 1


def _english_entry(base: str, country: str, kind: str) -> PlaceEntry:
    found = transliterate_match(base, country)
    if found is not None:
        return PlaceEntry(found.name, country, kind, found.population, found.geonames_id, lat=found.lat, lon=found.lon)
    return PlaceEntry(base, country, kind, 0)


def _later_mentions(ctx: Context, st: KoreanState) -> None:
    """Words that start with a spelling of a place already found (발레호시장, 뜨선시와)."""
    if not st.surfaces:
        return
    for i, w in enumerate(st.words):
        if i in st.place_of_word or i in st.country_of_word:
            continue
        name = prefix_match(w.text, st.surfaces)
        if name and _rest_ok(w.text[len(name):]):
            cand = st.surfaces[name]
            end = w.start + len(name) + _suffix_len(w.text[len(name):], name)
            cand.mentions.append((w.start, end))
            st.place_of_word[i] = cand


def _choose_main(ctx: Context, st: KoreanState) -> None:
    """The article's own local government of each kind: the Korean one mentioned most, earliest first."""
    for kind in ("city", "county", "district", "province"):
        ranked = [p for p in ctx.places if p.country == "KR" and p.kind == kind and p.mentions]
        if ranked:
            st.main[kind] = max(ranked, key=lambda p: (len(p.mentions), -min(p.mentions)[0]))
    for p in ctx.places:
        p.mentions.sort()


def place_named(ctx: Context, name: str) -> PlaceCand | None:
    """The article's place written `name` (부산, 경남도, 발레호), if it has one."""
    st = state(ctx)
    if name in st.surfaces:
        return st.surfaces[name]
    stem, _ = split_particle(name)
    for candidate in (stem, stem.rstrip("시군구도")):
        if candidate in st.surfaces:
            return st.surfaces[candidate]
    return None
