"""Read-side questions the pages ask of the registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from amity.core.partialdate import PartialDate
from amity.registry import models as m


def place_and_districts(place: m.Place) -> list[int]:
    return [place.pk, *m.Place.objects.filter(parent=place).values_list("pk", flat=True)]


def engagements_of_place(place: m.Place):
    ids = place_and_districts(place)
    return (m.Engagement.objects.filter(
        Q(place_id__in=ids) | Q(participants__place_id__in=ids) | Q(participants__organization__place_id__in=ids)
        | Q(participants__person__positions__of_place_id__in=ids)
        | Q(agreement__parties__place_id__in=ids) | Q(alliance__members__place_id__in=ids)
    ).distinct().select_related("place").order_by("-date", "-id"))


@dataclass
class Partner:
    party: object            # Place or Organization
    agreement: m.Agreement


def partners_of_place(place: m.Place) -> list[Partner]:
    ids = set(place_and_districts(place))
    agreements = (m.Agreement.objects.filter(parties__place_id__in=ids).distinct()
                  .prefetch_related("parties__place", "parties__organization", "fields"))
    found = []
    for agreement in agreements:
        for party in agreement.parties.all():
            if party.place_id not in ids:
                found.append(Partner(party.place or party.organization, agreement))
    return found


def positions_at_place(place: m.Place):
    ids = place_and_districts(place)
    return (m.Position.objects.filter(Q(of_place_id__in=ids) | Q(of_organization__place_id__in=ids) | Q(to_place_id__in=ids))
            .select_related("person", "of_place", "of_organization", "to_place").order_by("-known_from"))


def today() -> PartialDate:
    return PartialDate.parse(dt.date.today())


def follow_ups_due(within_days: int = 60):
    horizon = PartialDate.parse(dt.date.today() + dt.timedelta(days=within_days)).isoformat()
    return (m.FollowUp.objects.filter(status=m.FollowUp.Status.OPEN)
            .filter(Q(due__isnull=True) | Q(due__lte=horizon))
            .select_related("engagement", "agreement", "project", "owner_place", "owner_person").order_by("due", "id"))


def years_histogram(dates) -> list[tuple[str, int]]:
    years: dict[int, int] = {}
    for date in dates:
        if date:
            years[date.year] = years.get(date.year, 0) + 1
    if not years:
        return []
    return [(str(year), years.get(year, 0)) for year in range(min(years), max(years) + 1)]
