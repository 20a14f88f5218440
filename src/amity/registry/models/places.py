"""Places (countries, provinces, cities, districts) and organizations."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.registry.countries import is_country_code
from amity.registry.models.base import NamedModel
from amity.registry.models.choices import translated_choices


def validate_country_code(value: str) -> None:
    if value and not is_country_code(value):
        raise ValidationError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")


def validate_wikidata_id(value: str) -> None:
    if value and not re.fullmatch(r"Q[1-9]\d*", value):
        raise ValidationError(f"{value!r} is not a Wikidata item id such as Q1234")


class Place(NamedModel):
    # the codes the extractor emits are the choices (defined once in amity.extract.codes)
    Kind = translated_choices("Kind", "place kind")
    # Not the field's choices: the level is reference data, and a level the gazetteer adds later
    # must not fail validation; it is shown by its code until it has a label.
    AdminLevel = translated_choices("AdminLevel", "admin level")

    class Source(models.TextChoices):
        REFERENCE = "reference", pgettext_lazy("place source", "reference data (gazetteer)")
        REGISTRY = "registry", pgettext_lazy("place source", "entered in the registry")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.CITY)
    country_code = models.CharField(
        _("ISO country"), max_length=2, blank=True, db_index=True, validators=[validate_country_code]
    )
    parent = models.ForeignKey("self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    geonames_id = models.BigIntegerField(_("GeoNames id"), null=True, blank=True, unique=True)
    kr_admin_code = models.CharField(_("Korean admin code"), max_length=10, blank=True, db_index=True)
    # Set only when a person confirms the match (an accepted claim or an edit): lists are matched by it.
    wikidata_id = models.CharField(_("Wikidata id"), max_length=20, blank=True, db_index=True,
                                   validators=[validate_wikidata_id], help_text="e.g. Q1234")
    admin_level = models.CharField(_("admin level"), max_length=40, blank=True, help_text="e.g. metropolitan_city, county")
    population = models.BigIntegerField(_("population"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    demonyms = models.JSONField(_("demonyms"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.REGISTRY)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "country_code"])]

    def get_admin_level_display(self) -> str:
        return str(dict(self.AdminLevel.choices).get(self.admin_level, self.admin_level))

    def __str__(self) -> str:
        if self.kind == self.Kind.COUNTRY or not self.country_code:
            return self.name
        return f"{self.name} ({self.country_code})"

    def clean(self) -> None:
        if self.kind != self.Kind.COUNTRY and not self.country_code:
            raise ValidationError({"country_code": "a place other than a country needs its ISO country"})


class Organization(NamedModel):
    Kind = translated_choices("Kind", "organization kind")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    place = models.ForeignKey(Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="organizations")
    country_code = models.CharField(
        _("ISO country"), max_length=2, blank=True, validators=[validate_country_code]
    )
    parent = models.ForeignKey("self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.SET_NULL, related_name="units")
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
