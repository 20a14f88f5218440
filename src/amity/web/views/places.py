"""Places: the list of places the registry uses, and a place's page (partners, timeline, map …)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from amity.accounts.permissions import can_edit
from amity.registry import models as m
from amity.review.evidence import documents_for
from amity.search import Filters, search
from amity.search.documents import used_place_ids
from amity.search.service import name_filter
from amity.sources.models import Document
from amity.web import pictures, queries
from amity.web.access import viewer_required
from amity.web.derived import cached_for_state
from amity.web.links import detail_url, kind_url
from amity.web.paging import list_page

TIMELINE_SIZE = 100  # the most recent engagements drawn on a place's timeline
MAP_PARTNERS = 150  # partner places drawn on a place's map (a busy city has thousands of ties)


@viewer_required
def place_list(request):
    text = request.GET.get("q", "").strip()
    country = request.GET.get("country", "").strip().upper()[:2]
    places = m.Place.objects.all()
    if text:
        places = places.filter(name_filter(text))
    else:
        places = places.filter(pk__in=used_place_ids())
    if country:
        places = places.filter(country_code=country)
    page = Paginator(places.order_by("name"), 50).get_page(request.GET.get("page"))
    return render(request, "web/place_list.html", {"page": page, "q": text, "country": country})


def partner_map(place: m.Place) -> str:
    """Every partner country shaded; the partner places (at most MAP_PARTNERS, those of the oldest ties)
    drawn as dots. Read as plain values: a busy city's thousand partners are not built as records."""
    points, seen = [], set()
    if place.latitude is not None:
        points.append(pictures.MapPoint(place.name, place.latitude, place.longitude, detail_url(place), home=True))
    parties = queries.partner_parties(place).select_related(None)
    countries = {code for pair in parties.order_by().values_list("place__country_code", "organization__country_code")
                 .distinct()
                 for code in pair if code}
    located = parties.values_list("place_id", "place__name", "place__latitude", "place__longitude",
                                  "organization__place_id", "organization__place__name",
                                  "organization__place__latitude", "organization__place__longitude")
    for row in located.iterator(chunk_size=2000):
        for pk, name, latitude, longitude in (row[:4], row[4:]):
            if pk is not None and latitude is not None and pk not in seen and len(seen) < MAP_PARTNERS:
                seen.add(pk)
                points.append(pictures.MapPoint(name, latitude, longitude, kind_url("place", pk)))
    return pictures.world_map(points, countries, {place.country_code} if place.country_code else set(),
                              title=_("Partners of %(place)s") % {"place": place.name})


def engagement_timeline(engagements, title: str) -> str:
    items = [pictures.TimelineItem(str(e), pictures.fractional_year(e.date), url=detail_url(e))
             for e in engagements if e.date]
    return pictures.timeline(items, title=title)


@viewer_required
def place_detail(request, pk: int):
    place = get_object_or_404(m.Place.objects.select_related("parent"), pk=pk)
    partners = list_page(request, queries.partner_parties(place), "partners")
    partners.page.object_list = queries.partners_of_place(place, partners.page.object_list)
    engagements = queries.engagements_of_place(place)
    ids = queries.place_and_districts(place)
    recent = list(engagements[:TIMELINE_SIZE])
    engagement_page = list_page(request, engagements, "engagements",
                                count=cached_for_state("place-engagements", engagements.count, place.pk))
    if engagement_page.page.number == 1:  # the first page is the start of the timeline: not read twice
        engagement_page.page.object_list = recent[:engagement_page.page.paginator.per_page]
    alliances = (m.AllianceMember.objects.filter(place_id__in=ids).select_related("alliance")
                 .order_by("alliance__name"))
    return render(request, "web/place_detail.html", {
        "place": place,
        "can_edit": can_edit(request.user, place),
        "partners": partners,
        "engagements": engagement_page,
        "positions": list_page(request, queries.positions_at_place(place), "people"),
        "alliances": alliances,
        "organizations": list_page(request, place.organizations.order_by("name"), "organizations"),
        "documents": documents_mentioning(place),
        "children": place.children.order_by("name")[:60],
        "map": partner_map(place),
        "timeline": engagement_timeline(recent, _("Engagements of %(place)s") % {"place": place.name}),
    })


def documents_mentioning(place: m.Place, limit: int = 20) -> list[Document]:
    """The newest documents cited for the place or naming it (found through the search index, not a scan)."""
    cited = documents_for(place).order_by("-published", "-id").values_list("pk", flat=True)[:limit]
    named = [result.object_id for result in search(place.name, Filters(kind="document"), limit=limit, newest=True)]
    return list(Document.objects.filter(pk__in={*cited, *named}).defer("text").order_by("-published", "-id")[:limit])
