"""The ingest chain: text -> Document (checksum dedupe) -> extraction -> linking -> claims.

Every document is stored in its own transaction, so a run killed half-way leaves
whole documents only, and running it again skips those already done.
Machine output never overwrites a person: claims already accepted or rejected are
left as they are; pending claims no longer produced become superseded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.extract import EXTRACTOR_VERSION, extract
from amity.sources.claims import ClaimDraft, drafts_from_extraction
from amity.sources.linking import suggest_link
from amity.sources.models import Claim, Document, text_checksum


class IngestError(ValueError):
    """The input cannot become a document (e.g. it is empty)."""


@dataclass
class IngestResult:
    document: Document
    created: bool  # a new document (False: the same text was already known)
    extracted: bool  # extraction ran (False: already done with this extractor version)
    claims: list[Claim] = field(default_factory=list)
    new_claims: int = 0
    superseded: int = 0
    links: int = 0
    warnings: list[str] = field(default_factory=list)


def _published(value) -> PartialDate | None:
    if value in (None, ""):
        return None
    try:
        return PartialDate.parse(value if not isinstance(value, str) else value.strip()[:10])
    except InvalidPartialDate:
        return None


def ingest_text(text: str, *, url: str | None = None, title: str | None = None, published=None,
                actor: str = "bot:ingest", extraction: dict | None = None) -> IngestResult:
    """Store one document and its claims. `extraction` may be passed in when it was
    computed elsewhere (a worker process); it must come from this extractor version."""
    if not isinstance(text, str) or not text.strip():
        raise IngestError("the document is empty")
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _ingest_once(text, url, title, published, actor, extraction)
        except IntegrityError:
            # Another process stored the same document or claim at the same moment:
            # run again, now finding its rows.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _ingest_once(text, url, title, published, actor, extraction) -> IngestResult:
    from amity.core.actor import acting_as

    checksum = text_checksum(text)
    document = Document.objects.select_for_update().filter(checksum=checksum).first()
    created = document is None
    # Known text: nothing to do, unless this copy brings a publication date the stored
    # one lacks (relative dates such as "on the 27th" then resolve) or a newer extractor.
    new_date = not created and document.published is None and _published(published) is not None
    if not created and document.extracted_with == EXTRACTOR_VERSION and not new_date:
        return IngestResult(document, created=False, extracted=False, claims=list(document.claims.all()))
    if extraction is None:
        pub = _published(published)
        extraction = extract(text, published=pub.isoformat() if pub and pub.day else None, url=url, title=title)
        extraction = extraction.to_dict()
    info = extraction.get("document") or {}
    with acting_as(actor):
        if created:
            document = Document(text=text)
        document.url = document.url or (url or info.get("url") or "")[:1000]
        document.title = document.title or (title or info.get("title") or "")[:500]
        document.publisher = document.publisher or (info.get("publisher") or "")[:200]
        document.language = document.language or (info.get("language") or "")[:10]
        document.published = document.published or _published(published) or _published(info.get("published"))
        document.extracted_with = EXTRACTOR_VERSION
        document.save()
    result = IngestResult(document, created=created, extracted=True, warnings=list(extraction.get("warnings") or []))
    _store_claims(document, drafts_from_extraction(extraction), extraction.get("extractor_version")
                  or EXTRACTOR_VERSION, result)
    return result


def _store_claims(document: Document, drafts: list[ClaimDraft], version: str, result: IngestResult) -> None:
    existing = {(c.slot, c.key): c for c in document.claims.all()}
    produced, to_create, to_update = set(), [], []
    for draft in drafts:
        produced.add((draft.slot, draft.key))
        claim = existing.get((draft.slot, draft.key))
        if claim is None:
            claim = Claim(document=document, slot=draft.slot, key=draft.key)
            to_create.append(claim)
        elif claim.status in (Claim.Status.ACCEPTED, Claim.Status.REJECTED):
            result.claims.append(claim)  # a person decided: leave it exactly as it is
            continue
        else:
            to_update.append(claim)
        claim.local_id, claim.label, claim.value = draft.local_id, draft.label[:300], draft.value
        claim.evidence, claim.extractor_version = draft.evidence, version
        claim.confidence, claim.explanation = draft.confidence, draft.explanation
        claim.status = Claim.Status.PENDING
        link = suggest_link(draft.slot, draft.value)
        if link is not None:
            claim.link_type = ContentType.objects.get_for_model(link.record)
            claim.link_id, claim.link_score, claim.link_explanation = link.record.pk, link.score, link.explanation
            result.links += 1
        result.claims.append(claim)
    for key, claim in existing.items():
        if key not in produced and claim.status == Claim.Status.PENDING:
            claim.status = Claim.Status.SUPERSEDED
            to_update.append(claim)
            result.superseded += 1
    # One statement per kind of write: ingest speed is bound by database round trips.
    Claim.objects.bulk_create(to_create)
    Claim.objects.bulk_update(to_update, UPDATED_FIELDS)
    result.new_claims = len(to_create)
    if to_create and to_create[0].pk is None:  # backends that do not return ids from bulk inserts
        result.claims = list(document.claims.filter(key__in=[c.key for c in result.claims]))


UPDATED_FIELDS = ["local_id", "label", "value", "evidence", "extractor_version", "confidence", "explanation",
                  "status", "link_type", "link_id", "link_score", "link_explanation"]
