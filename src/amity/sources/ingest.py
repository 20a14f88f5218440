"""The ingest chain: every door (CLI, web form, API) sends its documents through it.

An `IncomingDocument` (amity.sources.inputs) passes an ordered list of small named
steps over one `IngestState`, the way paperless-ngx consumes a document:

    normalise -> extract -> dedupe -> store -> draft_claims -> link -> save_claims [-> auto_accept]

`normalise` and `extract` run before the transaction; the storing steps run in one short
transaction per document, so a run killed half-way leaves whole documents only and running it again
skips those already done. Steps that come after (the review layer's auto-accept) are
passed in by the caller: sources never imports review. Machine output never
overwrites a person: claims already accepted or rejected are left as they are; pending
claims no longer produced become superseded.

Bad input raises `IngestError` with a message for the user; nothing else is expected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction

from amity.core.actor import acting_as
from amity.core.partialdate import PartialDate
from amity.extract import EXTRACTOR_VERSION
from amity.extract.parallel import extract_plain
from amity.registry.readable import headline
from amity.sources.claims import ClaimDraft, drafts_from_extraction
from amity.sources.inputs import (
    MAX_DOCUMENT_BYTES,
    IncomingDocument,
    UnreadableInput,
    decode,
    extraction_date,
    normalise_text,
    published_date,
)
from amity.sources.linking import link_by_id
from amity.sources.models import Claim, Document, text_checksum
from amity.sources.registry_index import collector_paused, looked_up_together
from amity.sources.rows import insert_rows


class IngestError(ValueError):
    """The input cannot become a document (e.g. it is empty); the message says why."""


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


@dataclass
class IngestState:
    """What the steps pass along for one document."""

    incoming: IncomingDocument
    actor: str
    extraction: dict | None = None  # may arrive computed elsewhere (a worker process, a Dask cluster)
    text: str = ""
    published: PartialDate | None = None
    checksum: str = ""
    warnings: list[str] = field(default_factory=list)
    document: Document | None = None
    created: bool = False
    drafts: list[ClaimDraft] = field(default_factory=list)
    existing: dict = field(default_factory=dict)
    to_create: list[Claim] = field(default_factory=list)
    to_update: list[Claim] = field(default_factory=list)
    result: IngestResult | None = None
    finished: bool = False  # a step found nothing left to do
    new_when_looked_up: bool = False  # no document held the text when `already_current` looked


Step = Callable[[IngestState], None]


# -- the steps -----------------------------------------------------------------------------------


def normalise(state: IngestState) -> None:
    """Bytes or text -> the text to store, its checksum and its publication date."""
    item = state.incoming
    if item.error:
        raise IngestError(item.error)
    warnings = list(item.warnings)
    if item.data is not None:
        try:
            text, decoded = decode(item.data, item.name)
        except UnreadableInput as error:
            raise IngestError(str(error)) from error
        warnings += decoded
    else:
        text = item.text
    if not isinstance(text, str):
        raise IngestError("the document has no text")
    if len(text) > MAX_DOCUMENT_BYTES:  # characters are at least one byte: cheap before encoding
        raise IngestError(f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB")
    text, cleaned = normalise_text(text)
    if not text.strip():
        raise IngestError("the document is empty")
    if len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
        raise IngestError(f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB")
    state.text, state.warnings = text, warnings + cleaned
    for name in ("url", "title", "published"):  # declared metadata is text from outside too
        value = getattr(item, name)
        if isinstance(value, str) and "\x00" in value:
            setattr(item, name, value.replace("\x00", ""))
            state.warnings.append(f"removed NUL characters from the {name}")
    state.published = published_date(item.published)
    state.checksum = text_checksum(text)


def dedupe(state: IngestState) -> None:
    """The same text is one document: look its checksum up once, locking the row."""
    if state.new_when_looked_up:
        # Looked up just before the transaction: a copy that another process stored meanwhile makes
        # this one's insert fail on the unique checksum, and `finish` runs the steps again.
        state.document, state.created = None, True
        return
    document = Document.objects.select_for_update().filter(checksum=state.checksum).first()
    state.document, state.created = document, document is None
    if document is None:
        return
    # Known text: nothing to do, unless this copy brings a publication date the stored
    # one lacks (relative dates such as "on the 27th" then resolve) or a newer extractor.
    new_date = document.published is None and state.published is not None
    if document.extracted_with == EXTRACTOR_VERSION and not new_date:
        state.result = IngestResult(document, created=False, extracted=False,
                                    claims=list(document.claims.all()), warnings=state.warnings)
        state.finished = True


def extraction_values(state: IngestState) -> dict:
    """The plain values an extraction needs: what a worker process or a Dask worker receives."""
    item = state.incoming
    return {"text": state.text, "published": extraction_date(state.published), "url": item.url,
            "title": item.title}


def already_current(state: IngestState) -> bool:
    """The text is stored and nothing new would come of extracting it again (see `dedupe`)."""
    known = Document.objects.filter(checksum=state.checksum).values_list("extracted_with", "published").first()
    state.new_when_looked_up = known is None
    return known is not None and known[0] == EXTRACTOR_VERSION and (known[1] is not None or state.published is None)


def extract_document(state: IngestState) -> None:
    """Before the transaction: extraction is most of a document's time, and inside the
    transaction it would hold SQLite's write lock (and PostgreSQL's row locks) meanwhile."""
    if state.extraction is None and not already_current(state):
        state.extraction = _extract(extraction_values(state))


_extractor_loaded = False


def _extract(values: dict) -> dict:
    """The first extraction of a process loads the gazetteer (hundreds of thousands of objects): with
    the cyclic collector paused meanwhile, and frozen out of its reach after (see collector_paused)."""
    global _extractor_loaded
    if _extractor_loaded:
        return extract_plain(values)
    with collector_paused():
        result = extract_plain(values)
    _extractor_loaded = True
    return result


def check_extraction(state: IngestState) -> None:
    if state.extraction is None:  # known when looked at outside, changed since: read it now
        state.extraction = _extract(extraction_values(state))
    if "error" in state.extraction:
        raise IngestError(f"extraction failed: {state.extraction['error']}")


def store(state: IngestState) -> None:
    info, item = state.extraction.get("document") or {}, state.incoming
    with acting_as(state.actor):
        document = state.document or Document(text=state.text)
        document.url = document.url or (item.url or info.get("url") or "")[:1000]
        document.title = document.title or (item.title or info.get("title") or headline(state.text))[:500]
        document.publisher = document.publisher or (info.get("publisher") or "")[:200]
        document.language = document.language or (info.get("language") or "")[:10]
        document.published = document.published or state.published or published_date(info.get("published"))
        document.extracted_with = EXTRACTOR_VERSION
        document.save(savepoint=False)  # the document's transaction covers the row and its log
    state.document = document
    state.result = IngestResult(document, created=state.created, extracted=True,
                                warnings=state.warnings + list(state.extraction.get("warnings") or []))


def draft_claims(state: IngestState) -> None:
    """One claim per fact, keyed by its content; decided claims stay, vanished pending ones are superseded."""
    result, version = state.result, state.extraction.get("extractor_version") or EXTRACTOR_VERSION
    state.drafts = drafts_from_extraction(state.extraction)
    state.existing = {(c.slot, c.key): c for c in state.document.claims.all()} if not state.created else {}
    produced = set()
    for draft in state.drafts:
        produced.add((draft.slot, draft.key))
        claim = state.existing.get((draft.slot, draft.key))
        if claim is None:
            claim = Claim(document=state.document, slot=draft.slot, key=draft.key)
            state.to_create.append(claim)
        elif claim.status in (Claim.Status.ACCEPTED, Claim.Status.REJECTED):
            result.claims.append(claim)  # a person decided: leave it exactly as it is
            continue
        else:
            state.to_update.append(claim)
        claim.local_id, claim.label, claim.value = draft.local_id, draft.label[:300], draft.value
        claim.evidence, claim.extractor_version = draft.evidence, version
        claim.confidence, claim.explanation = draft.confidence, draft.explanation
        claim.status = Claim.Status.PENDING
        result.claims.append(claim)
    for key, claim in state.existing.items():
        if key not in produced and claim.status == Claim.Status.PENDING:
            claim.status = Claim.Status.SUPERSEDED
            state.to_update.append(claim)
            result.superseded += 1


def link(state: IngestState) -> None:
    """Suggest the registry record each new or re-read claim is about."""
    found = []
    with looked_up_together():
        for claim in [*state.to_create, *state.to_update]:
            if claim.status == Claim.Status.PENDING:
                claim.link_type, claim.link_id, claim.link_score, claim.link_explanation = None, None, None, ""
                found.append((claim, link_by_id(claim.slot, claim.value)))
    # The linkers answer from in-memory indexes; one query per kind of record checks that
    # the rows they name are still there.
    existing = defaultdict(set)
    for model in {link.model for _, link in found if link is not None}:
        existing[model] = _still_there(model, {link.pk for _, link in found if link is not None and link.model is model})
    for claim, link in found:
        if link is not None and link.pk in existing[link.model]:
            claim.link_type = ContentType.objects.get_for_model(link.model)
            claim.link_id, claim.link_score, claim.link_explanation = link.pk, link.score, link.explanation
            state.result.links += 1


def _still_there(model, pks: set[int]) -> set[int]:
    """`model.objects.filter(pk__in=pks)`'s ids, in plain SQL: once per document, and building the
    query through the ORM took longer than running it."""
    quote, pks, found = connection.ops.quote_name, sorted(pks), set()
    column, table = quote(model._meta.pk.column), quote(model._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(pks), 500):  # within SQLite's 999 variables
            some = pks[start:start + 500]
            cursor.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({', '.join(['%s'] * len(some))})", some)
            found.update(pk for (pk,) in cursor.fetchall())
    return found


def save_claims(state: IngestState) -> None:
    # One statement per kind of write: ingest speed is bound by database round trips.
    result = state.result
    insert_rows(state.to_create)
    Claim.objects.bulk_update(state.to_update, UPDATED_FIELDS)
    result.new_claims = len(state.to_create)
    if state.to_create and state.to_create[0].pk is None:  # backends that do not return ids from bulk inserts
        result.claims = list(state.document.claims.filter(key__in=[c.key for c in result.claims]))


UPDATED_FIELDS = ["local_id", "label", "value", "evidence", "extractor_version", "confidence", "explanation",
                  "status", "link_type", "link_id", "link_score", "link_explanation"]

BEFORE_TRANSACTION: list[Step] = [normalise]
OUTSIDE_TRANSACTION: list[Step] = [extract_document]  # run by `finish`, after any parallel extraction
IN_TRANSACTION: list[Step] = [dedupe, check_extraction, store, draft_claims, link, save_claims]


# -- running the chain ---------------------------------------------------------------------------


def prepare(incoming: IncomingDocument, *, actor: str, extraction: dict | None = None) -> IngestState:
    """A state that has passed the steps before the transaction (raises IngestError for bad input)."""
    state = IngestState(incoming, actor, extraction=extraction)
    for step in BEFORE_TRANSACTION:
        step(state)
    return state


def finish(state: IngestState, after: Iterable[Step] = ()) -> IngestResult:
    """Extraction (unless done elsewhere), the storing steps in one short transaction, then the
    steps that come after it."""
    for step in OUTSIDE_TRANSACTION:
        step(state)
    for attempt in range(3):
        try:
            with transaction.atomic():
                for step in IN_TRANSACTION:
                    step(state)
                    if state.finished:
                        break
            break
        except IntegrityError:
            # Another process stored the same document or claim at the same moment:
            # run again, now finding its rows.
            if attempt == 2:
                raise
            state = IngestState(state.incoming, state.actor, state.extraction, state.text, state.published,
                                state.checksum, state.warnings)
    if state.result.extracted:
        for step in after:
            step(state)
    return state.result


def ingest_document(incoming: IncomingDocument, *, actor: str = "bot:ingest", extraction: dict | None = None,
                    after: Iterable[Step] = ()) -> IngestResult:
    """Run the whole chain for one document. `extraction` may be passed in when it was computed
    elsewhere from `extraction_values(...)`; it must come from this extractor version."""
    return finish(prepare(incoming, actor=actor, extraction=extraction), after)


def store_text(text: str, *, url: str | None = None, title: str | None = None, published=None,
               actor: str = "bot:ingest", extraction: dict | None = None, door: str = "python") -> IngestResult:
    """The chain for a text without the review layer's steps (no auto-accept rules)."""
    incoming = IncomingDocument(door, door, text=text, url=url, title=title, published=published)
    return ingest_document(incoming, actor=actor, extraction=extraction)
