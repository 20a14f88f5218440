"""The ingest chain with the admin's auto-accept rules as its last step: what every door calls."""

from __future__ import annotations

from django.db import connection

from amity.review.models import AutoAcceptRule
from amity.review.services import apply_auto_accept
from amity.sources import ingest as chain
from amity.sources.ingest import IngestResult, IngestState
from amity.sources.inputs import IncomingDocument


def auto_accept(state: IngestState) -> None:
    """The last step: accept what an enabled auto-accept rule covers."""
    if any_rule_enabled():
        apply_auto_accept(state.result.claims)


def any_rule_enabled() -> bool:
    """In plain SQL: asked once per document ingested, most often to learn that no rule is on, and
    building the query through the ORM took most of the step's time."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(AutoAcceptRule._meta.db_table)}"
                       f" WHERE {connection.ops.quote_name('enabled')} = %s LIMIT 1", [True])
        return cursor.fetchone() is not None


AFTER_STORE = [auto_accept]


def ingest_document(incoming: IncomingDocument, *, actor: str = "bot:ingest",
                    extraction: dict | None = None) -> IngestResult:
    return chain.ingest_document(incoming, actor=actor, extraction=extraction, after=AFTER_STORE)


def finish(state: IngestState) -> IngestResult:
    """The storing steps and auto-accept for a state already prepared (e.g. extracted on workers)."""
    return chain.finish(state, AFTER_STORE)


def ingest_text(text: str, *, url=None, title=None, published=None, actor: str = "bot:ingest",
                extraction: dict | None = None, door: str = "python") -> IngestResult:
    """One text through the whole chain, auto-accept included."""
    incoming = IncomingDocument(door, door, text=text, url=url, title=title, published=published)
    return ingest_document(incoming, actor=actor, extraction=extraction)
