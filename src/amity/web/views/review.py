"""The review inbox, claim decisions (accept / edit / reject / undo), bulk decisions and merge candidates."""

from __future__ import annotations

import json
import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.accounts.permissions import can_admin, scope_of
from amity.core.actor import actor_for_user
from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.registry.readable import claim_sentence
from amity.review import services as review
from amity.review.models import Decision, MergeCandidate
from amity.sources.models import Claim, Document
from amity.web.access import reviewer_required
from amity.web.claim_forms import claim_form, suggestions


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


INBOX_DOCUMENTS = 10  # documents per inbox page, each with all its open claims


def claim_position(claim) -> int:
    """Where the claim's evidence starts in its article (the inbox follows the article's order)."""
    starts = [span.get("start") for span in claim.evidence or [] if isinstance(span, dict)]
    starts = [start for start in starts if isinstance(start, int)]
    return min(starts) if starts else 10**9


def sentence_groups(claims) -> list[dict]:
    """Claims of one document grouped by the sentence they were read from, in article order."""
    groups: dict[str, dict] = {}
    for claim in sorted(claims, key=lambda c: (claim_position(c), c.pk)):
        sentence = claim.evidence_sentence()
        group = groups.setdefault(sentence, {"sentence": sentence, "claims": []})
        group["claims"].append(claim)
    return list(groups.values())


def counters() -> dict:
    pending = Claim.objects.filter(status=Claim.Status.PENDING)
    return {"pending": pending.count(),  # both read the (status, document) index alone
            "documents": pending.values("document_id").distinct().count()}


def _attach_needs(by_document: dict[int, list]) -> None:
    """What accepting each shown claim also accepts, from one read of the page's pending claims."""
    pending: dict[int, list] = {pk: [] for pk in by_document}
    for claim in Claim.objects.filter(document_id__in=list(by_document), status=Claim.Status.PENDING):
        pending[claim.document_id].append(claim)
    for document_id, claims in by_document.items():
        for claim in claims:
            claim.pending_needs = review.dependencies(claim, pending[document_id])


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
    # Paged in the database: the documents with a claim to show, newest first, read along the
    # published index until a page is found (not every pending document collected and sorted).
    waiting = (Document.objects.filter(Exists(claims.filter(document_id=OuterRef("pk")).order_by()))
               .order_by("-published", "-id"))
    live = counters()
    paginator = Paginator(waiting.values_list("pk", flat=True), INBOX_DOCUMENTS)
    if not (slot or document or get.get("min") or get.get("max") or date_from or date_to):
        paginator.count = live["documents"]  # the same figure as the counters: counted once
    page = paginator.get_page(get.get("page"))
    document_ids = list(page.object_list)
    by_document: dict[int, list] = {pk: [] for pk in document_ids}
    for claim in claims.filter(document_id__in=document_ids):
        by_document[claim.document_id].append(claim)
    _attach_needs(by_document)
    documents = Document.objects.in_bulk(document_ids)
    sections = [{"document": documents[pk], "groups": sentence_groups(by_document[pk]), "count": len(by_document[pk])}
                for pk in document_ids]
    return render(request, "web/review.html", {
        "page": page, "sections": sections, "slots": Claim.Slot.choices, "slot": slot, "document": document,
        "min": get.get("min", ""), "max": get.get("max", ""), "from": get.get("from", ""), "to": get.get("to", ""),
        "open_merges": MergeCandidate.objects.filter(status=MergeCandidate.Status.OPEN).count(),
        "documents": Document.objects.filter(Exists(Claim.objects.filter(status=Claim.Status.PENDING,
                                                                          document_id=OuterRef("pk"))))
                                     .defer("text").order_by("-published", "-id")[:300],
        "counters": live, "shown": sum(section["count"] for section in sections),
        "can_review": True,
    })


def _fragment(request, claim, error: str = "", also=()):
    """The decided claim as the caller shows it (an inbox row or a document card), the live counters,
    and the other claims the decision changed (dependencies accepted with it), swapped out of band."""
    claim.refresh_from_db()
    template = "web/claim_row.html" if request.POST.get("as") == "row" else "web/claim.html"
    for other in also:
        other.refresh_from_db()
    return render(request, "web/claim_decided.html", {
        "claim": claim, "template": template, "error": error, "also": also, "counters": counters(),
        "can_review": True, "show_sentence": True})


def _after(request, claim, error: str = "", also=()):
    if request.headers.get("HX-Request"):
        return _fragment(request, claim, error, also)
    if error:
        messages.error(request, error)
    return redirect("web:document", pk=claim.document_id)


@require_POST
@reviewer_required
def accept(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    needed = review.dependencies(claim) if claim.status == Claim.Status.PENDING else []
    try:
        review.accept(claim, actor=actor_for_user(request.user), scope=scope_of(request.user))
    except review.ReviewError as error:
        return _after(request, claim, str(error))
    return _after(request, claim, also=needed)


@require_POST
@reviewer_required
def reject(request, pk: int):
    claim = get_object_or_404(Claim, pk=pk)
    try:
        review.reject(claim, actor=actor_for_user(request.user), scope=scope_of(request.user), reason=request.POST.get("reason", "")[:500])
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
        review.undo(decision, actor=actor_for_user(request.user), scope=scope_of(request.user))
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
    """The admin's raw JSON editor: every key of the value as text or JSON."""
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


def _field_evidence(form, claim) -> dict[str, str]:
    """field name -> the part of the evidence that states it (the words a person checks it against)."""
    sentence = claim.evidence_sentence()
    texts = {}
    for name in form.fields:
        shown = form[name].value()
        shown = shown[0] if isinstance(shown, list) and shown else shown
        if isinstance(shown, str):
            shown = re.sub(r"\s*(\[[\w-]+\]|#\w+:\d+)\s*$", "", shown).strip()
        if isinstance(shown, str) and len(shown) >= 2 and shown.casefold() in sentence.casefold():
            texts[name] = shown
    return texts


@reviewer_required
def edit(request, pk: int):
    """Correct a claim with a typed form (admins may ask for the raw JSON), then accept it."""
    claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
    advanced = request.GET.get("advanced") == "json" and can_admin(request.user)
    errors: list[str] = []
    form = None if advanced else claim_form(claim, request.POST if request.method == "POST" else None)
    if request.method == "POST" and claim.status == Claim.Status.PENDING:
        if advanced:
            edits, errors = _parse_edits(claim.current_value, request.POST)
        elif form.is_valid():
            edits = form.edits()
        else:
            edits, errors = {}, [_("Correct the fields marked below.")]
        if not errors:
            try:
                review.accept(claim, actor=actor_for_user(request.user), scope=scope_of(request.user), edits=edits or None,
                              reason=request.POST.get("reason", "")[:500])
            except review.ReviewError as error:
                errors.append(str(error))
            else:
                messages.success(request, _("Accepted: %(claim)s") % {"claim": claim_sentence(claim.slot,
                                                                                             claim.current_value)})
                return redirect(_safe_next(request) or reverse("web:document", args=[claim.document_id]))
    return render(request, "web/claim_edit.html", {
        "claim": claim, "form": form, "advanced": advanced, "can_admin": can_admin(request.user),
        "fields": _edit_fields(claim.current_value) if advanced else [], "errors": errors,
        "evidence": _field_evidence(form, claim) if form is not None else {},
        "dependencies": review.dependencies(claim), "next": _safe_next(request),
    })


@reviewer_required
def claim_suggest(request, pk: int):
    """<option>s for a pick box of a claim form: names of this article first, then registry records."""
    claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
    name = next((key for key in request.GET if key not in ("csrfmiddlewaretoken",)), "")
    form = claim_form(claim)
    field = form.fields.get(name)
    kinds = getattr(field, "kinds", ("place", "person", "organization"))
    options = suggestions(request.GET.get(name, ""), kinds, claim.document, form.facts)
    return render(request, "web/suggest.html", {"options": options})


def _bulk_claims(ids) -> list:
    return sorted(Claim.objects.filter(pk__in=ids, status=Claim.Status.PENDING).select_related("document"),
                  key=lambda c: (review.SLOT_ORDER.index(c.slot) if c.slot in review.SLOT_ORDER else 99, c.pk))


def _safe_next(request) -> str:
    """Where to go back to: an address of this site only."""
    target = request.POST.get("next") or request.GET.get("next", "")
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


@require_POST
@reviewer_required
def bulk(request):
    """Accept or reject many claims: first a page that says what will happen, then the decision."""
    action = request.POST.get("action")
    if action not in ("accept", "reject"):
        return HttpResponseBadRequest("action must be accept or reject")
    ids = [int(x) for x in request.POST.getlist("claim") if x.isdigit()]
    claims = _bulk_claims(ids)
    target = _safe_next(request)
    if not claims:
        messages.info(request, _("Nothing was selected that is still waiting for review."))
        return redirect(target or "web:review")
    if request.POST.get("confirmed") != "yes":
        chosen = {c.pk for c in claims}
        extra = {}
        if action == "accept":
            for claim in claims:
                extra.update({d.pk: d for d in review.dependencies(claim) if d.pk not in chosen})
        return render(request, "web/review_confirm.html", {
            "action": action, "claims": claims, "extra": sorted(extra.values(), key=lambda c: c.pk),
            "next": target, "ids": [c.pk for c in claims]})
    done, failed = 0, []
    actor = actor_for_user(request.user)
    for claim in claims:
        claim.refresh_from_db()
        if claim.status != Claim.Status.PENDING:
            continue  # accepted already as another claim's dependency
        try:
            (review.accept if action == "accept" else review.reject)(claim, actor=actor, scope=scope_of(request.user))
            done += 1
        except review.ReviewError as error:
            failed.append(f"{claim_sentence(claim.slot, claim.current_value)}: {error}")
    if action == "accept":
        messages.success(request, _("Accepted %(n)s claims.") % {"n": done})
    else:
        messages.success(request, _("Rejected %(n)s claims.") % {"n": done})
    for failure in failed[:10]:
        messages.error(request, failure)
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
