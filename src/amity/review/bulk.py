"""Deciding the whole review queue at once (`amity review accept --all`), in flat memory.

The queue is walked slot by slot (facts others refer to first: an engagement needs its
people) in batches of claim ids, never loaded whole; each batch is one transaction, so a
large queue costs one commit per batch instead of one per claim, and a run that stops
half-way keeps every batch it finished. A batch is first tried without a savepoint per
claim; if a claim in it cannot be accepted (it needs an edit, or is outside the editor's
scope) the batch is rolled back and taken again claim by claim, each in its savepoint.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

from amity.core.actor import acting_as
from amity.core.models import log_written_together
from amity.review import services
from amity.review.run import AcceptRun
from amity.sources.models import Claim
from amity.sources.registry_index import looked_up_together

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


class _Refused(Exception):
    """A claim of the chunk could not be accepted: the chunk is rolled back and taken claim by claim."""


def accept_pending(*, actor: str, slot: str | None = None, reason: str = "", report=None,
                   batch: int | None = None, **options) -> tuple[int, int]:
    """Accept every pending claim (of one slot); (accepted, skipped). `report(claim, error)` hears
    of each claim that needs a person's edit first or is outside the editor's scope; `options`
    go to `services.accept_in_run` (e.g. scope)."""
    accepted = skipped = 0
    run = AcceptRun()
    with log_written_together():  # each chunk's entries written with it (AcceptRun.write)
        for ids in pending_batches(slot, batch):
            try:
                done = _accept_chunk(run, ids, actor, reason, options)
                accepted += done
            except _Refused:
                run.forget()  # nothing of the chunk was kept
                done, refused = _accept_chunk_claim_by_claim(run, ids, actor, reason, options, report)
                accepted, skipped = accepted + done, skipped + refused
            except BaseException:
                run.forget()
                raise
    return accepted, skipped


def _accept_chunk(run: AcceptRun, ids: list[int], actor: str, reason: str, options: dict) -> int:
    """The whole chunk in one transaction without a savepoint per claim (two queries fewer each):
    the first claim that cannot be accepted rolls the chunk back (raises _Refused)."""
    accepted = 0
    # The link indexes read the change log once per chunk: what the chunk writes, the run tells them.
    with acting_as(actor), transaction.atomic(), looked_up_together():
        for claim in run.load(ids):
            if claim.status != Claim.Status.PENDING:
                continue  # accepted already as another claim's dependency
            try:
                services.accept_in_run(claim, run, actor=actor, reason=reason, savepoint=False, **options)
            except (services.ReviewError, DatabaseError) as error:
                raise _Refused from error
            accepted += 1
        run.write()
    return accepted


def _accept_chunk_claim_by_claim(run: AcceptRun, ids: list[int], actor: str, reason: str, options: dict,
                                 report) -> tuple[int, int]:
    accepted = skipped = 0
    with acting_as(actor), transaction.atomic(), looked_up_together():
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
