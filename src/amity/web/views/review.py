"""The review inbox, claim decisions (accept / edit / reject / undo), bulk decisions and merge candidates."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.core.actor import actor_for_user
from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.review import services as review
from amity.review.models import Decision, MergeCandidate
from amity.sources.models import Claim, Document
from amity.web.access import reviewer_required


def _float(value: str) -> float | None:
    try:
        return max(0.0, min(1.0, float(value)))
    except (TypeError, ValueError):
        return None


def _date(value: str) -> PartialDate | None:
    try:
        return PartialDate.coerce(value.strip()) if value else None
    except InvalidPartialDate:
        return None


@reviewer_required
def inbox(request):
    get = request.GET
    document = Document.objects.filter(pk=get["document"]).first() if get.get("document", "").isdigit() else None
    slot = get.get("slot", "") if get.get("slot", "") in Claim.Slot.values else ""
    claims = review.pending_claims(slot=slot or None, document=document, min_confidence=_float(get.get("min", "")),
                                   max_confidence=_float(get.get("max", "")))
    date_from, date_to = _date(get.get("from", "")), _date(get.get("to", ""))
    if date_from:
        claims = claims.filter(document__published__gte=date_from.earliest.isoformat())
    if date_to:
        claims = claims.filter(document__published__lte=date_to.latest.isoformat())
    page = Paginator(claims, 40).get_page(get.get("page"))
    return render(request, "web/review.html", {
        "page": page, "slots": Claim.Slot.choices, "slot": slot, "document": document,
        "min": get.get("min", ""), "max": get.get("max", ""), "from": get.get("from", ""), "to": get.get("to", ""),
        "open_merges": MergeCandidate.objects.filter(status=MergeCandidate.Status.OPEN).count(),
        "documents": Document.objects.filter(claims__status=Claim.Status.PENDING).distinct().order_by("-published", "-id")[:300],
        "can_review": True,
    })


def _claim_card(request, claim, error: str = ""):
    claim.refresh_from_db()
    return render(request, "web/claim.html", {"claim": claim, "can_review": True, "error": error,
                                              "show_sentence": True})


def _after(request, claim, error: str = ""):
    if request.headers.get("HX-Request"):
        return _claim_card(request, claim, error)
    if error:
        messages.error(request, error)
    return redirect("web:document", pk=claim.document_id)


@require_POST
@reviewer_required
def accept(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    pending_before = claim.document.claims.filter(status=Claim.Status.PENDING).count()
    try:
        review.accept(claim, actor=actor_for_user(request.user))
    except review.ReviewError as error:
        return _after(request, claim, str(error))
    response = _after(request, claim)
    if pending_before - claim.document.claims.filter(status=Claim.Status.PENDING).count() > 1:
        response["HX-Refresh"] = "true"  # facts it needed were accepted too: show the whole page anew
    return response


@require_POST
@reviewer_required
def reject(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    try:
        review.reject(claim, actor=actor_for_user(request.user), reason=request.POST.get("reason", "")[:500])
    except review.ReviewError as error:
        return _after(request, claim, str(error))
    return _after(request, claim)


@require_POST
@reviewer_required
def undo(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    decision = (Decision.objects.filter(claim=claim, undone_by__isnull=True)
                .exclude(action=Decision.Action.UNDO).order_by("-time", "-id").first())
    if decision is None:
        return _after(request, claim, _("There is no decision to undo."))
    try:
        review.undo(decision, actor=actor_for_user(request.user))
    except review.ReviewError as error:
        return _after(request, claim, str(error))
    return _after(request, claim)


def _edit_fields(value: dict) -> list[dict]:
    fields = []
    for key, item in value.items():
        scalar = item is None or isinstance(item, str | int | float | bool)
        fields.append({"key": key, "scalar": scalar,
                       "text": ("" if item is None else str(item)) if scalar else json.dumps(item, ensure_ascii=False,
                                                                                            indent=1)})
    return fields


def _parse_edits(original: dict, post) -> tuple[dict, list[str]]:
    edits, errors = {}, []
    for key, old in original.items():
        if f"f_{key}" not in post:
            continue
        raw = post.get(f"f_{key}", "")
        if old is None or isinstance(old, str | bool | int | float):
            text = raw.strip()
            if isinstance(old, bool):
                new = text.lower() in ("1", "true", "yes")
            elif isinstance(old, int | float) and text:
                try:
                    new = type(old)(text)
                except ValueError:
                    errors.append(_("%(key)s: not a number") % {"key": key})
                    continue
            else:
                new = text or None if old is None else text
        else:
            try:
                new = json.loads(raw)
            except json.JSONDecodeError as error:
                errors.append(_("%(key)s: not valid JSON (%(why)s)") % {"key": key, "why": error.msg})
                continue
        if new != old:
            edits[key] = new
    return edits, errors


@reviewer_required
def edit(request, pk: int):
    """Correct a claim's value, then accept it."""
    claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
    value = claim.current_value
    errors: list[str] = []
    if request.method == "POST" and claim.status == Claim.Status.PENDING:
        edits, errors = _parse_edits(value, request.POST)
        if not errors:
            try:
                review.accept(claim, actor=actor_for_user(request.user), edits=edits or None,
                              reason=request.POST.get("reason", "")[:500])
            except review.ReviewError as error:
                errors.append(str(error))
            else:
                messages.success(request, _("Accepted: %(claim)s") % {"claim": claim.label})
                return redirect("web:document", pk=claim.document_id)
    return render(request, "web/claim_edit.html", {"claim": claim, "fields": _edit_fields(value), "errors": errors})


@require_POST
@reviewer_required
def bulk(request):
    action = request.POST.get("action")
    if action not in ("accept", "reject"):
        return HttpResponseBadRequest("action must be accept or reject")
    ids = [int(x) for x in request.POST.getlist("claim") if x.isdigit()]
    claims = sorted(Claim.objects.filter(pk__in=ids, status=Claim.Status.PENDING),
                    key=lambda c: (review.SLOT_ORDER.index(c.slot) if c.slot in review.SLOT_ORDER else 99, c.pk))
    done, failed = 0, []
    actor = actor_for_user(request.user)
    for claim in claims:
        claim.refresh_from_db()
        if claim.status != Claim.Status.PENDING:
            continue  # accepted already as another claim's dependency
        try:
            (review.accept if action == "accept" else review.reject)(claim, actor=actor)
            done += 1
        except review.ReviewError as error:
            failed.append(f"{claim.label}: {error}")
    verb = _("Accepted") if action == "accept" else _("Rejected")
    messages.success(request, _("%(verb)s %(n)s claims.") % {"verb": verb, "n": done})
    for failure in failed[:10]:
        messages.error(request, failure)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or "web:review")


def record_facts(obj) -> list[tuple[str, str]]:
    if obj is None:
        return []
    facts = []
    for field in obj._meta.concrete_fields:
        if field.name in ("id", "uid", "created", "updated"):
            continue
        value = getattr(obj, field.name)
        if value in (None, "", []):
            continue
        facts.append((str(field.verbose_name), ", ".join(value) if isinstance(value, list) else str(value)))
    return facts


@reviewer_required
def merges(request):
    candidates = MergeCandidate.objects.filter(status=MergeCandidate.Status.OPEN).select_related("content_type")
    page = Paginator(candidates, 20).get_page(request.GET.get("page"))
    rows = [{"candidate": c, "left": c.left, "right": c.right, "left_facts": record_facts(c.left),
             "right_facts": record_facts(c.right)} for c in page]
    return render(request, "web/merges.html", {"page": page, "rows": rows})


@require_POST
@reviewer_required
def merge_decide(request, pk: int):
    candidate = get_object_or_404(MergeCandidate, pk=pk)
    action = request.POST.get("action")
    actor = actor_for_user(request.user)
    try:
        if action == "dismiss":
            review.dismiss(candidate, actor=actor)
            messages.success(request, _("Kept apart."))
        elif action in ("keep_left", "keep_right"):
            left, right = candidate.left, candidate.right
            if left is None or right is None:
                raise review.ReviewError(_("one of the two records no longer exists"))
            keep, drop = (left, right) if action == "keep_left" else (right, left)
            review.merge(keep, drop, actor=actor)
            messages.success(request, _("Merged into %(record)s.") % {"record": keep})
        else:
            return HttpResponseBadRequest("unknown action")
    except review.ReviewError as error:
        messages.error(request, str(error))
    return redirect("web:merges")
