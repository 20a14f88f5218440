"""Forms of the portfolio pages."""

from __future__ import annotations

import datetime as dt

from django import forms

from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.portfolio.models import Decision
from amity.registry import models as m


class PartialDateInput(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "YYYY, YYYY-MM or YYYY-MM-DD")
        super().__init__(max_length=10, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return PartialDate.coerce(value.strip() if value else None)
        except InvalidPartialDate as error:
            raise forms.ValidationError(str(error)) from None


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=1900, max_value=2200, initial=lambda: dt.date.today().year)
    stated_count = forms.IntegerField(min_value=0, required=False, label="Count stated",
                                      help_text="the number of projects an article or official gave for this year")
    source = forms.CharField(max_length=500, required=False, help_text="article, URL or meeting")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class AgendaItemForm(forms.Form):
    title = forms.CharField(max_length=300)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    project = forms.ModelChoiceField(queryset=m.Project.objects.none(), required=False)

    def __init__(self, *args, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects if projects is not None else m.Project.objects.none()


class DecisionForm(forms.Form):
    agenda_item = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label="Decision")
    outcome = forms.ChoiceField(choices=Decision.Outcome.choices, initial=Decision.Outcome.ADOPTED)
    follow_up = forms.CharField(max_length=1000, required=False, label="Follow-up action",
                                help_text="creates a follow-up on this meeting")
    due = PartialDateInput(label="Due")
    owner_place = forms.ModelChoiceField(queryset=m.Place.objects.none(), required=False, label="Owner (city)")

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_place"].queryset = places if places is not None else m.Place.objects.none()


class ImportForm(forms.Form):
    file = forms.FileField(help_text="CSV or XLSX; the first row names the columns")
    year = forms.IntegerField(min_value=1900, max_value=2200, required=False,
                              help_text="projects only: keep this list as the project list of a year")
    stated_count = forms.IntegerField(min_value=0, required=False, label="Count stated")
    source = forms.CharField(max_length=500, required=False)
