"""Agreements: sister-city and friendship-city relations, MOUs and letters of
intent, cooperation agreements, whether signed, existing or planned.

Read clause by clause: the type comes from the nearest agreement phrase, the
parties from the places (or organizations) of the clause, with the article's
own city as the other party when a clause names only one ("our sister city
Shimonoseki")."""

from __future__ import annotations

import re

from . import vocab
from .context import AgreementCand, Context, OrgCand, PlaceCand, main_place, name_of
from .dates import SPECIFICITY, occasion_dates

# The wordings are data (lang/en/agreement_wordings.json), matched on lower-cased text.
_WORDINGS = vocab.load("en", "agreement_wordings")["types"]
TYPES: list[tuple[str, re.Pattern[str]]] = [(entry["type"], re.compile("|".join(entry["words"]))) for entry in _WORDINGS]
_ANY_TYPE = re.compile(r"(?<![a-z])(?:" + "|".join(p.pattern for _, p in TYPES) + ")")
_STEMS = tuple(dict.fromkeys(stem for entry in _WORDINGS for stem in entry["stems"]))
_ACTIVE = re.compile(r"\b(?:sign\w*|conclud\w*|agree\w*|became|become|renew\w*|reaffirm\w*|twinned|"
                     r"established|entered|formed|made|partners?|relations?|ties|cities|city|since|is|are|was|"
                     r"provinces?|our|its|pact|has|have|put)\b", re.I)
_PLANNED = re.compile(r"\b(?:if|whether|will(?: \w+)? (?:sign|conclude|establish|become|enter|be signed)|to sign|set to|due to|plans? to|propos(?:ed|es|ing) (?:that|to)|"
                      r"invited \w+ to (?:enter|become)|could soon|near future|upgrad\w+|expected to sign|to become|will be (?:signed|concluded)|"
                      r"to finali[sz]e|first step will|will (?:soon |shortly )?be (?:inked|signed|concluded|with)|"
                      r"(?:will|would) soon|should have|is expected to|are expected to|"
                      r"agreed to (?:sign|conclude|establish)|to be signed|(?:will|to) (?:\w+ ){0,2}formali[sz]e|"
                      r"would be (?:signed|concluded|inked)|(?:possibility|prospect) of (?:becoming|signing|establishing)|"
                      r"(?:seek\w*|push\w*|hop\w*|aim\w*|intend\w*|wish\w*|want\w*|work\w* towards?) "
                      r"(?:to )?(?:sign|establish|become|conclude|forge|formali[sz]e)\w*)\b", re.I)
_RENEW = re.compile(r"\b(?:renew|reaffirm|re-?sign)\w*", re.I)
_CLAUSE = re.compile(r";|, while |, and ")
_DATED = re.compile(r"\b(?:sign\w*|conclud\w*|became|become|agreed|twinned|established|formed|entered|inked|issued|adopted|forged|sealed|"
                    r"renew\w*|reaffirm\w*|since|made|launched|set up|partners in|friendship partners|began|started|"
                    r"today['’]s)\b", re.I)  # "With today's cooperation agreement": signed the day reported
_ANAPHORA = re.compile(r"\b(?:the|this|that) (?:\w+ )?(?:agreement|document|pact|memorandum|mou|letter)\b", re.I)
_BOTH = re.compile(r"\b(?:the two (?:cities|sides|municipalities|regions|governments|ports|organi[sz]ations|"
                   r"institutions|universities|parties|provinces|companies)|both (?:cities|sides|parties|ports)|"
                   r"between them)\b", re.I)
_BOTH_BODIES = re.compile(r"\b(?:the two|both) (?:ports|organi[sz]ations|institutions|universities|companies)\b", re.I)
# "a new agreement", "another MOU", but not "a part of this agreement": a determiner in between points back
_NEW_ONE = re.compile(r"\b(?:a|an|another|second|separate|new)\b(?:(?!\b(?:the|this|that|its|their)\b)[^.]){0,40}"
                      r"(?:agreement|memorandum|mou|pact|letter)", re.I)
# negations and counterfactuals: "no such agreement", "would have become sister cities had ..."
# "is not a sister city of Seattle", "are like sister cities in spirit": a denial or a simile, no tie
_NEG = re.compile(r"\b(?:no such|not yet|nor|should become|should be|would have|could have|as if|never|"
                  r"(?:is|are|was|were)(?:n['’]t| not) (?:an? |yet )?(?:[\w-]+ )?(?:sister|twin|friend)|"
                  r"like (?:an? |two )?(?:[\w-]+ )?(?:sister|twin)(?:s|[- ]cit(?:y|ies))?)\b", re.I)


def find_agreements(ctx: Context) -> None:
    worded = [(s0, e0) for s0, e0 in ctx.sentences if _words_an_agreement(ctx.lower[s0:e0])]  # found once for both
    home = _home(ctx, worded)
    for sentence in worded:
        s0, e0 = sentence
        text = ctx.folded[s0:e0]
        # an agreement's own date may follow "since" ("since the tie was established on October 25, 1983")
        sentence_dates = occasion_dates(ctx.folded, s0, e0, ctx.published, since_is_background=False)
        if _instrument_list(ctx, sentence):
            continue
        pieces = _clauses(text, s0)
        for cs, ce in pieces:
            relative = _relative(ctx, cs, ce) if ", wh" in ctx.folded[cs:ce] else None
            if relative is not None:  # "Busan, which signed a sister city agreement with Fukuoka in 2007, signed an MOU"
                rs, re_ = relative
                _read_clause(ctx, sentence, rs, re_, home, [d for d in sentence_dates if rs <= d.start < re_])
            _read_clause(ctx, sentence, cs, ce, home, sentence_dates, skip=relative)
    if home is not None:
        _partner_lists(ctx, home)
    _counted_ties(ctx)


def _words_an_agreement(low: str) -> bool:
    """Whether a lower-cased sentence holds an agreement's wording (a cheap stem test first)."""
    return any(stem in low for stem in _STEMS) and bool(_ANY_TYPE.search(low))


def _home(ctx: Context, worded: list[tuple[int, int]]) -> PlaceCand | None:
    """The article's own city, the other party of a clause that names one partner: the place named in
    most sentences that word an agreement ("Bulawayo has twinned with ...", "... with Bulawayo"), or
    the article's main place when no such sentence names one more often."""
    home = main_place(ctx)
    if home is not None and all(_is_dateline(ctx, s) for s, _ in home.mentions):
        home = None  # a city named only in the dateline ("TEHRAN – ...") is where the report was written
    counts: dict[int, int] = {}
    by_id: dict[int, PlaceCand] = {}
    for s0, e0 in worded:
        for p in _unique([it for _, it in ctx.entities_in(s0, e0) if isinstance(it, PlaceCand)]):
            if p.kind not in ("province", "state", "prefecture", "region") or p is home:
                counts[id(p)] = counts.get(id(p), 0) + 1
                by_id[id(p)] = p
    if not counts:
        return home
    best = max(counts, key=lambda k: counts[k])
    if home is None or counts[best] > counts.get(id(home), 0) + 1:
        return by_id[best] if not all(_is_dateline(ctx, s) for s, _ in by_id[best].mentions) else home
    return home


# "the Memorandum of Understanding on Port Logistics (1998), the Memorandum ... (2004)": instruments
# named one after another, each with its year in brackets
_DATED_INSTRUMENT = re.compile(r"(?P<title>(?:[A-Z][\w'-]*\s(?:(?:of|on|and|to|for|the)\s)*){1,10}?)\((?P<year>(?:19|20)\d{2})\)")


_DATELINE_DATED = re.compile(r",\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s(?:19|20)\d{2})?|\d{1,2}\s[A-Z][a-z]{2,8}\s(?:19|20)\d{2})"
                             r"\s?(?:\(\w+\)\s?)?[–—-]{1,2}\s")
_DATELINE_AFTER = re.compile(r"(?:,\s[A-Z][\w. ]{1,20})?\s*(?:\(\w+\)\s*)?[–—-]{1,2}\s")


def _is_dateline(ctx: Context, start: int) -> bool:
    """"ANKARA – The cities of Braga and Tabriz will ...", "BUSAN, Korea -- ...": the city in capitals
    that opens a report says where it was written, it is not a party."""
    mention = next(((s, e) for s, e, _ in ctx.mentions_in(start, start + 80) if s == start), None)
    if mention is None:
        return False
    line_start = ctx.folded.rfind("\n", 0, start) + 1
    opens_line = re.fullmatch(r"[\s\d:-]*(?:date\s[\d-]+\s)?", ctx.folded[line_start:start]) is not None
    if opens_line and _DATELINE_DATED.match(ctx.folded, mention[1]):
        return True  # "Geneva, March 3, 2022 – Mayors of forty coastal towns ..."
    if not ctx.folded[mention[0]:mention[1]].isupper():
        return False
    return opens_line and _DATELINE_AFTER.match(ctx.folded, mention[1]) is not None


def _new_partner(ctx: Context, places: list[PlaceCand], cs: int, ce: int) -> bool:
    """"the first exchange agreement ... since the MOU with Yancheng City": "the agreement" refers back,
    unless the clause ties the text's city "with" a place that no agreement read so far has."""
    known = [p for ag in ctx.agreements for p in ag.parties]
    return any(all(p is not q for q in known) and any(ctx.folded[max(cs, s - 5):s] == "with " for s, _ in _spans_in(ctx, p, cs, ce))
               for p in places)


def _instrument_list(ctx: Context, sentence: tuple[int, int]) -> bool:
    """Two or more instruments listed with their years are one agreement each, dated by its bracket.
    The parties are the places of the sentence, or (a sentence naming none: "Since then, through
    agreements such as ...") those of the tie read just before."""
    s0, e0 = sentence
    if ctx.folded.count("(19", s0, e0) + ctx.folded.count("(20", s0, e0) < 2:
        return False  # fewer than two bracketed years: no list (a cheap test before the pattern)
    listed = []
    for m in _DATED_INSTRUMENT.finditer(ctx.folded, s0, e0):
        kind = next((t for t, p in TYPES if p.search(m.group("title").lower())), None)
        if kind is not None:
            listed.append((kind, m))
    if len(listed) < 2:
        return False
    places = _unique([it for _, it in ctx.entities_in(s0, e0) if isinstance(it, PlaceCand)])
    places = [p for p in places if not _is_container(ctx, p, s0, e0)]
    if len(places) < 2:
        places = [p for p in ctx.agreements[-1].parties] if ctx.agreements else []
    if len(places) < 2:
        return False
    for kind, m in listed:
        _add(ctx, AgreementCand(type=kind, parties=places[:2], sentence=sentence, date=m.group("year"),
                                title=m.group("title").strip(), evidence=[m.span()], rule="instrument_list"), False)
    return True


_PARTNERS = re.compile(r"\bpartner (?:cities|city|municipalities|regions|towns)\b")


def _partner_lists(ctx: Context, home: PlaceCand) -> None:
    """"... with nine partner towns. Overseas these are Weifang ..., and Da Nang": each listed city is a
    partner of the article's city (type "other" unless a closer phrase named the tie)."""
    for i, (s0, e0) in enumerate(ctx.sentences):
        if not _PARTNERS.search(ctx.lower, s0, e0):
            continue
        end = ctx.sentences[i + 1][1] if i + 1 < len(ctx.sentences) else e0
        paired = {name_of(p) for ag in ctx.agreements if home in ag.parties for p in ag.parties}
        for _, place in ctx.entities_in(s0, end):
            if not isinstance(place, PlaceCand) or place is home or name_of(place) in paired:
                continue
            if _is_container(ctx, place, s0, end):
                continue
            paired.add(name_of(place))
            ctx.agreements.append(AgreementCand(type="other", parties=[home, place], sentence=(s0, e0),
                                                evidence=[(s0, end)], rule="partner_list"))


_COUNT_WORDS = r"\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty"
_COUNTED = re.compile(rf"\b(?:{_COUNT_WORDS})\s(?:[a-z-]+\s){{0,2}}?(?:cities|municipalities|towns|regions|provinces|partners)\b")


def _counted_ties(ctx: Context) -> None:
    """"Tabriz has sister city agreements with 11 cities ... To date the city has put its name to agreements
    with Baku, Yerevan, ..., and Minsk": a tie counted in one sentence and a list of three or more
    places in the next (or the same) sentence make one agreement per listed place, typed by the tie."""
    for i, (s0, e0) in enumerate(ctx.sentences):
        low = ctx.lower[s0:e0]
        if "sister" not in low and "twin" not in low and "friend" not in low:
            continue
        counted = _COUNTED.search(low)
        if counted is None:
            continue
        kind = next((t for pos, t in sorted((m.start(), t) for t, p in TYPES for m in p.finditer(low))
                     if t in ("sister_city", "friendship_city")), None)
        before = [(e, it) for _, e, it in ctx.mentions_in(s0, s0 + counted.start()) if isinstance(it, PlaceCand)]
        # "Suwon is one of Hanoi's five sister cities, ...": the possessor counts the ties, not the first place
        owner = next((it for e, it in before if re.match(r"['’]s\s", ctx.folded[e:e + 3])
                      and e + 3 >= s0 + counted.start()), None)
        subject = owner or (before[0][1] if before else None)
        if kind is None or subject is None:
            continue
        for ls, le in [(s0 + counted.end(), e0)] + ctx.sentences[i + 1:i + 2]:
            listed = [p for p in _unique([it for _, it in ctx.entities_in(ls, le) if isinstance(it, PlaceCand)])
                      if p is not subject and not _is_container(ctx, p, ls, le)]
            if len(listed) < 3:
                continue
            planned = bool(_PLANNED.search(ctx.folded, s0, e0)) or bool(_PLANNED.search(ctx.folded, ls, le))
            for place in listed:
                _add(ctx, AgreementCand(type=kind, parties=[subject, place], sentence=(s0, e0), planned=planned,
                                        evidence=[(s0, le)], rule="planned" if planned else "partner_list"), False)
            break


def _clauses(text: str, offset: int) -> list[tuple[int, int]]:
    out, last = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((offset + last, offset + m.start()))
        last = m.end()
    out.append((offset + last, offset + len(text)))
    return out


_NUMBER_WORDS = vocab.load("en", "number_words")["cardinals"]  # "one" .. "twenty", in order (lang/en/number_words.json)
_YEARS_AGO = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r") years ago\b")
_RELATIVE_OPEN = re.compile(r",\s(?:which|who)\s")
_RESUME = re.compile(r",\s(?=(?:signed|agreed|concluded|inked|sealed|established|held|met|will|has|have|had|is|was|were|"
                     r"are|also|then|recently)\b)")


def _relative(ctx: Context, cs: int, ce: int) -> tuple[int, int] | None:
    """The span of a relative clause between commas that names an instrument of its own ("..., which signed
    a sister city agreement with Fukuoka in 2007, signed an MOU ..."): read apart, with its own date."""
    m = _RELATIVE_OPEN.search(ctx.folded, cs, ce)
    if m is None:
        return None
    r = _RESUME.search(ctx.folded, m.end(), ce)
    if r is None or not _ANY_TYPE.search(ctx.lower, m.end(), r.start()) or not _ANY_TYPE.search(ctx.lower, r.end(), ce):
        return None
    return m.start() + 2, r.start()


def _read_clause(ctx: Context, sentence: tuple[int, int], cs: int, ce: int, home: PlaceCand | None,
                 sentence_dates: list, skip: tuple[int, int] | None = None) -> None:
    clause = ctx.folded[cs:ce]
    low = ctx.lower[cs:ce]
    matches = sorted(((m.start(), t) for t, p in TYPES for m in p.finditer(low)), key=lambda x: x[0])
    if skip is not None:  # a relative clause read on its own: its instrument, places and dates are not this one's
        matches = [m for m in matches if not skip[0] <= cs + m[0] < skip[1]]
        sentence_dates = [d for d in sentence_dates if not skip[0] <= d.start < skip[1]]
    named = [(s, e) for s, e, it in ctx.mentions_in(cs, ce) if isinstance(it, OrgCand)]
    if named:  # "the Seattle-Kobe Sister City Association", "Sister Cities International": a body's name, no tie
        matches = [m for m in matches if not any(s <= cs + m[0] < e for s, e in named)]
    if not matches:
        return
    if _NEG.search(clause):
        ctx.decisions.append(("agreements", "negated", (cs, ce)))  # "no such agreement", "should become"
        return
    types_here = {t for _, t in matches}
    background_tie, since = _tie_since(matches, low, types_here)
    if background_tie:  # "Busan and Fukuoka, sister cities since 2007, signed an MOU": two instruments
        matches = [m for m in matches if not since.start() <= m[0] < since.end()]
        types_here = {t for _, t in matches}
    # "a sister city agreement, signed as an MoU" is one sister-city agreement
    if len(types_here) > 1 and "business_agreement" in types_here:
        matches = [m for m in matches if m[1] != "business_agreement"] or matches
    tie_to_come = _tie_to_come(low, matches)
    if tie_to_come:  # "a letter of intent to become twin cities": an MoU now, the tie planned
        matches = [m for m in matches if m[1] != tie_to_come]
    elif "mou" in types_here and types_here & {"sister_city", "friendship_city"}:
        matches = [m for m in matches if m[1] != "mou"]  # one instrument, typed by the tie it creates
    types_here = {t for _, t in matches}
    orgs = _unique([it for _, it in ctx.entities_in(cs, ce) if isinstance(it, OrgCand) and it.kind != "media"])
    org_spans = [o.span for o in orgs if o.kind not in ("council", "government_agency")]
    # a place inside an organization's name ("Qingdao University") is not itself a party
    places = [p for p in _unique([it for s, it in ctx.entities_in(cs, ce) if isinstance(it, PlaceCand)
                                  and not any(a <= s < b for a, b in org_spans) and not _is_dateline(ctx, s)
                                  and not (skip and skip[0] <= s < skip[1])])
              if not _is_container(ctx, p, cs, ce) and not _seat_of(ctx, p, orgs, cs, ce)]
    signed_at = re.search(r"\b(?:sign|conclud|ink)", low)
    venues = [p for p in places if signed_at and _is_venue(ctx, p, cs + signed_at.end(), ce)
              and not _spans_in(ctx, p, cs, cs + signed_at.start())]
    if venues and len(_unique([*(p for p in places if all(p is not v for v in venues)), *([home] if home else [])])) >= 2:
        places = [p for p in places if all(p is not v for v in venues)]  # "signed ... with Utah at Suwon Hwaseong"
    planned = bool(_PLANNED.search(ctx.folded[sentence[0]:sentence[1]]))
    tie_date = None
    if since is not None:  # the tie's own date ("since May 2011"), kept apart from the signing's
        own = [d for d in sentence_dates if cs + since.start() <= d.start < cs + since.end()]
        year = since.groupdict().get("year")
        tie_date = max(own, key=lambda d: SPECIFICITY.get(d.kind, 0)).value if own else year
        sentence_dates = [d for d in sentence_dates if all(d is not o for o in own)]
    # "a cooperation agreement for 2024-2026", "for the 2024-2026 period": the period it covers, not when signed
    periods = {d.value for d in sentence_dates if re.match(r"\s?[-–~]\s?\d", ctx.folded[d.end:d.end + 3])
               and re.search(r"\bfor (?:the )?(?:\d{4})?$", ctx.folded[max(0, d.start - 8):d.end - 4])}
    sentence_dates = [d for d in sentence_dates if d.value not in periods]
    dates = [d for d in sentence_dates if cs - 60 <= d.start < ce + 60] or sentence_dates
    date = max(dates, key=lambda d: SPECIFICITY.get(d.kind, 0)).value if dates else None
    # "which signed a sister city agreement in 2015, held a forum on May 3": the date written just after the
    # instrument is its own, not the most precise date of the sentence
    trigger = cs + matches[0][0]
    after = [d for d in dates if trigger < d.start < min(ce, trigger + 70)
             and not re.search(r"[,;]\s(?!(?:19|20)\d{2})", ctx.folded[trigger:d.start])
             and not ctx.folded.endswith(("for ", "until ", "to ", "through "), trigger, d.start)
             and not re.match(r"\s?[-–~]\s?\d", ctx.folded[d.end:d.end + 3])]  # "for 2024-2026": a period covered
    if after:
        date = min(after, key=lambda d: d.start).value
    elif (ago := _YEARS_AGO.search(low)) is not None and ctx.published is not None:
        # "which became sister cities 17 years ago": the year counted back from the report, not its day
        n = ago.group(1)
        date = str(ctx.published.year - (int(n) if n.isdigit() else _NUMBER_WORDS.index(n) + 1))
        after = [ago]
    # "established sister-city ties with Fukuoka in 2007, and friendly-city ties with Osaka in 2010": the verb
    # of an earlier clause governs a later one that carries its own date
    governed = cs > sentence[0] and _DATED.search(ctx.folded, sentence[0], cs) is not None \
        and any(cs <= d.start < ce for d in dates)
    if not _DATED.search(clause) and not governed:
        date = None  # "the anniversary of its sister-city relationship": no signing date here
    signed_then = _signing_date(ctx, sentence)
    if signed_then in periods:
        signed_then = None  # the signing read by the events step was dated by the period covered
    if signed_then and re.search(r"\b(?:sign|conclud)", clause) and not after:
        date = signed_then  # the date of the signing reported in this sentence
    if date is None:
        date = signed_then
    if planned and date and ctx.published and date <= ctx.published.isoformat()[: len(date)] \
            and not re.search(r"\b(?:tomorrow|next|will)\b", clause):
        planned = False  # "led the two to sign ... in May 2012": done, not planned
    title = _title(ctx.text[cs:ce])
    renewal = bool(_RENEW.search(clause))

    pairs: list[tuple[str, list[object]]] = []
    lone_party = False
    if _ANAPHORA.search(clause) and not _NEW_ONE.search(clause) and ctx.agreements \
            and not _new_partner(ctx, places, cs, ce):
        ctx.decisions.append(("agreements", "reference", (cs, ce)))  # "signed the agreement at City Hall"
        return
    if not places and _BOTH.search(clause):
        if _BOTH_BODIES.search(clause):  # "The two ports agreed to sign ...": the bodies of the last one read
            last = next((ag for ag in reversed(ctx.agreements) if any(isinstance(p, OrgCand) for p in ag.parties)), None)
            orgs = orgs or ([p for p in last.parties if isinstance(p, OrgCand)] if last else [])
        elif ctx.agreements:
            places = [p for p in ctx.agreements[-1].parties if isinstance(p, PlaceCand)]
            if len(places) > 2:  # "the two regions": the two of them the article names most
                places = sorted(places, key=lambda p: -len(p.mentions))[:2]
        else:  # "The two cities, which signed a sister city agreement in 1993, ...": the two most named
            cities = [p for p in ctx.places if p.kind not in ("province", "state", "prefecture", "region")]
            places = sorted(cities, key=lambda p: -len(p.mentions))[:2] if len(cities) >= 2 else []
    first_type = matches[0][1]
    if first_type == "friendship_city" and _LOOSE_FRIENDSHIP.search(low) and not _DATED.search(clause) \
            and not _TIE_NOUN.search(low):
        ctx.decisions.append(("agreements", "no_tie", (cs, ce)))  # "promoting friendly relations"
        return
    anchor = _possessor(ctx, places, cs, ce)
    if anchor is not None and len(places) >= 2 and len(types_here) == 1:
        # "Kobe, one of Busan's sister cities"; "Suwon is one of Hanoi's sister cities, along with Kobe and Lyon"
        trigger = cs + matches[0][0]
        others = sorted((p for p in places if p is not anchor),
                        key=lambda p: min(abs(s - trigger) for s, _ in _spans_in(ctx, p, cs, ce)))
        partners = _unique([*_one_of(ctx, others, anchor, cs, ce), *_chain(ctx, others[0], others, cs, ce)])
        pairs = [(first_type, [anchor, p]) for p in partners]
    elif len(places) >= 3 and len(types_here) == 1 and first_type in ("sister_city", "friendship_city") \
            and re.search(r"\b(?:has|have|gained|added|twinned with|include|includes)\b", clause):
        subject = places[0]
        pairs = [(first_type, [subject, p]) for p in places[1:]]
    elif len(places) >= 2 and home is not None and all(p is not home for p in places) and len(types_here) == 1 \
            and first_type in ("sister_city", "friendship_city") and _all_after_with(ctx, places, cs, ce):
        # "The city has established sister relationships with Fukuoka in 2007 and Shanghai in 1993": the
        # partners of the article's city, each with its own date, not of each other
        pairs = [(first_type, [home, p]) for p in places]
    elif len(places) >= 2 and len(types_here) == 1 and (owned := _OWN_TIES.search(low)) is not None \
            and len(listed := _listed_after(ctx, places, cs + owned.end(), ce)) >= 2:
        # "visitors from its twin towns, Lyon and Hamburg": each is a partner of the article's city, not of the
        # other; with the article's city not named ("our two twin towns"), each tie names its partner alone
        anchor = home if home is not None and all(p is not home for p in listed) else None
        pairs = [(first_type, [anchor, p] if anchor else [p]) for p in listed]
        lone_party = anchor is None
    elif len(places) >= 2:
        if len(types_here - {"business_agreement"}) > 1:
            # "our sister city Nagasaki and our friendly-exchange city Kyoto"
            anchor = home if home is not None else places[0]
            for p in places:
                if p is anchor:
                    continue
                spans = _spans_in(ctx, p, cs, ce)
                # a party taken from the tie read before ("The two cities will upgrade ... to sister city relations")
                # is not written here: the clause's last wording is the one it comes to
                pos = min(s for s, _ in spans) - cs if spans else ce - cs
                named = [m for m in matches if not (m[1] == "friendship_city" and _LOOSE_FRIENDSHIP.match(low, m[0]))]
                t = max((m for m in named if m[0] <= pos), default=(named or matches)[0], key=lambda m: m[0])[1]
                pairs.append((t, [anchor, p]))  # ("enter a phase of friendly relations" names no tie)
        else:
            # five or more places are a list ("has agreements with Baku, Tbilisi, Yerevan, ..."), not
            # the parties of one agreement: a counted list is read by _counted_ties
            kind = first_type
            if kind == "business_agreement" and len(places) >= 3:
                kind = "other"  # one agreement among three or four cities is multilateral, not a bilateral cooperation agreement
            pairs = [(kind, places)] if len(places) <= 4 else []
    elif len(places) == 1 and home is not None and places[0] is not home:
        pairs = [(first_type, [home, places[0]])]
    elif len(places) == 1 and places[0] is home and not orgs and first_type in ("mou", "business_agreement") \
            and re.search(r"\b(?:sign|conclud)", clause) and _partner(ctx, home) is not None:
        pairs = [(first_type, [home, _partner(ctx, home)])]  # "Daegu Mayor Hong and Deputy Mayor Zhao signed"
    elif len(places) == 1 and places[0] is home and not orgs and first_type in ("sister_city", "friendship_city") \
            and _UNREAD_PARTNER.search(clause) and _partner(ctx, home) is not None:
        # "Kanazwaa has been the sister city of Jeonju since 2002" (a name the gazetteer does not know, or misspelt):
        # the tie is the article's, with the other city it names most
        pairs = [(first_type, [home, _partner(ctx, home)])]
    elif orgs and len(orgs) >= 2:
        with_pos = clause.find(" with ")
        second = next((o for o in orgs[1:] if with_pos >= 0 and o.span[0] - cs > with_pos), orgs[1])
        pairs = [(first_type, [orgs[0], second])]
        verb = re.search(r"\b(?:sign|conclud|ink)", low)
        if len(places) == 1 and len(orgs) == 2 and verb and first_type in ("mou", "business_agreement") \
                and _spans_in(ctx, places[0], cs, cs + verb.start()):
            # "Busan Metropolitan City, Busan Port Authority and the Port of Koper signed a tripartite MOU"
            pairs = [(first_type, [places[0], *orgs])]
    elif len(places) == 1 and orgs:
        pairs = [(first_type, [places[0], *orgs[:1]])]
    elif not places and len(orgs) == 1 and home is not None and first_type in ("mou", "business_agreement") \
            and re.search(r"\b(?:sign|conclud|ink)", clause) and _SIGNED_BY_HEAD.search(clause):
        # "Mayor Lee and President Kim of Chungnam National University signed an MOU": the city's head signs
        pairs = [(first_type, [home, orgs[0]])]
    elif len(places) + len(orgs) >= 1 and first_type == "business_agreement" and re.search(r"\bsign", clause):
        pairs = [(first_type, places + orgs)]
    tie_named_only = bool(_TIE_AS_OCCASION.search(low))
    if tie_named_only:
        ctx.decisions.append(("agreements", "background", (cs, ce)))
    for agreement_type, parties in pairs:
        own_date = _date_beside(ctx, parties[-1], cs, ce, dates) if len(pairs) > 1 else None
        if tie_named_only and agreement_type in ("sister_city", "friendship_city"):
            own_date = date = None  # the date of the visit or plan, not of the tie: it keeps its own
        if agreement_type in ("sister_city", "friendship_city"):
            # city twinning is between places; three or more places in one clause is a list, not a pair
            parties = [p for p in parties if isinstance(p, PlaceCand)]
            if len(parties) != 2 and not (lone_party and len(parties) == 1):
                continue
        _add(ctx, AgreementCand(type=agreement_type, parties=parties, sentence=sentence, date=own_date or date,
                                planned=planned, title=title, evidence=[(cs, ce)]), renewal)
        if background_tie:
            ties = [p for p in parties if isinstance(p, PlaceCand)]
            if len(ties) == 2:
                _add(ctx, AgreementCand(type=background_tie, parties=ties, sentence=sentence, date=tie_date,
                                        evidence=[(cs, ce)]), False)
        if tie_to_come and agreement_type == "mou":
            ties = [p for p in parties if isinstance(p, PlaceCand)]
            if len(ties) == 2:
                _add(ctx, AgreementCand(type=tie_to_come, parties=ties, sentence=sentence, planned=True,
                                        evidence=[(cs, ce)], rule="tie_to_come"), False)


# "to mark the 10th anniversary of their sisterhood", "signed a sisterhood action plan": the tie is
# what an anniversary, plan or committee is of; it exists already and that occasion's date is not its own
_TIE_AS_OCCASION = re.compile(r"\banniversary of (?:the |their |its |our )?(?:[\w-]+ ){0,3}?(?:sister|twin|friend)|"
                              r"\b(?:sister|twin|friend)[\w-]*(?: [\w-]+){0,2}? (?:action plans?|implementation plans?|"
                              r"committees?|associations?|anniversary)\b")


_TIE_SINCE = re.compile(r"\b(?:sister|twin|friend)[\w-]*(?:[- ][\w-]+){0,2}? (?:since|from) (?:[\w.]+ ){0,2}?(?P<year>(?:19|20)\d{2})\b")


# "signed an agreement with its Chinese sister city Weifang": the tie says who the partner is
_TIE_DESCRIBES = re.compile(r"\b(?:its|our|their|with|with\sthe)\s(?:[\w-]+\s){0,2}?(?:sister|twin|friendship)[\w-]*\s"
                            r"(?:city|cities|towns?|provinces?|states?|regions?)\b(?!\s(?:agreement|relationship|relations|ties))")


def _tie_since(matches: list[tuple[int, str]], low: str, types_here: set[str]) -> tuple[str | None, re.Match | None]:
    """A tie named with the year it dates from beside another instrument ("sister cities since 2007, signed
    an MOU"), or naming the partner ("with its sister city Weifang"): the tie is background with its own
    date (or none), the other instrument is what was signed."""
    if not types_here - {"sister_city", "friendship_city"}:
        return None, None
    since = _TIE_SINCE.search(low) or _TIE_DESCRIBES.search(low)
    if since is None:
        return None, None
    kind = next((t for pos, t in matches if since.start() <= pos < since.end() and t in ("sister_city", "friendship_city")), None)
    return (kind, since) if kind else (None, None)


_SIGNED_BY_HEAD = re.compile(r"\b(?:Mayor|Governor|the city|the province|the county|the municipality)\b")


_TOWARDS = re.compile(r"\b(?:to establish|for the establishment|towards?|to become|to upgrade|"
                      r"on (?:the )?(?:promotion|establishment) of|to pave the way|paving the way|leading to|"
                      r"(?:to |will )?lead to|(?:to |will )?usher in|a (?:first )?step (?:to|towards)|prelude to)\b")


def _tie_to_come(low: str, matches: list[tuple[int, str]]) -> str | None:
    """The tie a preliminary instrument leads to: an MoU or letter of intent written before a
    sister/friendship wording it is "to establish"."""
    mou = next((pos for pos, t in matches if t == "mou"), None)
    tie = next(((pos, t) for pos, t in matches if t in ("sister_city", "friendship_city")), None)
    if mou is None or tie is None or tie[0] < mou:
        return None
    return tie[1] if _TOWARDS.search(low, mou, tie[0]) else None


_LOOSE_FRIENDSHIP = re.compile(r"\bfriend(?:ly|ship)(?: and cooperati\w+)? (?:relations?|ties|partnership)\b")
_TIE_NOUN = re.compile(r"\b(?:cit(?:y|ies)|provinces?|agreements?|memorand\w+|mous?)\b")


def _date_beside(ctx: Context, partner: object, cs: int, ce: int, dates: list) -> str | None:
    """In a list of partners each with its year ("Kawasaki (in 2012), Yokohama (2013)"), the date
    written right after a partner is that partnership's."""
    for _s, e in _spans_in(ctx, partner, cs, ce):
        own = next((d for d in dates if e <= d.start <= e + 12), None)
        if own is not None:
            return own.value
    return None


def _partner(ctx: Context, home: PlaceCand) -> PlaceCand | None:
    """The article's other city: the most named city that is not the home one."""
    others = [p for p in ctx.places if p is not home and p.kind not in ("province", "state", "prefecture", "region")]
    if not others:
        return None
    best = max(others, key=lambda p: len(p.mentions))
    return best if len(best.mentions) >= 2 else None


def _is_container(ctx: Context, place: PlaceCand, cs: int, ce: int) -> bool:
    """"Yongin City in Gyeonggi Province", "Tampico, a port in the Mexican state of Veracruz": the
    province or state only says where the party lies."""
    first_level = place.kind in ("province", "state", "prefecture", "region")
    in_clause = [(s, e, p) for s, e, p in ctx.mentions_in(cs, ce) if isinstance(p, PlaceCand)]
    others = [e for _, e, p in in_clause if p is not place]
    for s, _e, p in in_clause:
        if p is not place:
            continue
        prev_end = max((e for e in others if e <= s), default=None)
        if prev_end is None:
            continue
        between = ctx.folded[prev_end:s]
        if first_level and _CONTAINER_AFTER_COMMA.fullmatch(between) or _CONTAINER_AFTER_IN.fullmatch(between):
            return True
    return False


# "Yongin City, Gyeonggi Province" / "Tampico in the state of Veracruz", but not "Gyeonggi Province
# and Utah": a conjunction between two places makes them two parties
_CONTAINER_AFTER_COMMA = re.compile(r",?\s(?:in\s)?(?:the\s)?(?:(?!(?:and|or|with|to|from|between)\s)[\w-]+\s){0,2}?"
                                    r"(?:(?:state|province|prefecture)\sof\s)?")
# "Frankston City Council of Melbourne": the city a council (or district) lies in
_CONTAINER_AFTER_IN = re.compile(r"(?:\s(?:City|District|County|Province))?\sin\s(?:the\s)?|\s(?:City\s)?Council\sof\s")


_VENUE_BEFORE = re.compile(r"\b(?:at|in|held in|held at|took place in)\s(?:the\s)?$")


def _is_venue(ctx: Context, place: PlaceCand, cs: int, ce: int) -> bool:
    """"signed a sisterhood action plan with Utah ... at Suwon Hwaseong Haenggung", "signed an agreement with
    the State of Jalisco in Guadalajara": a place written only after "at" or "in" is where the signing
    took place; it is set aside when two parties remain without it (read only after the signing verb:
    "has two new sister cities in Olomouc and Torun" names partners)."""
    spans = _spans_in(ctx, place, cs, ce)
    return bool(spans) and all(_VENUE_BEFORE.search(ctx.lower, max(cs, s - 16), s) for s, _ in spans)


def _seat_of(ctx: Context, place: PlaceCand, orgs: list[OrgCand], cs: int, ce: int) -> bool:
    """"the Portuguese Embassy in Tehran", "the Korea Trade Centre in Tokyo": a place right after a body's
    name and "in" says where that body sits, it is not a party."""
    ends = {e for o in orgs for s, e in o.mentions if cs <= s < ce}
    return any(ctx.folded[max(cs, s - 4):s] == " in " and s - 4 in ends for s, _ in _spans_in(ctx, place, cs, ce))


def _possessor(ctx: Context, places: list[PlaceCand], cs: int, ce: int) -> PlaceCand | None:
    """The place whose ties a clause lists: "Incheon's sister cities", "sister cities of Busan: ..."."""
    for s, e, p in ctx.mentions_in(cs, ce):
        if any(p is q for q in places) and (_POSSESSIVE_TIE.match(ctx.folded, e, e + 40)
                                            or _TIES_OF.search(ctx.lower, max(cs, s - 40), s)):
            return p
    return None


# "<Name> has been the sister city of <home>", "<Name> became <home>'s twin town": a capitalised subject the
# gazetteer did not read, before a singular tie of the article's city
_UNREAD_PARTNER = re.compile(r"^\s*[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s(?:has\sbeen|is|became|was)\s(?:the|a|an)\s"
                             r"(?:[\w-]+\s)?(?:sister|twin|friendship|friendly)[\w-]*\s(?:city|town|province)\sof\b")
_TIES_OF = re.compile(r"\b(?:sister|twin|friendship|partner)[\w-]*\s(?:cit(?:y|ies)|towns?|provinces?|regions?)\sof\s$")


_OWN_TIES = re.compile(r"\b(?:our|its|their)\s(?:(?:two|three|four|five|six|several|many|other)\s)?(?:sister|twin|partner|"
                       r"friendship)[\w-]*\s(?:cities|towns|municipalities|provinces|regions)\b")
_LIST_GAP = re.compile(r"[\s,]*(?:(?:and|or|as well as|along with|including|such as|namely)\s)?[\s,]*")
_ONE_OF = re.compile(r",?\s(?:(?:is|was|are|were|has been|have been|became)\s)?(?:also\s)?(?:"
                     + "|".join(_NUMBER_WORDS[:5]) + r"|both|all)\s(?:of\s)?")


def _chain(ctx: Context, start: PlaceCand, places: list[PlaceCand], cs: int, ce: int) -> list[PlaceCand]:
    """The places listed one after another from `start` ("Kobe, Lyon and Perth"): only commas and
    "and" (or "as well as", "including") between one mention and the next."""
    mentions = sorted((s, e, p) for p in places for s, e in _spans_in(ctx, p, cs, ce)[:1])
    out = [start]
    last_end = next((e for s, e, p in mentions if p is start), None)
    if last_end is None:
        return out
    for s, e, p in mentions:
        if s < last_end or any(p is q for q in out):
            continue
        if not _LIST_GAP.fullmatch(ctx.lower, last_end, s):
            break
        out.append(p)
        last_end = e
    return out


def _all_after_with(ctx: Context, places: list[PlaceCand], cs: int, ce: int) -> bool:
    """Every place of the clause is written after its first "with" (no place is the subject)."""
    w = ctx.lower.find(" with ", cs, ce)
    return w >= 0 and all(s > w for p in places for s, _ in _spans_in(ctx, p, cs, ce)[:1])


def _listed_after(ctx: Context, places: list[PlaceCand], start: int, ce: int) -> list[PlaceCand]:
    """The places listed from the first one named after `start` ("its twin towns, Lyon and Hamburg")."""
    first = next((p for _s, _e, p in ctx.mentions_in(start, ce) if any(p is q for q in places)), None)
    return _chain(ctx, first, places, start, ce) if first is not None else []


def _one_of(ctx: Context, places: list[PlaceCand], anchor: PlaceCand, cs: int, ce: int) -> list[PlaceCand]:
    """"Suwon is one of Hanoi's sister cities": the place written just before "one of <anchor>'s"."""
    spans = _spans_in(ctx, anchor, cs, ce)
    out = []
    for p in places:
        for _s, e in _spans_in(ctx, p, cs, ce)[:1]:
            if any(e <= a < e + 40 and _ONE_OF.fullmatch(ctx.lower, e, a) for a, _ in spans):
                out.append(p)
    return out


_POSSESSIVE_TIE = re.compile(r"['’]s\s(?:\w+\s){0,2}(?:sister|friend|twin|partner)")


def _spans_in(ctx: Context, item: object, cs: int, ce: int) -> list[tuple[int, int]]:
    """The mentions of one entity inside a clause (by bisection: linear time on long texts)."""
    return [(s, e) for s, e, it in ctx.mentions_in(cs, ce) if it is item]


def _signing_date(ctx: Context, sentence: tuple[int, int]) -> str | None:
    """An agreement signed "at the same ceremony" takes the date of that signing."""
    for ev in ctx.events:
        if ev.type == "signing" and sentence in ev.evidence:
            return ev.date
    return None


def _title(clause: str) -> str | None:
    m = re.search(r"(?:[A-Z][\w-]*\s(?:(?:of|on|and|to|for)\s)?){1,8}(?:Agreement|Memorandum|Pact|Letter of Intent)"
                  r"(?:\s(?:of|on|to|for)\s(?:[A-Z][\w-]*\s?)+)?", clause)
    return m.group(0).strip() if m else None


def _unique(items: list) -> list:
    out: list = []
    for it in items:
        if all(it is not o for o in out):
            out.append(it)
    return out


def _add(ctx: Context, ag: AgreementCand, renewal: bool) -> None:
    names = {name_of(p) for p in ag.parties}
    for other in ctx.agreements:
        if other.type != ag.type or {name_of(p) for p in other.parties} != names:
            continue
        if renewal and other.date and ag.date and other.date != ag.date:
            continue
        if other.planned != ag.planned and ag.date:
            continue  # a dated signing of a tie planned earlier is a record of its own
        if other.date and ag.date and other.date != ag.date and not (other.planned or ag.planned):
            continue
        other.date = other.date or ag.date
        if ag.planned and not other.planned and not any(_DATED.search(ctx.folded, s, e) for s, e in other.evidence):
            other.planned = True  # "in twinning agreements with" (headline), then "will formalise": planned
        else:  # "will sign a sister city agreement soon", then "the sister city agreement is expected ...": still planned
            other.planned = other.planned and (ag.planned or any(_DATED.search(ctx.folded, s, e) for s, e in ag.evidence))
        other.title = other.title or ag.title
        other.evidence += ag.evidence
        return
    ctx.agreements.append(ag)
