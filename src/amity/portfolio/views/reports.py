"""Report pages and downloads: a city's yearly exchange report, an alliance's progress report."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from amity.portfolio.access import viewer_required
from amity.portfolio.reports.alliance import progress_report
from amity.portfolio.reports.city import city_report, latest_year
from amity.portfolio.reports.render import CONTENT_TYPES
from amity.portfolio.reports.render import render as render_report
from amity.portfolio.views.overview import owner_or_404
from amity.registry import models as m


def _year(request, default: int | None) -> int | None:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return default
    return year if 1900 <= year <= 2200 else default


def _respond(request, report, page_context: dict):
    fmt = request.GET.get("format", "page")
    if fmt in ("pdf", "xlsx", "html"):
        response = HttpResponse(render_report(report, fmt), content_type=CONTENT_TYPES[fmt])
        disposition = "inline" if fmt in ("pdf", "html") else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{report.slug}.{fmt}"'
        return response
    return render(request, "portfolio/report.html", {"report": report, **page_context})


@viewer_required
def report_index(request):
    cities = (m.Place.objects.filter(agreement_parties__isnull=False, country_code="KR").distinct()
              .order_by("name"))
    return render(request, "portfolio/report_index.html", {
        "cities": cities, "alliances": m.Alliance.objects.order_by("name"),
        "agreements": m.Agreement.objects.prefetch_related("parties__place", "parties__organization"),
        "year": latest_year() or dt.date.today().year,
    })


@viewer_required
def city_pick(request):
    place = get_object_or_404(m.Place, pk=request.GET.get("place") or 0)
    default = latest_year(place) or dt.date.today().year
    query = urlencode({"year": _year(request, default), "format": request.GET.get("format", "page")})
    return redirect(reverse("portfolio:city-report", args=[place.pk]) + "?" + query)


@viewer_required
def city(request, pk: int):
    place = get_object_or_404(m.Place, pk=pk)
    year = _year(request, latest_year(place) or dt.date.today().year)  # opens on the latest year with data
    return _respond(request, city_report(place, year), {"year": year, "years": range(year - 5, year + 2)})


@viewer_required
def progress(request, kind: str, pk: int):
    owner = owner_or_404(kind, pk)
    year = _year(request, None)
    this_year = dt.date.today().year
    return _respond(request, progress_report(owner, year), {"year": year, "years": range(this_year - 8, this_year + 2)})
