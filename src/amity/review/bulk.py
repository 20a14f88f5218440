"""Deciding the whole review queue at once (`amity review accept --all`), in flat memory.

The queue is walked slot by slot (facts others refer to first: an engagement needs its
people) in batches of claim ids, never loaded whole; each batch is one transaction, so a
large queue costs one commit per batch instead of one per claim, and a run that stops
half-way keeps every batch it finished.
"""

from __future__ import annotations

from django.db import transaction

from amity.review import services
from amity.sources.models import Claim

BATCH = 500


def pending_batches(slot: str | None = None, batch: int | None = None):
    """Lists of pending claims, at most `batch` at a time, in the order they are to be accepted."""
    batch = batch or BATCH
    for each in [slot] if slot else services.SLOT_ORDER:
        last = 0
        while True:
            ids = list(Claim.objects.filter(status=Claim.Status.PENDING, slot=each, pk__gt=last)
                       .order_by("pk").values_list("pk", flat=True)[:batch])
            if not ids:
                break
            last = ids[-1]
            yield list(Claim.objects.filter(pk__in=ids).select_related("document").order_by("pk"))


def accept_pending(*, actor: str, slot: str | None = None, reason: str = "", report=None,
                   **options) -> tuple[int, int]:
    """Accept every pending claim (of one slot); (accepted, skipped). `report(claim, error)` hears
    of each claim that needs a person's edit first; `options` go to `services.accept` (e.g. scope)."""
    accepted = skipped = 0
    for claims in pending_batches(slot):
        with transaction.atomic():
            for claim in claims:
                try:
                    services.accept(claim, actor=actor, reason=reason, **options)
                    accepted += 1
                except services.ReviewError as error:
                    if "not pending" in str(error):
                        continue  # accepted meanwhile as another claim's dependency
                    skipped += 1
                    if report is not None:
                        report(claim, error)
    return accepted, skipped
