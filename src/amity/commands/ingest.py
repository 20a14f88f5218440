"""`amity ingest PATH…`: store press releases and their claims, with a summary."""

from __future__ import annotations

import sys
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

    def lines(self) -> list[str]:
        lines = [
            f"documents: {self.new} new, {self.known} already known, {self.failed} failed",
            f"claims: {self.claims} new ({self.superseded} superseded), links to known records: {self.links}",
            f"merge candidates open: {self.merge_candidates}",
        ]
        return lines + [f"  failed: {failure}" for failure in self.failures[:50]]


def _extract_worker(item):
    from amity.extract import extract

    try:
        return extract(item.text, published=item.published, url=item.url, title=item.title).to_dict()
    except Exception as error:  # the extractor promises not to raise; report if it ever does
        return {"error": f"{type(error).__name__}: {error}"}


def _needs_extraction(item) -> bool:
    from amity.extract import EXTRACTOR_VERSION
    from amity.sources.models import Document, text_checksum

    known = Document.objects.filter(checksum=text_checksum(item.text)).values_list("extracted_with", flat=True).first()
    return known != EXTRACTOR_VERSION


def ingest(args) -> int:
    from amity.review.intake import ingest_text
    from amity.review.models import MergeCandidate
    from amity.sources.ingest import IngestError
    from amity.sources.inputs import read_inputs

    summary = Summary()
    items = list(read_inputs(args.paths))
    good = [item for item in items if item.error is None]
    for item in items:
        if item.error:
            summary.failed += 1
            summary.failures.append(f"{item.source}: {item.error}")
    extractions = {}
    todo = [item for item in good if item.text.strip() and _needs_extraction(item)]
    if args.workers > 1 and len(todo) > 1:
        from multiprocessing import get_context

        with get_context("spawn").Pool(args.workers) as pool:
            for item, result in zip(todo, pool.imap(_extract_worker, todo, chunksize=8), strict=True):
                extractions[id(item)] = result
    show = sys.stderr.isatty() or args.progress
    for item in tqdm(good, desc="ingest", unit="doc", disable=not show or len(good) < 2, file=sys.stderr):
        extraction = extractions.get(id(item))
        if extraction and "error" in extraction:
            summary.failed += 1
            summary.failures.append(f"{item.source}: extraction failed: {extraction['error']}")
            continue
        try:
            result = ingest_text(item.text, url=item.url, title=item.title, published=item.published,
                                 actor=args.actor, extraction=extraction)
        except IngestError as error:
            summary.failed += 1
            summary.failures.append(f"{item.source}: {error}")
            continue
        if result.created:
            summary.new += 1
        else:
            summary.known += 1
            if not args.quiet and not result.extracted:
                print(f"{item.source}: already known (document {result.document.pk}), skipped", file=sys.stderr)
        summary.claims += result.new_claims
        summary.links += result.links
        summary.superseded += result.superseded
    summary.merge_candidates = MergeCandidate.objects.filter(status=MergeCandidate.Status.OPEN).count()
    print("\n".join(summary.lines()))
    return 1 if summary.failed and not (summary.new or summary.known) else 0
