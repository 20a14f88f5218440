"""Documents: POST a press release (JSON text or a file upload) -> stored, extracted, claims returned.

The same text twice is one document (checksum); extraction then is not repeated.
"""

import datetime as dt
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db.models import Count
from ninja import File, Form, Path, Query, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from pydantic import Field as Spec

from amity.api import access
from amity.api.claims import ClaimOut, claim_out
from amity.api.crud import date_overlaps, text_search
from amity.api.errors import ERRORS
from amity.api.types import MAX_ID, VISIBLE, PartialDateText, Text, required_text, text
from amity.core.partialdate import PartialDate
from amity.review.intake import ingest_document  # the ingest chain, auto-accept rules included
from amity.sources.ingest import IngestError
from amity.sources.inputs import MAX_DOCUMENT_BYTES, IncomingDocument
from amity.sources.models import Claim, Document

router = Router(tags=["documents"])

UPLOAD_TYPES = {"text/plain", "text/html", "text/markdown", "text/x-markdown", "application/xhtml+xml",
                "application/pdf"}
UPLOAD_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf"}
Url = text(1000, pattern=rf"^https?://{VISIBLE}+$")
Title = text(500)
ArticleText = required_text()  # "" or only spaces is "the document is empty"
Language = text(10)


def max_document_bytes() -> int:
    return getattr(settings, "AMITY_API_MAX_DOCUMENT_BYTES", MAX_DOCUMENT_BYTES)


class DocumentSummary(Schema):
    id: int
    uid: str
    label: str
    url: str
    title: str
    publisher: str
    published: str | None
    language: str
    extracted_with: str
    created: dt.datetime
    length: int
    claims: int


class DocumentOut(DocumentSummary):
    checksum: str
    text: str


class DocumentIn(Schema):
    text: ArticleText = Spec(..., description="the article text (plain text, HTML or Markdown); at most 5 MB")
    url: Url | None = None
    title: Title | None = None
    published: PartialDateText | None = None


class IngestOut(Schema):
    document: DocumentOut
    created: bool = Spec(..., description="false: the same text was already stored")
    extracted: bool = Spec(..., description="false: already extracted with this extractor version")
    claims: list[ClaimOut]
    warnings: list[str]


class DocumentFilters(Schema):
    q: Text | None = Spec(None, description="text in the title, URL or body")
    language: Language | None = None
    date_from: PartialDateText | None = Spec(None, description="published from")
    date_to: PartialDateText | None = Spec(None, description="published until")
    limit: int = Spec(50, ge=1, le=500)
    offset: int = Spec(0, ge=0, le=MAX_ID)


class DocumentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DocumentSummary]


def summary(document: Document, full: bool = False, claims: int | None = None) -> dict[str, Any]:
    data = {
        "id": document.pk, "uid": str(document.uid), "label": str(document), "url": document.url,
        "title": document.title, "publisher": document.publisher,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language, "extracted_with": document.extracted_with, "created": document.created,
        "length": len(document.text), "claims": document.claims.count() if claims is None else claims,
    }
    if full:
        data.update(checksum=document.checksum, text=document.text)
    return data


def _ingest(request, incoming: IncomingDocument):
    access.require_view(request)
    access.require_review(request)
    size = len(incoming.data) if incoming.data is not None else len(incoming.text.encode("utf-8"))
    if size > max_document_bytes():
        raise HttpError(413, f"document larger than {max_document_bytes()} bytes")
    try:
        result = ingest_document(incoming, actor=access.actor(request))
    except IngestError as error:
        raise HttpError(422, str(error)) from error
    return Status(201 if result.created else 200, {
        "document": summary(result.document, full=True), "created": result.created,
        "extracted": result.extracted, "claims": [claim_out(claim) for claim in result.claims],
        "warnings": result.warnings,
    })


@router.post("", response={200: IngestOut, 201: IngestOut, **ERRORS}, operation_id="create_document",
             summary="Store a document from JSON text, extract it and return its claims")
def create_document(request, payload: DocumentIn):
    return _ingest(request, IncomingDocument("api", "api", text=payload.text, url=payload.url, title=payload.title,
                                             published=payload.published))


@router.post("/upload", response={200: IngestOut, 201: IngestOut, **ERRORS}, operation_id="upload_document",
             summary="Store a document from an uploaded file (text, HTML, Markdown or PDF)")
def upload_document(request, file: File[UploadedFile], url: Form[Url | None] = None,
                    title: Form[Title | None] = None, published: Form[PartialDateText | None] = None):
    content_type = (file.content_type or "").split(";")[0].strip().lower()
    suffix = PurePath(file.name or "").suffix.lower()
    if content_type not in UPLOAD_TYPES and suffix not in UPLOAD_SUFFIXES:
        raise HttpError(415, f"unsupported file type {content_type or suffix or 'unknown'}: "
                             "send text/plain, text/html, text/markdown or application/pdf")
    if file.size is not None and file.size > max_document_bytes():
        raise HttpError(413, f"file larger than {max_document_bytes()} bytes")
    data = file.read(max_document_bytes() + 1)
    return _ingest(request, IncomingDocument(f"upload {file.name or ''}".strip(), "api", data=data,
                                             name=file.name or "", url=url, published=published,
                                             title=title or (PurePath(file.name).stem if file.name else None)))


@router.get("", response={200: DocumentPage, **ERRORS}, operation_id="list_documents", summary="List documents")
def list_documents(request, filters: Query[DocumentFilters]):
    access.require_view(request)
    documents = Document.objects.all()
    if filters.q:
        documents = documents.filter(text_search(("title", "url", "text"), filters.q))
    if filters.language:
        documents = documents.filter(language__iexact=filters.language)
    if filters.date_from or filters.date_to:
        documents = documents.filter(date_overlaps(
            "published", PartialDate.coerce(filters.date_from), PartialDate.coerce(filters.date_to)))
    page = list(documents[filters.offset:filters.offset + filters.limit])
    # one grouped count for the page, not one count per document
    claims = dict(Claim.objects.filter(document__in=page).values("document").annotate(n=Count("id"))
                  .values_list("document", "n"))
    return {"count": documents.count(), "limit": filters.limit, "offset": filters.offset,
            "items": [summary(document, claims=claims.get(document.pk, 0)) for document in page]}


@router.get("/{id}", response={200: DocumentOut, **ERRORS}, operation_id="get_document",
            summary="One document with its text")
def get_document(request, id: int = Path(..., ge=1, le=MAX_ID)):
    access.require_view(request)
    document = Document.objects.filter(pk=id).first()
    if document is None:
        raise HttpError(404, f"no document with id {id}")
    return summary(document, full=True)
