"""People and their titles.

A person is found where the text marks one: a title before a name ("Busan
Mayor Park Heong-joon"), an appositive title after it ("Tomaz Kovac, the
Ambassador of Croatia to Japan"), a title then a name ("The Mayor of
Lahore, Farid Qureshi"), or a name shaped like a Korean name or with a
middle initial. Short forms ("Mayor Park") become aliases of the full name.
"""

from __future__ import annotations

import functools
import re

from . import vocab
from .context import (
    Context,
    CountryCand,
    OrgCand,
    PersonCand,
    PlaceCand,
    SpanCover,
    main_place,
    matches_before,
)
from .names import family_key, looks_korean, same_person, split_name
from .text import fold

# (regex of the written title, normalised title); longest first where they share words
_TITLES: list[tuple[str, str | None]] = [tuple(pair) for pair in vocab.load("en", "titles")["titles"]]
_TITLE_RE = "(?i:" + "|".join(f"(?:{t})" for t, _ in _TITLES) + ")"
# a name word: "Muller", "McKenzie", "O'Malley", "Heong-joon", "O-Bong" (a one-letter syllable before a hyphen)
_TOK = r"(?:[A-Z]\.(?=[A-Z][a-z]))?(?:O'[A-Z][a-z]+|(?:[A-Z][a-z]+|[A-Z](?=-[A-Za-z]))(?:[A-Z][a-z]+)?(?:'[A-Za-z][a-z]+)?(?:-[A-Za-z][a-z]+)?)"
# a later name word, which may follow a particle ("Jan de Wit", "Ursula von der Leyen")
_MID = r"(?:(?:de|van|von|der|den|da|du|le|bin) (?=[a-zA-Z]))?(?:" + _TOK + r"|\"[A-Z][a-z]+\"|(?:[A-Z]\.)*[A-Z]\.?(?![\w']))"
# a family name may be written in capitals before the given name ("ZHANG Yingchun", "KIM Hak-hong")
_NAME = rf"(?P<name>(?:[A-Z]{{2,8}}(?= [A-Z][a-z])|{_TOK})(?: {_MID}){{0,3}}(?: (?:III|II|IV|Jr\.))?)"
_ONE = rf"(?P<name>{_TOK})"
_LEAD = r"(?P<lead>(?:[A-Z][\w'-]*\s){0,4}?)"
_POSS = r"(?P<poss>(?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*'s\s|[a-z]+'s\s|its\s|his\s|her\s|their\s)?"
_DEMO = r"(?P<demo>(?!(?i:vice|deputy|executive|first|acting|interim|county|party|town|assistant|managing|special|prime|secretary|consul|director|chief)\b)[A-Z][a-z]+\s)?"
_ORD = r"(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|former|current|then)\s)?"
_TAIL = r"(?P<tail>(?:\s(?:of|at|to|in|for)\s(?:the\s)?[^,;.()]{2,90})?)"

_LEAD_BACK = re.compile(r"(?:[A-Z][\w'-]{0,30}\s){1,4}$")
_BEFORE = re.compile(rf"\b(?P<title>{_TITLE_RE})\s(?:\((?P<paren>{_TITLE_RE})\)\s)?(?:(?P<prep>in|to)\s(?P<loc>(?:[A-Z][\w-]*\s){{0,3}}City\s|(?:South\s|North\s)?[A-Z][a-z]+\s))?{_NAME}(?P<of2>\sof\s(?:[A-Z][\w-]*\s?){{1,4}})?")
# "President ARAKI KEIJI": a name written all in capitals, read only right after a title
_BEFORE_CAPS = re.compile(rf"\b(?P<title>{_TITLE_RE})\s(?P<name>[A-Z]{{2,12}}\s[A-Z]{{2,12}})(?![\w'-])")
_APPOS = re.compile(rf"{_NAME},\s(?:the\s|a\s|an\s|who\sis\s(?:the\s|an?\s)?|who\sserves\sas\s(?:the\s|an?\s)?)?(?:former\s)?{_POSS}{_DEMO}{_ORD}(?P<title>{_TITLE_RE})\b(?! [A-Z][a-z]){_TAIL}")
_CHAIRS = re.compile(rf"{_NAME},\swho\s(?:chairs|heads|leads)\s(?:the\s)?(?P<tail>[^,;.]{{3,90}})")
# "The Mayor of Lahore, Farid Qureshi, said" / "Minister for Housing, Mere Tuilagi says"
_TITLE_THEN_NAME = re.compile(rf"\b(?P<title>{_TITLE_RE})(?P<tail>\s(?:of|for|in|to)\s(?:the\s)?[A-Z](?:(?!\s(?:and|with)\s)[^,;.]){{1,60}}"
                              rf"(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,))?)?,\s(?:Dr\.?\s)?{_NAME}"
                              r"(?=[,;]|\s+[a-z]|\.|\s*$)")
# "the Japan Town Mayors Association (JTMA) delegation led by President SATO": the body that sent it
_DELEGATION_LED_BY = re.compile(r"\bdelegation,?\s(?:was\s)?(?:led|headed)\sby\s(?:the\s)?$")


def _delegation_leader_of(ctx: Context, title_start: int) -> tuple[str | None, object | None]:
    """The body (else the place) whose delegation the titled person leads, named just before it."""
    led = _DELEGATION_LED_BY.search(ctx.lower, max(0, title_start - 40), title_start)
    if led is None:
        return None, None
    sent = ctx.sentence_of(title_start)
    items = [it for _, it in ctx.entities_in(max(sent[0], led.start() - 80), led.start())
             if type(it).__name__ in ("OrgCand", "PlaceCand", "CountryCand")]
    orgs = [it for it in items if type(it).__name__ == "OrgCand"]
    chosen = (orgs or items or [None])[-1]
    return (_surface(ctx, chosen, sent[0], led.start()), chosen) if chosen is not None else (None, None)


_PORTFOLIO_GOES_ON = re.compile(r"\s(?:and|&)\s[A-Z]")
_POSTED_IN = re.compile(r"\s(?:in|to)\s")
_NAME_THEN_COMMA = re.compile(r"[A-Z][a-z]+,\s(?:the\s)?(?:[A-Z][a-z]+\s)?$")
# "Mayor of Leeds Anna Hart", "Chairman of Bishkek city Aibek Toktogulov": the body the
# title belongs to, then the name, with no comma between them
_TITLE_OF_BODY_NAME = re.compile(
    rf"\b(?P<title>{_TITLE_RE})\s(?:of|for)\s(?:the\s)?(?P<body>(?:(?:municipal|provincial|city|district|county|state)\s)?"
    rf"[A-Z][\w'.-]*(?:\s(?:of|and|the|for|city|province|"
    rf"prefecture|municipal|provincial|county|district|state|[A-Z][\w'.-]*)){{1,12}})")
# "... Anna Hart and the Mayor of Bradford": a second title ends the first body
_NEXT_TITLE = re.compile(rf"\s(?:and|with|met|told)\s(?:the\s)?(?={_TITLE_RE}\b)", re.I)
_DESIGNATOR_WORDS = {"city", "metropolitan", "province", "provincial", "county", "district", "prefecture",
                     "state", "municipality", "special", "self-governing", "region", "town", "ward"}
_KOREAN = re.compile(r"\b(?P<name>[A-Z][a-z]+\s[A-Z][a-z]+-[a-z]+|[A-Z][a-z]+-[a-z]+\s[A-Z][a-z]+)\b")
_INITIAL = re.compile(r"\b(?P<name>[A-Z][a-z]+\s[A-Z]\.?\s(?:O')?[A-Z][a-z]+)\b")
# "By Laura Mendes", "Report by Paul Ndiho.", "Written by ..." on a line of its own
_BYLINE = re.compile(r"(?:^|\n|\.\s)\s*(?:(?:[Rr]eport(?:ed)?|[Ww]ritten|[Ss]tory|[Ww]ords|[Pp]hotos?)\s)?[Bb]y\s"
                     r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\.?\s*(?:\n|$)")
_SOURCE_PERSON = re.compile(r"(?:^|\n)\s*Source\s*:\s*(?:Lady|Sir|Dame|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})")
# a page's credit field, often glued to the next field: "Time:2017-03-05Editor:Wang LeiResource:..."
_CREDIT_FIELD = re.compile(r"(?P<title>Editor|Reporter|Writer|Author|Photographer)\s?:\s?"
                           r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?=[A-Z]|\s|$|[,.;|])")
_COURTESY = re.compile(rf"\bcourtesy of {_NAME}")
_LISTED = re.compile(rf"\b(?:including|such as|among them|joined by) (?P<list>{_TOK} {_TOK}(?:, {_TOK} {_TOK})*,? and {_TOK} {_TOK})")
_PLURAL_TITLES: dict[str, str] = vocab.load("en", "titles")["plurals"]
# "Councilmembers Mercurio Martinez III, Nelly Vielma, and Jose Valdez": one title, several names
_PLURAL_LIST = re.compile(
    r"\b(?P<title>(?i:" + "|".join(re.escape(t) for t in sorted(_PLURAL_TITLES, key=len, reverse=True)) + r"))\s"
    rf"(?P<list>{_TOK}(?: {_MID}){{1,3}}(?: III| II| Jr\.)?(?:,? (?:and )?{_TOK}(?: {_MID}){{1,3}}(?: III| II| Jr\.)?)*)")
_OF_ORG = re.compile(rf"{_NAME} of (?:the )?(?P<tail>[A-Z][^,;.]{{3,80}})")

_STOP = vocab.load("en", "person_stop_words")
_LEADING_TITLES = set(_STOP["leading_titles"])
# words of a body's name ("Club", "Institute") are never words of a person's name; venues are
# left out on purpose ("Park" is a family name)
_MONTHS = vocab.load("en", "months")
_NOT_NAME_WORDS = (set(_STOP["not_name_words"]) | set(vocab.load("en", "organization_heads")["heads"])
                   | set(_MONTHS["names"]) | set(_MONTHS["weekdays"]))
# sentence-initial words and headline verbs next to a name ("But Tanaka Yasushi", "Song Jingwu Meets")
_EDGE_WORDS = set(_STOP["edge_words"])


@functools.lru_cache(maxsize=4096)
def _norm_title(raw: str) -> str | None:
    low = raw.lower().strip()
    for pattern, norm in _TITLES:
        if re.fullmatch(pattern, low):
            return norm
    return raw.title()


def _trim_name(ctx: Context, name: str, start: int) -> tuple[str, int]:
    """Take off what is not the name: a courtesy or leading title ("Excellency Hussain Al Hammadi"),
    the end of a country or place written before it ("Viet Nam Xiong Bo"), and sentence-initial
    words or headline verbs at either end."""
    words = name.split(" ")
    reach = _lookups(ctx).places_and_countries.reach_before(start)
    inside = reach > start  # the name starts inside a place's or country's mention, which ends at reach
    while len(words) > 3 and " ".join(words[:2]).lower() in _LEADING_TITLES:  # "Tan Sri Annuar Musa"
        start += len(words[0]) + len(words[1]) + 2
        words = words[2:]
    while len(words) > 1 and (words[0].lower().rstrip(".") in _LEADING_TITLES or words[0] in _EDGE_WORDS
                              or (inside and start < reach)):
        start += len(words[0]) + 1
        words = words[1:]
    while len(words) > 1 and words[-1] in _EDGE_WORDS:
        words = words[:-1]
    if words[0] in _EDGE_WORDS:  # nothing but such words ("Reunite After")
        return "", start
    return " ".join(words), start


def _ends_a_place(ctx: Context, start: int) -> bool:
    return _lookups(ctx).places_and_countries.reach_before(start) > start


class _Lookups:
    """The spans the name checks ask about, indexed once per text (the checks ran for every
    candidate over every place and organization: quadratic in long texts)."""

    def __init__(self, ctx: Context) -> None:
        places = [m for item in ctx.places for m in item.mentions]
        countries = [m for item in ctx.countries.values() for m in item.mentions]
        self.places_and_countries = SpanCover(places + countries)
        self.countries = SpanCover(countries)
        self.org_spans = SpanCover([o.span for o in ctx.organizations])


_LOOKUPS: list = [None, None, None]  # [ctx, key, lookups]: the text being read


def _lookups(ctx: Context) -> _Lookups:
    key = (id(ctx.places), len(ctx.places), len(ctx.countries), id(ctx.organizations), len(ctx.organizations))
    if _LOOKUPS[0] is not ctx or _LOOKUPS[1] != key:
        _LOOKUPS[:] = [ctx, key, _Lookups(ctx)]
    return _LOOKUPS[2]


def _big_place_named(ctx: Context, start: int, end: int) -> bool:
    """"Mayor Seoul" is not a surname: a single word after a title that is a large city's name."""
    place = ctx.place_at(start, end)
    return place is not None and (getattr(place.entry, "population", 0) or 0) > 300_000


def _valid_name(ctx: Context, name: str, start: int, end: int, single_ok: bool = False,
                check_places: bool = True) -> bool:
    words = name.replace('"', "").split()
    if not words or (len(words) == 1 and not single_ok):
        return False
    if any(w.lower().strip(".,") in _NOT_NAME_WORDS for w in words):
        return False
    spans = _lookups(ctx)
    if (spans.places_and_countries if check_places else spans.countries).covers(start, end):
        return False  # inside a place's or country's name
    kinds = (PlaceCand, CountryCand) if check_places else (CountryCand,)
    for s, e, item in ctx.mentions_in(start, end):
        if isinstance(item, kinds) and (e - s) >= (end - start) - 1:
            return False  # (nearly) all of it is a place's or country's name
        if isinstance(item, OrgCand):
            return False  # "CPAFFC Vice ...": a body's acronym
    return not spans.org_spans.covers(start, end)


def find_people(ctx: Context) -> None:
    text = ctx.folded
    found: list[PersonCand] = []
    singles: list[tuple[str, tuple[int, int], str | None, str | None]] = []

    def add(name: str, s: int, e: int, title_raw: str | None, of: str | None, of_obj: object | None,
            to: str | None = None) -> None:
        name, s = _trim_name(ctx, name.strip().rstrip(","), s)
        e = s + len(name)
        if " " not in name.replace('"', ""):
            if _ends_a_place(ctx, s):
                return  # "Consul General in Chiang Mai": the word after the title ends a place's name
            # after a title ("Mayor Saito") a name may also be a town's name
            if _valid_name(ctx, name, s, e, single_ok=True, check_places=title_raw is None) and \
                    not _big_place_named(ctx, s, e):
                singles.append((name, (s, e), title_raw, of))
            return
        if not _valid_name(ctx, name, s, e):
            return
        title = _norm_title(title_raw) if title_raw else None
        if title in _CITY_TITLES and type(of_obj).__name__ == "CountryCand":
            of, of_obj = None, None  # "the mayor of Kenya's third largest city": a mayor's is a city
        cand = PersonCand(name=ctx.text[s:e], span=(s, e), title=title, title_raw=title_raw, of=of,
                          of_obj=of_obj, to=to, mentions=[(s, e)])
        found.append(cand)

    for m in matches_before(_APPOS, _APPOS_ANCHOR, text):
        if _names_another(ctx, m.start("title")):
            continue  # "led by Governor Park, Secretary of Quang Ninh's Party Committee Tran Van Hung said": Tran's title
        of, of_obj, to = _title_target(ctx, m, m.group("title"))
        add(m.group("name"), m.start("name"), m.end("name"), m.group("title"), of, of_obj, to)
    for m in matches_before(_CHAIRS, _CHAIRS_ANCHOR, text):
        org = _org_at(ctx, m.start("tail"), m.end("tail"))
        add(m.group("name"), m.start("name"), m.end("name"), "Chairperson",
            org.name if org else None, org)
    for m in _matches_at_titles(_TITLE_THEN_NAME, text, ctx.lower):
        if _POSTED_IN.match(m.group("tail") or "") and _NAME_THEN_COMMA.search(text, max(0, m.start() - 60), m.start()):
            continue  # "Komate K., Thailand Consul General in Chengdu, Chao X.": the title is the name's before it
        if " " not in m.group("name") and _PORTFOLIO_GOES_ON.match(text, m.end("name")):
            continue  # "the Executive Director, Harbour and Logistics, KPA, ...": a portfolio, not a name
        of, of_obj, to = _title_target(ctx, m, m.group("title"))
        add(m.group("name"), m.start("name"), m.end("name"), m.group("title"), of, of_obj, to)
    covered_to = -1
    for m in _matches_at_titles(_TITLE_OF_BODY_NAME, text, ctx.lower, overlapping=True):
        if m.start() < covered_to:
            continue
        split = _body_then_name(ctx, m)
        # "Chairman of Bishkek city Aibek Toktogulov and Governor of Almaty city Serik Nurlanov": the
        # second title starts after the first name, inside what the first match spanned
        covered_to = m.end() if split is None else split[2]
        if split is not None:
            body_end, name_start, end = split
            obj = _body_named(ctx, m.start("body"), body_end)
            add(text[name_start:end], name_start, end, m.group("title"),
                _surface(ctx, obj, m.start("body"), body_end) if obj is not None else None, obj)
    for m in (*_matches_at_titles(_BEFORE, text, ctx.lower), *_matches_at_titles(_BEFORE_CAPS, text, ctx.lower)):
        # "Councilor (Chairman) Lee Seung-joo": the role in brackets is the one held
        title = m.groupdict().get("paren") or m.group("title")
        if title[0].islower() and not re.match(r"(deputy|vice|town|interim)", title):
            # lower-case "mayor Park" is rare; "the mayor said" is common
            pass
        back = _LEAD_BACK.search(text, max(0, m.start() - 80), m.start())
        of, of_obj, to = _title_target(ctx, m, title, back.span() if back else None)
        if of is None:
            of, of_obj = _delegation_leader_of(ctx, m.start())
        if m.groupdict().get("of2"):
            obj = _entity_in(ctx, m.start("of2"), m.end("of2"))
            if obj is not None:
                of, of_obj = _name(obj), obj
        add(m.group("name"), m.start("name"), m.end("name"), title, of, of_obj, to)
    for m in _LISTED.finditer(text):
        for nm in re.finditer(rf"{_TOK} {_TOK}", m.group("list")):
            add(nm.group(0), m.start("list") + nm.start(), m.start("list") + nm.end(), None, None, None)
    for m in _PLURAL_LIST.finditer(text) if any(t in ctx.lower for t in _PLURAL_TITLES) else ():
        title = _PLURAL_TITLES[m.group("title").lower()]
        for nm in re.finditer(rf"{_TOK}(?: {_MID}){{1,3}}(?: III| II| Jr\.)?", m.group("list")):
            s0 = m.start("list") + nm.start()
            add(nm.group(0), s0, s0 + len(nm.group(0)), title, None, None)
    for m in matches_before(_OF_ORG, _OF_ORG_ANCHOR, text):
        org = _org_at(ctx, m.start("tail"), m.start("tail") + 2)
        if org is not None and not any(m.start("name") < p.span[1] and p.span[0] < m.end("name") for p in found):
            add(m.group("name"), m.start("name"), m.end("name"), None, org.name, org)
    for m in _BYLINE.finditer(text):
        name = m.group("name")
        if " " not in name and _valid_name(ctx, name, m.start("name"), m.end("name"), single_ok=True):
            found.append(PersonCand(name=name, span=m.span("name"), mentions=[m.span("name")]))
    for m in _CREDIT_FIELD.finditer(text):
        if m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha():
            continue  # inside a word ("SubEditor:"); checked here, not by a look-behind: the scan is faster
        add(m.group("name"), m.start("name"), m.end("name"), m.group("title"), None, None)
    for pattern in (_KOREAN, _INITIAL, _BYLINE, _COURTESY, _SOURCE_PERSON):
        for m in pattern.finditer(text):
            name = m.group("name")
            if pattern is _KOREAN and not looks_korean(name):
                continue
            add(name, m.start("name"), m.end("name"), None, None, None)

    people = _merge(found)
    _attach_singles(ctx, people, singles)
    ctx.people = sorted(people, key=lambda p: p.span[0])


_TITLE_START = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in vocab.load("en", "titles")["starts"]) + ")")


_STARTS_CACHE: dict[int, tuple[str, list[int]]] = {}


def _title_starts(low: str) -> list[int]:
    """Where title words start in the lower-cased text; found once per text for all the patterns."""
    cached = _STARTS_CACHE.get(id(low))
    if cached is None or cached[0] is not low:
        _STARTS_CACHE.clear()
        cached = _STARTS_CACHE[id(low)] = (low, [t.start() for t in _TITLE_START.finditer(low)])
    return cached[1]


def _matches_at_titles(pattern: re.Pattern[str], text: str, low: str, overlapping: bool = False) -> list[re.Match[str]]:
    """Run a title-first pattern only where a title word starts (much faster than a full scan);
    `overlapping`: also at title words inside an earlier match (the caller decides which to keep)."""
    out: list[re.Match[str]] = []
    last_end = -1
    for start in _title_starts(low):
        if start < last_end:
            continue
        m = pattern.match(text, start)
        if m:
            out.append(m)
            last_end = -1 if overlapping else m.end()
    return out


# What a pattern that opens on a name needs right after it: tried only at the capitals of the words
# just before one (a scan of every position of the text was a fifth of the people step).
_APPOS_ANCHOR = re.compile(r",\s")
_CHAIRS_ANCHOR = re.compile(r",\swho\s(?:chairs|heads|leads)\s")
_OF_ORG_ANCHOR = re.compile(r" of ")
_BODY_TRAILER = re.compile(r"(?:[.,']|\s(?:and|the|of|for|with))+$")


_SENTENCE_END = re.compile(r"\n|(?<=[a-z]{2})\.\s")


def _body_then_name(ctx: Context, m: re.Match[str]) -> tuple[int, int, int] | None:
    """(end of the body, start and end of the name) in "<title> of <body> <Name>", if a name is there."""
    text = ctx.folded
    nxt = _NEXT_TITLE.search(text, m.start("body"), m.end("body"))
    end = _body_end(text, m.start("body"), nxt.start() if nxt else m.end("body"))
    split = _split_body_and_name(ctx, m.start("body"), end)
    return None if split is None else (split[0], split[1], end)


def _names_another(ctx: Context, title_start: int) -> bool:
    """Whether the title at title_start is followed by "of <body> <Name>": the title of that name."""
    m = _TITLE_OF_BODY_NAME.match(ctx.folded, title_start)
    split = _body_then_name(ctx, m) if m else None
    if split is None:
        return False
    name, start = _trim_name(ctx, ctx.folded[split[1]:split[2]], split[1])
    return " " in name and _valid_name(ctx, name, start, start + len(name))


def _body_end(text: str, start: int, end: int) -> int:
    """"vice governor of Nara Prefecture Kenji Morita and deputy mayor ...", "... Aiko
    Fujimura.": the joining words and the full stop after the name are not part of it, nor is what
    follows a line break or the end of the sentence ("St." and initials do not end one)."""
    stop = _SENTENCE_END.search(text, start, end)
    end = stop.start() if stop else end
    trailer = _BODY_TRAILER.search(text, start, end)
    return trailer.start() if trailer else end


def _split_body_and_name(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """Where the body ends and the person's name begins in "<body> <Name>": after the last place,
    country or organization named there (and its designator: "Dushanbe city"), else before the last
    two words."""
    text = ctx.folded
    ends = [e for item in (*ctx.places, *ctx.countries.values(), *ctx.organizations)
            for s, e in getattr(item, "mentions", []) if start <= s and e < end]
    # the latest place that leaves a name of two to four words: in "Vilnius Jaroslaw Kaminski" the
    # town Jaroslaw is the given name
    for body_end in sorted(set(ends), reverse=True):
        words = list(re.finditer(r"\S+", text[body_end:end]))
        while words and (words[0].group(0).lower() in _DESIGNATOR_WORDS or not words[0].group(0)[0].isupper()):
            words = words[1:]
        if 2 <= len(words) <= 4:
            return body_end, body_end + words[0].start()
        if len(words) > 4:
            return None
    if ends:
        return None
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 3:
        return None
    # "Secretary of the municipal Party Committee Le Thi Mai": the name follows the body's head word
    heads = [i for i, w in enumerate(words[:-2]) if w.group(0).lower() in _BODY_HEADS]
    if heads and 2 <= len(words) - heads[-1] - 1 <= 4:
        return start + words[heads[-1]].end(), start + words[heads[-1] + 1].start()
    if any(w.group(0).lower() in _BODY_HEADS or w.group(0).lower() in _UNIT_WORDS for w in words[-2:]):
        return None  # "Director of the Coastal Water Planning Division": the body's own last words
    return start + words[-3].end(), start + words[-2].start()


_BODY_HEADS = set(vocab.load("en", "organization_heads")["heads"]) - {"co", "co.", "inc.", "ltd."}
_UNIT_WORDS = set(_STOP["unit_words"])


def _body_named(ctx: Context, start: int, end: int) -> object | None:
    """The organization a title belongs to when one is named there, else the place or country."""
    org = _org_at(ctx, start, end)
    return org if org is not None else _entity_in(ctx, start, end)


def _body_just_before(ctx: Context, title_start: int) -> OrgCand | None:
    """An organization whose name ends right before a title owns the role
    ("Lautoka City Council Acting Chief Executive Officer Sione Vaka")."""
    for org in ctx.organizations:
        if any(0 <= title_start - e <= 12 and _ROLE_MODIFIER.fullmatch(ctx.lower[e:title_start])
               for _, e in org.mentions):
            return org
    return None


_ROLE_MODIFIER = re.compile(r"\s?(?:(?:acting|interim|former|outgoing|incoming|new)\s)?")


def _name(obj: object) -> str:
    return getattr(obj, "name", None) or str(obj)


def _org_at(ctx: Context, start: int, end: int) -> OrgCand | None:
    for o in ctx.organizations:
        if start <= o.span[0] < end:
            return o
    return None


def _entity_in(ctx: Context, start: int, end: int) -> object | None:
    """What "of ..." names: a place ("of South Korea's Daegu" -> Daegu), else an organization or country."""
    items = [it for _, it in ctx.entities_in(start, end)]
    places = [it for it in items if type(it).__name__ == "PlaceCand"]
    if places:
        return places[-1]
    org = _org_at(ctx, start, end)
    if org is not None:
        return org
    countries = [it for it in items if type(it).__name__ == "CountryCand"]
    return countries[0] if countries else None


def _surface(ctx: Context, item: object, start: int, end: int) -> str:
    """A country as the text writes it here ("South Korea"), other items by name."""
    if type(item).__name__ == "CountryCand":
        for s, e in item.mentions:
            if start <= s and e <= end and (s, e) not in item.demonym_spans:
                return ctx.text[s:e]
    return _name(item)


def _country_named(ctx: Context, surface: str) -> object | None:
    for c in ctx.countries.values():
        for s, e in c.mentions:
            if ctx.folded[s:e] == surface:
                return c
    return None


def _title_target(ctx: Context, m: re.Match[str], title: str,
                  lead: tuple[int, int] | None = None) -> tuple[str | None, object | None, str | None]:
    """What a title belongs to ("of"), and for envoys where they are posted ("to")."""
    gd = m.groupdict()
    norm = _norm_title(title) or ""
    envoy = norm in ("Ambassador", "Consul General", "Consul", "Deputy Consul General", "Envoy")
    to = None
    if gd.get("prep") == "to" and gd.get("loc"):  # "Ambassador to Korea Nguyen Vu Tung"
        c = _country_named(ctx, gd["loc"].strip())
        to = c.code if c is not None else None
    tail = gd.get("tail") or ""
    if _OF_PARTNER.match(tail):
        tail = ""  # "the mayor of our sister city of Kaohsiung" is not Kaohsiung's mayor
    tail_start = m.start("tail") if gd.get("tail") else m.end()
    if tail:
        tm = re.search(r"\bto\s(?:the\s)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)", tail)
        if tm:
            c = _country_named(ctx, tm.group(1))
            to = c.code if c is not None else None
    candidates: list[object] = []
    # "X's Consul General", "Busan Mayor ...", "Japanese Consul General"
    for key in ("poss", "demo"):
        if gd.get(key):
            for _, item in ctx.entities_in(m.start(key), m.end(key)):
                candidates.append(item)
    if lead is not None:
        body = _body_just_before(ctx, m.start())
        if body is not None and not envoy:  # "Port of Ghent President Els Maes"
            return body.name, body, to
        candidates += [item for _, item in ctx.entities_in(*lead)]
    if tail:
        ofm = re.match(r"\s(?:of|for)\s", tail)
        org = _org_at(ctx, tail_start, tail_start + len(tail))
        ents = [it for _, it in ctx.entities_in(tail_start, tail_start + len(tail))]
        if org is not None and not envoy:
            return org.name, org, to
        if ofm and ents:
            first = ents[0]
            if not (envoy and type(first).__name__ == "PlaceCand" and candidates):
                return _surface(ctx, first, tail_start, tail_start + len(tail)), first, to
    if candidates:
        if envoy:
            countries = [c for c in candidates if type(c).__name__ == "CountryCand"]
            if countries:
                return _surface(ctx, countries[-1], m.start(), m.end()), countries[-1], to
        last = candidates[-1]
        return _surface(ctx, last, m.start(), m.end()), last, to
    return None, None, to


def _merge(found: list[PersonCand]) -> list[PersonCand]:
    people: list[PersonCand] = []
    for cand in sorted(found, key=lambda c: c.span[0]):
        match = None
        for p in people:
            if same_person(p.name, cand.name) and (not p.title or not cand.title or p.title == cand.title
                                                    or p.name == cand.name):
                match = p
                break
        if match is None:
            fam, given = split_name(cand.name)
            cand.family_name, cand.given_name = fam, given
            people.append(cand)
            continue
        match.mentions.append(cand.span)
        if cand.name != match.name and cand.name not in match.aliases:
            match.aliases.append(cand.name)
        if match.title is None and cand.title:
            match.title, match.title_raw = cand.title, cand.title_raw
        if match.of is None and cand.of:
            match.of, match.of_obj = cand.of, cand.of_obj
        if match.to is None:
            match.to = cand.to
    return people


def _attach_singles(ctx: Context, people: list[PersonCand], singles: list) -> None:
    """"Mayor Park" -> alias of Park Heong-joon; "Mayor Murray" alone -> a person "Murray"."""
    for name, span, title_raw, of in singles:
        title = _norm_title(title_raw) if title_raw else None
        token = family_key(fold(name))
        options = [p for p in people if any(family_key(t) == token for t in fold(p.name).replace("-", " ").split())]
        same_title = [p for p in options if title and p.title == title]
        target = (same_title or options or [None])[0]
        alias = f"{title_raw.strip()} {name}" if title_raw else name
        if target is None:
            if title is None or title in ("Council Member",):
                continue
            target = PersonCand(name=name, span=span, title=title, title_raw=title_raw, of=of,
                                family_name=name, mentions=[])
            people.append(target)
        target.mentions.append(span)
        if alias not in target.aliases and alias != target.name:
            target.aliases.append(alias)
        if target.title is None and title and title != "Council Member":
            target.title, target.title_raw = title, title_raw


_DESTINATION = re.compile(r"\b(?:to|in|into)\s(?:the\s)?$")


def _own_side(candidates: list[object], home: object | None, national: bool) -> object:
    """Of the places (or countries) named before a title in its sentence, the one the role belongs
    to: the article's own place when it is among them ("Chengdu signed ... with Chiang Mai,
    Thailand. ... Mayor Tang" is Chengdu's mayor; the partner is named nearest), else the nearest."""
    if home is not None:
        for item in candidates:
            if item is home or (national and getattr(item, "code", None) == getattr(home, "country", None)):
                return item
    return candidates[-1]


_CREDIT_TITLES = {"Editor", "Reporter", "Writer", "Author", "Photographer"}
_OUR_OWN = re.compile(r"\bour\s(?:(?:own|then|new|former|current)\s)?[a-z]+(?:\s[a-z]+)?,?\s"
                      r"(?:(?:cllr|councillor|councilor|mr|mrs|ms|dr)\.?\s)?$")
_ONE_PER_PLACE = {"Mayor", "Governor"}
_CITY_TITLES = {"Mayor", "Deputy Mayor"}
_OF_PARTNER = re.compile(r"\s(?:of|for)\s(?:the\s|a\s|its\s)?(?:sister|twin|partner|friendship)[- ](?:city|town|province|state)\sof\b")
NATIONAL_TITLES = {"President", "Vice President", "Prime Minister", "Minister", "Vice Minister", "King",
                   "Queen", "Prince", "Member of Parliament"}
ENVOY_TITLES = {"Ambassador", "Consul General", "Consul", "Deputy Consul General", "Envoy"}


def resolve_titles(ctx: Context) -> None:
    """A title without its "of": envoys and heads of state take the country named
    nearest before them, others the place named just before (same sentence, then
    the text before it), else the article's main place."""
    home = main_place(ctx)
    for p in ctx.people:
        if p.title is None or p.of or p.title in _CREDIT_TITLES:
            continue  # a page's editor or reporter is of no place the article is about
        if any(_OUR_OWN.search(ctx.lower, max(0, s - 50), s) for s, _ in p.mentions or [p.span]):
            continue  # "our own mayor, Cllr Ruth B.": the writer's own town, which the text does not name
        # a city has one mayor: "Zhuang, mayor of Xiamen, met with Mayor Tomonaga" - Xiamen is taken
        taken = [q.of_obj for q in ctx.people if q is not p and q.title == p.title and q.of_obj is not None
                 and p.title in _ONE_PER_PLACE]
        national = p.title in ENVOY_TITLES or p.title in NATIONAL_TITLES
        kinds = ("CountryCand",) if national else ("PlaceCand",)
        city_title = p.title in ("Mayor", "Deputy Mayor")
        spans = sorted(p.mentions or [p.span])
        chosen = None
        for s, _ in spans:
            sent = ctx.sentence_of(s)
            # an envoy represents a country, never the one they are posted to ("Ambassador to the US")
            before = [it for _, it in ctx.entities_in(sent[0], s) if type(it).__name__ in kinds
                      and not (city_title and getattr(it, "kind", None) in ("province", "state", "prefecture"))
                      and not (p.to and getattr(it, "code", None) == p.to) and all(it is not t for t in taken)]
            if before:
                chosen = _own_side(before, home, national)
                break
        if chosen is None:
            first = spans[0][0]
            before = [it for _, it in ctx.entities_in(0, first) if type(it).__name__ in kinds
                      and not (city_title and getattr(it, "kind", None) in ("province", "state", "prefecture"))
                      and all(it is not t for t in taken)]
            sent = ctx.sentence_of(first)
            # "on the sidelines of Prime Minister X's official visit to Russia": where they went, not theirs
            after = [it for s, it in ctx.entities_in(first, sent[1]) if type(it).__name__ in kinds
                     and not _DESTINATION.search(ctx.lower, max(0, s - 12), s)]
            chosen = (_own_side(before, home, national) if before else None) or (after[0] if after and national else None)
            if chosen is None and not national:
                chosen = home
        if chosen is not None:
            p.of, p.of_obj = _surface(ctx, chosen, 0, len(ctx.text)) if national else _name(chosen), chosen
