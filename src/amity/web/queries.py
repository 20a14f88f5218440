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
    """Engagements held at the place, with a participant from it (a person through a post), or under
    one of its agreements or alliances: each way is one indexed sub-query of ids, so neither a join
    of every participant with every position nor a DISTINCT over the product is built."""
    ids = place_and_districts(place)
    participants = m.EngagementParticipant.objects
    by = (
        participants.filter(place_id__in=ids),
        participants.filter(organization_id__in=m.Organization.objects.filter(place_id__in=ids).values("pk")),
        participants.filter(person_id__in=m.Position.objects.filter(of_place_id__in=ids).values("person_id")),
    )
    return (m.Engagement.objects.filter(
        Q(place_id__in=ids) | Q(pk__in=by[0].values("engagement_id")) | Q(pk__in=by[1].values("engagement_id"))
        | Q(pk__in=by[2].values("engagement_id"))
        | Q(agreement_id__in=m.AgreementParty.objects.filter(place_id__in=ids).values("agreement_id"))
        | Q(alliance_id__in=m.AllianceMember.objects.filter(place_id__in=ids).values("alliance_id"))
    ).select_related("place").order_by("-date", "-id"))


@dataclass
class Partner:
    party: object            # Place or Organization
    agreement: m.Agreement


def partner_parties(place: m.Place):
    """The other parties of the place's agreements (a queryset: paged in the database), oldest agreement first."""
    ids = place_and_districts(place)
    agreements = m.AgreementParty.objects.filter(place_id__in=ids).values("agreement_id")
    return (m.AgreementParty.objects.filter(agreement_id__in=agreements).exclude(place_id__in=ids)
            .select_related("place", "organization", "agreement")
            .order_by("agreement__signed_date", "agreement_id", "id"))


def partners_of_place(place: m.Place, parties=None) -> list[Partner]:
    """Partner records of `parties` (all of the place's, unless a page of them is given)."""
    parties = partner_parties(place) if parties is None else parties
    return [Partner(party.place or party.organization, party.agreement) for party in parties]


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
