"""Engagements: one event per sentence that reports a meeting, visit, signing,
workshop, conference, ceremony, festival, exhibition or exchange, with its date
(resolved by dates.py), time, venue, city, participants and attendance.
Background sentences ("has had sister ties since 1993") and plans without an
occasion are not events; repeated reports of one event are merged."""

from __future__ import annotations

import re

from .context import Context, CountryCand, EventCand, OrgCand, PersonCand, PlaceCand
from .dates import SPECIFICITY, find_dates, find_time

# (type, trigger) in priority order: the first that matches names the sentence's event
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [(t, re.compile(p, re.I)) for t, p in [
    ("signing", r"\bsign(?:ed|s|ing)\b(?! up)|put pen to paper|put (?:their|his|her) names? to|\binked\b|"
                r"\bconclud(?:ed|ing) (?:a|an|the)\b[^.]{0,60}\b(?:agreement|memorandum|mou|pact)|formally became"),
    ("workshop", r"\bworkshops?\b"),
    ("conference", r"\b(?:forum|conference|summit|seminar|symposium|congress)\b"),
    ("meeting", r"\b(?:met|meets|meeting|held talks|talks with|courtesy calls?|received|sat down with|"
                r"paid (?:a )?courtes|hosted (?:a |the )?delegation)\b"),
    ("visit", r"\b(?:visit(?:ed|ing|s)?|trip|travell?ed|toured|came to|arrived in)\b"),
    ("ceremony", r"\b(?:ceremony|reception|commemorat\w+ events?)\b"),
    ("festival", r"\bfestival\b"),
    ("exhibition", r"\b(?:exhibition|biennale|trade fair)\b"),
    ("exchange", r"\b(?:homestay|concert|exchange (?:program|event)s?)\b"),
]]
_HISTORY = re.compile(r"\b(?:since (?:19|20)\d\d|has had|have had|dates? back|was founded|were established|"
                      r"goes back|over the past|for the past|so far)\b", re.I)
_PLAN_ONLY = re.compile(r"\b(?:will|would|plans? to|intends? to|hopes?|aims? to|could|should)\b", re.I)
_ANAPHOR = re.compile(r"\b(?:the|this|that|same) (?:ceremony|meeting|signing|event|visit|workshop|forum|talks)\b", re.I)
_ANAPHOR_SUBJECT = re.compile(r"(?:the|this) (?:event|workshop|meeting|ceremony|forum|conference|gathering|"
                              r"seminar|festival)\b", re.I)
_ATTENDANCE = re.compile(
    r"\b(?:attended by|drew|brought together|gathered|involving|with|of|featuring)\s+(?:over |more than |about |"
    r"some |nearly |around |approximately |up to )?(?P<n>\d[\d,]*)\s+(?:[\w-]+\s){0,3}?(?:people|participants|"
    r"staff|officials|delegates|attendees|students|visitors|guests|members|residents)\b", re.I)
_VENUE = re.compile(r"\b(?:at|in) (?:the )?(?P<venue>(?:[A-Z][\w'’-]*\s){0,5}(?:Hotel|Hall|Room|room|Center|Centre|"
                    r"Building|Museum|Campus|Stadium|Office|Church|Plaza|Park)(?:['’]s)?(?:\s(?:[A-Z][\w-]*|"
                    r"international \w+ room))*)")
_TITLE_CASE_ROOM = re.compile(r"(?:City Hall|Town Hall)")


def main_place(ctx: Context) -> PlaceCand | None:
    """The place an article is about: the most mentioned (the first on a tie)."""
    if not ctx.places:
        return None
    return max(ctx.places, key=lambda p: (len(p.mentions), -p.mentions[0][0]))


def find_events(ctx: Context) -> None:
    home = main_place(ctx)
    for sentence in ctx.sentences:
        start, end = sentence
        text = ctx.folded[start:end]
        etype = next((t for t, p in TRIGGERS if p.search(text)), None)
        if etype is None:
            am = _ATTENDANCE.search(text)
            if am and ctx.events and _ANAPHOR_SUBJECT.match(text):  # "The event, attended by over 120 ..."
                ctx.events[-1].attendance = ctx.events[-1].attendance or int(am.group("n").replace(",", ""))
                ctx.events[-1].evidence.append(sentence)
            continue
        dates = [d for d in find_dates(ctx.folded, start, end, ctx.published)]
        # a date naming an event ("the 2030 World Expo") is not when this one happens
        dates = [d for d in dates if d.value]
        best = max(dates, key=lambda d: SPECIFICITY.get(d.kind, 0)) if dates else None
        if _HISTORY.search(text) and (best is None or best.kind in ("year",)):
            continue
        planned = bool(_PLAN_ONLY.search(text))
        if planned and best is None:
            continue
        ents = [it for _, it in ctx.entities_in(start, end)]
        people = [e for e in ents if isinstance(e, PersonCand)]
        orgs = [e for e in ents if isinstance(e, OrgCand)]
        places = [e for e in ents if isinstance(e, PlaceCand)]
        if not (people or orgs or places or ctx.countries):
            continue
        participants: list[object] = _unique(people + orgs)
        if etype in ("signing", "visit", "exchange"):
            participants += [p for p in _unique(places) if p not in participants]
        ev = EventCand(type=etype, sentence=sentence, date=best.value if best else None,
                       time=find_time(text), planned=planned, participants=participants,
                       evidence=[sentence])
        ev.venue = _venue(text)
        ev.place = _event_place(ctx, start, end, places, home, ev.venue)
        am = _ATTENDANCE.search(text)
        if am:
            ev.attendance = int(am.group("n").replace(",", ""))
        _add(ctx, ev, text)


def _unique(items: list) -> list:
    out: list = []
    for it in items:
        if all(it is not o for o in out):
            out.append(it)
    return out


def _venue(text: str) -> str | None:
    m = _VENUE.search(text)
    if not m:
        return None
    venue = m.group("venue").strip()
    venue = re.sub(r"['’]s\b.*$", "", venue)
    return venue or None


def _event_place(ctx: Context, start: int, end: int, places: list[PlaceCand], home: PlaceCand | None,
                 venue: str | None) -> PlaceCand | None:
    text = ctx.folded
    for p in places:
        for s, e in p.mentions:
            if start <= s < end and re.search(r"\b(?:in|at|to|visiting|visited)\s(?:the\s)?(?:[A-Z][\w-]*\s){0,4}$",
                                              text[max(start, s - 40):s]):
                return p
    if venue and _TITLE_CASE_ROOM.search(venue):
        owner = ctx.place_at(start + text[start:end].find(venue) - 1, start + text[start:end].find(venue))
        return owner or home
    return None


def _add(ctx: Context, ev: EventCand, text: str) -> None:
    for other in ctx.events:
        same_day = other.date == ev.date or ev.date is None or other.date is None
        if other.type == ev.type and same_day:
            other.date = other.date or ev.date
            other.evidence.append(ev.sentence)
            other.participants += [p for p in ev.participants if all(p is not q for q in other.participants)]
            other.place = other.place or ev.place
            other.venue = other.venue or ev.venue
            other.time = other.time or ev.time
            other.attendance = other.attendance or ev.attendance
            return
    ctx.events.append(ev)


__all__ = ["find_events", "main_place", "CountryCand"]
