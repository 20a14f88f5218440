"""Activity indicators of partnerships (agreements) and alliances, from the engagement log.

An engagement counts for an agreement when it is linked to it, or when it involves
at least two of the agreement's party places (held in one, attended by the other).
It counts for an alliance when it is linked to it. A partially dated engagement
counts at its last possible day ("2023-06" → 30 June 2023), the reading most
favourable to the partnership; the rule text says so beside the figures.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from amity.core.partialdate import PartialDate
from amity.registry import models as m

DEFAULT_DORMANT_MONTHS = 24


def dormant_months() -> int:
    """The threshold: settings.AMITY_DORMANT_MONTHS, else $AMITY_DORMANT_MONTHS, else 24."""
    value = getattr(settings, "AMITY_DORMANT_MONTHS", None) or os.environ.get("AMITY_DORMANT_MONTHS")
    try:
        return max(1, int(value)) if value else DEFAULT_DORMANT_MONTHS
    except (TypeError, ValueError):
        return DEFAULT_DORMANT_MONTHS


def months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass
class Activity:
    subject: object                    # Agreement or Alliance
    engagements: list = field(default_factory=list)
    months: int = DEFAULT_DORMANT_MONTHS
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def dated(self) -> list:
        return [e for e in self.engagements if e.date]

    @property
    def last_contact(self) -> PartialDate | None:
        dates = [e.date for e in self.dated]
        return max(dates, key=lambda d: (d.latest, d.isoformat())) if dates else None

    @property
    def since(self) -> dt.date:
        return months_before(self.today, self.months)

    @property
    def started(self) -> PartialDate | None:
        """When the partnership began: signed or established (contact cannot be expected before)."""
        return getattr(self.subject, "signed_date", None) or getattr(self.subject, "established", None)

    @property
    def dormant(self) -> bool:
        last = self.last_contact
        if last is not None:
            return last.latest < self.since
        # Never met: dormant once it is older than the threshold (or undated).
        return self.started is None or self.started.latest < self.since

    @property
    def per_year(self) -> list[tuple[int, int]]:
        counts: dict[int, int] = {}
        for engagement in self.dated:
            counts[engagement.date.year] = counts.get(engagement.date.year, 0) + 1
        if not counts:
            return []
        return [(year, counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]

    @property
    def undated(self) -> int:
        return len(self.engagements) - len(self.dated)

    @property
    def rule(self) -> str:
        return (f"Dormant when no engagement in the last {self.months} months (none since "
                f"{self.since.isoformat()}); a partial date counts at its last day.")


def _agreement_engagements(agreement: m.Agreement, by_agreement: dict, by_place: dict) -> list:
    """Engagements linked to the agreement, or involving two or more of its party places."""
    parties = {p.place_id for p in agreement.parties.all() if p.place_id}
    seen: dict[int, int] = {}
    found = {e.pk: e for e in by_agreement.get(agreement.pk, [])}
    for place_id in parties:
        for engagement in by_place.get(place_id, []):
            seen[engagement.pk] = seen.get(engagement.pk, 0) + 1
            if seen[engagement.pk] >= 2:
                found[engagement.pk] = engagement
    return sorted(found.values(), key=lambda e: (e.date.isoformat() if e.date else "", e.pk), reverse=True)


def engagement_places(engagement: m.Engagement) -> set[int]:
    """Places an engagement involves: where it was held and who took part (prefetched)."""
    places = {engagement.place_id} if engagement.place_id else set()
    for participant in engagement.participants.all():
        if participant.place_id:
            places.add(participant.place_id)
        if participant.organization_id and participant.organization.place_id:
            places.add(participant.organization.place_id)
        if participant.person_id:
            places.update(p.of_place_id for p in participant.person.positions.all() if p.of_place_id)
    return places


def _engagement_log(place_ids: set[int] | None = None) -> list:
    rows = m.Engagement.objects.select_related("place").prefetch_related(
        "participants__organization", "participants__person__positions")
    if place_ids is not None:
        rows = rows.filter(Q(place_id__in=place_ids) | Q(participants__place_id__in=place_ids)
                           | Q(agreement__isnull=False)).distinct()
    return list(rows.order_by("-date", "-id"))


def agreement_activity(agreements=None, today: dt.date | None = None) -> list[Activity]:
    agreements = list((agreements if agreements is not None else m.Agreement.objects.all())
                      .prefetch_related("parties__place", "parties__organization"))
    if not agreements:
        return []
    places = {p.place_id for a in agreements for p in a.parties.all() if p.place_id}
    by_agreement: dict[int, list] = {}
    by_place: dict[int, list] = {}
    for engagement in _engagement_log(places):
        if engagement.agreement_id:
            by_agreement.setdefault(engagement.agreement_id, []).append(engagement)
        for place_id in engagement_places(engagement):
            by_place.setdefault(place_id, []).append(engagement)
    months, today = dormant_months(), today or dt.date.today()
    return [Activity(a, _agreement_engagements(a, by_agreement, by_place), months, today) for a in agreements]


def alliance_activity(alliances=None, today: dt.date | None = None) -> list[Activity]:
    alliances = list(alliances if alliances is not None else m.Alliance.objects.all())
    months, today = dormant_months(), today or dt.date.today()
    return [Activity(alliance, list(alliance.engagements.select_related("place").order_by("-date", "-id")),
                     months, today) for alliance in alliances]
