"""Duplicates: open merge candidates of every kind, side by side with the reasons, merge / keep apart / undo."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from amity.accounts.permissions import scope_of
from amity.core.actor import actor_for_user
from amity.registry import models as m
from amity.review import duplicates
from amity.review import services as review
from amity.review.evidence import documents_for
from amity.review.models import Decision, MergeCandidate
from amity.web.access import reviewer_required
from amity.web.views.review import record_facts

KIND_LABELS = {"person": gettext_lazy("People"), "organization": gettext_lazy("Organizations"),
               "place": gettext_lazy("Places"), "alliance": gettext_lazy("Alliances"),
               "agreement": gettext_lazy("Agreements"), "engagement": gettext_lazy("Engagements")}


def _related_facts(record) -> list[tuple[str, str]]:
    """What tells two records apart beyond their own fields: parties, participants, posts, members."""
    if isinstance(record, m.Agreement):
        return [(_("parties"), ", ".join(str(p) for p in record.parties.all()))]
    if isinstance(record, m.Engagement):
        return [(_("participants"), ", ".join(str(p) for p in record.participants.all()))]
    if isinstance(record, m.Person):
        return [(_("posts"), ", ".join(str(p) for p in record.positions.all()))]
    if isinstance(record, m.Alliance):
        return [(_("members"), ", ".join(str(p) for p in record.members.all()))]
    return []


def _facts(record) -> list[tuple[str, str]]:
    if record is None:
        return []
    sources = ", ".join(str(document) for document in documents_for(record)[:5])
    return [*record_facts(record), *[(label, value) for label, value in _related_facts(record) if value],
            *([(_("from articles"), sources)] if sources else [])]


def _page_url(kind: str) -> str:
    return reverse("web:duplicates") + (f"?kind={kind}" if kind in duplicates.KINDS else "")


@reviewer_required
def duplicates_page(request):
    duplicates.refresh()  # records changed since the last look are compared first
    open_candidates = MergeCandidate.objects.filter(status=MergeCandidate.Status.OPEN).select_related("content_type")
    counts: dict[str, int] = {}
    for row in open_candidates.values("content_type").annotate(n=Count("id")):
        candidate = MergeCandidate(content_type_id=row["content_type"])
        counts[duplicates.kind_of(candidate)] = counts.get(duplicates.kind_of(candidate), 0) + row["n"]
    kind = request.GET.get("kind", "")
    if kind not in duplicates.KINDS:
        kind = next((k for k in duplicates.KINDS if counts.get(k)), "person")
    model = duplicates.KINDS[kind][0]
    shown = open_candidates.filter(content_type__app_label=model._meta.app_label,
                                   content_type__model=model._meta.model_name)
    page = Paginator(shown, 20).get_page(request.GET.get("page"))
    rows = []
    for candidate in page:
        left, right = candidate.left, candidate.right
        rows.append({"candidate": candidate, "left": left, "right": right, "left_facts": _facts(left),
                     "right_facts": _facts(right),
                     "features": candidate.features or [{"label": candidate.explanation, "weight": candidate.score}]})
    recent = Decision.objects.filter(action=Decision.Action.MERGE, undone_by__isnull=True)[:10]
    tabs = [{"kind": k, "label": label, "count": counts.get(k, 0), "url": _page_url(k)} for k, label in KIND_LABELS.items()]
    return render(request, "web/duplicates.html", {"page": page, "rows": rows, "kind": kind, "tabs": tabs,
                                                   "recent": [_merge_summary(d) for d in recent]})


def _merge_summary(decision: Decision) -> dict:
    effects = decision.effects
    dropped = effects.get("drop", {})
    model = apps.get_model(effects["model"])
    kept = model._base_manager.filter(pk=effects["keep"]).first()
    return {"decision": decision, "kept": kept, "dropped_name": dropped.get("name") or dropped.get("title")
            or f"{model._meta.verbose_name} {dropped.get('id')}"}


@require_POST
@reviewer_required
def duplicate_decide(request, pk: int):
    candidate = get_object_or_404(MergeCandidate, pk=pk)
    kind = duplicates.kind_of(candidate)
    action = request.POST.get("action")
    actor, scope = actor_for_user(request.user), scope_of(request.user)
    try:
        if action == "dismiss":
            review.dismiss(candidate, actor=actor, scope=scope)
            messages.success(request, _("Kept apart: they will not be proposed again."))
        elif action in ("keep_left", "keep_right"):
            left, right = candidate.left, candidate.right
            if left is None or right is None:
                raise review.ReviewError(_("one of the two records no longer exists"))
            keep, drop = (left, right) if action == "keep_left" else (right, left)
            review.merge(keep, drop, actor=actor, scope=scope)
            messages.success(request, _("Merged into %(record)s; the other record's address now leads here. "
                                        "Undo it below if it was a mistake.") % {"record": keep})
        else:
            return HttpResponseBadRequest(_("unknown action"))
    except review.ReviewError as error:
        messages.error(request, str(error))
    return redirect(_page_url(kind))


class MovedPermanently(HttpResponsePermanentRedirect):
    status_code = 308


def moved(pattern_name: str):
    """A retired address answering 308 to its successor: permanent, and a form's POST stays a POST."""
    def view(request, **kwargs):
        target = reverse(pattern_name, kwargs=kwargs)
        query = request.META.get("QUERY_STRING", "")
        return MovedPermanently(f"{target}?{query}" if query else target)
    return view


@require_POST
@reviewer_required
def duplicates_scan(request):
    scan = duplicates.record()
    messages.success(request, _("Looked for duplicates: %(new)d new, %(updated)d still open, %(apart)d kept apart "
                                "before.") % {"new": scan.new, "updated": scan.updated, "apart": scan.kept_apart})
    return redirect(_page_url(request.POST.get("kind", "")))


@require_POST
@reviewer_required
def merge_undo(request, pk: int):
    decision = get_object_or_404(Decision, pk=pk, action=Decision.Action.MERGE)
    try:
        review.undo(decision, actor=actor_for_user(request.user), scope=scope_of(request.user))
        messages.success(request, _("Merge undone: both records are back as they were."))
    except review.ReviewError as error:
        messages.error(request, str(error))
    return redirect(_page_url(request.POST.get("kind", "")))
