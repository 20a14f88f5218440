"""Alliances: named multi-party bodies of cities or regions (alliances, unions,
councils and associations of local governments, city forums), with members,
date of establishment, stated counts, key projects and teams."""

from __future__ import annotations

import re

from . import vocab
from .context import AllianceCand, Context, OrgCand, PersonCand, PlaceCand
from .dates import SPECIFICITY, find_dates

_GOV_WORDS = re.compile(r"\b(?:Governments?|Governors'?|Cities|Mayors?|Municipalities|Regions|Regional|Local|"
                        r"Capitals|Towns|Development Committee)\b")
# Words of bodies whose members are not cities ("Network of Locally Elected Women of Africa").
_NOT_CITY_MEMBERS = re.compile(r"\b(?:" + "|".join(vocab.load("en", "alliances")["not_city_members"]) + r")\b", re.I)
# "Board of the League of Coastal Towns": an organ of an alliance is not another alliance.
_ORGAN_OF = re.compile(r"^(?:(?:Executive|Steering|Governing)\s)?(?:Board|Committee|Secretariat|Bureau|Presidency|"
                       r"Council)\sof\s(?:the\s)?")
# "Mayor of Dakar, UCLG's Treasurer": the city of an officer of the alliance is a member
_ROLE_IN = re.compile(r"\b(?:(?:vice|co)[- ])?(?:president|chair(?:man|person|woman)?|secretary[- ]general|"
                      r"treasurer|member|board member|chair city|host city)s?\b", re.I)  # "were elected co-presidents of UCLG"
_DEFINING = re.compile(r"\b(?:consisting of|made up of|formed by|composed of|between|members? (?:are|include)|"
                       r"membership|joined|admitted|new members?|member cities|"
                       r"comprising|of the (?:two|three|four|five|six) (?:cities|provinces|regions))\b", re.I)
_ESTABLISHED = re.compile(r"\b(?:established|founded|launched|set up|created|formed|inaugurated)\b", re.I)
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11, "twelve": 12}
_COUNT = re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(?:[\w-]+\s)?"
                    r"(?P<what>projects|fields|members|areas|sectors|tasks|initiatives|teams)\b", re.I)
_QUOTED = re.compile(r"[\"“]([^\"”]{4,80})[\"”]")
_CONTINENTAL = re.compile(r"^(?:European|African|Asian|Eurasian) Union\b")
CITY_NETWORKS: set[str] = set(vocab.load("en", "alliances")["city_networks"])


def _is_city_network(org: OrgCand) -> bool:
    """"UCLG", "NEAR", "UCLG Africa": a network of cities named by its short name alone."""
    words = org.name.split()
    return any(a in CITY_NETWORKS for a in (org.name, *org.aliases)) or (len(words) == 2 and words[0] in CITY_NETWORKS)


def _is_alliance(ctx: Context, org: OrgCand) -> bool:
    if _CONTINENTAL.match(org.name) or _NOT_CITY_MEMBERS.search(org.name):
        return False
    organ = _ORGAN_OF.match(org.name)
    if organ and any(o is not org and org.name[organ.end():].startswith(o.name) for o in ctx.organizations):
        return False
    if org.kind == "alliance" or _is_city_network(org):
        return True
    if org.kind in ("association", "council") and _GOV_WORDS.search(org.name):
        return True
    if org.kind == "association" and org.name.endswith("Forum"):
        prefix = org.name[: -len("Forum")]
        return len([p for p in ctx.places if any(org.span[0] <= s < org.span[0] + len(prefix)
                                                  for s, _ in p.mentions)]) >= 2
    if org.name.endswith("International") and re.search(r"\bCities\b", org.name):
        return True
    return False


def find_alliances(ctx: Context) -> None:
    for org in ctx.organizations:
        if not _is_alliance(ctx, org):
            continue
        al = AllianceCand(org=org)
        org.is_alliance = True
        # "the Board of the Union of X": the alliance is also named inside another body's name
        spans = sorted({*(org.mentions or [org.span]), *_named_inside_organs(ctx, org)})
        sentences = []
        for s, _ in spans:
            sent = ctx.sentence_of(s)
            if sent not in sentences:
                sentences.append(sent)
        head = org.name.split()[-1].lower()
        for sent in ctx.sentences:  # "The alliance was set up in May 2011"
            if sent not in sentences and re.search(rf"\b(?:the|this|its) {head}\b", ctx.folded[sent[0]:sent[1]], re.I):
                sentences.append(sent)
        sentences.sort()
        al.members = _members(ctx, org, sentences)
        for place in (*_members_through_roles(ctx, org), *_members_by_city_role(ctx, sentences),
                      *_members_listed_after(ctx, sentences), *_member_news_place(ctx, org)):
            if place not in al.members:
                al.members.append(place)
        following = [ctx.sentences[i + 1] for i, x in enumerate(ctx.sentences[:-1]) if x in sentences]
        for sent in sentences + [f for f in following if f not in sentences]:
            text = ctx.folded[sent[0]:sent[1]]
            if al.established is None and _ESTABLISHED.search(text):
                dates = [d for d in find_dates(ctx.folded, sent[0], sent[1], ctx.published) if d.value]
                if dates:
                    al.established = max(dates, key=lambda d: SPECIFICITY.get(d.kind, 0)).value
                    al.evidence.append(sent)
            if sent not in sentences:
                if re.search(r"\b(?:key|major|main|flagship) projects?\b", text, re.I):
                    al.key_projects += [q.strip() for q in _QUOTED.findall(text)]
                continue
            for m in _COUNT.finditer(text):
                n = m.group("n").lower()
                al.counts.setdefault(m.group("what").lower(), int(_NUM_WORDS.get(n, n)))
            if re.search(r"\b(?:key|major|main|flagship) projects?\b", text, re.I):
                al.key_projects += [q.strip() for q in _QUOTED.findall(text)]
        al.teams = _teams(ctx, org)
        al.evidence = sorted(set([sentences[0]] if sentences else []) | set(al.evidence))
        ctx.alliances.append(al)


def _members(ctx: Context, org: OrgCand, sentences: list[tuple[int, int]]) -> list[object]:
    in_name = [p for p in ctx.places if any(org.span[0] <= s < org.span[1] for s, _ in p.mentions)]
    if len(in_name) >= 2:
        return in_name
    for sent in sentences:
        text = ctx.folded[sent[0]:sent[1]]
        m = _DEFINING.search(text)
        if not m:
            continue
        window_start = sent[0] + m.start()
        members = []
        for _, it in ctx.entities_in(window_start, sent[1]):
            if isinstance(it, PlaceCand) and it not in members:
                members.append(it)
        if len(members) >= 2:
            return members
    return []


def _named_inside_organs(ctx: Context, org: OrgCand) -> list[tuple[int, int]]:
    """Mentions of an alliance inside the name of one of its organs ("the Board of the Union of X")."""
    spans = []
    for other in ctx.organizations:
        organ = _ORGAN_OF.match(other.name)
        if other is not org and organ and other.name[organ.end():].startswith(org.name):
            spans += [(s + organ.end(), s + organ.end() + len(org.name)) for s, _ in other.mentions]
    return spans


def _members_through_roles(ctx: Context, org: OrgCand) -> list[PlaceCand]:
    """"Mayor of Brazzaville, Vice President of UCLG Africa": a city whose officer holds a role in
    the alliance (in the same sentence, written next to the alliance's name) is a member."""
    members: list[PlaceCand] = []
    for s, e in org.mentions or [org.span]:
        sent = ctx.sentence_of(s)
        around = ctx.folded[max(sent[0], s - 40):min(sent[1], e + 25)]
        # "... signed by the Mayor of A, the Governor of B and C Mayor X - establishes the Council of ...":
        # the signatories' cities found the alliance
        founding = _ESTABLISHED.search(ctx.folded, sent[0], sent[1]) or re.search(
            r"\bestablish(?:es|ing)\b", ctx.folded[sent[0]:sent[1]])
        if not (_ROLE_IN.search(around) or founding):
            continue
        for _, item in ctx.entities_in(*sent):
            place = getattr(item, "of_obj", None) if isinstance(item, PersonCand) else None
            if isinstance(place, OrgCand):
                place = place.place
            if isinstance(place, PlaceCand) and place not in members:
                members.append(place)
    return members


# "Toyama serves as the chair city", "Busan, which serves as the secretariat city": a place holding a
# seat of the alliance is a member
_CITY_ROLE = re.compile(r"\b(?:serves?|served|serving|will serve|acts?|acted|was (?:elected|chosen|named)|"
                        r"is|was|has been)\s(?:as\s)?(?:the\s)?(?:[\w-]+\s)?" + vocab.load("en", "alliances")["city_roles"]
                        + r"\b")
# "Its member cities include A, B and C", "Member regions are ...": the members listed in the sentence
# after the alliance is named
_MEMBERS_LISTED = re.compile(r"\s*(?:(?:its|the|their)\s)?(?:current\s|founding\s)?members?(?:\s(?:cities|regions|"
                             r"provinces|governments|municipalities))?\s(?:include|includes|included|are|were)\b", re.I)
# a network's news page filed under "<Network> Members" whose story opens on "[Place, Country]" (the
# opening bracket may have been blanked with the page's link marks)
_BRACKETED_PLACE = re.compile(r"(?:^|\n)[ \t\[]*(?P<place>[^\[\]\n,]{2,60}),[^\[\]\n,]{2,40}\]")


def _members_by_city_role(ctx: Context, sentences: list[tuple[int, int]]) -> list[PlaceCand]:
    """The place a sentence about the alliance says holds one of its seats ("X serves as chair city")."""
    members: list[PlaceCand] = []
    for start, end in _with_next(ctx, sentences):
        for m in _CITY_ROLE.finditer(ctx.folded, start, end):
            before = [it for _, it in ctx.entities_in(start, m.start()) if isinstance(it, PlaceCand)]
            if before and before[-1] not in members:
                members.append(before[-1])
    return members


def _with_next(ctx: Context, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences naming the alliance and the one after each ("The council met in Yeosu. Jeju,
    which serves as the chair region, ...")."""
    named = set(sentences)
    out = set(sentences)
    for i, sent in enumerate(ctx.sentences[:-1]):
        if sent in named:
            out.add(ctx.sentences[i + 1])
    return sorted(out)


def _members_listed_after(ctx: Context, sentences: list[tuple[int, int]]) -> list[PlaceCand]:
    """"The network was founded in 1996. Its member cities include A, B and C.": the sentence that
    follows one naming the alliance and opens on its members."""
    members: list[PlaceCand] = []
    for sent in sentences:
        i = ctx.sentences.index(sent) if sent in ctx.sentences else -1
        if i < 0 or i + 1 >= len(ctx.sentences):
            continue
        nxt = ctx.sentences[i + 1]
        if not _MEMBERS_LISTED.match(ctx.folded, nxt[0], nxt[1]):
            continue
        for _, it in ctx.entities_in(*nxt):
            if isinstance(it, PlaceCand) and it not in members:
                members.append(it)
    return members


def _member_news_place(ctx: Context, org: OrgCand) -> list[PlaceCand]:
    """A page of the network's member news ("News | NEAR Members") whose story is datelined
    "[Gyeongsangbuk-do, South Korea]": that place is a member."""
    names = [org.name, *org.aliases]
    if not any(re.search(rf"\b{re.escape(n)} Members\b", ctx.folded) for n in names):
        return []
    m = _BRACKETED_PLACE.search(ctx.folded)
    if m is None:
        return []
    place = ctx.place_at(m.start("place"), m.end("place"))
    return [place] if place is not None else []


def _teams(ctx: Context, alliance: OrgCand) -> list[dict]:
    teams = []
    for org in ctx.organizations:
        if org.kind != "team":
            continue
        sent = ctx.sentence_of(org.span[0])
        text = ctx.folded[sent[0]:sent[1]]
        size = re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)[- ]member\b", text, re.I)
        team = {"name": org.name, "ref": org.id or None}
        if size:
            team["size"] = int(_NUM_WORDS.get(size.group(1).lower(), size.group(1)))
        teams.append(team)
    return teams
