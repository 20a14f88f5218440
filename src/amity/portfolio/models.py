"""Yearly versions of a project list, agenda items and decisions, calendar feed keys."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.registry.models import Agreement, Alliance, Engagement, FollowUp, Project
from amity.registry.models.base import RegistryModel


class PortfolioYear(RegistryModel):
    """The project list of an alliance or partnership as it stood in one year.

    `stated_count` is what an article or an official said ("43 projects"); the entries
    are the records kept. Both are shown side by side because they often differ.
    """

    alliance = models.ForeignKey(Alliance, verbose_name=_("alliance"), null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="portfolio_years")
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="portfolio_years")
    year = models.PositiveSmallIntegerField(_("year"))
    stated_count = models.PositiveIntegerField(_("stated count"), null=True, blank=True, help_text="the number an article or official stated")
    source = models.CharField(_("source"), max_length=500, blank=True, help_text="article, URL or meeting the count comes from")

    class Meta:
        verbose_name = _("portfolio year")
        verbose_name_plural = _("portfolio years")
        ordering = ["year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "year"], name="portfolio_year_unique_alliance"),
            models.UniqueConstraint(fields=["agreement", "year"], name="portfolio_year_unique_agreement"),
        ]

    def __str__(self) -> str:
        return f"{self.owner}: projects {self.year}"

    @property
    def owner(self):
        return self.alliance or self.agreement

    def clean(self) -> None:
        if (self.alliance_id is None) == (self.agreement_id is None):
            raise ValidationError("a portfolio year belongs to exactly one alliance or agreement")
        if not 1900 <= (self.year or 0) <= 2200:
            raise ValidationError({"year": "give a four-digit year"})


class PortfolioEntry(RegistryModel):
    """One project on a year's list, with the status it had that year."""

    changelog_parent = "portfolio_year"

    portfolio_year = models.ForeignKey(PortfolioYear, verbose_name=_("portfolio year"), on_delete=models.CASCADE, related_name="entries")
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="portfolio_entries")
    status = models.CharField(_("status"), max_length=10, choices=Project.Status.choices, default=Project.Status.ACTIVE)

    class Meta:
        verbose_name = _("portfolio entry")
        verbose_name_plural = _("portfolio entries")
        ordering = ["portfolio_year", "project__name"]
        constraints = [models.UniqueConstraint(fields=["portfolio_year", "project"], name="portfolio_entry_unique")]

    def __str__(self) -> str:
        return f"{self.project} ({self.status})"


class AgendaItem(RegistryModel):
    """An item on the agenda of a council or working meeting (an Engagement)."""

    changelog_parent = "engagement"

    engagement = models.ForeignKey(Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    project = models.ForeignKey(Project, verbose_name=_("project"), null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items")

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["engagement", "number", "id"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Decision(RegistryModel):
    class Outcome(models.TextChoices):
        ADOPTED = "adopted", pgettext_lazy("decision outcome", "Adopted")
        AMENDED = "amended", pgettext_lazy("decision outcome", "adopted with amendments")
        DEFERRED = "deferred", pgettext_lazy("decision outcome", "Deferred")
        REJECTED = "rejected", pgettext_lazy("decision outcome", "Rejected")
        NOTED = "noted", pgettext_lazy("decision outcome", "Noted")

    changelog_parent = "agenda_item"

    agenda_item = models.ForeignKey(AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("text"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.ADOPTED)
    follow_ups = models.ManyToManyField(FollowUp, verbose_name=_("follow-ups"), blank=True, related_name="decisions")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["agenda_item", "id"]

    def __str__(self) -> str:
        return self.text[:80]


def new_feed_key() -> str:
    return secrets.token_urlsafe(24)


class FeedKey(models.Model):
    """The secret in a user's calendar feed URL (calendar apps cannot sign in)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="calendar_feed")
    key = models.CharField(_("key"), max_length=64, unique=True, default=new_feed_key)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("feed key")
        verbose_name_plural = _("feed keys")

    def __str__(self) -> str:
        return f"calendar feed of {self.user}"

    @classmethod
    def for_user(cls, user) -> FeedKey:
        return cls.objects.get_or_create(user=user)[0]

    def reset(self) -> None:
        self.key = new_feed_key()
        self.save(update_fields=["key"])
