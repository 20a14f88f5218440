"""Comparing a partner list with the registry, and taking rows from it as claims for review.

The comparison itself writes nothing. The page carries the uploaded file (base64) to the
"take" step, which stores the list as a source document and the chosen rows as pending claims.
"""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from amity.accounts.permissions import can_review
from amity.core.actor import actor_for_user
from amity.reconcile.compare import CATEGORIES, compare
from amity.reconcile.lists import ListError, read_list
from amity.reconcile.take import take_rows
from amity.web.access import viewer_required

# The take step posts the file back base64-encoded (4/3 larger); it must stay under DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_LIST = 4 * 1024 * 1024
FORMAT_CHOICES = [("", gettext_lazy("recognise it by its columns")), ("gaok", gettext_lazy("GAOK-style list")),
                  ("wikidata", gettext_lazy("Wikidata download (CSV or JSON)")), ("csv", gettext_lazy("plain CSV"))]


class ListForm(forms.Form):
    upload = forms.FileField(label=gettext_lazy("Partner list"),
                             help_text=gettext_lazy("XLSX or CSV with 자치단체, 국가, 도시, 구분, 체결일 (or English "
                                                    "headers), a Wikidata Query Service download, or a CSV with "
                                                    "city_a, country_a, city_b, country_b, type, date, source; "
                                                    "up to 4 MB"))
    format = forms.ChoiceField(label=gettext_lazy("Kind of list"), choices=FORMAT_CHOICES, required=False)


def _page(request, form, comparison=None, data=b"", name="", list_format=""):
    context = {"form": form, "comparison": comparison, "section": "reconcile", "categories": CATEGORIES,
               "can_take": can_review(request.user)}
    if comparison is not None:
        context.update(payload=base64.b64encode(data).decode("ascii"), name=name, list_format=list_format,
                       counts=comparison.counts())
    return render(request, "web/reconcile.html", context)


@viewer_required
def reconcile_page(request):
    if request.method != "POST":
        return _page(request, ListForm())
    if request.POST.get("action") == "take":
        return _take(request)
    form = ListForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form)
    upload = form.cleaned_data["upload"]
    data = upload.read(MAX_LIST + 1)
    if len(data) > MAX_LIST:
        form.add_error("upload", _("The file is larger than 4 MB."))
        return _page(request, form)
    try:
        listed = read_list(data, upload.name, form.cleaned_data["format"] or None)
    except ListError as error:
        form.add_error("upload", _("The list cannot be read: %(why)s") % {"why": error})
        return _page(request, form)
    return _page(request, form, compare(listed), data, upload.name, listed.format)


def _take(request):
    """The chosen rows as pending claims citing the stored list; then the list's document page."""
    form = ListForm()
    if not can_review(request.user):
        messages.error(request, _("Only reviewers may take rows from a list."))
        return redirect("web:reconcile")
    try:
        data = base64.b64decode(request.POST.get("payload", ""), validate=True)
        numbers = sorted({int(n) for n in request.POST.getlist("row")})
        listed = read_list(data, request.POST.get("name", "list")[:200], request.POST.get("format") or None)
    except (binascii.Error, ValueError, ListError) as error:
        messages.error(request, _("The list could not be read again (%(why)s): upload it once more.") % {"why": error})
        return redirect("web:reconcile")
    comparison = compare(listed)
    if not numbers:
        form.add_error(None, _("Choose the rows to take."))
        return _page(request, form, comparison, data, listed.name, listed.format)
    try:
        document, claims = take_rows(listed, numbers, actor_for_user(request.user), comparison)
    except ValueError as error:
        form.add_error(None, str(error))
        return _page(request, form, comparison, data, listed.name, listed.format)
    taken = ngettext("%(rows)s row taken", "%(rows)s rows taken", len(numbers)) % {"rows": len(numbers)}
    waiting = ngettext("%(claims)s claim waits for review.", "%(claims)s claims wait for review.",
                       len(claims)) % {"claims": len(claims)}
    messages.success(request, f"{taken}: {waiting}")
    return redirect("web:document", pk=document.pk)
