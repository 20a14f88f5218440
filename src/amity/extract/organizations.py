"""Organizations: capitalised name chunks that carry an organization head word
("Port Authority", "Institute", "Consulate General", "Council", "Alliance"...),
acronyms defined in brackets, and the publisher of the page. Venues (hotels,
halls, museums) and city governments ("Busan City") are not organizations."""

from __future__ import annotations

import re

from . import vocab
from .context import Context, FirstPlaceAt, OrgCand, PlaceCand, SpanCover
from .text import fold

# The vocabulary lives in lang/en/*.json (one place to add a head word, a venue or a title word).
HEADS: dict[str, str] = vocab.load("en", "organization_heads")["heads"]
VENUES: set[str] = set(vocab.load("en", "venues")["venues"])
# Titles that start a chunk but are not part of the organization ("Director of the X Institute").
TITLE_WORDS: set[str] = set(vocab.load("en", "title_words")["title_words"])
# Title words that can only start a role ("General" and "Executive" also end body names).
ROLE_STARTS: set[str] = set(vocab.load("en", "title_words")["role_starts"])
# a month or weekday after "of"/"on" starts a date, not the rest of a name ("Council on 5 May")
_STOP_AFTER: set[str] = set(vocab.load("en", "months")["names"]) | set(vocab.load("en", "months")["weekdays"])
_TOKEN = r"(?:[A-Z][\w'&.-]*|[A-Z]{2,}\d*|&)"
_CHUNK = re.compile(
    rf"{_TOKEN}(?:(?:\s+(?:of|for|on|and|with|de|du|des|la|le|the|in|&)(?=\s))*\s+(?:{_TOKEN}|\d{{1,3}}\b))*"
    r"(?:,\s(?:Inc\.|Ltd\.|Co\., Ltd\.|LLC))?"
)
# a body named in capitals and then a lower-case head ("Education, Culture and Tourism committee")
_LOWER_HEAD_AFTER = re.compile(r" (?:(?:twinning|steering|organising|organizing|friendship|planning|executive) )?"
                               r"(?:committee|department|commission|association)\b")
_BODY_OF_CITIES = re.compile(r"\b(?:Cities|Governments|Mayors|Municipalities|Regions)\b")
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z&]*[A-Z]\d*(?: \d+)?)\)")
# "City Government Office", "Municipal Mayoral Office": the offices of a city government are the city
_GOVERNMENT = re.compile(r"^(?:(?:City|Metropolitan|Provincial|Prefectural|Municipal|County|Town|Mayoral|Mayor['’]s)\s+)*"
                         r"(?:Government\s+)?(?:Government|Hall|Office)$")


def find_organizations(ctx: Context) -> None:
    text = ctx.folded
    found: dict[str, OrgCand] = {}
    for s0, e0 in ctx.sentences:
        for m in _CHUNK.finditer(text, s0, e0):
            if m.start() > 0 and text[m.start() - 1] in "\"'" and not any(
                    _is_head(w.strip(".,'\"")) for w in text[m.start():m.end()].split()):
                continue  # a quoted title ("titled \"New Division of Work\""), not a name
            pieces = _split(ctx, text, m.start(), m.end())
            tail = _LOWER_HEAD_AFTER.match(text, m.end())
            if tail and pieces and pieces[-1][1] == m.end() and not _is_country_word(ctx, *pieces[-1]):
                # "the Saint-Thurien twinning committee" (but "a Korean association" names no body)
                pieces[-1] = (pieces[-1][0], tail.end())
            for start, end in pieces:
                cand = _classify(ctx, text, start, end)
                if cand is None:
                    continue
                key = cand.name.lower()
                if key in found:
                    found[key].mentions.append(cand.span)
                else:
                    found[key] = cand
    orgs = _one_body_two_ways(_merge_extended(list(found.values())))
    _acronyms(ctx, text, orgs)
    _standalone_acronyms(ctx, text, orgs)
    _news_agencies(ctx, text, orgs)
    _credits(ctx, text, orgs)
    _sister_city_bodies(ctx, text, orgs)
    _organs_to_bodies(orgs)
    if ctx.clean.publisher:
        _publisher(ctx, orgs)
    ctx.organizations = sorted(orgs, key=lambda o: o.span[0])


_NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al"}


def _is_country_word(ctx: Context, start: int, end: int) -> bool:
    """The piece ends in a country or demonym ("A Korean"): "association" after it names no body."""
    return any(s < end and end <= e for c in ctx.countries.values() for s, e in c.mentions)


def _adjective_of_body(words: list[str]) -> bool:
    """"General Authority of Water Provision", "Executive Council": a title word that does not only start
    roles, written right before a head word, is part of the body's name."""
    return len(words) > 2 and words[0].lower() not in ROLE_STARTS and _is_head(words[1])


def _is_head(word: str) -> bool:
    return HEADS.get(word.lower().rstrip(",")) is not None


def _head_then_person(words: list[str], i: int) -> bool:
    """"Danang People's Committee Tran Van Minh": after a head word, two to four capitalised
    words with no head, title or venue word among them are the person who speaks for the body."""
    if not (i and _is_head(words[i - 1])):
        return False
    rest = []
    for w in words[i:]:
        if w.lower() in ("and", "&"):
            break
        rest.append(w)
    return 2 <= len(rest) <= 4 and all(w[:1].isupper() and not _is_head(w) and w.lower() not in VENUES
                                       and w.lower() not in TITLE_WORDS for w in rest)


def _person_follows(words: list[str], i: int) -> bool:
    rest = words[i:]
    return 2 <= len(rest) <= 3 and all(w[:1].isupper() and not _is_head(w) and w.lower() not in TITLE_WORDS
                                       and w.lower() not in VENUES for w in rest) and any("-" in w for w in rest)


def _role_after_name(words: list[str], i: int, cur: int) -> bool:
    """"Port of Rotterdam Director Hanna Vos", "Lautoka City Council Acting Town Clerk ...":
    a role word after a named body starts the person's title, which is not part of the name."""
    low = words[i].lower().rstrip(",")
    return (low in ROLE_STARTS and i > cur and any(_is_head(w) for w in words[cur:i])
            and words[i - 1].lower() not in ("of", "for", "the", "and"))


def _country_starts(ctx: Context, pos: int) -> bool:
    return any(s == pos for c in ctx.countries.values() for s, _e in c.mentions)


def _names_without_head(ctx: Context, text: str, left: tuple[int, int], right_start: int) -> bool:
    """"Brazil and Putrajaya Corporation", "Jan de Wit and Harbin Port Group": before "and" stands a
    whole name of its own (a country, or a person beside a body named by its place), so the body
    starts after "and". "Library and Archive Dept.", "Southeast Asia and Pacific Department",
    "Hubli and Dharwad Municipal Corporation" are one name joined by "and"."""
    words = text[left[0]:left[1]].split()
    if any(w[0].islower() and w not in _NAME_PARTICLES for w in words):
        return False
    left_is_place = ctx.place_at(*left) is not None
    if any(s <= left[0] and left[1] <= e for c in ctx.countries.values() for s, e in c.mentions):
        return True
    right_is_place = ctx.place_at(right_start, right_start + 1) is not None
    return right_is_place and not left_is_place


def _split(ctx: Context, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a capitalised chunk where it joins two names ("X Foundation and Y University"), or where a
    person or a role follows the name of a body."""
    spans = list(re.finditer(r"\S+", text[start:end]))
    words = [w.group(0) for w in spans]
    pieces: list[tuple[int, int]] = []
    cur = 0
    for i, token in enumerate(words):
        low = token.lower()
        prev = words[i - 1].lower().rstrip(",") if i else ""
        nxt = words[i + 1].lower().strip(".,") if i + 1 < len(words) else ""
        keep_token = False  # the cut falls before this word, which starts the next piece
        cut = False
        if low in ("and", "&") and _has_head(spans[cur:i]) and HEADS.get(prev.rstrip(".")) is not None:
            # a head word alone names nothing ("Library and Archive Dept." is one department)
            cut = i - cur >= 2 and _has_head(spans[i + 1:])
        elif low in ("and", "&") and not _has_head(spans[cur:i]) and _has_head(spans[i + 1:]):
            # "Chairman Yang Jae-saeng and Dong-A University": a role and its holder stand before "and";
            # "KOICA and LG Electronics": an acronym alone is a whole name of its own
            cut = _unposs(words[cur].lower()) in ROLE_STARTS or (
                i - cur == 1 and re.fullmatch(r"[A-Z]{3,}\d*", words[cur]) is not None) or _names_without_head(
                ctx, text, (start + spans[cur].start(), start + spans[i - 1].end()), start + spans[i + 1].start())
        elif low == "and" and _has_head(spans[cur:i]) and _person_follows(words, i + 1):
            cut = True  # "Bureau of Tourism and Lin Mei-hua"
        elif low == "with":  # "Association for Friendship with Foreign Countries" is one name
            cut = not _has_head(spans[cur:i]) or HEADS.get(prev) is not None
        elif low == "of" and i > cur and not _has_head(spans[cur:i]) and prev not in TITLE_WORDS:
            cut = True  # "Ivan Mark Abellana of the ... Office"
        elif low == "in" and "embassy" in (w.lower() for w in words[cur:i]) and i + 1 < len(words) and _country_starts(ctx, start + spans[i + 1].start()):
            pass  # an embassy is accredited to a country: "Embassy of Japan in Korea" is its whole name
        elif low == "in" and not (prev in ("consulate", "consulate-general")
                                  or (prev == "general" and i > 1 and words[i - 2].lower() == "consulate")):
            cut = True  # "the Chilean Embassy in Oslo": the place is where it sits, not its name
        elif low == "the" and i > 0 and prev != "of":
            cut = True
        elif low in ("of", "for", "on", "and", "in", "&") and nxt in _STOP_AFTER:
            cut = True
        elif _role_after_name(words, i, cur) or _head_then_person(words, i):
            cut = keep_token = True
        if cut:
            if i > cur:
                pieces.append((start + spans[cur].start(), start + spans[i - 1].end()))
            cur = i if keep_token else i + 1
    if cur < len(words):
        pieces.append((start + spans[cur].start(), start + spans[-1].end()))
    return pieces


# "City Council", "State Assembly", "Special Council": a level of government and a head name no body
_UNNAMED_LEVELS = {"city", "state", "town", "county", "provincial", "municipal", "district", "special",
                   "metropolitan", "regional", "local", "village", "prefectural", "pan-african"}
_CENTRE_PURPOSES: set[str] = set(vocab.load("en", "organization_heads")["centre_purposes"])


def _is_venue(words: list[str]) -> bool:
    """"Grand Hotel", "BEXCO Convention Center": a place where things happen, not a body. A centre
    named for its purpose ("Cultural Center", "Center for International Cooperation") is a body."""
    last = words[-1].lower().rstrip(",")
    if last in VENUES:
        return True
    return last in ("center", "centre") and not (len(words) > 1 and words[-2].lower() in _CENTRE_PURPOSES)


def _unposs(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def kind_of_last(words: list[str]) -> str | None:
    return HEADS.get(words[-1].lower().rstrip(",")) if words else None


def org_is_event_name(words: list[str]) -> bool:
    """"World Water Cities Forum", "NEAR International Forum 2023", "100 Years Forum": occasions, not bodies."""
    if words[-1] not in ("Forum", "Summit", "Congress"):
        return False
    return any(w in ("World", "International", "Global") or w[:1].isdigit() for w in words)


def _forum_is_occasion(ctx: Context, text: str, words: list[str], start: int, end: int) -> bool:
    """"Summer Davos Forum", "Third Lakeside Forum on Urban Futures", "Twin City Forum": a forum is an
    occasion. It is a standing body when two places name it ("Busan-Fukuoka Forum") or it is given
    an acronym ("Global Social Economy Forum (GSEF)")."""
    if "Forum" not in words:
        return False
    places = {id(p) for p in ctx.places for s, e in p.mentions if start <= s and e <= end}
    return len(places) < 2 and not _ACRONYM.match(text, end)


_FURNITURE_WORDS = vocab.load("en", "page_furniture")
_GLUED_FURNITURE = re.compile(r"[a-z](?=[A-Z])(?=(?i:" + "|".join(
    re.escape(p.replace(" ", "")) for p in _FURNITURE_WORDS["phrases"] if p.isascii() and len(p) > 5) + r")\b)")


def _has_head(words: list) -> bool:
    # "Arirang TV." at a sentence's end is still a head ("Co." keeps its own full stop)
    return any(HEADS.get(w.group(0).lower().rstrip(",")) or HEADS.get(w.group(0).lower().rstrip(",.")) for w in words)


def _classify(ctx: Context, text: str, start: int, end: int) -> OrgCand | None:
    # trailing sentence punctuation is not part of the name ("... Authority." but "Co.")
    if text[start:end].endswith(("'s", "’s")):  # "the French Embassy in Seoul's cultural service"
        end -= 2
    while end > start and text[end - 1] in ",;:'\"" or (text[end - 1] == "." and
                                                        text[start:end].split()[-1].lower() not in HEADS):
        end -= 1
    glued = _GLUED_FURNITURE.search(text, start, end)
    if glued:  # "Department of Japanese AffairsPrintingSize": a page label glued to the last word
        end = glued.start() + 1
    words = text[start:end].split()
    # leading titles / articles: "Director of the Urban ... Division", "The Busan ..."
    lead_the = words[:1] == ["The"]
    while words and (_unposs(words[0].lower()) in TITLE_WORDS and not _adjective_of_body(words)
                     or words[0].lower() in ("the", "of", "and")):
        start += len(words[0]) + (len(text[start + len(words[0]):]) - len(text[start + len(words[0]):].lstrip()))
        words = words[1:]
    if words[:3] == ["People's", "Committee", "of"]:
        return None  # "the People's Committee of Quang Nam province" is the province's government: the place
    # possessive place prefix: "Ulsan's Economy and Trade Office" -> "Economy and Trade Office"
    if len(words) > 1 and words[0].endswith("'s"):
        start += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in ("of", "for", "on", "and", "the", "in", "&", "de"):
        end = start + len(" ".join(words[:-1]))
        words = words[:-1]
    if not words:
        return None
    # "... Culture Bureau of Gimhae City": the city is not part of the name
    dm = re.search(r"\s(?:of|in)\s(?:[A-Z][\w-]*\s){1,4}(?:City|Province|County)$", " ".join(words))
    if dm and any(w.lower() in HEADS for w in " ".join(words)[: dm.start()].split()) and "Consulate" not in words:
        words = " ".join(words)[: dm.start()].split()
        end = start + len(" ".join(words))
    where = re.search(r" of ([A-Z][\w-]*(?: [A-Z][\w-]*)?)$", " ".join(words))
    if where and len(words[: where.start()]) and " ".join(words)[: where.start()].count(" ") >= 2 and \
            _is_head(" ".join(words)[: where.start()].split()[-1]) and ctx.place_at(end - len(where.group(1)), end) \
            and ctx.place_at(start, start + where.start()):
        # "Frankston City Council of Melbourne": a body already named by its own place; the
        # second place says where it is, it is not part of the name
        words = " ".join(words)[: where.start()].split()
        end = start + len(" ".join(words))
    heads = [(i, HEADS[w.lower().rstrip(",")]) for i, w in enumerate(words) if w.lower().rstrip(",") in HEADS]
    if words[-1] == "International" and len(words) >= 3:  # "Sister Cities International"
        heads.append((len(words) - 1, "association"))
    if not heads or _is_venue(words):
        return None
    if len(words) >= 3 and _in_capitals_line(text, start) and all(w.isupper() for w in words if w.isalpha()):
        return None  # "BUSAN AND KOPER SIGN MOU ON PORT LOGISTICS": a headline in capitals, not a name
    if kind_of_last(words) == "media" and lead_the and text[start - 4:start] == "The ":
        start -= 4
    name = ctx.text[start:end]
    if _GOVERNMENT.match(" ".join(words[1:])) or _GOVERNMENT.match(name):
        return None
    first_head, kind = heads[0]
    if first_head == 0 and len(words) == 1:
        return None  # a bare "Council" / "Ministry"
    if len(words) == 2 and words[0].lower() in _UNNAMED_LEVELS and heads[-1][0] == 1:
        return None  # "the City Council", "State Assembly": a body named only by its level
    if words[0].lower() in _STOP_AFTER:
        return None
    if heads[-1][1] == "port" and heads[-1][0] == len(words) - 1:
        # "the Slovenian Koper Port": a port run as an organization is "<place> Port"
        if len(words) < 2 or ctx.place_at(end - len(words[-1]) - 1 - len(words[-2]), end - len(words[-1]) - 1) is None:
            return None
        start = end - len(words[-1]) - 1 - len(words[-2])
        words = words[-2:]
        name = ctx.text[start:end]
        kind = "port"
    if _head_left_behind(ctx, words, heads, start, end):
        return None
    if org_is_event_name(words) or _forum_is_occasion(ctx, text, words, start, end) or (
            kind_of_last(words) == "association" and re.search(r"\d\s$", text[:start])):
        return None  # "the 100 Years Forum": a named occasion
    if kind == "media" and words[-1].lower() in ("direct", "online") and len(words) < 3 and first_head == 0:
        return None
    kinds = [k for _, k in heads]
    if "port" in kinds and any(w.lower() == "authority" for w in words):
        kind = "port_authority"
    elif words[-1].lower().rstrip(",") in HEADS:
        kind = HEADS[words[-1].lower().rstrip(",")]
    cand = OrgCand(name=name, kind=kind, span=(start, end), mentions=[(start, end)])
    cand.is_alliance = kind == "alliance"
    cand.place = ctx.place_at(start, end)
    return cand


_CONNECTORS = {"of", "for", "on", "and", "&", "de", "du", "des", "with", "in", "the"}


def _head_left_behind(ctx: Context, words: list[str], heads: list[tuple[int, str]], start: int, end: int) -> bool:
    """"Harbin Deepen Port Ties" (a headline), "Tourism Office Director": a name goes on past its head
    word only through "of", "for", "and" … ("Ministry of Foreign Affairs") or into a place
    ("Mayors' Club Ukraine"); otherwise the capitalised words after the head are not the body's."""
    last = heads[-1][0]
    tail = words[last + 1:]
    if not tail or any(w.lower() in _CONNECTORS for w in tail) or words[-1] == "International":
        return False
    tail_text = " ".join(tail)
    names_a_place = ctx.place_at(end - len(tail_text), end) is not None or any(
        s <= end - len(tail_text) and e >= end for c in ctx.countries.values() for s, e in c.mentions)
    return not names_a_place and not re.fullmatch(r"[A-Z]{2,}\d*|\d{1,3}", tail_text)


def _merge_extended(orgs: list[OrgCand]) -> list[OrgCand]:
    """"Haeoreum Alliance Council" is another name of "Haeoreum Alliance"."""
    out: list[OrgCand] = []
    for org in sorted(orgs, key=lambda o: len(o.name)):
        base = next((o for o in out if org.name.startswith(o.name + " ") and
                     len(org.name[len(o.name):].split()) == 1 and o.kind == "alliance"), None)
        short = next((o for o in out if org.name.startswith(o.name + " in ") and "Embassy" in o.name), None)
        if short is not None:  # "Embassy of Japan" is the "Embassy of Japan in Korea" named in full
            org.aliases.append(short.name)
            org.mentions = sorted(short.mentions + org.mentions)
            org.span = org.mentions[0]
            out.remove(short)
        if base is None:
            out.append(org)
            continue
        base.aliases.append(org.name)
        base.mentions += org.mentions
    return out


_HEAD_OF_NAME = re.compile(r"^(?P<head>[A-Z][\w-]*) of (?:the )?(?P<name>[A-Z].*)$")


def _one_body_two_ways(orgs: list[OrgCand]) -> list[OrgCand]:
    """"the Council of Mornago" and "the Mornago Council", "University of Lyon" and "Lyon University":
    a head word before "of X" or after X names one body; the first written is its name, the other an alias."""
    by_name = {o.name.lower(): o for o in orgs}
    for org in list(orgs):
        m = _HEAD_OF_NAME.match(org.name)
        if m is None or not _is_head(m.group("head")):
            continue
        other = by_name.get(f"{m.group('name')} {m.group('head')}".lower())
        if other is None or other is org or other not in orgs:
            continue
        first, second = (org, other) if org.span[0] <= other.span[0] else (other, org)
        first.aliases.append(second.name)
        first.mentions = sorted(first.mentions + second.mentions)
        orgs.remove(second)
    return orgs


def _acronyms(ctx: Context, text: str, orgs: list[OrgCand]) -> None:
    for org in orgs:
        m = _ACRONYM.match(text, org.span[1])
        if not m:
            continue
        acr = m.group("acr")
        org.aliases.append(acr)
        for mm in re.finditer(rf"\b{re.escape(acr)}\b", text):
            if mm.start() != m.start("acr"):
                org.mentions.append(mm.span())
    # "Sister Cities International (SCI)": an acronym defined after a name with no head word
    # the name starts at a word's start: tried inside a long run of letters it would fail once per letter
    for m in re.finditer(rf"(?<![\w'&.-])(?P<name>{_TOKEN}(?:\s+(?:and\s+|of\s+|for\s+)?{_TOKEN}){{1,6}})\s*"
                         rf"\((?P<acr>[A-Z]{{3,6}})\)", text):
        name = m.group("name")
        start = m.start("name")
        event = re.match(r".*?\b(?:Congress|Conference|Summit|Forum|Meeting|Assembly) of ", name)
        if event:  # "World Summit of the League of River Towns (LRT)": the body is after "of"
            start += event.end()
            name = name[event.end():]
        if any(o.name.lower() == name.lower() or m.group("acr") in o.aliases for o in orgs):
            continue
        if not (name.split()[-1].lower() in HEADS or _BODY_OF_CITIES.search(name)):
            continue
        if ctx.place_at(start, m.end("name")) and not _BODY_OF_CITIES.search(name):
            continue
        span = (start, m.end("name"))
        orgs.append(OrgCand(name=ctx.text[span[0]:span[1]], kind="association", span=span,
                            aliases=[m.group("acr")], mentions=[span]))


_CAPS_WORD = re.compile(r"(?<![\w&-])[A-Z][A-Z&]{1,7}(?![\w&-])")
_ACRONYM_WORDS = vocab.load("en", "acronyms")
NOT_ORG_ACRONYMS: set[str] = set(_ACRONYM_WORDS["not_organizations"])
KNOWN_BODIES: set[str] = set(_ACRONYM_WORDS["international_bodies"])


def _acronym_is_a_name_part(text: str, start: int, end: int) -> bool:
    """"ZHANG Yingchun", "ARAKI KEIJI": a family name in capitals, not an acronym. Its neighbour on
    the line is a capitalised word that is neither a head nor a title word."""
    after = re.match(r" ([A-Z][\w'-]*)", text[end:end + 40])
    before = re.search(r"([A-Z][\w'-]*) $", text[max(0, start - 40):start])
    for m in (after, before):
        if m is None:
            continue
        word = m.group(1)
        if word.isupper() or not (_is_head(word) or word.lower() in TITLE_WORDS):
            return True
    return False


def _in_capitals_line(text: str, pos: int) -> bool:
    """A headline or menu in capitals ("JAMAICA: CITY NEWS") holds no acronyms to take."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "&", "de", "with"}


def initials(name: str) -> str:
    """"Korean Association for Exchange with Sister Cities" -> "KAESC"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL_WORDS).upper()


def _abbreviates_words_before(text: str, start: int) -> bool:
    """"Seoul Metropolitan Government (SMG)": an acronym in brackets after the words it shortens
    names them (a place here, or a body found under its full name)."""
    if start < 2 or text[start - 1] != "(":
        return False
    before = re.search(r"((?:[A-Z][\w'-]*\s+(?:(?:of|and|the|for|on|with|&)\s+)*){1,8})\($", text[max(0, start - 120):start])
    return bool(before) and initials(before.group(1)).endswith(text[start:].split(")")[0].upper())


_NAMES_AN_OCCASION = re.compile(r"(?:\s[A-Z][\w-]*){0,2}\s(?:Cup|Games|Championships?|Olympics|Expo|Awards?)\b")


_LEVEL_BEFORE = re.compile(r"(?<![\w-])(?:Municipal|Provincial|Prefectural|County|District) $")


def _standalone_acronyms(ctx: Context, text: str, orgs: list[OrgCand]) -> None:
    """"IRNA", "UNESCO", "(Photo: VNA)": a word in capitals of three letters or more names a body
    (an agency, a school, a UN body) unless it is a common abbreviation, a place or country, part
    of a person's name in capitals, or already an alias; two-letter ones only for known bodies."""
    known = {a for o in orgs for a in (o.name, *o.aliases)}
    taken: dict[str, OrgCand] = {}
    for m in _CAPS_WORD.finditer(text):
        word = m.group(0)
        if word in known or word in NOT_ORG_ACRONYMS or (len(word) < 3 and word not in KNOWN_BODIES):
            continue
        if word in taken:
            taken[word].mentions.append(m.span())
            continue
        if ctx.place_at(*m.span()) is not None or any(
                s <= m.start() and m.end() <= e for c in ctx.countries.values() for s, e in c.mentions):
            continue
        level = _LEVEL_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if level is not None and not _in_capitals_line(text, m.start()) and word not in taken:
            # "Vice Secretary of Municipal CPCC": the level of government is part of the body's name
            span = (level.start(), m.end())
            taken[word] = OrgCand(name=ctx.text[span[0]:span[1]], kind="council", span=span, mentions=[span])
            continue
        if _in_capitals_line(text, m.start()) or (word not in KNOWN_BODIES and _acronym_is_a_name_part(text, *m.span())):
            continue
        if _NAMES_AN_OCCASION.match(text, m.end()):
            continue  # "the 2018 FIFA World Cup", "the AFC Asian Games": the name of an occasion
        full = next((o for o in orgs if len(word) >= 3 and initials(o.name) == word), None)
        if full is not None:  # "CPAFFC" for the association named in full elsewhere
            full.aliases.append(word)
            full.mentions.append(m.span())
            known.add(word)
            continue
        if _abbreviates_words_before(text, m.start()):
            known.add(word)
            continue
        taken[word] = OrgCand(name=word, kind="other", span=m.span(), mentions=[m.span()])
    orgs.extend(taken.values())


_AGENCY_NAME = re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(a) for a in sorted(vocab.load("en", "organization_heads")["news_agencies"], key=len, reverse=True)) +
    r")(?![\w-])")


def _news_agencies(ctx: Context, text: str, orgs: list[OrgCand]) -> None:
    """"(Yonhap)", "Xinhua reported", "Photo: VNA": a news agency named by its one word."""
    known = {a.lower(): o for o in orgs for a in (o.name, *o.aliases)}
    for m in _AGENCY_NAME.finditer(text):
        name = m.group(0)
        org = known.get(name.lower())
        if org is None:
            if any(o.span[0] <= m.start() and m.end() <= o.span[1] for o in orgs):
                continue  # part of a longer name ("Yonhap News Agency")
            org = known[name.lower()] = OrgCand(name=name, kind="media", span=m.span(), mentions=[])
            orgs.append(org)
        if m.span() not in org.mentions:
            org.mentions.append(m.span())


_ORGANS = "|".join(re.escape(o) for o in sorted(vocab.load("en", "organization_heads")["organs"], key=len, reverse=True))
_ORGAN_OF = re.compile(rf"^(?:the\s)?(?:{_ORGANS})\s(?:of|for)\s(?:the\s)?(?P<body>[A-Z].+)$")
_BODY_ORGAN = re.compile(rf"^(?P<body>[A-Z][A-Z\d&]{{1,9}}(?:\s[A-Z][a-z]+)??)\s(?:{_ORGANS})$")


def _organs_to_bodies(orgs: list[OrgCand]) -> None:
    """"the Secretariat of UCLG Africa", "Board of the League of Coastal Towns", "LCT Executive Board":
    an organ of a body is recorded as the body. The body must be named (an acronym, a body found in
    the text, or a name ending in a head word); "Council of Europe" is a name of its own."""
    by_name = {a.lower(): o for o in orgs for a in (o.name, *o.aliases)}
    for org in list(orgs):
        m = _ORGAN_OF.match(org.name) or _BODY_ORGAN.match(org.name)
        if m is None:
            continue
        body = m.group("body")
        first = body.split()[0]
        if not (body.lower() in by_name or (first.isupper() and len(first) >= 2) or any(map(_is_head, body.split()))):
            continue
        offset = m.start("body")
        spans = [(s + offset, s + offset + len(body)) for s, _e in org.mentions or [org.span]]
        orgs.remove(org)
        target = by_name.get(body.lower())
        if target is None or target is org:
            target = by_name[body.lower()] = OrgCand(name=body, kind=org.kind, span=spans[0], mentions=[])
            target.place = org.place
            orgs.append(target)
        target.mentions += [sp for sp in spans if sp not in target.mentions]
    for short in [o for o in orgs if o.name.isupper() and not o.aliases]:
        # "LCT" (from "LCT Executive Board") is the "League of Coastal Towns" named in full
        full = next((o for o in orgs if o is not short and len(o.name.split()) > 1 and initials(o.name) == short.name), None)
        if full is not None:
            full.aliases.append(short.name)
            full.mentions += short.mentions
            orgs.remove(short)


# "chairman of Riverton Twin Sister Cities", "Director of Oak Falls Sister Cities": a city's sister-city
# association is named by the city and the words "Sister Cities", with no head word
_SISTER_CITIES_BODY = re.compile(r"\b(?:of|the|for)\s(?P<name>(?:[A-Z][\w.'-]+\s){1,3}(?:Twin\s)?Sister\sCities)\b"
                                 r"(?!\s(?:Association|Committee|Commission|Council|Program|Programme))")


def _sister_city_bodies(ctx: Context, text: str, orgs: list[OrgCand]) -> None:
    if "Sister Cities" not in text:
        return
    known = {o.name.lower() for o in orgs}
    for m in _SISTER_CITIES_BODY.finditer(text):
        start, end = m.span("name")
        if ctx.place_at(start, start + len(m.group("name").split()[0])) is None or m.group("name").lower() in known:
            continue
        known.add(m.group("name").lower())
        orgs.append(OrgCand(name=ctx.text[start:end], kind="association", span=(start, end), mentions=[(start, end)]))


_CREDIT_WORDS = vocab.load("en", "credits")
_CUES = "|".join(re.escape(c) for c in sorted(_CREDIT_WORDS["cues"], key=len, reverse=True))
_CREDIT_CUE = re.compile(rf"(?<![\w-])(?:{_CUES})\s*:?\s*", re.I)
# a credit line opens with a capital ("Photo:", "(Source: ..."); found case-sensitively, it is a cheap scan
_CREDIT_OPEN = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c[:1].upper() + c[1:]) for c in
                                                    sorted(_CREDIT_WORDS["cues"], key=len, reverse=True)) + r")\s*:?\s*")
# a site's own address ("www.uclg.org") points to a body named elsewhere; a bare domain is a credit.
# Found from its ending (".com", ".com.cn"), then read back to where the word starts.
_SITE_END = re.compile(r"(?<=[\w-])(?:\.[a-z]{2,6})+(?![\w.@/-])")
_SITE_START = re.compile(r"(?<![\w@/.-])[A-Za-z][\w.-]{0,60}$")
_VIA = re.compile(r"\s(?:" + "|".join(re.escape(v) for v in _CREDIT_WORDS["via"]) + r")\s(?P<name>" + _TOKEN +
                  r"(?:\s" + _TOKEN + r"){0,3})")
# "SEOUL, Sept. 29, 2022 /PRNewswire/ --", "Seoul--(Newswire)--": the wire that carries a release;
# "TASHKENT, 14.06.2019. /NAA “Voice”/. In ...": an agency's name may be quoted, the dateline end in a full stop
_WIRE = re.compile(r"\d{4}\.?\s*/(?P<slash>[A-Z][\w \"']{2,30}?)/(?:\s*[-—–]|\.\s)|--\((?P<dash>[^()\n]{2,30})\)--")


def _credits(ctx: Context, text: str, orgs: list[OrgCand]) -> None:
    """"Source: Newsgd.com", "(chinadaily.com.cn)", "(Photo: J. Doe via Wikimedia Commons)", "/PRNewswire/":
    a credit or a wire names the outlet or archive the page or its photo comes from. A web site is
    taken where a credit opens or as all a bracket holds; a person credited for a photo is not a body."""
    known = {a.lower(): o for o in orgs for a in (o.name, *o.aliases)}

    def take(start: int, end: int) -> None:
        name = ctx.text[start:end].strip(" .,")
        if len(name) < 3 or name.rsplit(".", 1)[-1].lower() in _CREDIT_WORDS["not_sites"]:
            return
        if ctx.place_at(start, end) is not None or _country_starts(ctx, start):
            return
        org = known.get(name.lower())
        if org is None:
            org = known[name.lower()] = OrgCand(name=name, kind="media", span=(start, start + len(name)), mentions=[])
            orgs.append(org)
            for part in [o for o in orgs if o is not org and o.name.isupper() and o.mentions
                         and all(start <= s and e <= end for s, e in o.mentions)]:
                orgs.remove(part)  # "NIAT" read alone inside "/NIAT “Khovar”/": the outlet's name, not another body
                org.aliases.append(part.name)
        org.mentions.append((start, start + len(name)))

    for m in _WIRE.finditer(text):
        group = "slash" if m.group("slash") else "dash"
        take(m.start(group), m.end(group))
    for end_m in _SITE_END.finditer(text):
        begin = _SITE_START.search(text, max(0, end_m.start() - 60), end_m.start())
        if begin is None or text.startswith("www.", begin.start()):
            continue
        start, end = begin.start(), end_m.end()
        opened = text[max(0, start - 1):start] in ("(", "[") and text[end:end + 1] in (")", "]")
        line_start = text.rfind("\n", 0, start) + 1
        cue = _CREDIT_CUE.search(text, max(line_start, start - 30), start)
        if opened or (cue is not None and cue.end() == start):
            take(start, end)
    for m in _CREDIT_OPEN.finditer(text):
        line_end = text.find("\n", m.end())
        credit = text[m.end(): line_end if line_end >= 0 else len(text)][:120]
        via = _VIA.search(credit)
        if via:
            take(m.end() + via.start("name"), m.end() + via.end("name"))


_COPYRIGHT_MARK = re.compile(r"^(?:(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?)+", re.I)


def _publisher(ctx: Context, orgs: list[OrgCand]) -> None:
    # "Copyright © Busan Ilbo": the outlet is named after the copyright marks
    name = _COPYRIGHT_MARK.sub("", ctx.clean.publisher or "").strip(" .,")
    if not name:
        return
    if any(o.name.lower() == name.lower() for o in orgs) or len(name) > 80:
        return
    pos = ctx.raw.find(name)
    span = (pos, pos + len(name)) if pos >= 0 and ctx.clean.origin is None else (0, 0)
    orgs.append(OrgCand(name=name, kind="media", span=span, mentions=[span] if span[1] else []))


_VENUE_AFTER = re.compile(r"(?:\s[A-Z][\w-]*){0,2}\s(?:Fortress|Museum|Park|Hall|Stadium|Station|Airport|Market|"
                          r"Tower|Palace|Temple|Hotel|Center|Centre|Campus|Bridge|Beach|Mountain|Island|Lake|River|"
                          r"Village|Street|Road|Gate|Castle|Shrine|Church|Cathedral)\b")


_NAMED_AFTER = re.compile(r"-(?:listed|designated|registered)\b|\s(?:Convention|Treaty|Protocol|Declaration|Accord|River|Delta|Expressway|Highway|"
                          r"Line|Site|Strait|Bay|Valley|Basin|Agreement)\b"
                          # "Gimpo (International) Airport", "Hwaseong Haenggung": an airport or a palace carries
                          # the name even with no word before it ("Suwon Hwaseong Haenggung" still names Suwon)
                          r"|(?:\sInternational)?\s(?:Airport|Palace|Haenggung|Fortress|Trolley)\b")


_PROJECT_AFTER = re.compile(r"(?:-[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?)?\s(?:urban\s|high-speed\s|metro\s|light\s)?"
                            r"(?:railway|railroad|rail|expressway|motorway|tunnel|pipeline|metro line)\b")


def _inside_venue_name(text: str, mention: tuple[int, int]) -> bool:
    """"Suwon Hwaseong Fortress", "the Ramsar Convention", "the Pearl River Delta": a place name
    inside the name of a venue, a treaty or a landscape is not a mention of the place."""
    if _NAMED_AFTER.match(text, mention[1]):
        return True
    if re.search(r"\b(?:Trans|Pan|Inter|Intra)-$", text[max(0, mention[0] - 6):mention[0]]):
        return True  # "the Trans-Limpopo corridor", "Pan-Pacific": a word made from the name, not the place
    if _PROJECT_AFTER.match(text, mention[1]) and (text[mention[1]:mention[1] + 1] == "-"
                                                   or text[mention[0] - 1:mention[0]] == "-"):
        return True  # "the Ha Dong-Xuan Mai urban railway project": two ends of a line name the project
    before = text[max(0, mention[0] - 25):mention[0]]
    return bool(re.search(r"[A-Z][\w'-]+ $", before)) and bool(_VENUE_AFTER.match(text, mention[1]))


# Bodies whose name says where they are ("Consulate General in Osaka", "Leeds City Council").
_NAMES_ITS_PLACE = {"council", "consulate", "embassy", "government_agency", "ministry"}


def _only_a_surname(ctx: Context, place: PlaceCand, name_tokens: set[str]) -> bool:
    """"Martinez delivered the most pointed remark": a small town that shares its name with a
    person of the article, and is never written otherwise, is that person."""
    population = getattr(place.entry, "population", 0) or 0
    if place.entry is None or population > 300_000:  # 300,000: what a region without a census is given
        return False
    return all(ctx.folded[s:e] in name_tokens for s, e in place.mentions)


def settle_places(ctx: Context) -> None:
    """Drop place mentions that are part of a person's name, and places named only
    inside an organization's name ("Sendai Port") unless that body governs it. (Spans are
    looked up by bisection: linear in the number of names, not quadratic.)"""
    in_person = SpanCover([sp for p in ctx.people for sp in (p.mentions or [p.span])])
    in_org = SpanCover([o.span for o in ctx.organizations if o.kind not in _NAMES_ITS_PLACE])
    kept: list[PlaceCand] = []
    name_tokens = {t for p in ctx.people for t in re.split(r"[\s-]+", fold(p.name)) if len(t) > 2}
    for place in ctx.places:
        place.mentions = [m for m in place.mentions
                          if not in_person.covers(*m) and not _inside_venue_name(ctx.folded, m)]
        if not place.mentions or _only_a_surname(ctx, place, name_tokens):
            continue
        if all(in_org.covers(*m) for m in place.mentions):
            continue
        kept.append(place)
    ctx.places = kept
    place_at = FirstPlaceAt(kept)
    for o in ctx.organizations:
        o.place = place_at(*o.span) if o.span[1] else None
