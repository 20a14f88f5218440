"""Spreadsheet import pages: upload -> preview with per-row errors -> confirm; and the matching exports.

The preview writes nothing. The rows travel to the confirmation in a signed field
and are checked again against the database before anything is written.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amity.accounts import permissions
from amity.core.actor import actor_for_user
from amity.portfolio.access import scope_check, viewer_required
from amity.portfolio.forms import ImportForm
from amity.portfolio.imports import files
from amity.portfolio.imports.partners import apply_partners
from amity.portfolio.imports.projects import apply_projects
from amity.portfolio.imports.reading import FileProblem, Sheet
from amity.portfolio.views.overview import owner_or_404
from amity.registry import models as m

SALT = "amity.portfolio.import"
MAX_AGE = 3600


def _target(kind: str, target_kind: str, pk: int):
    if kind == "partners":
        return get_object_or_404(m.Place, pk=pk)
    return owner_or_404(target_kind, pk)


def _may_import(user, target) -> bool:
    if not permissions.can_edit(user):
        return False
    scope = permissions.scope_of(user)
    return scope is None or permissions.can_edit(user, target)


def import_page(request, kind: str, target_kind: str, pk: int):
    if kind not in files.KINDS:
        raise PermissionDenied
    target = _target(kind, target_kind, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not _may_import(request.user, target):
        raise PermissionDenied("only editors whose scope includes this record may import")
    context = {"kind": kind, "target": target, "target_kind": target_kind, "columns": files.KINDS[kind].COLUMNS}
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, kind, target, context)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            sheet = files.read(kind, upload.name, data)
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            preview = files.plan(kind, sheet, target, scope_check(request.user))
            options = {k: form.cleaned_data.get(k) for k in ("year", "stated_count", "source")}
            token = signing.dumps({"kind": kind, "target": target.pk, "user": request.user.pk, "options": options,
                                   "columns": sheet.columns, "rows": sheet.rows}, salt=SALT, compress=True)
            return render(request, "portfolio/import_preview.html",
                          {**context, "preview": preview, "token": token, "options": options, "filename": upload.name})
    return render(request, "portfolio/import.html", {**context, "form": form})


def _confirm(request, kind: str, target, context: dict):
    try:
        payload = signing.loads(request.POST["token"], salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        messages.error(request, _("The preview has expired or was altered; upload the file again."))
        return redirect(request.path)
    if payload["kind"] != kind or payload["target"] != target.pk or payload["user"] != request.user.pk:
        raise PermissionDenied("this preview belongs to another import")
    sheet = Sheet(columns=payload["columns"], rows=[(n, dict(v)) for n, v in payload["rows"]])
    preview = files.plan(kind, sheet, target, scope_check(request.user))
    if not preview.ok:  # the registry changed since the preview
        return render(request, "portfolio/import_preview.html",
                      {**context, "preview": preview, "token": request.POST["token"], "options": payload["options"]})
    actor = actor_for_user(request.user)
    if kind == "projects":
        options = payload["options"]
        counts = apply_projects(preview, target, actor=actor, year=options.get("year"),
                                stated_count=options.get("stated_count"), source=options.get("source") or "")
        messages.success(request, _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.") % counts)
        return redirect("portfolio:portfolio", kind=context["target_kind"], pk=target.pk)
    counts = apply_partners(preview, target, actor=actor)
    messages.success(request, _("Imported: %(created)s new agreements, %(unchanged)s already recorded, "
                                "%(new_places)s new places.") % counts)
    return redirect("portfolio:imports")


@viewer_required
def imports_index(request):
    picked = request.GET.get("place", "").strip()
    error = ""
    if picked:
        place = _picked_place(picked)
        if place is not None:
            return redirect("portfolio:import", "partners", "place", place.pk)
        error = _("Nothing is called “%(text)s”; pick one of the suggestions.") % {"text": picked}
    return render(request, "portfolio/imports_index.html", {"picked": picked, "error": error,
        "alliances": m.Alliance.objects.order_by("name"),
        "cities": m.Place.objects.filter(agreement_parties__isnull=False, country_code="KR").distinct().order_by("name"),
        "can_edit": permissions.can_edit(request.user),
    })


def _picked_place(text: str):
    """A place picked from the suggestions ("Name #id") or typed by its exact name (the most populous one)."""
    if match := re.search(r"#(\d+)\s*$", text):
        return m.Place.objects.filter(pk=int(match.group(1))).first()
    return m.Place.objects.filter(name__iexact=text).order_by("-population").first()


@viewer_required
def export(request, kind: str, target_kind: str, pk: int):
    if kind not in files.KINDS:
        raise PermissionDenied
    target = _target(kind, target_kind, pk)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    body = files.export(kind, target, fmt)
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{kind}-{target.pk}.{fmt}"'
    return response
