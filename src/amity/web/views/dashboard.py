"""The dashboard: what needs attention today."""

from __future__ import annotations

from django.shortcuts import render

from amity.registry import models as m
from amity.sources.models import Claim, Document
from amity.web import partnerships, queries
from amity.web.access import viewer_required
from amity.web.derived import cached_for_state


@viewer_required
def dashboard(request):
    counts = [
        ("places", m.AgreementParty.objects.exclude(place=None).values("place_id").distinct().count()),
        ("agreements", m.Agreement.objects.count()),
        ("alliances", m.Alliance.objects.count()),
        ("projects", m.Project.objects.count()),
        ("engagements", m.Engagement.objects.count()),
        ("people", m.Person.objects.count()),
        ("documents", Document.objects.count()),
        ("pending", Claim.objects.filter(status=Claim.Status.PENDING).count()),
    ]
    # The newest documents' claims first: read backwards along the (status, document) index, no sort of every pending claim.
    pending = (Claim.objects.filter(status=Claim.Status.PENDING).select_related("document")
               .defer("document__text").order_by("-document_id", "-id")[:8])
    return render(request, "web/dashboard.html", {
        "counts": counts,
        "recent": m.Engagement.objects.select_related("place").order_by("-date", "-id")[:8],
        "pending": pending,
        "follow_ups": queries.follow_ups_due()[:10],
        "quiet": cached_for_state("quiet-partnerships", partnerships.quiet_partnerships, queries.today()),
        "today": queries.today(),
    })
