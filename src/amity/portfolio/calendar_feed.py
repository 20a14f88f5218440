"""A user's iCalendar feed: engagements and open follow-ups.

Editors with a scope see what involves their places; everyone else sees all. Only
what can stand on a calendar is included: engagements dated to the day, and
follow-ups with a due date (on its last possible day: "2025-06" on 30 June).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from icalendar import Calendar, Event

from amity.accounts import permissions
from amity.portfolio.followups import open_follow_ups, subject_of
from amity.registry import models as m

HORIZON_PAST_DAYS = 400


def _engagements(scope, since: dt.date):
    rows = m.Engagement.objects.filter(date__gte=since.isoformat()).select_related("place")
    if scope is not None:
        places, orgs = scope
        rows = rows.filter(Q(place_id__in=places) | Q(participants__place_id__in=places)
                           | Q(participants__organization_id__in=orgs) | Q(agreement__parties__place_id__in=places)
                           | Q(alliance__members__place_id__in=places)).distinct()
    return [e for e in rows.order_by("date", "id") if e.date and e.date.precision == "day"]


def _follow_ups(scope, since: dt.date):
    return [f for f in open_follow_ups(scope).filter(due__gte=str(since.year)) if f.due.latest >= since]


def _page(engagement) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("web:engagement", args=[engagement.pk])
    except NoReverseMatch:
        return ""


def _uid(kind: str, uid) -> str:
    host = (settings.ALLOWED_HOSTS or ["amity"])[0] or "amity"
    return f"{kind}-{uid}@{host}"


def feed_for(user, base_url: str = "", today: dt.date | None = None) -> bytes:
    today = today or dt.date.today()
    since = today - dt.timedelta(days=HORIZON_PAST_DAYS)
    scope = permissions.scope_of(user)
    calendar = Calendar()
    calendar.add("prodid", "-//Amity//city-to-city cooperation//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Amity: {user.get_username()}")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for engagement in _engagements(scope, since):
        event = Event()
        event.add("uid", _uid("engagement", engagement.uid))
        event.add("dtstamp", stamp)
        event.add("summary", engagement.title or str(engagement))
        day = engagement.date.earliest
        if engagement.time:
            start = dt.datetime.combine(day, engagement.time)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(hours=1))
        else:
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
        where = ", ".join(filter(None, [engagement.venue, engagement.place.name if engagement.place_id else ""]))
        if where:
            event.add("location", where)
        if engagement.outcome:
            event.add("description", engagement.outcome)
        event.add("categories", [engagement.get_type_display()])
        if base_url:
            event.add("url", base_url + _page(engagement))
        calendar.add_component(event)
    for follow_up in _follow_ups(scope, since):
        event = Event()
        event.add("uid", _uid("follow-up", follow_up.uid))
        event.add("dtstamp", stamp)
        event.add("summary", f"Due: {follow_up.action[:120]}")
        event.add("dtstart", follow_up.due.latest)
        event.add("dtend", follow_up.due.latest + dt.timedelta(days=1))
        subject = subject_of(follow_up)
        lines = [follow_up.action, f"Due {follow_up.due.display()} (by its last day)"]
        if subject is not None:
            lines.append(f"From: {subject}")
        event.add("description", "\n".join(lines))
        event.add("categories", ["follow-up"])
        calendar.add_component(event)
    return calendar.to_ical()
