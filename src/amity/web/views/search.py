"""The search page: one box over names in all their variants and the full text of articles."""

from __future__ import annotations

from django.shortcuts import render

from amity.registry import models as m
from amity.search import Filters, search
from amity.web.access import viewer_required

KINDS = ["place", "organization", "person", "agreement", "alliance", "project", "engagement", "document"]


@viewer_required
def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    filters = Filters(
        kind=request.GET.get("kind", "") if request.GET.get("kind", "") in KINDS else "",
        country=request.GET.get("country", "").strip().upper()[:2],
        date_from=request.GET.get("date_from", "").strip()[:10],
        date_to=request.GET.get("date_to", "").strip()[:10],
        field=request.GET.get("field", "").strip()[:40],
    )
    searched = bool(query or filters.kind or filters.country or filters.date_from or filters.date_to or filters.field)
    results = search(query, filters) if searched else []
    template = "web/search_results.html" if request.headers.get("HX-Request") else "web/search.html"
    return render(request, template, {
        "q": query, "filters": filters, "results": results, "searched": searched, "kinds": KINDS,
        "fields": m.Field.objects.order_by("name"),
    })
