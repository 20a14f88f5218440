"""Typed forms for correcting a claim before it is accepted: one form per slot.

A claim's value is the extractor's item (see amity.extract); each form shows the
fields a person corrects (choices as select boxes, partial dates as year / month /
day, the people, places and organizations it names picked by typing a name) and
turns the answers back into the same item shape, so accepting goes through the
ordinary review service.

A picked name is written as "Name [per1]" (another fact of this article, by its
local id) or "Name #place:12" (a registry record); review.services resolves both.
"""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.registry import models as m
from amity.registry.choice_labels import choices, country_choices, field_choices
from amity.search.service import name_filter

REGISTRY_KINDS = {"place": m.Place, "person": m.Person, "organization": m.Organization}
_LOCAL = re.compile(r"^(?P<name>.*?)\s*\[(?P<ref>[\w-]{1,20})\]\s*$")
_RECORD = re.compile(r"^(?P<name>.*?)\s*#(?P<kind>place|person|organization):(?P<pk>\d+)\s*$")
EXTRA_ROWS = 2  # empty rows for adding parties or participants


class PartialDateWidget(forms.MultiWidget):
    template_name = "web/widgets/partial_date.html"

    def __init__(self, attrs=None):
        months = [("", "—")] + [(str(n), str(n)) for n in range(1, 13)]
        super().__init__([
            forms.NumberInput(attrs={"min": 1000, "max": 2999, "placeholder": "YYYY", "class": "year"}),
            forms.Select(choices=months, attrs={"class": "month"}),
            forms.NumberInput(attrs={"min": 1, "max": 31, "placeholder": "DD", "class": "day"}),
        ], attrs)

    def decompress(self, value):
        date = _partial(value)
        if date is None:
            return [None, None, None]
        return [date.year, date.month, date.day]


class PartialDateFormField(forms.MultiValueField):
    """A year, a year and month, or a full date: what the article states, no more."""

    widget = PartialDateWidget

    def __init__(self, **kwargs):
        fields = (forms.IntegerField(min_value=1000, max_value=2999, required=False),
                  forms.IntegerField(min_value=1, max_value=12, required=False),
                  forms.IntegerField(min_value=1, max_value=31, required=False))
        super().__init__(fields, require_all_fields=False, required=False, **kwargs)

    def compress(self, data_list):
        year, month, day = (list(data_list) + [None, None, None])[:3]
        if year in (None, ""):
            if month or day:
                raise forms.ValidationError(_("Give the year too."))
            return None
        if day and not month:
            raise forms.ValidationError(_("A day needs its month."))
        try:
            return PartialDate(int(year), month and int(month), day and int(day)).isoformat()
        except (InvalidPartialDate, ValueError) as error:
            raise forms.ValidationError(_("Not a date: %(why)s") % {"why": error}) from error


def _partial(value) -> PartialDate | None:
    try:
        return PartialDate.coerce(value) if value else None
    except InvalidPartialDate:
        return None


class PickField(forms.CharField):
    """A person, place or organization typed by name, with suggestions from this article and the registry."""

    def __init__(self, kinds: tuple[str, ...], **kwargs):
        self.kinds = kinds
        super().__init__(required=False, max_length=300, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "off", "class": "pick", "hx-trigger": "input changed delay:250ms",
                      "hx-swap": "innerHTML", "data-kinds": ",".join(self.kinds)})
        return attrs


def pick_label(ref: dict | None, facts: dict[str, str]) -> str:
    """How a stored reference shows in its text box: "Name [local id]" or "Name #kind:pk"."""
    if not ref:
        return ""
    local = ref.get("ref") or ""
    if local.startswith("#"):
        return f"{ref.get('name', '')} {local}".strip()
    if local:
        return f"{facts.get(local) or ref.get('name', '')} [{local}]"
    return ref.get("name", "")


class ClaimForm(forms.Form):
    """The common part: what every slot's form does with the claim's value."""

    slot = ""
    # form field -> the key of the claim value it edits (a simple copy)
    plain: tuple[str, ...] = ()
    # form field -> (value key holding {"ref", "name"} or a ref id, kinds that may be picked)
    picks: dict[str, tuple[str, tuple[str, ...]]] = {}
    lists: dict[str, tuple[str, tuple[str, ...]]] = {}  # rows of picks: field prefix -> (value key, kinds)
    roles = False  # rows carry a role text

    def __init__(self, claim, data=None):
        self.claim = claim
        self.value = dict(claim.current_value)
        self.facts = article_facts(claim.document)
        super().__init__(data, initial=self.initial_from(self.value))
        for name, (_key, kinds) in self.picks.items():
            self.fields[name] = PickField(kinds, label=self.pick_labels[name])
        for prefix, (key, kinds) in self.lists.items():
            rows = len(self.value.get(key) or []) + EXTRA_ROWS
            for index in range(rows):
                self.fields[f"{prefix}_{index}"] = PickField(kinds, label=self.pick_labels[prefix])
                self.fields[f"{prefix}_{index}"].row_of = prefix
                if self.roles:
                    self.fields[f"{prefix}_{index}_role"] = forms.CharField(
                        required=False, max_length=100, label=_("role"))
                    self.fields[f"{prefix}_{index}_role"].row_of = prefix
        for name, field in self.fields.items():
            if isinstance(field, PickField):
                field.widget.attrs.update({"list": f"dl-{name}", "hx-target": f"#dl-{name}",
                                           "hx-get": reverse("web:claim-suggest", args=[claim.pk])})

    pick_labels: dict = {}

    def initial_from(self, value: dict) -> dict:
        initial = {name: value.get(name) for name in self.plain}
        for name, (key, _kinds) in self.picks.items():
            stored = value.get(key)
            initial[name] = pick_label(stored if isinstance(stored, dict) else {"ref": stored} if stored else None,
                                       self.facts)
        for prefix, (key, _kinds) in self.lists.items():
            for index, ref in enumerate(value.get(key) or []):
                initial[f"{prefix}_{index}"] = pick_label(ref, self.facts)
                initial[f"{prefix}_{index}_role"] = ref.get("role") or ""
        return initial

    def row_groups(self) -> list[tuple[str, list[tuple]]]:
        """(heading, [(pick field, role field or None)]) for each list of parties or participants."""
        groups = []
        for prefix in self.lists:
            count = len([n for n in self.fields if re.fullmatch(rf"{prefix}_\d+", n)])
            groups.append((self.pick_labels[prefix], [
                (self[f"{prefix}_{i}"], self[f"{prefix}_{i}_role"] if self.roles else None) for i in range(count)]))
        return groups

    def clean(self):
        data = super().clean()
        for name, (_key, kinds) in self.picks.items():
            data[name] = self._resolve(name, data.get(name), kinds)
        for prefix, (_key, kinds) in self.lists.items():
            for name in [n for n in self.fields if re.fullmatch(rf"{prefix}_\d+", n)]:
                data[name] = self._resolve(name, data.get(name), kinds)
        return data

    def _resolve(self, name: str, text: str | None, kinds: tuple[str, ...]) -> dict | None:
        try:
            return resolve_pick(text or "", kinds, self.claim.document, self.facts)
        except forms.ValidationError as error:
            self.add_error(name, error)
            return None

    def new_value(self) -> dict:
        """The claim's item with the answers put back in."""
        data = self.cleaned_data
        value = dict(self.value)
        for name in self.plain:
            value[name] = _stored(data.get(name))
        for name, (key, _kinds) in self.picks.items():
            picked = data.get(name)
            if key.endswith("_ref"):
                value[key] = picked["ref"] if picked else None
                value[key.removesuffix("_ref")] = picked["name"] if picked else None
            else:
                value[key] = {**picked, "role": None} if picked else None
        for prefix, (key, _kinds) in self.lists.items():
            rows = []
            for name in sorted((n for n in self.fields if re.fullmatch(rf"{prefix}_\d+", n)),
                               key=lambda n: int(n.rsplit("_", 1)[1])):
                if data.get(name):
                    role = (data.get(f"{name}_role") or "").strip() or None
                    rows.append({**data[name], "role": role})
            value[key] = rows
        return value

    def edits(self) -> dict:
        """Only what changed: the review log then shows what the person corrected."""
        new = self.new_value()
        return {key: item for key, item in new.items() if self.value.get(key) != item}


def _stored(item):
    if isinstance(item, str):
        return item.strip() or None
    if hasattr(item, "isoformat"):
        return item.isoformat(timespec="minutes") if hasattr(item, "hour") else item.isoformat()
    return item


def article_facts(document) -> dict[str, str]:
    """local id -> name of the people, places and organizations this article names."""
    slots = ("place", "country", "person", "organization")
    return {claim.local_id: (claim.current_value.get("name") or claim.label)
            for claim in document.claims.filter(slot__in=slots).exclude(status="superseded").only(
                "local_id", "value", "edited_value", "label")}


def resolve_pick(text: str, kinds: tuple[str, ...], document, facts: dict[str, str]) -> dict | None:
    """{"ref", "name"} for what a person typed or picked, or a clear error."""
    text = text.strip()
    if not text:
        return None
    if match := _LOCAL.match(text):
        if match["ref"] not in facts:
            raise forms.ValidationError(_("“%(text)s” is not named in this article; pick a suggestion."),
                                        params={"text": text})
        return {"ref": match["ref"], "name": facts[match["ref"]]}
    if match := _RECORD.match(text):
        record = REGISTRY_KINDS[match["kind"]].objects.filter(pk=int(match["pk"])).first()
        if record is None or match["kind"] not in kinds:
            raise forms.ValidationError(_("No such record: %(text)s"), params={"text": text})
        return {"ref": f"#{match['kind']}:{record.pk}", "name": record.name}
    named_here = [local for local, name in facts.items() if name.casefold() == text.casefold()]
    if len(named_here) == 1:
        return {"ref": named_here[0], "name": facts[named_here[0]]}
    found = [(kind, record) for kind in kinds for record in
             REGISTRY_KINDS[kind].objects.filter(Q(name__iexact=text) | name_filter(text))[:10]
             if record.name.casefold() == text.casefold()
             or text.casefold() in (alias.casefold() for alias in record.aliases)]
    if len(found) == 1:
        kind, record = found[0]
        return {"ref": f"#{kind}:{record.pk}", "name": record.name}
    if not found:
        raise forms.ValidationError(_("Nothing is called “%(text)s”; pick one of the suggestions."),
                                    params={"text": text})
    raise forms.ValidationError(_("“%(text)s” is ambiguous; pick one of the suggestions."), params={"text": text})


def suggestions(text: str, kinds: tuple[str, ...], document, facts: dict[str, str]) -> list[str]:
    """What a pick box offers: names from this article first, then registry records."""
    text = text.strip()
    if len(text) < 1:
        return []
    folded = text.casefold()
    options = [f"{name} [{local}]" for local, name in facts.items() if folded in name.casefold()]
    if len(text) >= 2:
        for kind in kinds:
            queryset = REGISTRY_KINDS[kind].objects.filter(Q(name__istartswith=text) | name_filter(text))
            if kind == "place":
                queryset = queryset.order_by("-population", "name")
            options += [f"{record.name} #{kind}:{record.pk}" for record in queryset[:8]]
    return options[:20]


NAMES_HELP = gettext_lazy("one a line: romanisations, native script …")


class LinesField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class PlaceClaimForm(ClaimForm):
    slot = "place"
    plain = ("name", "kind", "country", "aliases")
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"))
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    aliases = LinesField(label=gettext_lazy("Other names"), required=False, help_text=NAMES_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = choices("place")
        self.fields["country"].choices = country_choices()


class CountryClaimForm(ClaimForm):
    slot = "country"
    plain = ("code",)
    code = forms.ChoiceField(label=gettext_lazy("Country"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = country_choices(blank=False)


class PersonClaimForm(ClaimForm):
    slot = "person"
    plain = ("name", "family_name", "given_name", "title", "to", "aliases")
    picks = {"of": ("of_ref", ("place", "organization"))}
    pick_labels = {"of": gettext_lazy("Title held at (place or organization)")}
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    family_name = forms.CharField(label=gettext_lazy("Family name"), max_length=100, required=False)
    given_name = forms.CharField(label=gettext_lazy("Given name"), max_length=100, required=False)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=100, required=False,
                            help_text=gettext_lazy("Mayor, Ambassador, Consul General …"))
    to = forms.ChoiceField(label=gettext_lazy("Accredited to (envoys)"), required=False)
    aliases = LinesField(label=gettext_lazy("Other names"), required=False, help_text=NAMES_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = country_choices()

    def initial_from(self, value):
        initial = super().initial_from(value)
        if not value.get("of_ref") and value.get("of"):
            initial["of"] = value["of"]  # a name the article gave without a fact of its own
        return initial


class OrganizationClaimForm(ClaimForm):
    slot = "organization"
    plain = ("name", "kind", "aliases")
    picks = {"place": ("place_ref", ("place",))}
    pick_labels = {"place": gettext_lazy("Place")}
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"))
    aliases = LinesField(label=gettext_lazy("Other names"), required=False, help_text=NAMES_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = choices("organization")


class EngagementClaimForm(ClaimForm):
    slot = "engagement"
    plain = ("title", "type", "date", "time", "venue", "attendance", "topics")
    picks = {"place": ("place_ref", ("place",))}
    lists = {"participant": ("participants", ("person", "organization", "place"))}
    roles = True
    pick_labels = {"place": gettext_lazy("Place"), "participant": gettext_lazy("Participant")}
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300, required=False,
                            help_text=gettext_lazy("Leave empty to name it from its facts."))
    type = forms.ChoiceField(label=gettext_lazy("Type"))
    date = PartialDateFormField(label=gettext_lazy("Date"), help_text=gettext_lazy("year, month and day as stated"))
    time = forms.TimeField(label=gettext_lazy("Time"), required=False,
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    venue = forms.CharField(label=gettext_lazy("Venue"), max_length=300, required=False)
    attendance = forms.IntegerField(label=gettext_lazy("Attendance"), min_value=0, required=False)
    topics = forms.MultipleChoiceField(label=gettext_lazy("Topics"), required=False,
                                       widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = choices("engagement")
        self.fields["topics"].choices = field_choices()


class AgreementClaimForm(ClaimForm):
    slot = "agreement"
    plain = ("title", "type", "status", "date", "fields")
    lists = {"party": ("parties", ("place", "organization"))}
    pick_labels = {"party": gettext_lazy("Party")}
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300, required=False)
    type = forms.ChoiceField(label=gettext_lazy("Type"))
    status = forms.ChoiceField(label=gettext_lazy("Status"))
    date = PartialDateFormField(label=gettext_lazy("Signed"), help_text=gettext_lazy("year, month and day as stated"))
    fields = forms.MultipleChoiceField(label=gettext_lazy("Fields"), required=False,
                                       widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = choices("agreement")
        self.fields["status"].choices = choices("agreement_status")
        self.fields["fields"].choices = field_choices()


class AllianceClaimForm(ClaimForm):
    slot = "alliance"
    plain = ("name", "established", "aliases")
    lists = {"member": ("members", ("place", "organization"))}
    pick_labels = {"member": gettext_lazy("Member")}
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    established = PartialDateFormField(label=gettext_lazy("Established"))
    aliases = LinesField(label=gettext_lazy("Other names"), required=False, help_text=NAMES_HELP)


class FollowUpClaimForm(ClaimForm):
    slot = "follow_up"
    plain = ("action", "due")
    picks = {"owner": ("owner", ("person", "place", "organization"))}
    pick_labels = {"owner": gettext_lazy("Who does it")}
    action = forms.CharField(label=gettext_lazy("Action"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    due = PartialDateFormField(label=gettext_lazy("Due"))


FORMS = {form.slot: form for form in (PlaceClaimForm, CountryClaimForm, PersonClaimForm, OrganizationClaimForm,
                                      EngagementClaimForm, AgreementClaimForm, AllianceClaimForm, FollowUpClaimForm)}


def claim_form(claim, data=None) -> ClaimForm:
    return FORMS[claim.slot](claim, data)
