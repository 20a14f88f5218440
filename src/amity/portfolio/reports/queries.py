"""Registry questions the reports ask (a city's engagements, partners, follow-ups)."""

from __future__ import annotations

from django.db.models import Q

from amity.registry import models as m


def place_and_districts(place: m.Place) -> set[int]:
    return {place.pk, *m.Place.objects.filter(parent=place).values_list("pk", flat=True)}


def engagements_of_places(ids: set[int]):
    return (m.Engagement.objects.filter(
        Q(place_id__in=ids) | Q(participants__place_id__in=ids) | Q(participants__organization__place_id__in=ids)
        | Q(participants__person__positions__of_place_id__in=ids)
        | Q(agreement__parties__place_id__in=ids) | Q(alliance__members__place_id__in=ids)
    ).distinct().select_related("place", "agreement", "alliance")
        .prefetch_related("participants__organization", "participants__person__positions")
        .order_by("date", "id"))


def agreements_of_places(ids: set[int]):
    return (m.Agreement.objects.filter(parties__place_id__in=ids).distinct()
            .prefetch_related("parties__place", "parties__organization", "status_history"))


def partners_in(agreement: m.Agreement, ids: set[int]) -> list:
    """The other parties of an agreement (places or organizations)."""
    return [party.place or party.organization for party in agreement.parties.all() if party.place_id not in ids]


def follow_ups_of(ids: set[int], engagement_ids: set[int], agreement_ids: set[int]):
    return (m.FollowUp.objects.filter(
        Q(owner_place_id__in=ids) | Q(engagement_id__in=engagement_ids) | Q(agreement_id__in=agreement_ids))
        .distinct().select_related("engagement", "agreement", "project", "owner_place", "owner_person",
                                   "owner_organization").order_by("due", "id"))


def owner_of(follow_up: m.FollowUp):
    return follow_up.owner_person or follow_up.owner_place or follow_up.owner_organization
