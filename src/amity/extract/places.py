"""Places and countries: gazetteer hits, designators ("Busan Metropolitan City",
"Suji-gu"), places known only from context ("Alnwick Town Council",
"Warminster, Pennsylvania"), and choosing one gazetteer entry per name."""

from __future__ import annotations

import bisect
import re

from . import vocab
from .context import Context, CountryCand, PlaceCand, matches_before
from .gazetteer import CountryEntry, PlaceEntry, get_gazetteer
from .gazetteer_data import DESIGNATOR_STOP
from .text import fold

_DESIGNATOR = re.compile(
    r"(?:\s(?:Special Self-Governing (?:City|Province)|Metropolitan (?:City|Government|Municipality)|"
    r"Special City|City Government|Prefectural Government|Provincial Government|City|County|Province|"
    r"Prefecture|prefecture|province|region|Region|Oblast|oblast|State|Municipality|city(?= (?:on|in|of|and)\b|[,.]))"
    r"|-(?:si|gun|gu|do|dong|shi|ken|eup|myeon)\b)"
)
_DESIGNATOR_KIND = [
    ("Province", "province"), ("province", "province"), ("-do", "province"), ("Prefecture", "prefecture"),
    ("prefecture", "prefecture"), ("-ken", "prefecture"), ("County", "county"), ("-gun", "county"),
    ("-gu", "district"), ("-dong", "district"), ("-eup", "district"), ("-myeon", "district"),
    ("State", "state"), ("egion", "region"), ("blast", "region"), ("City", "city"), ("city", "city"), ("-si", "city"),
]
_NAME = r"[A-Z][a-z']+(?:(?: |-)(?:(?:on|sur|upon|de|del|du|la|le|am|an|im|en)(?: |-))?[A-Z][a-z']+){0,3}"
_CONTEXT_PATTERNS = [
    re.compile(rf"(?P<name>{_NAME}) (?:Town|City|District|Borough|County|Parish) Council\b"),
    re.compile(rf"(?P<name>{_NAME}) (?:City Hall|County Office|Town Hall)\b"),
    re.compile(rf"\b(?:[Tt]owns?|[Cc]ity|[Cc]ities|[Vv]illages?|[Mm]unicipality|[Mm]unicipalities|[Cc]ommunes?|[Pp]refecture)"
               rf" of (?P<name>{_NAME})"),
    # "the communes of Lavena and Kilbride": the second of two towns named together
    re.compile(rf"\b(?:[Tt]owns|[Cc]ities|[Vv]illages|[Mm]unicipalities|[Cc]ommunes) of {_NAME},? and (?P<name>{_NAME})"),
    re.compile(rf"\btwin(?:ned)?(?: town| city| council| municipality| commune)?,? (?P<name>{_NAME})"),
    # "Lavena has been twinned with ...", "Naxxar's twinned council": a town that is twinned
    re.compile(rf"(?P<name>{_NAME}) (?:has been|had been|is|was) twinned with\b"),
    re.compile(rf"(?P<name>{_NAME})'s (?:twinned|twin|sister|partner) (?:town|city|council|municipality|commune)\b"),
    # "the guests arrived in Portmaren on Sunday", "was held in Lavena.": where something happened is a place
    re.compile(r"\b(?:held|arrived|took place|located|based|landed|stayed|headquartered) in "
               r"(?P<name>[A-Z][a-z']+(?:[ -][A-Z][a-z']+){0,2})"  # no "on" inside: "in Portmaren on Sunday"
               r"(?=,|\.|;| on\b| last\b| this\b| next\b| from\b| for\b)"),
    # "Mornago (Province of Varese)": a town written with the province it lies in
    re.compile(rf"(?P<name>{_NAME}) \((?:Province|Region|County|Department|Prefecture) of [A-Z]"),
    # "County Kilkenny": an Irish county, its designator first
    re.compile(r"(?<![A-Za-z] )\bCounty (?P<name>[A-Z][a-z]{3,})\b(?! (?:Council|Office|Hall|Government|Executive|"
               r"Commissioner|Board|Court|Sheriff|Administrator|Clerk|Attorney|Judge|Fair|Road))"),
    re.compile(rf"(?P<name>{_NAME}), an? (?:small |coastal |port |market )?(?:town|city|village|municipality) in\b"),
    re.compile(rf"(?P<name>{_NAME})-(?P<suffix>gu|dong|gun|si|eup|myeon)\b"),
    # Japanese wards, cities and towns: "Naka-ku", "Kita Ward", "Ena-shi", "Obuse-machi"
    re.compile(rf"(?P<name>{_NAME})-(?P<suffix>ku|shi|cho|machi|mura)\b"),
    re.compile(rf"(?P<name>{_NAME}) (?P<suffix>Ward)\b"),
    re.compile(rf"(?P<name>{_NAME}) (?P<suffix>City|County|Prefecture|Province)\b"),
]
_KR_SUFFIXES = {"gu", "dong", "gun", "si", "eup", "myeon"}
_JP_SUFFIXES = {"ku", "shi", "cho", "machi", "mura", "Ward"}
# a hyphenated given name ("Ching-yu", "Seung-Hoon"); a Korean designator after the hyphen ("Jung-gu") is a district
_GIVEN_NAME_AFTER = re.compile(r" [A-Z][a-z]{1,5}-(?!(?:gu|dong|gun|si|eup|myeon|do|ri)\b)[A-Za-z][a-z]{1,5}\b(?!-)")
_NOT_PLACE_WORDS = set(vocab.load("en", "months")["names"]) | set(vocab.load("en", "months")["weekdays"]) | {
                    "mayor", "governor", "the", "this", "holy", "council",
                    "chairperson", "deputy", "vice", "president", "minister", "university", "mr", "ms"}


# for a pattern that opens on the name: what must follow it, so the pattern runs only where that
# occurs (context.matches_before)
_AFTER_NAME = {p: re.compile(p.pattern[len(f"(?P<name>{_NAME})"):]) for p in _CONTEXT_PATTERNS
               if p.pattern.startswith(f"(?P<name>{_NAME})")}


def find_places_and_countries(ctx: Context) -> None:
    gaz = get_gazetteer()
    text = ctx.folded
    hits = gaz.find(ctx.text)
    ctx.gazetteer_hits = hits
    country_hits = [h for h in hits if h.kind == "country"]
    for h in country_hits:
        entry: CountryEntry = h.entries[0]
        cand = ctx.countries.get(entry.code)
        if cand is None:
            cand = ctx.countries[entry.code] = CountryCand(entry.code, entry.name)
        cand.mentions.append((h.start, h.end))
        if entry.demonym:
            cand.demonym_spans.add((h.start, h.end))
    doc_countries = set(ctx.countries)

    by_key: dict[str, PlaceCand] = {}
    claimed: list[tuple[int, int]] = []
    for h in hits:
        if h.kind != "place":
            continue
        start, end = h.start, h.end
        kind = None
        m = _DESIGNATOR.match(text, end)
        if m:
            end = m.end()
            kind = _kind_of(m.group(0))
        elif _GIVEN_NAME_AFTER.match(text, end):
            continue  # "Yao Ching-yu", "Lee Seung-hoon": a family name before a hyphenated given name
        if text[max(0, start - 8):start] == "City of ":
            start -= 8
        near = _context_country(text, end, country_hits)
        entry = _choose(h.entries, doc_countries, near, kind)
        _add_mention(ctx, by_key, entry, text[start:end], start, end, kind)
        claimed.append((h.start, end))

    for pattern in _CONTEXT_PATTERNS:
        anchor = _AFTER_NAME.get(pattern)
        for m in matches_before(pattern, anchor, text) if anchor is not None else pattern.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            lead = re.match(r"(?:The|A|An|Our|Its|This|In|At|From|With|And) ", name)
            if lead:  # "The Alnwick Town Council"
                s += lead.end()
                name = name[lead.end():]
            if not name or _bad_name(name):
                continue
            if any(h.start < e and s < h.end for h in country_hits):
                continue  # "the cities of Korea and Japan": a country is no town of its own
            if re.search(r"[A-Z][\w-]* (?:City|Town) of $", text[max(0, s - 40):s]):
                continue  # "UNESCO Creative City of Gastronomy": a title, not a place
            inside = [k for k, (cs, ce) in enumerate(claimed) if s <= cs and ce <= e and (cs, ce) != (s, e)]
            if inside and not any(s < ce and cs < e for k, (cs, ce) in enumerate(claimed) if k not in inside):
                # "Bradford on Avon Town Council": the longer name wins over "Bradford" and "Avon"
                _drop_mentions(by_key, [claimed[k] for k in inside])
                claimed = [c for k, c in enumerate(claimed) if k not in inside]
            elif any(s < ce and cs < e for cs, ce in claimed):
                continue
            suffix = m.groupdict().get("suffix")
            full_end = m.end() if suffix else e
            if suffix in _JP_SUFFIXES:
                kind = "district" if suffix in ("ku", "Ward") else "city"
            else:
                kind = _kind_of(("-" if suffix in _KR_SUFFIXES else " ") + suffix) if suffix else "city"
            country = "KR" if suffix in _KR_SUFFIXES else "JP" if suffix in _JP_SUFFIXES else \
                _context_country(text, full_end, country_hits)
            if country is None and suffix is None:
                country = _state_country(ctx, text, full_end) or _country_before(text, s, country_hits)
            _add_mention(ctx, by_key, None, text[s:full_end], s, full_end, kind, country)
            claimed.append((s, full_end))
    _other_mentions(text, by_key, claimed)
    starts = {s for c in by_key.values() for s, _ in c.mentions} | {h.start for h in hits}
    listed = _listed_with_places(ctx, text, by_key, claimed, starts, country_hits)
    ctx.places = sorted((p for p in by_key.values() if p.mentions and (
        _has_evidence(text, p, doc_countries, starts) or any(s in listed for s, _ in p.mentions))),
                        key=lambda p: p.mentions[0][0])
    for p in ctx.places:
        p.mentions.sort()


_LIST_ITEM = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}"
_NAME_LIST = re.compile(rf"(?<![\w'-])(?:{_LIST_ITEM}, ){{2,}}(?:and )?{_LIST_ITEM}(?![\w'-])")


def _listed_with_places(ctx: Context, text: str, by_key: dict[str, PlaceCand], claimed: list[tuple[int, int]],
                        place_starts: set[int], country_hits: list) -> set[int]:
    """"signed agreements with Xi'an, Freiburg, Florence, Havana, Yash, Baalbek and Dakar": in a
    list whose items are mostly places (three or more, two thirds), the other items are places
    too, also a small town the gazetteer needs evidence for or does not know. Returns the
    starts of the items so taken."""
    listed: set[int] = set()
    if ", " not in text:
        return listed
    country_starts = {h.start for h in country_hits}
    start_country = {s: c.country for c in by_key.values() for s, _ in c.mentions}
    spans = sorted(claimed)
    span_starts = [cs for cs, _ in spans]

    def overlaps_claimed(a: int, b: int) -> bool:  # by bisection: a long list stays linear
        i = bisect.bisect_left(span_starts, b)
        return i > 0 and spans[i - 1][1] > a
    for m in _NAME_LIST.finditer(text):
        # the items between the commas, without the space and the "and" before the last one
        items = [(m.start() + i.start("item"), m.start() + i.end("item"))
                 for i in re.finditer(r"\s*(?:and\s)?(?P<item>[^,]+)", m.group(0))]
        known = sum(a in place_starts for a, _ in items)
        if known < 3 or known < 2 * len(items) / 3:
            continue
        # "Nagasaki, Shizuoka, Kushiro, Mimasaka and Goto": a list of one country's towns gives its country
        countries = {start_country.get(a) for a, _ in items if a in place_starts}
        country = countries.pop() if len(countries) == 1 else None
        for a, b in items:
            if a in place_starts:
                listed.add(a)
            elif a not in country_starts and not _bad_name(text[a:b]) and not overlaps_claimed(a, b):
                _add_mention(ctx, by_key, None, text[a:b], a, b, "city", country)
                claimed.append((a, b))
                listed.add(a)
    return listed


def _drop_mentions(by_key: dict[str, PlaceCand], spans: list[tuple[int, int]]) -> None:
    for cand in by_key.values():
        cand.mentions = [m for m in cand.mentions if not any(m[0] >= s and m[1] <= e for s, e in spans)]


def _other_mentions(text: str, by_key: dict[str, PlaceCand], claimed: list[tuple[int, int]]) -> None:
    """A place known only from context ("Alnwick Town Council") is also meant where its bare
    name appears elsewhere ("Alnwick's civic party")."""
    for cand in by_key.values():
        if cand.entry is not None or not cand.mentions:
            continue
        s0, e0 = cand.mentions[0]
        base = re.sub(r"(?:[- ](?:City|County|Province|Prefecture|gu|dong|gun|si|eup|myeon))$", "", text[s0:e0])
        for m in re.finditer(rf"(?<![\w-]){re.escape(base)}(?![\w-])", text):
            overlapping = [c for c in claimed if m.start() < c[1] and c[0] < m.end()]
            if any(not (m.start() <= cs and ce <= m.end()) or (cs, ce) == m.span() for cs, ce in overlapping):
                continue
            if overlapping:  # "Bradford on Avon" rather than "Bradford" and "Avon"
                _drop_mentions(by_key, overlapping)
                claimed[:] = [c for c in claimed if c not in overlapping]
            cand.mentions.append(m.span())
            claimed.append(m.span())


_GOVERNMENT_SUFFIX = re.compile(r"\s(?:(?:City|Metropolitan|Provincial|Prefectural|Municipal)\s)?Government$")
SMALL_TOWN = 100_000  # below this a gazetteer name is as likely an ordinary word ("Airport", "Hit", "Date")


# "the cities of Klaipeda and Parnu", "the town of Naxxar": the text says they are towns
_LISTED_AS_TOWNS = re.compile(r"\b(?:cities|towns|municipalities|city|town|village|municipality) of:?\s"
                              r"(?:[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?(?:\s\([A-Z][\w ]+\))?,?\s(?:and\s)?)*$")
GENERIC_REGION_WORDS = set(vocab.load("en", "designators")["generic_region_words"])


def _has_evidence(text: str, place: PlaceCand, doc_countries: set[str], place_starts: set[int]) -> bool:
    """A small town, or a region named by ordinary words ("Northern", "Maritime", "North West"),
    is taken only with evidence: a designator or "City of" written with it, its country named in
    the article, or a state or country written after it ("Wheeling, West Virginia"). A word
    followed by a colon is a page label ("Date: 2024-06-05"), never a place."""
    entry = place.entry
    if entry is None or entry.kr_admin_code:
        return True
    if all(text[e:e + 1] == ":" for _, e in place.mentions):
        return False
    generic_region = entry.geonames_id is None and all(
        w in GENERIC_REGION_WORDS for w in entry.name.lower().split())
    if entry.population >= SMALL_TOWN and not generic_region:
        return True
    # compared without accents: "Hit" on a page is the entry "Hīt" written bare, not with a designator;
    # a name written with its accents ("Poprád") is no English word, which is evidence enough
    written_with_designator = any(fold(surface) != fold(entry.name) or not surface.isascii()
                                  for surface in place.surfaces) or any(
        _LISTED_AS_TOWNS.search(text, max(0, s - 80), s) for s, _ in place.mentions)
    region_after = any(text[e:e + 2] == ", " and e + 2 in place_starts for _, e in place.mentions)
    return written_with_designator or region_after or entry.country in doc_countries


_VENUE_OR_BODY_WORDS = set(vocab.load("en", "venues")["venues"]) | set(vocab.load("en", "organization_heads")["heads"])


def _bad_name(name: str) -> bool:
    words = name.lower().replace("-", " ").split()
    return not words or any(w in DESIGNATOR_STOP or w in _NOT_PLACE_WORDS for w in words) or (
        words[-1] in _VENUE_OR_BODY_WORDS)  # "held in Lotte Hotel", "based in Hyundai Motor": not towns


def _kind_of(designator: str) -> str | None:
    for marker, kind in _DESIGNATOR_KIND:
        if marker in designator:
            return kind
    return None


def _context_country(text: str, end: int, country_hits: list) -> str | None:
    """Country written right after a place: "Koper, Slovenia", "Himeji in Japan", "Iizuka (Japan)"."""
    for h in country_hits:
        if h.start < end:
            continue
        gap = text[end:h.start]
        if h.start - end > 12:
            break
        if re.fullmatch(r",?\s*(?:in\s+(?:the\s+)?)?\(?", gap) and not h.entries[0].demonym:
            return h.entries[0].code
    return None


# "the Irish town of Kilmacow", "Ireland, County Kilkenny": the country written just before the town
_TOWN_AFTER_COUNTRY = re.compile(r"(?:\s(?:small |coastal |port |market )?(?:town|city|village|commune|municipality)"
                                 r"\s+of|\s*,\s*County)\s$")


def _country_before(text: str, start: int, country_hits: list) -> str | None:
    for h in country_hits:
        if h.end <= start and start - h.end <= 40 and _TOWN_AFTER_COUNTRY.fullmatch(text, h.end, start):
            return h.entries[0].code
    return None


def _state_country(ctx: Context, text: str, end: int) -> str | None:
    """"Warminster, Pennsylvania", "Mornago (Province of Varese)": the country of a known state or
    province written after it."""
    m = re.match(r"(?:,\s+|\s\((?:Province|Region|County|Department|Prefecture) of )([A-Z][a-z]+(?: [A-Z][a-z]+)?)",
                 text[end:end + 40])
    if not m:
        return None
    for p in ctx.places if ctx.places else []:
        if p.name == m.group(1):
            return p.country
    for h in ctx.gazetteer_hits:
        if h.start == end + m.start(1) and h.kind == "place":
            return h.entries[0].country
    return None


def _choose(entries: tuple, doc_countries: set[str], near: str | None, kind: str | None) -> PlaceEntry:
    def score(e: PlaceEntry) -> float:
        s = e.weight
        if near and e.country == near:
            s += 10
        if e.country in doc_countries:
            s += 2
        if e.country == "KR":
            s += 0.5  # most articles of this kind come from Korean cities
        if kind and kind in ("province", "prefecture", "state") and e.kind == kind:
            s += 1
        if kind == "city" and e.kind == "city":
            s += 2  # "Jeju City", "Bac Ninh city": written as a city, it is the city beside its same-named province
        return s

    return max(entries, key=score)


def _add_mention(ctx: Context, by_key: dict[str, PlaceCand], entry: PlaceEntry | None, surface: str,
                 start: int, end: int, kind: str | None, country: str | None = None) -> None:
    surface = ctx.text[start:end]
    if entry is not None:
        key = f"{entry.country}:{entry.name}"
        known = by_key.get(key)
        if known is not None and known.entry is not entry and getattr(known.entry, "kind", None) != entry.kind \
                and kind == entry.kind:
            key += f":{kind}"  # "Bac Ninh city" beside "Bac Ninh province": two places of one name
        if key not in by_key:
            # "Gwangju" the metropolitan city and the city are one name: keep the entry first met;
            # "Taipei City Government" is the place Taipei (the government's name stays an alias)
            by_key[key] = PlaceCand(_GOVERNMENT_SUFFIX.sub("", surface) or surface, entry.country,
                                    kind or entry.kind, entry)
    else:
        base = re.sub(r"(?:[- ](?:City|County|Province|Prefecture|gu|dong|gun|si|eup|myeon))$", "", surface)
        key = f"?:{base}"
        for k, cand in by_key.items():
            if cand.entry is not None and cand.name.split(" ")[0] == base:
                key = k
        if key not in by_key:
            by_key[key] = PlaceCand(surface, country, kind)
    cand = by_key[key]
    cand.mentions.append((start, end))
    if surface not in cand.surfaces:
        cand.surfaces.append(surface)
    if kind and cand.kind in (None, "city") and kind != "city":
        cand.kind = kind
