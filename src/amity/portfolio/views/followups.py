"""Follow-ups overdue and due this month; the calendar feed page and the feed itself."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.accounts import permissions
from amity.core.actor import actor_for_user
from amity.portfolio import followups
from amity.portfolio.access import require_edit, viewer_required
from amity.portfolio.calendar_feed import feed_for
from amity.portfolio.models import FeedKey
from amity.registry import models as m
from amity.registry import services


@viewer_required
def follow_up_list(request):
    view = request.GET.get("view", "overdue")
    if view not in followups.VIEWS:
        view = "overdue"
    mine = request.GET.get("mine") == "1"
    scope = permissions.scope_of(request.user) if mine else None
    today = dt.date.today()
    rows = followups.VIEWS[view](today, scope)
    items = [{"follow_up": f, "subject": followups.subject_of(f), "late": followups.days_late(f, today),
              "can_edit": permissions.can_edit(request.user, f)} for f in rows]
    counts = {name: len(pick(today, scope)) for name, pick in followups.VIEWS.items()}
    return render(request, "portfolio/followups.html", {
        "items": items, "view": view, "today": today, "mine": mine, "counts": counts,
        "has_scope": permissions.scope_of(request.user) is not None,
    })


def calendar_page(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    key = FeedKey.for_user(request.user)
    url = request.build_absolute_uri(reverse("portfolio:feed", args=[key.key]))
    return render(request, "portfolio/calendar.html", {"feed_url": url})


@require_POST
def calendar_reset(request):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("portfolio:calendar"))
    FeedKey.for_user(request.user).reset()
    messages.success(request, _("A new feed address was made; the old one no longer works."))
    return redirect("portfolio:calendar")


def feed(request, key: str):
    # Calendar apps cannot sign in: the secret key in the URL stands for the user.
    found = FeedKey.objects.select_related("user").filter(key=key).first()
    if found is None or not found.user.is_active or permissions.role_of(found.user) is None:
        raise Http404("no such calendar feed")
    body = feed_for(found.user, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="amity.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_POST
def mark(request, pk: int):
    """Mark a follow-up done (or cancelled) from the lists; htmx swaps the row."""
    follow_up = get_object_or_404(m.FollowUp, pk=pk)
    require_edit(request.user, follow_up)
    status = request.POST.get("status", m.FollowUp.Status.DONE)
    if status not in m.FollowUp.Status.values:
        return HttpResponse("unknown status", status=400)
    services.update(follow_up, status=status, actor=actor_for_user(request.user))
    if request.headers.get("HX-Request"):
        return HttpResponse(format_html('<tr><td colspan="6" class="muted">{} · {}</td></tr>',
                                        follow_up.action, follow_up.get_status_display()))
    messages.success(request, _("Marked %(status)s.") % {"status": follow_up.get_status_display().lower()})
    return redirect(request.POST.get("next") if url_has_allowed_host_and_scheme(
        request.POST.get("next"), allowed_hosts={request.get_host()}) else reverse("portfolio:follow-ups"))
