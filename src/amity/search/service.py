"""Searching and keeping the index in step with the change log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max, Q

from amity.core.models import ChangeLog
from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.registry import models as m
from amity.search.documents import (
    INDEXED,
    entry_values,
    indexing_queryset,
    korean_name_tokens,
    place_is_indexed,
    used_place_ids,
)
from amity.search.models import IndexState, SearchEntry

KIND_OF_MODEL = {model: kind for kind, model in INDEXED.items()}
MARK_START, MARK_END = "\x02", "\x03"  # snippet highlight markers; the web layer escapes around them
MAX_INCREMENTAL = 5000
_TERM = re.compile(r"\w+", re.UNICODE)


@dataclass
class Filters:
    kind: str = ""            # place, organization, person, agreement, alliance, project, engagement, document
    country: str = ""         # ISO 3166-1 alpha-2
    date_from: str = ""       # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str = ""
    field: str = ""           # a cooperation field code, e.g. tourism


@dataclass
class Result:
    kind: str
    object_id: int
    title: str
    snippet: str = ""          # plain text with MARK_START / MARK_END around matches
    date_from: str = ""
    countries: list[str] = field(default_factory=list)
    score: float = 0.0
    date_to: str = ""

    @property
    def when(self) -> str:
        """The dates as they are known: "2016", "2016-06", "2016-06-22" or a span."""
        return describe_span(self.date_from, self.date_to)


def describe_span(start: str, end: str) -> str:
    if not start:
        return ""
    if start == end or not end:
        return start
    import calendar

    if start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4] if start[:4] == end[:4] else f"{start[:4]} – {end[:4]}"
    last = calendar.monthrange(int(end[:4]), int(end[5:7]))[1]
    if start[8:] == "01" and end[8:] == f"{last:02d}":
        return start[:7] if start[:7] == end[:7] else f"{start[:7]} – {end[:7]}"
    return f"{start} – {end}"


def _date_bound(text: str, latest: bool) -> str:
    if not text:
        return ""
    try:
        date = PartialDate.parse(text)
    except InvalidPartialDate:
        return ""
    return (date.latest if latest else date.earliest).isoformat()


def terms(query: str) -> list[str]:
    return [term.lower() for term in _TERM.findall(query or "")][:12]


def _filter_sql(filters: Filters) -> tuple[list[str], list]:
    where, params = [], []
    if filters.kind:
        where.append("e.kind = %s")
        params.append(filters.kind)
    if filters.country:
        where.append("e.countries LIKE %s")
        params.append(f"% {filters.country.upper()[:2]} %")
    if filters.field:
        where.append("e.fields LIKE %s")
        params.append(f"% {filters.field} %")
    if start := _date_bound(filters.date_from, latest=False):
        where.append("e.date_to <> '' AND e.date_to >= %s")
        params.append(start)
    if end := _date_bound(filters.date_to, latest=True):
        where.append("e.date_from <> '' AND e.date_from <= %s")
        params.append(end)
    return where, params


def search(query: str, filters: Filters | None = None, limit: int = 50, newest: bool = False) -> list[Result]:
    """Entries matching every word of `query` (as prefixes), best first (`newest`: the latest indexed first,
    which needs no ranking of every match — a place's name is in tens of thousands of articles).

    An empty query lists the entries the filters select, newest first.
    """
    filters = filters or Filters()
    refresh()
    words = terms(query)
    if (query or "").strip() and not words:
        return []  # only punctuation: nothing to look for
    where, params = _filter_sql(filters)
    if not words:
        sql = ("SELECT e.id, e.kind, e.object_id, e.title, '' AS snippet, e.date_from, e.countries, 0 AS score, e.date_to "
               "FROM search_searchentry e" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY e.date_from DESC, e.title LIMIT %s")
        rows = _fetch(sql, [*params, limit])
    elif connection.vendor == "postgresql":
        rows = _fetch_postgres(words, where, params, limit, newest)
    elif connection.vendor == "sqlite":
        rows = _fetch_sqlite(words, where, params, limit, newest, filters.kind)
    else:  # any other database: a plain substring match
        rows = _fetch_fallback(words, where, params, limit)
    results = [Result(kind=r[1], object_id=r[2], title=r[3], snippet=r[4] or "", date_from=r[5] or "",
                      countries=(r[6] or "").split(), score=float(r[7] or 0), date_to=r[8] or "") for r in rows]
    if words:
        results += _korean_name_spellings(query, filters, {(r.kind, r.object_id) for r in results}, limit)
    if words and filters.kind in ("", "place"):
        results += _reference_places(query, filters, {r.object_id for r in results if r.kind == "place"})
    return results


def _korean_name_spellings(query: str, filters: Filters, seen: set, limit: int) -> list[Result]:
    """People whose name is the query's Korean name in another script or romanisation (박형준 / Heong-jun Park)."""
    if filters.kind not in ("", "person") or len(query.split()) > 4:
        return []
    found = []
    for token in sorted(korean_name_tokens([query.strip()])):
        for result in search(token, Filters(**{**filters.__dict__, "kind": "person"}), limit):
            if (result.kind, result.object_id) not in seen:
                seen.add((result.kind, result.object_id))
                found.append(result)
    return found


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


RANK_ALL = 5_000  # matches ranked in full; past this, every matching record and the newest RANK_ALL articles


def _fts(table: str, match: str, where: list[str], params: list, limit: int, order: str, extra: str = "",
         extra_params: tuple = ()) -> list[tuple]:
    sql = (
        "SELECT e.id, e.kind, e.object_id, e.title, "
        f"snippet({table}, 2, char(2), char(3), '…', 24), e.date_from, e.countries, -bm25({table}, 8.0, 4.0, 1.0), "
        f"e.date_to FROM {table} JOIN search_searchentry e ON e.id = {table}.rowid "
        f"WHERE {table} MATCH %s{extra}" + "".join(f" AND {w}" for w in where) + f" ORDER BY {order} LIMIT %s"
    )
    return _fetch(sql, [match, *extra_params, *params, limit])


def _fetch_sqlite(words, where, params, limit, newest=False, kind=""):
    match = " ".join(f'"{word}"*' for word in words)
    if newest:
        return _fts("search_fts", match, where, params, limit, "search_fts.rowid DESC")
    ranked = "bm25({}, 8.0, 4.0, 1.0)"
    beyond = _fetch("SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                    [match, RANK_ALL])
    if not beyond:  # few enough to rank every match
        return _fts("search_fts", match, where, params, limit, ranked.format("search_fts"))
    # A word in most articles (ranking 100,000 matches takes a third of a second): every matching
    # record is ranked from the records' own index, and only the newest RANK_ALL matching articles.
    rows = []
    if kind != "document":
        rows += _fts("search_fts_records", match, where, params, limit, ranked.format("search_fts_records"))
    if kind in ("", "document"):
        rows += _fts("search_fts", match, where, params, limit, ranked.format("search_fts"),
                     " AND search_fts.rowid > %s AND e.kind = 'document'", (beyond[0][0],))
    return sorted(rows, key=lambda row: -float(row[7] or 0))[:limit]


TSV = ("(setweight(to_tsvector('simple', coalesce(e.title, '') || ' ' || coalesce(e.names, '')), 'A') "
       "|| setweight(to_tsvector('simple', coalesce(e.body, '')), 'B'))")


def _fetch_postgres(words, where, params, limit, newest=False):
    tsquery = " & ".join(f"{word}:*" for word in words)
    sql = (
        "SELECT e.id, e.kind, e.object_id, e.title, "
        "CASE WHEN e.body = '' THEN '' ELSE ts_headline('simple', e.body, q, "
        "'StartSel=\"\x02\", StopSel=\"\x03\", MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"') END, "
        f"e.date_from, e.countries, ts_rank({TSV}, q), e.date_to "
        "FROM search_searchentry e, to_tsquery('simple', %s) q "
        f"WHERE {TSV} @@ q" + "".join(f" AND {w}" for w in where)
        + (" ORDER BY e.id DESC" if newest else f" ORDER BY ts_rank({TSV}, q) DESC, e.title") + " LIMIT %s"
    )
    return _fetch(sql, [tsquery, *params, limit])


def _fetch_fallback(words, where, params, limit):
    clauses, values = [], []
    for word in words:
        clauses.append("(LOWER(e.title) LIKE %s OR LOWER(e.names) LIKE %s OR LOWER(e.body) LIKE %s)")
        values += [f"%{word}%"] * 3
    sql = ("SELECT e.id, e.kind, e.object_id, e.title, '', e.date_from, e.countries, 0, e.date_to FROM search_searchentry e "
           "WHERE " + " AND ".join(clauses + where) + " LIMIT %s")
    return _fetch(sql, [*values, *params, limit])


def _reference_places(query: str, filters: Filters, seen: set[int], limit: int = 10) -> list[Result]:
    """Reference places the registry does not use yet are found by name and alias."""
    if filters.field or filters.date_from or filters.date_to:
        return []
    text = query.strip()
    places = m.Place.objects.filter(name_filter(text)).exclude(pk__in=seen)
    if filters.country:
        places = places.filter(country_code=filters.country.upper())
    places = places.order_by("-population", "name")[:limit]
    return [Result(kind="place", object_id=p.pk, title=str(p), countries=[p.country_code] if p.country_code else [])
            for p in places]


# -- keeping the index up to date -------------------------------------------------------------


def _store(kind: str, obj) -> None:
    values = entry_values(obj)
    if values is None or (kind == "place" and not place_is_indexed(obj)):
        SearchEntry.objects.filter(kind=kind, object_id=obj.pk).delete()
        return
    values.pop("kind")
    values["title"] = values["title"][:500]
    values["countries"] = values.get("countries", "")[:300]
    values["fields"] = values.get("fields", "")[:500]
    SearchEntry.objects.update_or_create(kind=kind, object_id=obj.pk, defaults=values)


def reindex(kind: str, pk: int) -> None:
    model = INDEXED[kind]
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        SearchEntry.objects.filter(kind=kind, object_id=pk).delete()
    else:
        _store(kind, obj)


REBUILD_CHUNK = 1000


def rebuild() -> int:
    """Index every record again; returns the number of entries.

    Records are read a chunk at a time with what their entries need prefetched, and written a
    chunk at a time, so a registry of 100,000 documents is indexed in flat memory and a few
    queries per chunk.
    """
    total = 0
    with transaction.atomic():
        last = ChangeLog.objects.aggregate(last=Max("id"))["last"] or 0
        SearchEntry.objects.all().delete()
        places = set(used_place_ids())
        for kind in INDEXED:
            queryset = indexing_queryset(kind)
            if kind == "place":
                queryset = queryset.filter(pk__in=places)
            entries = []
            for obj in queryset.iterator(chunk_size=REBUILD_CHUNK):
                values = entry_values(obj)
                if values:
                    values["title"] = values["title"][:500]
                    values["countries"] = values.get("countries", "")[:300]
                    values["fields"] = values.get("fields", "")[:500]
                    entries.append(SearchEntry(object_id=obj.pk, **values))
                if len(entries) >= REBUILD_CHUNK:
                    total += len(SearchEntry.objects.bulk_create(entries))
                    entries = []
            total += len(SearchEntry.objects.bulk_create(entries))
        IndexState.objects.all().delete()
        IndexState.objects.create(last_change=last)
    return total


def _targets(row: dict) -> set[tuple[str, int]]:
    found: set[tuple[str, int]] = set()
    for type_id, object_id in ((row["content_type_id"], row["object_id"]), (row["parent_type_id"], row["parent_id"])):
        if type_id and object_id:
            kind = KIND_OF_MODEL.get(ContentType.objects.get_for_id(type_id).model_class())
            if kind:
                found.add((kind, object_id))
    for snapshot in (row["before"] or {}, row["after"] or {}):
        for key, value in snapshot.items():
            if key.endswith("place_id") and isinstance(value, int):
                found.add(("place", value))
            elif key in ("engagement_id", "agreement_id", "alliance_id", "project_id", "person_id") and value:
                found.add((key[:-3], value))
    return found


def refresh() -> int:
    """Take in what the change log recorded since the last refresh; returns records re-indexed."""
    state = IndexState.objects.order_by("pk").first()
    if state is None:
        rebuild()
        return -1
    last = ChangeLog.objects.aggregate(last=Max("id"))["last"] or 0
    if last <= state.last_change:
        return 0
    rows = ChangeLog.objects.filter(id__gt=state.last_change, id__lte=last)
    if rows.count() > MAX_INCREMENTAL:
        rebuild()
        return -1
    targets: set[tuple[str, int]] = set()
    for row in rows.values("content_type_id", "object_id", "parent_type_id", "parent_id", "before", "after"):
        targets |= _targets(row)
    with transaction.atomic():
        for kind, pk in sorted(targets):
            reindex(kind, pk)
        IndexState.objects.filter(pk=state.pk).update(last_change=last)
    return len(targets)


def name_filter(text: str, prefix: str = "") -> Q:
    """Records whose name or one of its variants contains `text` (any script, any database).

    SQLite keeps JSON text with non-ASCII characters escaped (\\uXXXX), so the escaped form is
    looked for too.
    """
    import json

    escaped = json.dumps(text)[1:-1]
    q = Q(**{f"{prefix}name__icontains": text}) | Q(**{f"{prefix}aliases__icontains": text})
    if escaped != text:
        q |= Q(**{f"{prefix}aliases__icontains": escaped})
    return q
