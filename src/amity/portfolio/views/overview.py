"""The portfolio overview (activity of every partnership and alliance), a portfolio, its yearly history."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amity.accounts import permissions
from amity.core.actor import actor_for_user
from amity.portfolio import services
from amity.portfolio.access import require_edit, viewer_required
from amity.portfolio.activity import agreement_activity, alliance_activity, dormant_months
from amity.portfolio.forms import YearForm
from amity.portfolio.history import year_changes
from amity.portfolio.portfolio import lead_and_partners, member_summary, milestone_state, money
from amity.registry import models as m

KINDS = {"alliance": m.Alliance, "agreement": m.Agreement}


def owner_or_404(kind: str, pk: int):
    if kind not in KINDS:
        raise Http404("no such portfolio")
    return get_object_or_404(KINDS[kind], pk=pk)


@viewer_required
def index(request):
    show = request.GET.get("show", "")
    agreements = agreement_activity(m.Agreement.objects.all())
    alliances = alliance_activity(m.Alliance.objects.all())
    if show == "dormant":
        agreements = [a for a in agreements if a.dormant]
        alliances = [a for a in alliances if a.dormant]
    return render(request, "portfolio/index.html", {
        "agreements": agreements, "alliances": alliances, "months": dormant_months(), "show": show,
        "rule": (agreements or alliances)[0].rule if (agreements or alliances) else "",
    })


@viewer_required
def portfolio(request, kind: str, pk: int):
    owner = owner_or_404(kind, pk)
    projects = list(services.projects_of(owner))
    field_filter, status_filter = request.GET.get("field", ""), request.GET.get("status", "")
    member_filter = request.GET.get("member", "")
    rows = []
    for project in projects:
        if member_filter and member_filter not in {str(x.place_id or "") for x in project.members.all()}:
            continue
        if field_filter and (project.field.code if project.field else "") != field_filter:
            continue
        if status_filter and project.status != status_filter:
            continue
        lead, partners = lead_and_partners(project)
        milestones = [(milestone, milestone_state(milestone)) for milestone in project.milestones.all()]
        rows.append({"project": project, "lead": lead, "partners": partners, "milestones": milestones,
                     "members": list(project.members.all())})
    by_field: dict[str, list] = {}
    for row in rows:
        by_field.setdefault(row["project"].field.name if row["project"].field else "(no field)", []).append(row)
    activity = (alliance_activity([owner]) if kind == "alliance"
                else agreement_activity(m.Agreement.objects.filter(pk=owner.pk)))[0]
    return render(request, "portfolio/portfolio.html", {
        "owner": owner, "kind": kind, "by_field": sorted(by_field.items()), "count": len(rows), "total": len(projects),
        "fields": sorted({p.field for p in projects if p.field}, key=lambda f: f.name),
        "statuses": m.Project.Status.choices, "field_filter": field_filter, "status_filter": status_filter,
        "activity": activity, "can_edit": permissions.can_edit(request.user, owner),
        "meetings": owner.engagements.order_by("-date", "-id")[:10],
        "member_filter": member_filter,
        "member_places": sorted({x.place for p in projects for x in p.members.all() if x.place_id}, key=str),
        "members": [{**row, "budget": money(row["budget"])} for row in member_summary(projects)],
    })


@viewer_required
def years(request, kind: str, pk: int):
    owner = owner_or_404(kind, pk)
    can_edit = permissions.can_edit(request.user, owner)
    form = YearForm(request.POST or None)
    if request.method == "POST":
        require_edit(request.user, owner)
        if form.is_valid():
            data = form.cleaned_data
            services.record_year(owner, data["year"], stated_count=data["stated_count"], source=data["source"],
                                 notes=data["notes"], actor=actor_for_user(request.user))
            messages.success(request, _("The current project list was kept as the list of %(year)s.") % {"year": data["year"]})
            return redirect("portfolio:years", kind=kind, pk=pk)
    return render(request, "portfolio/years.html", {
        "owner": owner, "kind": kind, "changes": year_changes(owner), "form": form, "can_edit": can_edit,
    })
