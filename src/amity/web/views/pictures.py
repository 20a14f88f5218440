"""The pictures page: partnerships on a world map, the network graph, charts by year and field."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from amity.registry import models as m
from amity.web import pictures, queries
from amity.web.access import viewer_required
from amity.web.links import detail_url
from amity.web.templatetags.amity_web import field_name


def _partnership_graph(country: str = ""):
    nodes: dict[str, pictures.Node] = {}
    edges: list[tuple[str, str, str]] = []

    def node(party) -> str:
        key = f"{type(party).__name__}:{party.pk}"
        if key not in nodes:
            css = "kr" if getattr(party, "country_code", "") == "KR" else ""
            nodes[key] = pictures.Node(key, party.name, detail_url(party), css)
        return key

    for agreement in m.Agreement.objects.prefetch_related("parties__place", "parties__organization"):
        parties = [p.place or p.organization for p in agreement.parties.all()]
        if country and not any(getattr(p, "country_code", "") == country for p in parties):
            continue
        keys = [node(p) for p in parties]
        edges += [(a, b, "agreement") for i, a in enumerate(keys) for b in keys[i + 1:]]
    for alliance in m.Alliance.objects.prefetch_related("members__place", "members__organization"):
        members = [x.place or x.organization for x in alliance.members.all()]
        if country and not any(getattr(p, "country_code", "") == country for p in members):
            continue
        keys = [node(p) for p in members]
        edges += [(a, b, "alliance") for i, a in enumerate(keys) for b in keys[i + 1:]]
    return list(nodes.values())[:150], edges


def _world():
    points, countries, seen = [], set(), set()
    for party in m.AgreementParty.objects.select_related("place", "organization__place"):
        place = party.place or (party.organization.place if party.organization else None)
        if place is None:
            continue
        if place.country_code:
            countries.add(place.country_code)
        if place.latitude is not None and place.pk not in seen:
            seen.add(place.pk)
            points.append(pictures.MapPoint(place.name, place.latitude, place.longitude, detail_url(place)))
    return pictures.world_map(points, countries, links=False, title=_("Places with agreements"), zoom=False)


@viewer_required
def pictures_page(request):
    country = request.GET.get("country", "").strip().upper()[:2]
    nodes, edges = _partnership_graph(country)
    engagements_by_field = (m.Field.objects.annotate(n=Count("engagements")).filter(n__gt=0).order_by("-n"))
    agreements_by_field = (m.Field.objects.annotate(n=Count("agreements")).filter(n__gt=0).order_by("-n"))
    projects_by_field = (m.Field.objects.annotate(n=Count("projects")).filter(n__gt=0).order_by("-n"))
    return render(request, "web/pictures.html", {
        "country": country,
        "map": _world(),
        "network": pictures.network(nodes, edges, title=_("Partnership network")),
        "engagements_by_year": pictures.bar_chart(
            queries.years_histogram(m.Engagement.objects.values_list("date", flat=True)),
            title=_("Engagements by year")),
        "agreements_by_year": pictures.bar_chart(
            queries.years_histogram(m.Agreement.objects.values_list("signed_date", flat=True)),
            title=_("Agreements by year"), alt=True),
        "engagements_by_field": pictures.hbar_chart([(field_name(f), f.n) for f in engagements_by_field],
                                                    title=_("Engagements by field")),
        "agreements_by_field": pictures.hbar_chart([(field_name(f), f.n) for f in agreements_by_field],
                                                   title=_("Agreements by field")),
        "projects_by_field": pictures.hbar_chart([(field_name(f), f.n) for f in projects_by_field],
                                                 title=_("Projects by field")),
    })
