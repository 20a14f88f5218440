"""Forms for every registry record. They validate; saving goes through amity.registry.services."""

from __future__ import annotations

import re

from django import forms
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.registry import models as m
from amity.search.service import name_filter

_ID_SUFFIX = re.compile(r"#(\d+)\s*$")


def lookup_label(obj) -> str:
    return f"{obj} #{obj.pk}"


class RecordLookupField(forms.Field):
    """A place, person or organization typed by name (suggestions as you type), or "Name #id"."""

    def __init__(self, model, *, kind: str, required: bool = False, **kwargs):
        self.model, self.kind = model, kind
        super().__init__(required=required, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "off", "hx-get": reverse("web:suggest", args=[self.kind]),
                      "hx-trigger": "input changed delay:250ms", "hx-swap": "innerHTML"})
        return attrs

    def prepare_value(self, value):
        if isinstance(value, self.model):
            return lookup_label(value)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            obj = self.model.objects.filter(pk=value).first()
            return lookup_label(obj) if obj else value
        return value

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return None
        if match := _ID_SUFFIX.search(text):
            obj = self.model.objects.filter(pk=int(match.group(1))).first()
            if obj is None:
                raise forms.ValidationError(_("No such record: %(text)s"), params={"text": text})
            return obj
        matches = list(self.model.objects.filter(Q(name__iexact=text) | name_filter(text))[:20])
        exact = [obj for obj in matches if obj.name.lower() == text.lower()
                 or text.lower() in (alias.lower() for alias in obj.aliases)]
        if len(exact) == 1:
            return exact[0]
        if not exact:
            raise forms.ValidationError(_("Nothing is called “%(text)s”; pick one of the suggestions."), params={"text": text})
        raise forms.ValidationError(_("“%(text)s” is ambiguous; pick one of the suggestions."), params={"text": text})


class NamesField(forms.CharField):
    """Name variants, one a line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _lookup(model, kind, label, required=False):
    return RecordLookupField(model, kind=kind, label=label, required=required)


class RegistryForm(forms.ModelForm):
    """Replace foreign keys to places, people and organizations with name lookups."""

    lookups = {m.Place: "place", m.Person: "person", m.Organization: "organization"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            model_field = self._meta.model._meta.get_field(name)
            target = getattr(model_field, "related_model", None)
            if model_field.many_to_one and target in self.lookups:
                self.fields[name] = _lookup(target, self.lookups[target], field.label, field.required)
                self.fields[name].help_text = field.help_text or _("Type a name and pick a suggestion.")
                self.fields[name].widget.attrs.update({"list": f"dl-{name}", "hx-target": f"#dl-{name}"})
            elif model_field.many_to_many and target is m.Field:
                field.widget = forms.CheckboxSelectMultiple()
                field.queryset = m.Field.objects.order_by("name")
            elif name == "aliases":
                self.fields[name] = NamesField(required=False, label=_("Other names"),
                                               help_text=_("one a line: romanisations, native script …"))


def form_for(model) -> type[forms.ModelForm]:
    fields = FORM_FIELDS[model]
    return forms.modelform_factory(model, form=RegistryForm, fields=fields, formfield_callback=_formfield)


def _formfield(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


FORM_FIELDS = {
    m.Place: ["name", "aliases", "kind", "country_code", "parent", "latitude", "longitude", "population", "wikidata_id",
              "notes"],
    m.Organization: ["name", "aliases", "kind", "place", "country_code", "parent", "website", "notes"],
    m.Person: ["name", "aliases", "family_name", "given_name", "name_order", "country_code", "notes"],
    m.Position: ["person", "title", "title_raw", "of_place", "of_organization", "to_place", "term_start", "term_end",
                 "known_from", "known_to", "notes"],
    m.Agreement: ["type", "title", "signed_date", "signed_place", "status", "fields", "notes"],
    m.AgreementParty: ["agreement", "place", "organization"],
    m.AgreementSignatory: ["agreement", "person", "on_behalf_of"],
    m.AgreementStatusChange: ["agreement", "status", "date"],
    m.Alliance: ["name", "aliases", "established", "dissolved", "secretariat", "secretariat_place", "purpose", "notes"],
    m.AllianceMember: ["alliance", "place", "organization", "joined", "left"],
    m.Team: ["alliance", "name", "based_in", "established"],
    m.TeamMember: ["team", "from_place", "person", "seats", "role"],
    m.Project: ["name", "alliance", "agreement", "field", "status", "start", "end", "description", "notes"],
    m.ProjectMember: ["project", "place", "organization", "role", "budget_share", "budget_currency"],
    m.Milestone: ["project", "name", "due", "done", "progress"],
    m.Engagement: ["type", "title", "date", "time", "place", "venue", "topics", "attendance", "outcome", "agreement",
                   "alliance", "notes"],
    m.EngagementParticipant: ["engagement", "person", "organization", "place", "role"],
    m.FollowUp: ["action", "due", "status", "owner_person", "owner_place", "owner_organization", "engagement",
                 "agreement", "project"],
}
# The whole a part belongs to: fixed when the part is added from the whole's page.
PARENT_FIELD = {
    m.Position: "person", m.AgreementParty: "agreement", m.AgreementSignatory: "agreement",
    m.AgreementStatusChange: "agreement", m.AllianceMember: "alliance", m.Team: "alliance", m.TeamMember: "team",
    m.ProjectMember: "project", m.Milestone: "project", m.EngagementParticipant: "engagement",
}
