"""Multi-party alliances and councils, their members, teams and joint projects."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.fields import PartialDateField
from amity.registry.models.agreements import Agreement, _exactly_one_party
from amity.registry.models.base import NamedModel, RegistryModel
from amity.registry.models.people import Person
from amity.registry.models.places import Organization, Place
from amity.registry.models.vocabulary import Field


class Alliance(NamedModel):
    established = PartialDateField(_("established"))
    dissolved = PartialDateField(_("dissolved"))
    secretariat_place = models.ForeignKey(Place, verbose_name=_("secretariat place"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    secretariat = models.CharField(_("secretariat"), max_length=300, blank=True, help_text="who runs the secretariat")
    purpose = models.TextField(_("purpose"), blank=True)

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["name"]


class AllianceMember(RegistryModel):
    changelog_parent = "alliance"

    alliance = models.ForeignKey(Alliance, verbose_name=_("alliance"), on_delete=models.CASCADE, related_name="members")
    place = models.ForeignKey(Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.PROTECT, related_name="alliance_memberships")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.PROTECT, related_name="alliance_memberships"
    )
    joined = PartialDateField(_("joined"))
    left = PartialDateField(_("left"))

    class Meta:
        verbose_name = _("alliance member")
        verbose_name_plural = _("alliance members")

    def __str__(self) -> str:
        return str(self.place or self.organization)

    def clean(self) -> None:
        _exactly_one_party(self, "place", "organization")


class Team(RegistryModel):
    """A working team of an alliance, e.g. a joint promotion team based in one member city."""

    changelog_parent = "alliance"

    alliance = models.ForeignKey(Alliance, verbose_name=_("alliance"), on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=200)
    based_in = models.ForeignKey(Place, verbose_name=_("based in"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    established = PartialDateField(_("established"))

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name

    @property
    def size(self) -> int:
        return sum(member.seats for member in self.members.all())


class TeamMember(RegistryModel):
    """Seats on a team drawn from a member city; the person when known."""

    changelog_parent = "team"

    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="members")
    from_place = models.ForeignKey(Place, verbose_name=_("from place"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    role = models.CharField(_("role"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        who = self.person or self.from_place
        return f"{self.team}: {who} ×{self.seats}"

    def clean(self) -> None:
        if self.person_id is None and self.from_place_id is None:
            raise ValidationError("a team member is a person or the seats of a member place: give person or from_place")


class Project(RegistryModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("project status", "Proposed")
        ACTIVE = "active", pgettext_lazy("project status", "Active")
        COMPLETED = "completed", pgettext_lazy("project status", "Completed")
        DROPPED = "dropped", pgettext_lazy("project status", "Dropped")

    name = models.CharField(_("name"), max_length=300)
    alliance = models.ForeignKey(Alliance, verbose_name=_("alliance"), null=True, blank=True, on_delete=models.CASCADE, related_name="projects")
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True, on_delete=models.CASCADE, related_name="projects")
    field = models.ForeignKey(Field, verbose_name=_("field"), null=True, blank=True, on_delete=models.SET_NULL, related_name="projects")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    start = PartialDateField(_("start"))
    end = PartialDateField(_("end"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectMember(RegistryModel):
    changelog_parent = "project"

    class Role(models.TextChoices):
        LEAD = "lead", pgettext_lazy("project role", "Lead")
        PARTNER = "partner", pgettext_lazy("project role", "Partner")

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="members")
    place = models.ForeignKey(Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    budget_share = models.DecimalField(
        _("budget share"), max_digits=16, decimal_places=2, null=True, blank=True, help_text="amount this member contributes"
    )
    budget_currency = models.CharField(_("budget currency"), max_length=3, blank=True, default="")

    class Meta:
        verbose_name = _("project member")
        verbose_name_plural = _("project members")

    def __str__(self) -> str:
        return f"{self.place or self.organization} ({self.role})"

    def clean(self) -> None:
        _exactly_one_party(self, "place", "organization")


class Milestone(RegistryModel):
    changelog_parent = "project"

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(_("name"), max_length=300)
    due = PartialDateField(_("due"))
    done = PartialDateField(_("done"))
    progress = models.PositiveSmallIntegerField(_("progress"), default=0, help_text="percent")

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.name
