"""Pages of agreements, alliances, projects, engagements, people and organizations (lists and details)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from amity.accounts.permissions import can_edit
from amity.registry import models as m
from amity.search.service import name_filter
from amity.web import pictures
from amity.web.access import viewer_required
from amity.web.links import detail_url
from amity.web.paging import list_page
from amity.web.views.places import TIMELINE_SIZE, engagement_timeline


def _page(request, queryset, per_page: int = 50):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _named(queryset, text: str):
    return queryset.filter(name_filter(text)) if text else queryset


# -- lists ------------------------------------------------------------------------------------


@viewer_required
def agreement_list(request):
    agreements = m.Agreement.objects.prefetch_related("parties__place", "parties__organization", "fields")
    kind, status = request.GET.get("type", ""), request.GET.get("status", "")
    if kind:
        agreements = agreements.filter(type=kind)
    if status:
        agreements = agreements.filter(status=status)
    return render(request, "web/agreement_list.html", {
        "page": _page(request, agreements.order_by("-signed_date", "-id")), "type": kind, "status": status,
        "types": m.Agreement.Type.choices, "statuses": m.Agreement.Status.choices})


@viewer_required
def alliance_list(request):
    alliances = _named(m.Alliance.objects.prefetch_related("members"), request.GET.get("q", "").strip())
    return render(request, "web/simple_list.html", {
        "page": _page(request, alliances), "title": _("Alliances"), "create": "alliance"})


@viewer_required
def project_list(request):
    projects = m.Project.objects.select_related("alliance", "field", "agreement")
    field, status = request.GET.get("field", ""), request.GET.get("status", "")
    if field:
        projects = projects.filter(field__code=field)
    if status:
        projects = projects.filter(status=status)
    return render(request, "web/project_list.html", {
        "page": _page(request, projects), "field": field, "status": status,
        "fields": m.Field.objects.all(), "statuses": m.Project.Status.choices})


@viewer_required
def engagement_list(request):
    engagements = m.Engagement.objects.select_related("place")
    kind, year = request.GET.get("type", ""), request.GET.get("year", "").strip()
    if kind:
        engagements = engagements.filter(type=kind)
    if year.isdigit():
        engagements = engagements.filter(date__startswith=year)
    return render(request, "web/engagement_list.html", {
        "page": _page(request, engagements.order_by("-date", "-id")), "type": kind, "year": year,
        "types": m.Engagement.Type.choices})


@viewer_required
def person_list(request):
    people = _named(m.Person.objects.prefetch_related("positions__of_place"), request.GET.get("q", "").strip())
    return render(request, "web/simple_list.html", {
        "page": _page(request, people), "title": _("People"), "create": "person"})


@viewer_required
def organization_list(request):
    organizations = _named(m.Organization.objects.select_related("place"), request.GET.get("q", "").strip())
    return render(request, "web/simple_list.html", {
        "page": _page(request, organizations), "title": _("Organizations"), "create": "organization"})


# -- details ----------------------------------------------------------------------------------


@viewer_required
def agreement_detail(request, pk: int):
    agreement = get_object_or_404(m.Agreement.objects.select_related("signed_place"), pk=pk)
    parties = list(agreement.parties.select_related("place", "organization"))
    points = [pictures.MapPoint(p.place.name, p.place.latitude, p.place.longitude, detail_url(p.place))
              for p in parties if p.place and p.place.latitude is not None]
    countries = {(p.place or p.organization).country_code for p in parties} - {""}
    return render(request, "web/agreement_detail.html", {
        "agreement": agreement, "can_edit": can_edit(request.user, agreement), "parties": parties,
        "signatories": agreement.signatories.select_related("person", "on_behalf_of"),
        "history": agreement.status_history.all(),
        "engagements": list_page(request, agreement.engagements.select_related("place").order_by("-date", "-id"),
                                 "engagements"),
        "projects": agreement.projects.select_related("field"),
        "follow_ups": agreement.follow_ups.all(),
        "map": pictures.world_map(points, countries, links=False, title=str(agreement)) if points else "",
    })


@viewer_required
def alliance_detail(request, pk: int):
    alliance = get_object_or_404(m.Alliance.objects.select_related("secretariat_place"), pk=pk)
    projects = list(alliance.projects.select_related("field").prefetch_related("members__place"))
    by_field: dict[str, list] = {}
    for project in projects:
        by_field.setdefault(project.field.name if project.field else _("No field"), []).append(project)
    status_counts = [(label, sum(p.status == value for p in projects)) for value, label in m.Project.Status.choices]
    engagements = alliance.engagements.select_related("place").order_by("-date", "-id")
    members = list(alliance.members.select_related("place", "organization"))
    points = [pictures.MapPoint(x.place.name, x.place.latitude, x.place.longitude, detail_url(x.place))
              for x in members if x.place and x.place.latitude is not None]
    return render(request, "web/alliance_detail.html", {
        "alliance": alliance, "can_edit": can_edit(request.user, alliance), "members": members,
        "teams": alliance.teams.prefetch_related("members__from_place", "members__person"),
        "by_field": sorted(by_field.items()), "projects": projects,
        "field_chart": pictures.hbar_chart([(name, len(items)) for name, items in sorted(by_field.items())],
                                           title=_("Projects by field")),
        "status_chart": pictures.hbar_chart([row for row in status_counts if row[1]], title=_("Projects by status")),
        "engagements": list_page(request, engagements, "engagements"),
        "timeline": engagement_timeline(engagements[:TIMELINE_SIZE], _("Events of %(name)s") % {"name": alliance.name}),
        "map": pictures.world_map(points, {p.place.country_code for p in members if p.place}, links=False,
                                  title=alliance.name) if points else "",
    })


@viewer_required
def project_detail(request, pk: int):
    project = get_object_or_404(m.Project.objects.select_related("alliance", "agreement", "field"), pk=pk)
    return render(request, "web/project_detail.html", {
        "project": project, "can_edit": can_edit(request.user, project),
        "members": project.members.select_related("place", "organization"),
        "milestones": project.milestones.all(), "follow_ups": project.follow_ups.all(),
    })


@viewer_required
def engagement_detail(request, pk: int):
    engagement = get_object_or_404(m.Engagement.objects.select_related("place", "agreement", "alliance"), pk=pk)
    return render(request, "web/engagement_detail.html", {
        "engagement": engagement, "can_edit": can_edit(request.user, engagement),
        "participants": engagement.participants.select_related("person", "organization", "place"),
        "topics": engagement.topics.all(), "follow_ups": engagement.follow_ups.select_related("owner_place"),
    })


@viewer_required
def person_detail(request, pk: int):
    person = get_object_or_404(m.Person, pk=pk)
    positions = list(person.positions.select_related("of_place", "of_organization", "to_place"))
    items = []
    for position in positions:
        start = pictures.fractional_year(position.known_from)
        end = pictures.fractional_year(position.known_to) if position.known_to else None
        if end is not None and position.known_to:
            end = position.known_to.latest.year + (position.known_to.latest.timetuple().tm_yday) / 366
        items.append(pictures.TimelineItem(str(position), start, end, row=position.title))
    participations = (person.engagements.select_related("engagement__place")
                      .order_by("-engagement__date", "-engagement_id"))
    signed = (person.signed_agreements.select_related("agreement")
              .prefetch_related("agreement__parties__place", "agreement__parties__organization")
              .order_by("-agreement__signed_date", "-agreement_id"))
    return render(request, "web/person_detail.html", {
        "person": person, "can_edit": can_edit(request.user, person), "positions": positions,
        "timeline": pictures.timeline(items, title=_("Positions of %(name)s") % {"name": person.name}),
        "participations": list_page(request, participations, "engagements"),
        "agreements": list_page(request, signed, "agreements"),
    })


@viewer_required
def organization_detail(request, pk: int):
    organization = get_object_or_404(m.Organization.objects.select_related("place", "parent"), pk=pk)
    return render(request, "web/organization_detail.html", {
        "organization": organization, "can_edit": can_edit(request.user, organization),
        "positions": list_page(request, organization.positions.select_related("person", "of_place")
                               .order_by("-known_from", "-id"), "people"),
        "units": organization.units.all(),
        "engagements": list_page(request, m.Engagement.objects.filter(participants__organization=organization)
                                 .distinct().select_related("place").order_by("-date", "-id"), "engagements"),
        "agreements": list_page(request, m.Agreement.objects.filter(parties__organization=organization).distinct()
                                .prefetch_related("parties__place", "parties__organization"), "agreements"),
        "alliances": organization.alliance_memberships.select_related("alliance"),
    })
