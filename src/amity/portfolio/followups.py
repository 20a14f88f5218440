"""Follow-ups that are overdue or due this month.

A partial due date is due by its last day: "2025-06" by 30 June 2025, "2025" by
31 December 2025. Due dates are stored as ISO text, so the database narrows the
candidates and the exact rule runs here on PartialDate.latest.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.db.models import Q, QuerySet

from amity.registry import models as m

OPEN = m.FollowUp.Status.OPEN


def open_follow_ups(scope: tuple[set[int], set[int]] | None = None) -> QuerySet:
    rows = (m.FollowUp.objects.filter(status=OPEN).exclude(due=None)
            .select_related("engagement", "agreement", "project", "owner_place", "owner_person",
                            "owner_organization"))
    if scope is not None:
        places, orgs = scope
        rows = rows.filter(
            Q(owner_place_id__in=places) | Q(owner_organization_id__in=orgs)
            | Q(engagement__place_id__in=places) | Q(engagement__participants__place_id__in=places)
            | Q(agreement__parties__place_id__in=places) | Q(project__members__place_id__in=places)
            | Q(project__alliance__members__place_id__in=places)
        ).distinct()
    return rows


def overdue(today: dt.date | None = None, scope=None) -> list[m.FollowUp]:
    """Open follow-ups whose due date (its last possible day) is before today."""
    today = today or dt.date.today()
    candidates = open_follow_ups(scope).filter(due__lt=today.isoformat())
    return sorted((f for f in candidates if f.due.latest < today), key=lambda f: (f.due.latest, f.pk))


def due_this_month(today: dt.date | None = None, scope=None) -> list[m.FollowUp]:
    """Open follow-ups whose due date (its last possible day) falls in today's month."""
    today = today or dt.date.today()
    first = today.replace(day=1)
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    candidates = open_follow_ups(scope).filter(due__gte=str(today.year), due__lte=last.isoformat())
    return sorted((f for f in candidates if first <= f.due.latest <= last),
                  key=lambda f: (f.due.latest, f.pk))


def due_later(today: dt.date | None = None, scope=None) -> list[m.FollowUp]:
    """Open follow-ups due after this month."""
    today = today or dt.date.today()
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    return sorted((f for f in open_follow_ups(scope).filter(due__gte=str(today.year)) if f.due.latest > last),
                  key=lambda f: (f.due.latest, f.pk))


def all_open(today: dt.date | None = None, scope=None) -> list[m.FollowUp]:
    """Every open follow-up with a due date: overdue, this month and later, soonest first."""
    return sorted(open_follow_ups(scope), key=lambda f: (f.due.latest, f.pk))


VIEWS = {"overdue": overdue, "month": due_this_month, "later": due_later, "all": all_open}


def days_late(follow_up: m.FollowUp, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    return (today - follow_up.due.latest).days if follow_up.due else 0


def subject_of(follow_up: m.FollowUp):
    """The engagement, agreement or project a follow-up belongs to."""
    return follow_up.engagement or follow_up.agreement or follow_up.project
