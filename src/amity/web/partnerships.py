"""Partnerships gone quiet: active agreements with no engagement between their parties for a while.

An engagement counts for an agreement when it names the agreement, or when it involves two or
more of the agreement's party places (held there, a participant from there, or a participant
holding a position there). The whole registry is never loaded: a fixed number of queries
fetch (place, engagement) pairs — the recent engagements first, to rule out the busy
partnerships, then only the engagements of the few agreements shown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from amity.core.partialdate import PartialDate
from amity.registry import models as m

ACTIVE_AGREEMENT = [m.Agreement.Status.SIGNED, m.Agreement.Status.UPGRADED, m.Agreement.Status.RENEWED]


@dataclass
class QuietPartnership:
    agreement: m.Agreement
    last: m.Engagement | None


@dataclass(frozen=True)
class _Seen:
    """One engagement as far as the panel needs it: when, which agreement it names, which places it touches."""

    date: PartialDate
    agreement_id: int | None
    places: frozenset[int]


def _engagement_places(engagements: QuerySet, places: set[int] | None = None) -> dict[int, _Seen]:
    """The dated engagements of `engagements` with the places they involve (only those in `places`, if given)."""
    participants = m.EngagementParticipant.objects.filter(engagement__in=engagements.values("pk"))
    sources = [
        engagements.values_list("pk", "date", "agreement_id", "place_id"),
        participants.values_list("engagement_id", "engagement__date", "engagement__agreement_id", "place_id"),
        participants.values_list("engagement_id", "engagement__date", "engagement__agreement_id",
                                 "organization__place_id"),
        participants.filter(person__isnull=False).values_list(
            "engagement_id", "engagement__date", "engagement__agreement_id", "person__positions__of_place_id"),
    ]
    if places is not None:
        place_fields = ["place_id", "place_id", "organization__place_id", "person__positions__of_place_id"]
        sources = [rows.filter(**{f"{name}__in": places}) for rows, name in zip(sources, place_fields, strict=True)]
    found: dict[int, tuple] = {}
    touched: dict[int, set[int]] = defaultdict(set)
    for rows in sources:
        for pk, date, agreement_id, place_id in rows.iterator(chunk_size=2000):
            if date is None:
                continue
            found[pk] = (date, agreement_id)
            if place_id is not None:
                touched[pk].add(place_id)
    return {pk: _Seen(date, agreement_id, frozenset(touched[pk])) for pk, (date, agreement_id) in found.items()}


def _busy_agreements(cutoff: PartialDate, parties: dict[int, set[int]]) -> set[int]:
    """Agreements with an engagement on or after `cutoff` (the recent engagements are few)."""
    # Dates are ISO text: every date whose latest day can reach the cutoff starts with its year or later.
    recent = m.Engagement.objects.filter(date__gte=str(cutoff.year))
    agreements_at: dict[int, set[int]] = defaultdict(set)
    for agreement_id, places in parties.items():
        for place_id in places:
            agreements_at[place_id].add(agreement_id)
    busy = set()
    for seen in _engagement_places(recent).values():
        if seen.date.latest < cutoff.earliest:
            continue
        if seen.agreement_id:
            busy.add(seen.agreement_id)
        hits: dict[int, int] = defaultdict(int)
        for place_id in seen.places:
            for agreement_id in agreements_at.get(place_id, ()):
                hits[agreement_id] += 1
        busy.update(agreement_id for agreement_id, count in hits.items() if count >= 2)
    return busy


def _last_engagements(agreement_ids: list[int], parties: dict[int, set[int]]) -> dict[int, int]:
    """The latest engagement id of each agreement, looking only at engagements of its parties."""
    places = set().union(*(parties.get(pk, set()) for pk in agreement_ids))
    dated = m.Engagement.objects.exclude(date=None)
    seen = _engagement_places(dated, places)
    for pk, date, agreement_id in dated.filter(agreement_id__in=agreement_ids).values_list("pk", "date", "agreement_id"):
        seen.setdefault(pk, _Seen(date, agreement_id, frozenset()))
    # Indexed by place and by agreement: a busy city's thousands of engagements are intersected
    # with its partner's few, not tested once per agreement shown.
    at_place: dict[int, set[int]] = defaultdict(set)
    naming: dict[int, set[int]] = defaultdict(set)
    for pk, item in seen.items():
        for place_id in item.places:
            at_place[place_id].add(pk)
        if item.agreement_id:
            naming[item.agreement_id].add(pk)
    last: dict[int, int] = {}
    for agreement_id in agreement_ids:
        counted = set(naming.get(agreement_id, ()))
        touching = [at_place.get(place_id, set()) for place_id in parties.get(agreement_id, ())]
        for i, first in enumerate(touching):
            for second in touching[i + 1:]:
                counted |= first & second  # involves two (or more) of the parties
        if counted:
            last[agreement_id] = max(counted, key=lambda pk: (seen[pk].date.isoformat(), pk))
    return last


def quiet_partnerships(days: int = 365, limit: int = 20) -> list[QuietPartnership]:
    """Active agreements with no engagement between their parties for `days` (or none at all)."""
    cutoff = PartialDate.parse(dt.date.today() - dt.timedelta(days=days))
    parties: dict[int, set[int]] = defaultdict(set)
    for agreement_id, place_id in (m.AgreementParty.objects.filter(agreement__status__in=ACTIVE_AGREEMENT)
                                   .exclude(place=None).values_list("agreement_id", "place_id")):
        parties[agreement_id].add(place_id)
    busy = _busy_agreements(cutoff, parties)
    # An agreement signed recently is quiet only if it had an (older) engagement; one signed long ago
    # (or on an unknown date) with no recent engagement is quiet either way.
    chosen, signed_dates, certain = [], {}, 0
    for pk, signed in (m.Agreement.objects.filter(status__in=ACTIVE_AGREEMENT).order_by("signed_date", "id")
                       .values_list("pk", "signed_date").iterator(chunk_size=2000)):
        if pk in busy:
            continue
        chosen.append(pk)
        signed_dates[pk] = signed
        certain += signed is None or signed.latest < cutoff.earliest
        if certain >= limit:
            break
    last = _last_engagements(chosen, parties)
    agreements = m.Agreement.objects.prefetch_related("parties__place", "parties__organization").in_bulk(chosen)
    engagements = m.Engagement.objects.select_related("place").in_bulk(list(last.values()))
    quiet = []
    for pk in chosen:
        signed = signed_dates[pk]
        if pk in last or signed is None or signed.latest < cutoff.earliest:
            quiet.append(QuietPartnership(agreements[pk], engagements.get(last.get(pk))))
    return quiet[:limit]
