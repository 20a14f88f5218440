"""Engagements: one event per sentence that reports a meeting, visit, signing,
workshop, conference, ceremony, festival, exhibition or exchange, with its date
(resolved by dates.py), time, venue, city, participants and attendance.
Background sentences ("has had sister ties since 1993") and plans without an
occasion are not events; repeated reports of one event are merged."""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from .context import Context, CountryCand, EventCand, OrgCand, PersonCand, PlaceCand, main_place
from .dates import SPECIFICITY, find_time, occasion_dates
from .event_patterns import (
    ALONGSIDE,
    ALSO,
    ANAPHOR,
    ANAPHOR_SUBJECT,
    ANY_TRIGGER,
    ATTENDANCE,
    ATTENDANCE_BEFORE,
    BACKGROUND,
    BOTH_SIDES,
    CALL_ON_PERSON,
    CALLS_ON_EACH,
    CANCELLED,
    CLOSE_QUOTE,
    COMMEMORATES,
    CONTINUES,
    DELEGATION,
    DONE_TRIGGER,
    DURING,
    DURING_TYPE,
    FRAMED_BY,
    FRAMING_VISIT,
    HABITUAL,
    HISTORY,
    HOST_BEFORE,
    IN_PLACE,
    LED_BY,
    MEETING_OF_FORUM,
    MEMBERS_LISTED,
    NEXT_DAY,
    OCCASION_TO_COME,
    OPEN_QUOTE,
    PLAN_ONLY,
    POINTS_BACK,
    PRONOUN_SUBJECT,
    PROPOSED,
    QUOTATION,
    QUOTED_SENTENCE,
    REFERENCE,
    REFERENCED,
    SAME_DAY,
    SECOND_TRIP,
    SECONDARY,
    SIGNED_BEFORE,
    SIGNED_PARTICIPLE,
    SITE_VISIT,
    STAY,
    SUBJECT_MATTER,
    THANKS_FOR,
    TITLE_CASE_ROOM,
    TO_PLACE,
    TRIGGERS,
    VENUE,
    maybe_trigger,
)
from .text import fold


def _event_type(text: str, low: str, known: set[str] = frozenset()) -> tuple[str | None, int]:
    """The event a sentence reports and where its trigger is: a signing wins; otherwise the
    trigger written first, leaving out references to another event ("After the ceremony, ...") —
    unless that occasion has not been reported yet ("During the talks, both provinces
    looked back on ...": talks took place)."""
    quoted = _quoted_spans(text)
    hits, referenced = [], []
    for m in ANY_TRIGGER.finditer(low):
        if any(a < m.start() < b for a, b in quoted):
            continue  # "With the plan signed today," he said
        if REFERENCE.search(low, max(0, m.start() - 25), m.start()):
            referenced.append((m.start(), m.lastgroup))
        else:
            hits.append((m.start(), m.lastgroup))
    if SIGNED_BEFORE.search(text) or "signed" in low and SIGNED_PARTICIPLE.search(text):  # "the Agreement ..., signed on June 22": background
        hits = [h for h in hits if h[1] != "signing"]
    # "held talks on topics such as the signing of a twinning charter": what the talks were about
    hits = [h for h in hits if h[1] != "signing" or not SUBJECT_MATTER.search(low, max(0, h[0] - 30), h[0])]
    if not hits:
        unread = [h for h in referenced if h[1] not in known]
        return (unread[0][1], unread[0][0]) if unread else (None, 0)
    signing = [h for h in hits if h[1] == "signing"]
    if signing and COMMEMORATES.search(low, max(0, signing[0][0] - 50), signing[0][0]):
        return "ceremony", signing[0][0]  # "a gala to mark the anniversary of the signing of the charter"
    if signing:
        return "signing", signing[0][0]
    m = MEETING_OF_FORUM.search(text)
    if m:
        return "conference", m.start()
    pos, etype = min(hits)
    ceremony = next((h for h in hits if h[1] == "ceremony"), None)
    if etype == "meeting" and ceremony is not None and _PASSIVE_RECEPTION.search(low, max(0, pos - 25), pos + 20):
        return "ceremony", ceremony[0]  # "were greeted by their hosts with a welcome ceremony"
    return etype, pos


_PASSIVE_RECEPTION = re.compile(r"\b(?:was|were|being) (?:\w+ly )?(?:received|welcomed)\b")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of words in quotation marks, and of a quotation opened in the sentence but not closed
    there (saying, "With the plan signed today, ...": the quote runs on into the next sentences)."""
    spans = [q.span() for q in QUOTATION.finditer(text)]
    last_end = spans[-1][1] if spans else 0
    opened = OPEN_QUOTE.search(text, last_end)
    if opened and not CLOSE_QUOTE.search(text, opened.end()):
        spans.append((opened.start(), len(text)))
    return spans


def _planned_near(low: str, trigger: int) -> bool:
    """A plan word up to the end of the trigger's own statement makes the occasion a plan ("will visit",
    "we will have an event ... to mark the signing"); one in what someone then says about it ("Greeting
    the guests, Director Hale said she hopes the accord will bring ...") does not."""
    speech = _SPEECH.search(low, trigger)
    limit = speech.start() if speech else len(low)
    if DONE_TRIGGER.match(low, trigger):
        limit = min(limit, trigger)  # "signed an agreement that aims to ...": only a plan word before counts
    return bool(PLAN_ONLY.search(low, 0, limit))


def _already_past(ctx: Context, value: str | None) -> bool:
    """Whether a date ("2024-05", "2024-05-03") is on or before the day of publication, at its own precision."""
    return value is not None and ctx.published is not None and value <= ctx.published.isoformat()[:len(value)]


_SPEECH = re.compile(r"\b(?:said|says|believes?|noted|stressed|expressed|hoped|added)\b")


def event_dates(ctx: Context, start: int, end: int) -> list:
    """Dates in a sentence that can date an event (not "said on the 4th", not a dateline, not
    "since the district was created in 2011")."""
    return occasion_dates(ctx.folded, start, end, ctx.published)


def _best(dates: list, trigger: int | None = None):
    """The date nearest the trigger word (most specific first on a tie)."""
    if not dates:
        return None
    if trigger is None:
        top = max(SPECIFICITY.get(d.kind, 0) for d in dates)
        return next(d for d in dates if SPECIFICITY.get(d.kind, 0) == top)
    # nearest to the trigger, a vague date ("this year") counting as further away than a precise one
    return min(dates, key=lambda d: (min(abs(d.start - trigger), abs(d.end - trigger))
                                     + 20 * (5 - SPECIFICITY.get(d.kind, 0)), -SPECIFICITY.get(d.kind, 0)))


def find_events(ctx: Context) -> None:
    home = main_place(ctx)
    previous_date = None
    last_had_no_event = previous_had_no_event = False
    last_type = previous_type = None
    title_events: list[EventCand] = []
    title_end = _title_end(ctx)
    for sentence in ctx.sentences:
        start, end = sentence
        text = ctx.folded[start:end]
        low = ctx.lower[start:end]
        etype, trigger = _event_type(text, low, {e.type for e in ctx.events}) if maybe_trigger(low) else (None, 0)
        dates = event_dates(ctx, start, end)
        best = _best(dates, start + trigger if etype else None)
        context_date, previous_date = previous_date, _best(dates)
        previous_had_no_event, last_had_no_event = last_had_no_event, etype is None
        previous_type, last_type = last_type, etype
        if etype is None:
            am = ATTENDANCE.search(low) or ATTENDANCE_BEFORE.search(low)
            if am and ctx.events and ANAPHOR_SUBJECT.match(text):  # "The event, attended by over 120 ..."
                ctx.events[-1].attendance = ctx.events[-1].attendance or int(am.group("n").replace(",", ""))
                ctx.events[-1].evidence.append(sentence)
            continue
        if PROPOSED.search(low, max(0, trigger - 40), trigger):
            _set_aside(ctx, "proposed", sentence)  # "She further proposed talks with the consul."
            continue
        thanked_for = next((o for o in reversed(ctx.events) if o.type == etype or etype == "visit" and o.type == "meeting"),
                           None) if THANKS_FOR.search(low, max(0, trigger - 120), trigger) else None
        if thanked_for is not None:
            # "Mayor Takashima thanked Mayor Park for the visit": the occasion already read, named again
            thanked_for.evidence.append(sentence)
            _set_aside(ctx, "reference", sentence)
            continue
        if CANCELLED.search(low):
            _set_aside(ctx, "cancelled", sentence)  # "The signing ceremony was postponed to next year."
            continue
        if HISTORY.search(low) and (best is None or best.kind in ("year",)):
            _set_aside(ctx, "background", sentence)  # "has had sister ties since 1993"
            continue
        if BACKGROUND.search(low):
            _set_aside(ctx, "background", sentence)  # "The towns first signed a pact back in ... 2004"
            continue
        if etype != "signing" and HABITUAL.search(low) and (best is None or SPECIFICITY.get(best.kind, 0) < 4):
            _set_aside(ctx, "habitual", sentence)  # "Its annual meeting alternates between ...", "have visited"
            continue
        planned = _planned_near(low, trigger)
        if planned and best is None and not OCCASION_TO_COME.search(low):
            _set_aside(ctx, "plan_only", sentence)  # "will expand exchanges": no occasion named
            continue
        inherited = False
        if best is None and context_date is not None and (previous_had_no_event or previous_type == etype) and (
                CONTINUES.match(text) or previous_had_no_event and SPECIFICITY.get(context_date.kind, 0) >= 4):
            best = context_date  # "The festival took place on March 3. It began with a parade ..."
            inherited = True
        if best is None and context_date is not None and SAME_DAY.match(text):
            best = context_date  # "In the afternoon, an event ... will be held": the day just told
            inherited = True
        if best is None:
            best = _referenced_date(ctx, low)  # "After the ceremony, ..." -> when the ceremony was
        if best is None and (STAY.match(low) or ALSO.search(low)):
            best = _recent_date(ctx, sentence)  # "During her stay ...", "Kim also attended ..."
        if best is None and NEXT_DAY.search(low):
            best = _day_after_last(ctx)  # "The next day, the two mayors visited the port."
        if planned and best is not None and _already_past(ctx, best.value):
            planned = False  # its own date, or one taken from the sentences around it, already past: it happened
        ents = [it for _, it in ctx.entities_in(start, end)]
        people = [e for e in ents if isinstance(e, PersonCand)]
        orgs = [e for e in ents if isinstance(e, OrgCand) and e.kind != "media"]
        places = [e for e in ents if isinstance(e, PlaceCand)]
        countries = [e for e in ents if isinstance(e, CountryCand)]
        if not people and PRONOUN_SUBJECT.match(text):
            people = _last_person_before(ctx, start)  # "He also attended ..."
        participants: list[object] = _unique(people + orgs)
        if etype in ("signing", "visit", "exchange"):
            participants += [p for p in _unique(places) if p not in participants]
        ev = EventCand(type=etype, sentence=sentence, date=best.value if best else None,
                       time=find_time(text), planned=planned, participants=participants,
                       evidence=[sentence])
        ev.venue = _venue(text)
        ev.place = _event_place(ctx, start, end, places, home, ev.venue)
        am = ATTENDANCE.search(low) or ATTENDANCE_BEFORE.search(low)
        if am:
            ev.attendance = int(am.group("n").replace(",", ""))
        if QUOTED_SENTENCE.match(text):
            _set_aside(ctx, "quoted", sentence)  # an opinion or plan in someone's words
            continue
        extra_people = [p for p in _people_by_family_name(ctx, start, end) if p not in people]
        if extra_people:  # "Kim also attended ...", "met with Zempilas"
            people = people + extra_people
            participants = _unique(people + orgs) + [p for p in participants if isinstance(p, PlaceCand)]
            ev.participants = participants
        if not (people or orgs or places) and BOTH_SIDES.match(text) and ctx.events:
            # "The two sides signed a memorandum ...": the parties of the occasion just reported
            previous = ctx.events[-1]
            ev.participants = list(previous.participants)
            ev.place = ev.place or previous.place
            if ev.date is None and context_date is not None:
                ev.date = context_date.value
            _add(ctx, ev, text)
            continue
        told = _told_again(ctx, ev) if POINTS_BACK.match(text) else None
        if told is not None:
            # "The signing formed part of ... Prime Minister X's official visit to Russia": the
            # signing told again, and the visit it was part of
            _add_alongside(ctx, ev, low, dates, people + orgs, only=("visit",), base_date=told.date)
            continue
        if inherited and ANAPHOR.search(text):
            same_type = next((o for o in ctx.events if o.type == etype), None)
            if same_type is not None:  # "At the opening ceremony, ...": the one already read
                _merge_into(same_type, ev)
                continue
        if not (people or orgs or places or countries and etype == "visit"):
            # "The stay lasts from the 8th to the 11th.": completes the event just read, if any
            if _complete_previous(ctx, ev, text):
                pass
            elif best is not None and (SPECIFICITY.get(best.kind, 0) >= 4 or planned):
                _add(ctx, ev, text)
            else:
                _set_aside(ctx, "no_actor", sentence)
            continue
        if end <= title_end or not ctx.events and _headline_line(ctx, sentence):
            title_events.append(ev)
            continue
        _add(ctx, ev, text)
        _add_alongside(ctx, ev, low, dates, people + orgs)
    for ev in title_events:  # a headline restates an event of the body
        target = next((o for o in ctx.events if o.type == ev.type), None)
        if target is None:
            ev.rule = "headline"
            ctx.events.insert(0, ev)
        else:
            _merge_into(target, ev)
    # after the headline is read: "Mayor X receives Y delegation" above the meeting is that meeting
    _delegation_visits(ctx)
    _dates_from_references(ctx)
    _plans_carried_out(ctx)
    _date_from_occasion(ctx)
    _headline_of_that_day(ctx)
    _calls_on_each(ctx)
    _drop_history(ctx)
    for ev in ctx.events:
        if ev.type == "visit":
            _visitors_only(ctx, ev)
        _drop_locators(ctx, ev)


# a place of this rank written after one of a lower rank ("Qingdao City, Shandong Province") locates it
_RANK = {"district": 0, "county": 1, "city": 1, "prefecture": 2, "province": 2, "state": 2, "region": 2}
_SOURCE_BEFORE = re.compile(r"\b(?:[Aa]ccording to|[Pp]hoto(?: by)?:?|[Pp]rovided by|[Cc]ourtesy of|[Ss]ource:)\s(?:the\s)?$")
_BODY_LOCATOR_GAP = re.compile(r"\s+(?:of|in)\s+")
_LOCATOR_GAP = re.compile(r"\s+in\s+|\s*,\s*|\s*\(\s*")


def _calls_on_each(ctx: Context) -> None:
    """"The deputy mayor paid courtesy calls on Mayor Park and on Speaker Lee": one meeting
    with each person called on (the callers take part in each)."""
    for ev in list(ctx.events):
        if ev.type != "meeting":
            continue
        found = next(((m, e) for s, e in ev.evidence for m in [CALLS_ON_EACH.search(ctx.folded, s, e)] if m), None)
        if found is None:
            continue
        m, end = found
        callees = _unique([it for s, _e, it in ctx.mentions_in(m.end(), end) if isinstance(it, PersonCand)])
        if len(callees) < 2:
            continue
        callers = [p for p in ev.participants if isinstance(p, PersonCand) and all(p is not c for c in callees)]
        ev.participants = [p for p in ev.participants if all(p is not c for c in callees[1:])]
        for callee in callees[1:]:
            ctx.events.insert(ctx.events.index(ev) + 1, EventCand(
                type="meeting", sentence=ev.sentence, date=ev.date, time=ev.time, planned=ev.planned,
                participants=callers + [callee], place=ev.place, evidence=[ev.sentence], rule="alongside"))


def _drop_locators(ctx: Context, ev: EventCand) -> None:
    """A place written only to say where another one lies ("Gangseo District in Seoul", "Miryang City
    in Gyeongsangnam-do", "Qingdao City, Shandong Province") or only inside a body's name ("Port of
    Antwerp") does not take part in the occasion."""
    as_party: set[int] = set()
    seen: set[int] = set()
    for start, end in ev.evidence:
        previous = None
        org_spans = []
        for s, e, item in ctx.mentions_in(start, end):
            if isinstance(item, OrgCand):
                org_spans.append((s, e))
            if not isinstance(item, PlaceCand):
                previous = None
                continue
            seen.add(id(item))
            inside_org = any(a <= s and e <= b for a, b in org_spans)
            # "Frankston City Council of Melbourne", "the Embassy of Peru in Seoul": where the body sits
            after_org = any(_BODY_LOCATOR_GAP.fullmatch(ctx.folded[b:s]) for _a, b in org_spans if b <= s)
            locator = after_org or previous is not None and item is not previous[2] and _locates(ctx, previous, (s, e, item))
            if not (inside_org or locator):
                as_party.add(id(item))
            previous = (s, e, item)
    ev.participants = [p for p in ev.participants
                       if not isinstance(p, PlaceCand) or id(p) in as_party or id(p) not in seen]
    # "According to the Office of Communications, ...", "(Photo: KNA)": who tells of it, not who took part
    sources = {id(item) for start, end in ev.evidence for s, _e, item in ctx.mentions_in(start, end)
               if isinstance(item, OrgCand) and _SOURCE_BEFORE.search(ctx.folded, max(start, s - 30), s)}
    ev.participants = [p for p in ev.participants if id(p) not in sources]


def _locates(ctx: Context, inner: tuple[int, int, PlaceCand], outer: tuple[int, int, PlaceCand]) -> bool:
    gap = ctx.folded[inner[1]:outer[0]]
    if not _LOCATOR_GAP.fullmatch(gap):
        return False
    if "in" in gap.split():
        return True
    return _RANK.get(outer[2].kind or "", 1) > _RANK.get(inner[2].kind or "", 1)


def _visitors_only(ctx: Context, ev: EventCand) -> None:
    """Who takes part in a visit are the visitors: the places they went to ("visited Beijing, Guilin
    and Shanghai", "travelled to Bry-sur-Marne", the visit's own city) are where, not who."""
    destinations = {id(ev.place)} if ev.place is not None else set()
    for start, end in ev.evidence:
        previous_end = None
        for s, e, item in ctx.mentions_in(start, end):
            if not isinstance(item, PlaceCand):
                previous_end = None
                continue
            before = ctx.folded[max(start, s - 40):s]
            listed = previous_end is not None and _LIST_GAP.fullmatch(ctx.folded[previous_end:s])
            if TO_PLACE.search(before) or listed:
                destinations.add(id(item))
                previous_end = e
            else:
                previous_end = None
    origins = {id(item) for start, end in ev.evidence for s, _e, item in ctx.mentions_in(start, end)
               if isinstance(item, PlaceCand) and _FROM.search(ctx.folded[max(start, s - 30):s])}
    ev.participants = [p for p in ev.participants if not (isinstance(p, PlaceCand) and id(p) in destinations - origins)]
    # the people visited ("met with Party Secretary Hao", "visited Deputy Governor KIM") are hosts, not visitors
    hosts = {id(item) for start, end in ev.evidence for s, _e, item in ctx.mentions_in(start, end)
             if isinstance(item, PersonCand) and HOST_BEFORE.search(ctx.folded, max(start, s - 60), s)}
    visitors = [p for p in ev.participants if id(p) not in hosts]
    if visitors:
        ev.participants = visitors


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_FROM = re.compile(r"\b(?:from|of)\s(?:the\s)?(?:[A-Z][\w-]*\s){0,3}$")


def _plans_carried_out(ctx: Context) -> None:
    """A release written ahead of a trip and published after it: "A delegation is to travel to Suzhou"
    in the lead, "... will start their programme on Tuesday, May 14" (a day already past) below.
    The plan announced first is the occasion dated after it, not a second one still to come; a plan
    told after the dated occasion ("is also expected to attend the regional summit") stays apart."""
    kept = []
    for ev in ctx.events:
        if ev.planned and ev.date is None:
            later = next((o for o in ctx.events if o.type == ev.type and not o.planned and o.date
                          and o.sentence[0] > ev.sentence[0]
                          and any(p is q for p in ev.participants for q in o.participants)), None)
            if later is not None:
                _merge_into(later, ev)
                continue
        kept.append(ev)
    ctx.events[:] = kept


def _drop_history(ctx: Context) -> None:
    """An occasion dated more than a year before the report is the history of a tie ("signed in 1998,
    this partnership ..."), not an engagement the report is about; its agreement keeps that date."""
    if ctx.published is None:
        return
    kept = []
    for ev in ctx.events:
        if _is_history(ctx, ev.date):
            _set_aside(ctx, "background", ev.sentence)
        else:
            kept.append(ev)
    ctx.events[:] = kept


def _is_history(ctx: Context, value: str | None) -> bool:
    """A date more than a year before the report, or a bare year before the report's year: when the
    tie began or how it was prepared, not today's occasion."""
    if value and ctx.published and len(value) == 4 and int(value) < ctx.published.year:
        return True  # "Last year, the two mayors signed ...": only a past year, the background of today's report
    return bool(value and ctx.published and (ctx.published - _period_end(value)).days > 365)


def _period_end(value: str) -> date:
    """The last day a partial ISO date ("2018", "2018-06", "2018-06-03") can mean."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    if month == 12:  # computed directly: the day after would be past date.max in the year 9999
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _date_from_occasion(ctx: Context) -> None:
    """An undated report of an occasion ("The delegation also toured the port") belongs to the
    dated occasion reported nearest before it (or, for the headline and lead, the first after it);
    then one occasion reported twice is folded into one record."""
    # only a day dates an occasion; "in 2013" or "last October" is background, not today's occasion
    dated = sorted(((ev.sentence[0], ev) for ev in ctx.events if ev.date and len(ev.date) == 10 and not ev.planned),
                   key=lambda x: x[0])
    if not dated:
        return
    for ev in ctx.events:
        if ev.date or ev.planned:
            continue
        before = [other for pos, other in dated if pos <= ev.sentence[0]]
        source = before[-1] if before else dated[0][1]
        ev.date = source.date
        ev.place = ev.place or source.place
    folded: list[EventCand] = []
    for ev in ctx.events:
        same = next((o for o in folded if o.type == ev.type and o.date == ev.date and o.planned == ev.planned), None)
        if same is None:
            folded.append(ev)
        else:
            _merge_into(same, ev)
    ctx.events[:] = folded


def _set_aside(ctx: Context, rule: str, sentence: tuple[int, int]) -> None:
    """Record why a sentence with an occasion word gave no event (a named rule of codes.DECISIONS)."""
    ctx.decisions.append(("events", rule, sentence))


_TRIP_OCCASIONS = ("signing", "ceremony")


def _delegation_visits(ctx: Context) -> None:
    """A delegation named in a report came on a visit ("Receiving the Jeonnam delegation headed by
    Governor Park, ..."): one visit per trip, dated by its sentence or by the occasion just reported."""
    for sentence in ctx.sentences:
        start, end = sentence
        m = DELEGATION.search(ctx.folded, start, end)
        if not m or HISTORY.search(ctx.lower, start, end) or BACKGROUND.search(ctx.lower, start, end):
            continue
        if any(ev.type == "visit" and sentence in ev.evidence for ev in ctx.events):
            continue  # "The delegation ... arrived in Izmir": the visit is already read from this sentence
        reception = next((ev for ev in ctx.events if ev.type == "meeting" and sentence in ev.evidence), None)
        if reception is not None and not any(ev.type in _TRIP_OCCASIONS and ev.date and len(ev.date) == 10
                                             and reception.date in (None, ev.date) for ev in ctx.events):
            # "received a delegation": a courtesy call that is only a reception is one meeting; with a
            # signing or a ceremony on a day of its own (that day, or the reception's unsaid), the
            # delegation made a trip
            continue
        own = _best(event_dates(ctx, start, end), m.start())
        # a plan only when the delegation itself is to come ("will send a delegation"), not because
        # someone "believes the MoU will help" later in the sentence
        planned = bool(PLAN_ONLY.search(ctx.lower, max(start, m.start() - 60), min(end, m.end() + 30)))
        if own is None:
            if planned:
                continue  # "proposed inviting a delegation": a wish, not an occasion
            own = _recent_date(ctx, sentence, window=3)
        if planned and own is not None and ctx.published and own.value <= ctx.published.isoformat()[:len(own.value)]:
            planned = False
        ents = [(s, it) for s, it in ctx.entities_in(start, end) if not isinstance(it, CountryCand)]
        leaders = [it for s, it in ents if isinstance(it, PersonCand) and s >= m.end()
                   and LED_BY.search(ctx.folded, m.end(), s)]
        led = LED_BY.search(ctx.folded, m.end(), end)
        if not (led and MEMBERS_LISTED.fullmatch(led.group(0))):
            leaders = leaders[:1]  # "led by Mayor X, met Governor Y": the leader; "composed of A, B and C": all
        origin = [it for s, it in ents if not isinstance(it, PersonCand)
                  and (m.start() - 40 <= s < m.start() or m.end() <= s < m.end() + 60)][:1]
        participants = _unique(origin + leaders) or _unique([it for _, it in ents])
        if not participants:
            continue
        _add(ctx, EventCand(type="visit", sentence=sentence, date=own.value if own else None, planned=planned,
                            participants=participants, evidence=[sentence], rule="delegation_visit"),
             ctx.folded[start:end])


def _add_alongside(ctx: Context, ev: EventCand, low: str, dates: list, actors: list,
                   only: tuple[str, ...] | None = None, base_date: str | None = None) -> None:
    """The other occasions ev's sentence reports beside it, each an event of its own."""
    start, end = ev.sentence
    second = SECOND_TRIP.search(ctx.folded, start, end) if ev.type == "visit" and len(dates) > 1 else None
    if second is not None:
        own = min((d for d in dates if d.start >= second.end()), key=lambda d: d.start, default=None)
        if own is not None and own.value != ev.date:
            trip = EventCand(type="visit", sentence=ev.sentence, date=own.value, planned=ev.planned,
                             evidence=[ev.sentence], rule="alongside")
            trip.place = ctx.place_at(second.end() - 1, second.end() + 40)
            ctx.events.append(trip)
    extras = _secondary_types(low, ev.type)
    call = _call_on_person(ctx, start, end) if ev.type == "visit" and all(x != "meeting" for x, _ in extras) else None
    if call is not None:
        extras.append(("meeting", call))
    for extra, pos in extras:
        if only is not None and extra not in only:
            continue
        # "attended the opening ceremony of the book fair and the city's biennale"
        own = _best(dates, start + pos)
        if not actors and not (own and ev.place):
            continue
        day = own.value if own else base_date or ev.date
        framed = FRAMED_BY.search(low, max(0, pos - 70), pos) or extra == "visit" and FRAMING_VISIT.match(low, pos)
        if framed and day:
            # the trip or forum began on or before the day of the occasion it framed (the day written
            # in the sentence is that occasion's): its month
            day = (base_date or ev.date or day)[:7]
        elif framed:
            told = next((o for o in ctx.events if o.type == extra and o.rule == "alongside" and not o.planned), None)
            if told is not None:  # the same frame named again ("... on the sidelines of COP28 over the weekend")
                told.evidence.append(ev.sentence)
                continue
        _add(ctx, EventCand(type=extra, sentence=ev.sentence, date=day, planned=ev.planned,
                            participants=_unique(actors), place=ev.place, evidence=[ev.sentence],
                            rule="alongside"), ctx.folded[start:end])


def _call_on_person(ctx: Context, start: int, end: int) -> int | None:
    """Where a visit is paid to a person ("a delegation ... visited Deputy Governor KIM Hak-hong"):
    calling on someone is a meeting as well as a visit."""
    for s, _e, item in ctx.mentions_in(start, end):
        if isinstance(item, PersonCand):
            m = CALL_ON_PERSON.search(ctx.folded, max(start, s - 60), s)
            if m:
                return m.start() - start
    return None


def _secondary_types(text: str, primary: str) -> list[tuple[str, int]]:
    """Other occasions the same sentence reports: "met ... to sign", "visited X and held talks",
    "attended the opening ceremony of the festival"."""
    out: list[tuple[str, int]] = []
    for etype, pattern in ALONGSIDE:
        m = pattern.search(text)
        if m and etype != primary:
            out.append((etype, m.start()))
    if primary == "signing":
        return out  # "the signing ceremony" is the signing itself
    for m in ANY_TRIGGER.finditer(text):
        t = m.lastgroup
        if t != primary and t in SECONDARY and t not in [x for x, _ in out] and \
                not REFERENCE.search(text, max(0, m.start() - 25), m.start()):
            out.append((t, m.start()))
    return out


def _people_by_family_name(ctx: Context, start: int, end: int) -> list[object]:
    """People named in a sentence by family name alone ("Kim also attended", "Ko opened by thanking Kwon")."""
    words = set(re.findall(r"\b[A-Z][a-z]+\b", ctx.folded[start:end]))
    return [p for p in ctx.people if p.family_name and p.family_name in words and " " in p.name]


def _last_person_before(ctx: Context, start: int) -> list[object]:
    found = [it for _, it in ctx.entities_in(max(0, start - 600), start) if isinstance(it, PersonCand)]
    return found[-1:]


def _recent_date(ctx: Context, sentence: tuple[int, int], window: int = 3):
    """The date of the trip or occasion reported in the last few sentences."""
    here = _sentence_index(ctx, sentence)
    if here is None:
        return None
    for ev in reversed(ctx.events):
        last = max((i for i in map(lambda s: _sentence_index(ctx, s), ev.evidence) if i is not None), default=-99)
        if ev.date and not ev.planned and here - last <= window and not _is_history(ctx, ev.date):
            # (a tie's history reported just before, "became partners in 2016", dates no trip)
            return _FixedDate(ev.date)
    return None


def _day_after_last(ctx: Context):
    """The day after the occasion reported last (a trip told day by day)."""
    last = next((ev for ev in reversed(ctx.events) if ev.date and len(ev.date) == 10), None)
    if last is None:
        return None
    return _FixedDate((date.fromisoformat(last.date) + timedelta(days=1)).isoformat())


def _referenced_date(ctx: Context, low: str):
    m = REFERENCED.match(low)
    if not m:
        return None
    etype = next((t for t, p in TRIGGERS if p.search(m.group(1))), None)
    for ev in reversed(ctx.events):
        if ev.type == etype and ev.date:
            return _FixedDate(ev.date)
    dated = [ev for ev in ctx.events if ev.date]
    return _FixedDate(dated[-1].date) if dated else None


class _FixedDate:
    """A date taken over from another event (quacks like dates.DateMention)."""

    kind = "iso"

    def __init__(self, value: str) -> None:
        self.value = value


def _dates_from_references(ctx: Context) -> None:
    """"signed cooperation deals during the celebration": the date of the celebration."""
    for ev in ctx.events:
        if ev.date:
            continue
        m = DURING.search(ctx.lower, ev.sentence[0], ev.sentence[1])
        if not m:
            continue
        wanted = DURING_TYPE.get(m.group(1), m.group(1))
        other = next((o for o in ctx.events if o is not ev and o.date and o.type == wanted), None)
        if other is not None:
            ev.date = other.date
            ev.place = ev.place or other.place


def _title_end(ctx: Context) -> int:
    if not ctx.title or not ctx.sentences:
        return -1
    first = ctx.sentences[0]
    return first[1] if ctx.folded[first[0]:first[1]].strip() == fold(ctx.title).strip() else -1


def _headline_of_that_day(ctx: Context) -> None:
    """A headline of its own kind dated as an occasion of the body restates that occasion in other
    words ("Mayor of Daegu calls on the governor" above "... paid a courtesy call on Governor X")."""
    for ev in [e for e in ctx.events if e.rule == "headline" and e.date]:
        body = next((o for o in ctx.events if o.rule != "headline" and o.date == ev.date and o.planned == ev.planned), None)
        if body is not None:
            _merge_into(body, ev)
            ctx.events.remove(ev)


def _headline_line(ctx: Context, sentence: tuple[int, int]) -> bool:
    """A short line of its own with no closing stop, above the body: a headline or a subtitle."""
    start, end = sentence
    text = ctx.folded[start:end]
    whole_line = ctx.folded[start - 1:start] in ("", "\n") and ctx.folded[end:end + 1] in ("", "\n")
    return whole_line and not text.rstrip().endswith((".", "!", "?", '"', "”")) and len(text.split()) <= 14


def _complete_previous(ctx: Context, ev: EventCand, text: str) -> bool:
    for other in reversed(ctx.events):
        if other.type == ev.type and (ANAPHOR.search(text) or _adjacent(ctx, other, ev)):
            if other.date and ev.date and other.date != ev.date:
                return False
            _merge_into(other, ev)
            return True
    return False


def _unique(items: list) -> list:
    out: list = []
    for it in items:
        if all(it is not o for o in out):
            out.append(it)
    return out


def _venue(text: str) -> str | None:
    m = VENUE.search(text)
    if not m:
        return None
    venue = m.group("venue").strip()
    venue = re.sub(r"['’]s\b.*$", "", venue)
    return venue or None


def _event_place(ctx: Context, start: int, end: int, places: list[PlaceCand], home: PlaceCand | None,
                 venue: str | None) -> PlaceCand | None:
    text = ctx.folded
    mentions = ctx.mentions_in(start, end)
    place_mentions = [(s, e, p) for s, e, p in mentions if isinstance(p, PlaceCand)]
    for _s, e, p in place_mentions:  # "Gwangju is hosting the 9th meeting ..."
        if _HOSTS.match(text, e, e + 25):
            return p
    org_spans = [(s, e) for s, e, o in mentions if isinstance(o, OrgCand)]
    for pattern in (TO_PLACE, IN_PLACE):
        for s, _e, p in place_mentions:
            if any(a <= s < b for a, b in org_spans):
                continue  # "the French Embassy in Seoul" does not say where the event is
            if pattern.search(text[max(start, s - 40):s]):
                return p
    if venue and TITLE_CASE_ROOM.search(venue):
        owner = ctx.place_at(start + text[start:end].find(venue) - 1, start + text[start:end].find(venue))
        return owner or home
    return None


_HOSTS = re.compile(r"\s(?:(?:City|is|was|will be|has been)\s)?host")


def _sentence_index(ctx: Context, sentence: tuple[int, int]) -> int | None:
    i = bisect.bisect_left(ctx.sentences, sentence)
    return i if i < len(ctx.sentences) and ctx.sentences[i] == sentence else None


def _adjacent(ctx: Context, a: EventCand, b: EventCand) -> bool:
    ia = max((i for i in map(lambda s: _sentence_index(ctx, s), a.evidence) if i is not None), default=None)
    ib = _sentence_index(ctx, b.sentence)
    return ia is not None and ib is not None and abs(ib - ia) <= 1


def _add(ctx: Context, ev: EventCand, text: str) -> None:
    if ev.type == "visit" and ev.date is None and SITE_VISIT.search(text):
        trip = next((o for o in reversed(ctx.events) if o.type == "visit" and o.planned == ev.planned), None)
        if trip is not None:  # "They visited Hwaseong Palace": a stop on the trip already told
            _merge_into(trip, ev)
            return
    for other in ctx.events:
        if other.type != ev.type or other.planned != ev.planned:
            continue
        if other.date == ev.date:
            same = True
        elif ANAPHOR.search(text) and (ev.date is None or other.date is None):
            same = True
        elif ev.type == "signing" and (ev.date is None or other.date is None):
            same = True  # one signing per release, reported more than once
        elif ev.date is None or other.date is None:
            # an undated report merges with a dated one of the same kind only when it points back
            # to it ("the ceremony") or follows right after it
            same = bool(ANAPHOR.search(text)) or _adjacent(ctx, other, ev)
        else:
            same = False
        if same:
            _merge_into(other, ev)
            return
    if ANAPHOR.search(text) and ev.type == "ceremony":
        signing = next((o for o in ctx.events if o.type == "signing"), None)
        if signing is not None:  # "Addressing the ceremony, ...": the signing ceremony
            _merge_into(signing, ev)
            return
    ctx.events.append(ev)


def _told_again(ctx: Context, ev: EventCand) -> EventCand | None:
    """Fold a sentence that points back at an occasion of its type into it; its date counts only
    where it narrows the one already read ("last week" -> "on 19 July")."""
    told = next((o for o in ctx.events if o.type == ev.type and o.planned == ev.planned), None)
    if told is None:
        return None
    narrower = ev.date and told.date and len(ev.date) > len(told.date) and ev.date.startswith(told.date)
    date = ev.date if narrower else told.date or ev.date
    _merge_into(told, ev)
    told.date = date
    return told


def _merge_into(other: EventCand, ev: EventCand) -> None:
    if True:
        if True:
            other.date = other.date or ev.date
            other.evidence.append(ev.sentence)
            other.participants += [p for p in ev.participants if all(p is not q for q in other.participants)]
            other.place = other.place or ev.place
            other.venue = other.venue or ev.venue
            other.time = other.time or ev.time
            other.attendance = other.attendance or ev.attendance


__all__ = ["find_events", "main_place", "CountryCand"]
