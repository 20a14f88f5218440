"""Ingest with the admin's auto-accept rules applied: what callers outside the CLI use."""

from __future__ import annotations

from amity.review.services import apply_auto_accept
from amity.sources.ingest import IngestResult
from amity.sources.ingest import ingest_text as store_text


def ingest_text(text: str, *, url=None, title=None, published=None, actor: str = "bot:ingest",
                extraction: dict | None = None) -> IngestResult:
    result = store_text(text, url=url, title=title, published=published, actor=actor, extraction=extraction)
    if result.extracted:
        apply_auto_accept(result.claims)
    return result
