"""Creating, changing and deleting records through amity.registry.services, and each record's history."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amity.accounts.permissions import can_edit
from amity.core.actor import actor_for_user
from amity.core.models import history_of
from amity.registry import models as m
from amity.registry import services
from amity.registry.readable import history_changes
from amity.search.service import name_filter
from amity.sources.models import Document
from amity.web.access import require_edit, viewer_required
from amity.web.forms import PARENT_FIELD, form_for, lookup_label
from amity.web.links import EDITABLE, detail_url, parent_of


def _model(slug: str):
    try:
        return EDITABLE[slug]
    except KeyError:
        raise Http404(slug) from None


def _values(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.fields if name in form.cleaned_data}


def _limit_choices(form, model, parent) -> None:
    if model is m.AgreementSignatory and "on_behalf_of" in form.fields:
        agreement = parent or getattr(form.instance, "agreement", None)
        form.fields["on_behalf_of"].queryset = (agreement.parties.all() if agreement is not None
                                                else m.AgreementParty.objects.none())


def _save_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@viewer_required
def create(request, slug: str):
    model = _model(slug)
    require_edit(request)
    form_class = form_for(model)
    parent_name = PARENT_FIELD.get(model)
    parent = None
    initial = {key: value for key, value in request.GET.items() if key in form_class.base_fields}
    if parent_name and request.GET.get(parent_name, "").isdigit():
        parent_model = model._meta.get_field(parent_name).related_model
        parent = get_object_or_404(parent_model, pk=request.GET[parent_name])
        if not can_edit(request.user, parent):
            raise PermissionDenied(_("this record is outside your editing scope"))
    if request.method == "POST":
        form = form_class(request.POST)
        _limit_choices(form, model, parent)
        if parent is not None:
            form.fields[parent_name].widget = forms.HiddenInput()
        if form.is_valid():
            if not can_edit(request.user, form.instance):
                raise PermissionDenied(_("this record is outside your editing scope"))
            try:
                with transaction.atomic():
                    obj = services.create(model, actor=actor_for_user(request.user), **_values(form))
                    require_edit(request, model.objects.get(pk=obj.pk))  # still theirs once saved
            except ValidationError as error:
                _save_errors(form, error)
            else:
                messages.success(request, _("Saved: %(record)s") % {"record": obj})
                return redirect(detail_url(obj) or "web:dashboard")
    else:
        if parent is not None:
            initial[parent_name] = parent.pk
        form = form_class(initial=initial)
        _limit_choices(form, model, parent)
        if parent is not None:
            form.fields[parent_name].widget = forms.HiddenInput()
    return render(request, "web/edit.html", {
        "form": form, "model_name": model._meta.verbose_name, "parent": parent, "creating": True,
        "cancel": detail_url(parent) if parent is not None else request.META.get("HTTP_REFERER", "/")})


@viewer_required
def update(request, slug: str, pk: int):
    model = _model(slug)
    obj = get_object_or_404(model, pk=pk)
    require_edit(request, obj)
    form_class = form_for(model)
    parent_name = PARENT_FIELD.get(model)
    if request.method == "POST":
        form = form_class(request.POST, instance=obj)
        _limit_choices(form, model, None)
        if form.is_valid():
            if not can_edit(request.user, form.instance):
                raise PermissionDenied(_("the change would move this record outside your editing scope"))
            fresh = model.objects.get(pk=obj.pk)  # the stored values, for the change log's "before"
            try:
                with transaction.atomic():
                    services.update(fresh, actor=actor_for_user(request.user), **_values(form))
                    require_edit(request, model.objects.get(pk=obj.pk))  # still theirs after the change
            except ValidationError as error:
                _save_errors(form, error)
            else:
                messages.success(request, _("Saved: %(record)s") % {"record": fresh})
                return redirect(detail_url(fresh) or "web:dashboard")
    else:
        form = form_class(instance=obj)
        _limit_choices(form, model, None)
    if parent_name:
        form.fields[parent_name].widget = forms.HiddenInput()
    return render(request, "web/edit.html", {
        "form": form, "obj": obj, "slug": slug, "model_name": model._meta.verbose_name, "creating": False,
        "parent": parent_of(obj), "cancel": detail_url(obj)})


@viewer_required
def delete(request, slug: str, pk: int):
    model = _model(slug)
    obj = get_object_or_404(model, pk=pk)
    require_edit(request, obj)
    back = detail_url(parent_of(obj)) or "web:dashboard"
    if request.method == "POST":
        whole = parent_of(obj)
        try:
            with transaction.atomic():
                services.delete(obj, actor=actor_for_user(request.user))
                if whole is not None:  # removing a part must not hand its whole to another scope
                    require_edit(request, type(whole).objects.get(pk=whole.pk))
        except ProtectedError as error:
            used_by = ", ".join(str(item) for item in list(error.protected_objects)[:5])
            messages.error(request, _("Cannot delete %(record)s: still used by %(others)s.")
                           % {"record": obj, "others": used_by})
            return redirect(detail_url(obj))
        messages.success(request, _("Deleted: %(record)s") % {"record": obj})
        return redirect(back if parent_of(obj) is not None else "web:dashboard")
    return render(request, "web/delete.html", {"obj": obj, "cancel": detail_url(obj)})


HISTORY_MODELS = {**EDITABLE, "document": Document}


@viewer_required
def history(request, slug: str, pk: int):
    model = HISTORY_MODELS.get(slug)
    if model is None:
        raise Http404(slug)
    obj = get_object_or_404(model, pk=pk)
    entries = []
    for entry in history_of(obj).select_related("content_type")[:300]:
        entries.append({"entry": entry, "changes": history_changes(entry)})
    return render(request, "web/history.html", {"obj": obj, "entries": entries, "back": detail_url(obj)})


@viewer_required
def suggest(request, kind: str):
    """<option>s for a name lookup field (htmx fills its datalist)."""
    models = {"place": m.Place, "person": m.Person, "organization": m.Organization}
    model = models.get(kind)
    if model is None:
        raise Http404(kind)
    text = next((value for key, value in request.GET.items() if key not in ("csrfmiddlewaretoken",)), "").strip()
    found = []
    if len(text) >= 2 and "#" not in text:
        queryset = model.objects.filter(Q(name__istartswith=text) | name_filter(text))
        if model is m.Place:
            queryset = queryset.order_by("-population", "name")
        found = list(queryset[:15])
    return render(request, "web/suggest.html", {"options": [lookup_label(obj) for obj in found]})

