"""Deciding the whole review queue at once (`amity review accept --all`), in flat memory.

The queue is walked slot by slot (facts others refer to first: an engagement needs its
people) in batches of claim ids, never loaded whole; each batch is one transaction, so a
large queue costs one commit per batch instead of one per claim, and a run that stops
half-way keeps every batch it finished.
"""

from __future__ import annotations

from django.db import transaction

from amity.core.actor import acting_as
from amity.review import services
from amity.review.run import AcceptRun
from amity.sources.models import Claim

BATCH = 500


def pending_batches(slot: str | None = None, batch: int | None = None):
    """Lists of pending claim ids, at most `batch` at a time, in the order they are to be accepted."""
    batch = batch or BATCH
    for each in [slot] if slot else services.SLOT_ORDER:
        last = 0
        while True:
            ids = list(Claim.objects.filter(status=Claim.Status.PENDING, slot=each, pk__gt=last)
                       .order_by("pk").values_list("pk", flat=True)[:batch])
            if not ids:
                break
            last = ids[-1]
            yield ids


def accept_pending(*, actor: str, slot: str | None = None, reason: str = "", report=None,
                   batch: int | None = None, **options) -> tuple[int, int]:
    """Accept every pending claim (of one slot); (accepted, skipped). `report(claim, error)` hears
    of each claim that needs a person's edit first or is outside the editor's scope; `options`
    go to `services.accept_in_run` (e.g. scope)."""
    accepted = skipped = 0
    run = AcceptRun()
    for ids in pending_batches(slot, batch):
        with acting_as(actor), transaction.atomic():
            for claim in run.load(ids):
                try:
                    services.accept_in_run(claim, run, actor=actor, reason=reason, **options)
                    accepted += 1
                except services.ReviewError as error:
                    if claim.status != Claim.Status.PENDING:
                        continue  # accepted meanwhile as another claim's dependency
                    skipped += 1
                    if report is not None:
                        report(claim, error)
            run.write()
    return accepted, skipped
