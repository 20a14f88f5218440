"""Engagements (meetings, visits, workshops …) and the follow-ups they promise."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.fields import PartialDateField
from amity.registry.models.agreements import Agreement
from amity.registry.models.alliances import Alliance, Project
from amity.registry.models.base import RegistryModel
from amity.registry.models.choices import translated_choices
from amity.registry.models.people import Person
from amity.registry.models.places import Organization, Place
from amity.registry.models.vocabulary import Field


class Engagement(RegistryModel):
    # the codes the extractor emits are the choices (defined once in amity.extract.codes)
    Type = translated_choices("Type", "event type")

    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    # The title Amity last wrote from the facts. While `title` still equals it Amity may rename the
    # engagement (a new participant, another article); once a person changes `title` it is theirs.
    generated_title = models.CharField(_("title written by Amity"), max_length=300, blank=True, editable=False)
    date = PartialDateField(_("date"), db_index=True)
    time = models.TimeField(_("time"), null=True, blank=True)
    place = models.ForeignKey(Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="engagements")
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    topics = models.ManyToManyField(Field, verbose_name=_("topics"), blank=True, related_name="engagements")
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True, on_delete=models.SET_NULL, related_name="engagements")
    alliance = models.ForeignKey(Alliance, verbose_name=_("alliance"), null=True, blank=True, on_delete=models.SET_NULL, related_name="engagements")

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        label = self.title or self.get_type_display()
        where = f" in {self.place.name}" if self.place_id else ""
        return f"{label}{where} ({self.date or 'undated'})"


class EngagementParticipant(RegistryModel):
    changelog_parent = "engagement"

    engagement = models.ForeignKey(Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT, related_name="engagements")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.PROTECT, related_name="engagements"
    )
    place = models.ForeignKey(Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.PROTECT, related_name="engagement_parties")
    role = models.CharField(_("role"), max_length=100, blank=True, help_text="host, guest, speaker, delegation …")

    class Meta:
        verbose_name = _("engagement participant")
        verbose_name_plural = _("engagement participants")

    def __str__(self) -> str:
        who = self.person or self.organization or self.place
        return f"{who} ({self.role})" if self.role else str(who)

    def clean(self) -> None:
        if sum(x is not None for x in (self.person_id, self.organization_id, self.place_id)) != 1:
            raise ValidationError("a participant is exactly one person, organization or place")


class FollowUp(RegistryModel):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("follow-up status", "Open")
        DONE = "done", pgettext_lazy("follow-up status", "Done")
        CANCELLED = "cancelled", pgettext_lazy("follow-up status", "Cancelled")

    action = models.TextField(_("action"))
    owner_person = models.ForeignKey(Person, verbose_name=_("owner person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    owner_place = models.ForeignKey(Place, verbose_name=_("owner place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    owner_organization = models.ForeignKey(Organization, verbose_name=_("owner organization"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    due = PartialDateField(_("due"), db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    engagement = models.ForeignKey(Engagement, verbose_name=_("engagement"), null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    project = models.ForeignKey(Project, verbose_name=_("project"), null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")

    class Meta:
        verbose_name = _("follow up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.action[:80]
