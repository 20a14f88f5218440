"""GET /search: one box over record names (all their variants) and the full text of documents.

Uses the project's search service (amity.search: SQLite FTS5 / PostgreSQL full text).
"""

from typing import Literal

from ninja import Query, Router, Schema
from pydantic import Field as Spec

from amity.api import access
from amity.api.errors import ERRORS
from amity.api.registry.filters import Country
from amity.api.schemas import FieldCode
from amity.api.types import PartialDateText, text
from amity.search import Filters
from amity.search import search as run_search
from amity.search.service import MARK_END, MARK_START

router = Router(tags=["search"])

Kind = Literal["place", "organization", "person", "agreement", "alliance", "project", "engagement", "document"]


class SearchQuery(Schema):
    q: text(200) = Spec("", description="words to find (as prefixes); empty lists by the filters alone")
    type: Kind | None = Spec(None, description="only this record type")
    country: Country | None = None
    field: FieldCode | None = None
    date_from: PartialDateText | None = None
    date_to: PartialDateText | None = None
    limit: int = Spec(50, ge=1, le=200)


class Hit(Schema):
    type: str
    id: int
    label: str
    snippet: str = Spec(..., description="matching text, with the matches between « and »")
    date: str
    countries: list[str]
    score: float


class SearchResult(Schema):
    q: str
    hits: list[Hit]


@router.get("", response={200: SearchResult, **ERRORS}, operation_id="search",
            summary="Find records by name or alias, and documents by their text")
def search(request, query: Query[SearchQuery]):
    access.require_view(request)
    filters = Filters(kind=query.type or "", country=query.country or "", field=query.field or "",
                      date_from=query.date_from or "", date_to=query.date_to or "")
    results = run_search(query.q, filters, limit=query.limit)
    return {"q": query.q, "hits": [
        {"type": hit.kind, "id": hit.object_id, "label": hit.title,
         "snippet": hit.snippet.replace(MARK_START, "«").replace(MARK_END, "»"),
         "date": hit.date_from, "countries": hit.countries, "score": hit.score}
        for hit in results]}
