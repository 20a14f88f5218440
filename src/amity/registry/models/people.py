"""People and the positions (titles) they hold over time."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.fields import PartialDateField
from amity.registry.models.base import NamedModel, RegistryModel
from amity.registry.models.places import Organization, Place, validate_country_code


class Person(NamedModel):
    class NameOrder(models.TextChoices):
        GIVEN_FIRST = "given_first", pgettext_lazy("name order", "given name first (Heong-jun Park)")
        FAMILY_FIRST = "family_first", pgettext_lazy("name order", "family name first (Park Heong-jun)")

    family_name = models.CharField(_("family name"), max_length=100, blank=True)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    name_order = models.CharField(_("name order"), max_length=12, choices=NameOrder.choices, default=NameOrder.GIVEN_FIRST)
    country_code = models.CharField(
        _("ISO nationality"), max_length=2, blank=True, validators=[validate_country_code]
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]


class Position(RegistryModel):
    """A title held by a person: of a place, organization or country; envoys also *to* a country."""

    changelog_parent = "person"

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(pgettext_lazy("a person's post", "title"), max_length=100, help_text="normalised: Mayor, Ambassador, Director …")
    title_raw = models.CharField(_("title as written"), max_length=300, blank=True, help_text="as written: Director of the … Division")
    of_place = models.ForeignKey(Place, verbose_name=_("of place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    of_organization = models.ForeignKey(
        Organization, verbose_name=_("of organization"), null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    to_place = models.ForeignKey(
        Place, verbose_name=_("to place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="for envoys: the country or city they are accredited to",
    )
    # The dates of the articles it was seen in (an article shows it held, not when the term began or ends) …
    known_from = PartialDateField(_("known from"))
    known_to = PartialDateField(_("known to"))
    # … and the term of office, only when a source or a person states it.
    term_start = PartialDateField(_("term start"), help_text="the stated start of the term, if known")
    term_end = PartialDateField(_("term end"), help_text="the stated end of the term, if known")

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person", "known_from"]

    def __str__(self) -> str:
        of = self.of_place or self.of_organization
        return f"{self.person}: {self.title}" + (f" of {of}" if of else "")

    def clean(self) -> None:
        if self.known_from and self.known_to and self.known_to < self.known_from:
            raise ValidationError({"known_to": "known-to is before known-from"})
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": "the term ends before it starts"})
