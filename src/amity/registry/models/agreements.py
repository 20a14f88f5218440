"""Agreements between places or organizations, with their status history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from amity.core.fields import PartialDateField
from amity.registry.models.base import RegistryModel
from amity.registry.models.choices import translated_choices
from amity.registry.models.people import Person
from amity.registry.models.places import Organization, Place
from amity.registry.models.vocabulary import Field


def _exactly_one_party(row, *names: str) -> None:
    if sum(getattr(row, f"{name}_id") is not None for name in names) != 1:
        raise ValidationError(f"choose exactly one of: {', '.join(names)}")


class Agreement(RegistryModel):
    # the codes the extractor emits are the choices (defined once in amity.extract.codes)
    Type = translated_choices("Type", "agreement type")
    Status = translated_choices("Status", "agreement status")

    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    signed_date = PartialDateField(_("signed date"))
    signed_place = models.ForeignKey(Place, verbose_name=_("signed place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SIGNED)
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="agreements")

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_date", "id"]

    def __str__(self) -> str:
        parties = " – ".join(str(party) for party in self.parties.all()) if self.pk else ""
        label = self.title or self.get_type_display()
        return f"{label}: {parties}" if parties else label


class AgreementParty(RegistryModel):
    changelog_parent = "agreement"

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties")
    place = models.ForeignKey(Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.PROTECT, related_name="agreement_parties")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.PROTECT, related_name="agreement_parties"
    )

    class Meta:
        verbose_name = _("agreement party")
        verbose_name_plural = _("agreement parties")

    def __str__(self) -> str:
        return str(self.place or self.organization)

    def clean(self) -> None:
        _exactly_one_party(self, "place", "organization")


class AgreementSignatory(RegistryModel):
    changelog_parent = "agreement"

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="signatories")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="signed_agreements")
    on_behalf_of = models.ForeignKey(AgreementParty, verbose_name=_("on behalf of"), null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("agreement signatory")
        verbose_name_plural = _("agreement signatories")

    def __str__(self) -> str:
        return str(self.person)


class AgreementStatusChange(RegistryModel):
    """planned → signed → upgraded / renewed → dormant / terminated, with dates."""

    changelog_parent = "agreement"

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="status_history")
    status = models.CharField(_("status"), max_length=12, choices=Agreement.Status.choices)
    date = PartialDateField(_("date"))

    class Meta:
        verbose_name = _("agreement status change")
        verbose_name_plural = _("agreement status changes")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.status} {self.date or ''}".strip()
