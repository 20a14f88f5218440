"""Council and working meetings: agenda items, decisions, and the follow-ups decisions create."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amity.accounts import permissions
from amity.core.actor import actor_for_user
from amity.portfolio import services
from amity.portfolio.access import require_edit, viewer_required
from amity.portfolio.forms import AgendaItemForm, DecisionForm
from amity.portfolio.models import AgendaItem
from amity.registry import models as m

MEETING_TYPES = [m.Engagement.Type.MEETING, m.Engagement.Type.WORKSHOP, m.Engagement.Type.CONFERENCE]


@viewer_required
def meeting_list(request):
    meetings = (m.Engagement.objects.filter(Q(type__in=MEETING_TYPES) | Q(agenda_items__isnull=False))
                .filter(Q(alliance__isnull=False) | Q(agreement__isnull=False) | Q(agenda_items__isnull=False))
                .select_related("place", "alliance", "agreement")
                .annotate(items=Count("agenda_items", distinct=True)).order_by("-date", "-id")[:200])
    return render(request, "portfolio/meetings.html", {"meetings": meetings})


def _places_for(engagement: m.Engagement):
    ids = set()
    if engagement.alliance_id:
        ids |= set(engagement.alliance.members.values_list("place_id", flat=True))
    if engagement.agreement_id:
        ids |= set(engagement.agreement.parties.values_list("place_id", flat=True))
    ids |= set(engagement.participants.values_list("place_id", flat=True))
    if engagement.place_id:
        ids.add(engagement.place_id)
    return m.Place.objects.filter(pk__in=ids - {None})


def _projects_for(engagement: m.Engagement):
    if engagement.alliance_id:
        return m.Project.objects.filter(alliance_id=engagement.alliance_id)
    if engagement.agreement_id:
        return m.Project.objects.filter(agreement_id=engagement.agreement_id)
    return m.Project.objects.none()


@viewer_required
def meeting(request, pk: int):
    engagement = get_object_or_404(m.Engagement.objects.select_related("place", "alliance", "agreement"), pk=pk)
    can_edit = permissions.can_edit(request.user, engagement)
    places, projects = _places_for(engagement), _projects_for(engagement)
    item_form = AgendaItemForm(projects=projects, prefix="item")
    decision_form = DecisionForm(places=places, prefix="decision")
    if request.method == "POST":
        require_edit(request.user, engagement)
        actor = actor_for_user(request.user)
        if "item-title" in request.POST:
            item_form = AgendaItemForm(request.POST, projects=projects, prefix="item")
            if item_form.is_valid():
                data = item_form.cleaned_data
                services.add_agenda_item(engagement, data["title"], summary=data["summary"], project=data["project"],
                                         actor=actor)
                messages.success(request, _("Agenda item added."))
                return redirect("portfolio:meeting", pk=pk)
        else:
            decision_form = DecisionForm(request.POST, places=places, prefix="decision")
            if decision_form.is_valid():
                data = decision_form.cleaned_data
                item = get_object_or_404(AgendaItem, pk=data["agenda_item"], engagement=engagement)
                follow_ups = []
                if data["follow_up"].strip():
                    follow_ups.append({"action": data["follow_up"].strip(), "due": data["due"],
                                       "owner_place": data["owner_place"]})
                try:
                    services.decide(item, data["text"], outcome=data["outcome"], follow_ups=follow_ups, actor=actor)
                except ValidationError as error:
                    decision_form.add_error(None, "; ".join(error.messages))
                else:
                    messages.success(request, _("Decision recorded with a follow-up.") if follow_ups else _("Decision recorded."))
                    return redirect("portfolio:meeting", pk=pk)
    items = engagement.agenda_items.select_related("project").prefetch_related("decisions__follow_ups")
    return render(request, "portfolio/meeting.html", {
        "engagement": engagement, "items": items, "can_edit": can_edit,
        "item_form": item_form, "decision_form": decision_form,
        "other_follow_ups": engagement.follow_ups.filter(decisions__isnull=True),
    })
