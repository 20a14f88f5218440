"""`amity ingest PATH…`: store press releases and their claims, with a summary.

Inputs stream: they are read one at a time, extraction runs in this process, in a local
process pool (--workers N) or on a Dask cluster (--dask ADDRESS), and one writer (this
process) stores each result as it arrives. One bad input is reported and the run goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from tqdm import tqdm


@dataclass
class Summary:
    new: int = 0
    known: int = 0
    failed: int = 0
    claims: int = 0
    links: int = 0
    superseded: int = 0
    merge_candidates: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def fail(self, source: str, why: str) -> None:
        self.failed += 1
        self.failures.append(f"{source}: {why}")

    def lines(self) -> list[str]:
        lines = [
            f"documents: {self.new} new, {self.known} already known, {self.failed} failed or skipped",
            f"claims: {self.claims} new ({self.superseded} superseded), links to known records: {self.links}",
            f"merge candidates open: {self.merge_candidates}",
        ]
        more = [f"  … and {len(self.failures) - 50} more"] if len(self.failures) > 50 else []
        return lines + [f"  failed: {failure}" for failure in self.failures[:50]] + more


def _prepared(args, summary: Summary) -> Iterator:
    """States that passed the steps before the transaction; bad inputs are counted, not raised."""
    from amity.sources.ingest import IngestError, prepare
    from amity.sources.inputs import read_paths

    for incoming in read_paths(args.paths):
        try:
            yield prepare(incoming, actor=args.actor)
        except IngestError as error:
            summary.fail(incoming.source, str(error))


def _needing_extraction(states: Iterator, store) -> Iterator:
    """Known documents are stored (skipped) at once; the others go on to the extraction workers."""
    from amity.sources.ingest import already_current

    for state in states:
        if already_current(state):
            store(state)
        else:
            yield state


def _extracted(args, states: Iterator, store) -> Iterator:
    """States with their extraction, from wherever it runs."""
    from amity.extract import parallel
    from amity.sources.ingest import extraction_values

    if args.dask:
        with parallel.dask_client(args.dask) as client:
            for state, extraction in parallel.stream_dask(client, _needing_extraction(states, store),
                                                          extraction_values):
                state.extraction = extraction
                yield state
    elif args.workers > 1:
        for state, extraction in parallel.stream_pool(_needing_extraction(states, store), extraction_values,
                                                      args.workers):
            state.extraction = extraction
            yield state
    else:
        yield from states  # extracted by the chain's own step, in this process


def ingest(args) -> int:
    from django.db import DatabaseError

    from amity.review.intake import finish
    from amity.review.models import MergeCandidate
    from amity.sources.ingest import IngestError

    summary = Summary()

    def store(state) -> None:
        try:
            result = finish(state)
        except (IngestError, DatabaseError) as error:  # this document only; the run goes on
            summary.fail(state.incoming.source, str(error).strip().splitlines()[0] if str(error) else repr(error))
            return
        if result.created:
            summary.new += 1
        else:
            summary.known += 1
            if not args.quiet and not result.extracted:
                print(f"{state.incoming.source}: already known (document {result.document.pk}), skipped",
                      file=sys.stderr)
        for warning in state.warnings:
            print(f"{state.incoming.source}: warning: {warning}", file=sys.stderr)
        summary.claims += result.new_claims
        summary.links += result.links
        summary.superseded += result.superseded

    show = sys.stderr.isatty() or args.progress
    with tqdm(desc="ingest", unit="doc", disable=not show, file=sys.stderr) as progress:
        for state in _extracted(args, _prepared(args, summary), store):
            store(state)
            progress.update()
    summary.merge_candidates = MergeCandidate.objects.filter(status=MergeCandidate.Status.OPEN).count()
    print("\n".join(summary.lines()))
    return 1 if summary.failed and not (summary.new or summary.known) else 0
