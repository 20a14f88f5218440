"""Multi-party alliances and councils, their members, teams and joint projects."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import pgettext_lazy

from amity.core.fields import PartialDateField
from amity.registry.models.agreements import Agreement, _exactly_one_party
from amity.registry.models.base import NamedModel, RegistryModel
from amity.registry.models.people import Person
from amity.registry.models.places import Organization, Place
from amity.registry.models.vocabulary import Field


class Alliance(NamedModel):
    established = PartialDateField()
    dissolved = PartialDateField()
    secretariat_place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    secretariat = models.CharField(max_length=300, blank=True, help_text="who runs the secretariat")
    purpose = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]


class AllianceMember(RegistryModel):
    changelog_parent = "alliance"

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="members")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.PROTECT, related_name="alliance_memberships")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="alliance_memberships"
    )
    joined = PartialDateField()
    left = PartialDateField()

    def __str__(self) -> str:
        return str(self.place or self.organization)

    def clean(self) -> None:
        _exactly_one_party(self, "place", "organization")


class Team(RegistryModel):
    """A working team of an alliance, e.g. a joint promotion team based in one member city."""

    changelog_parent = "alliance"

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)
    based_in = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    established = PartialDateField()

    def __str__(self) -> str:
        return self.name

    @property
    def size(self) -> int:
        return sum(member.seats for member in self.members.all())


class TeamMember(RegistryModel):
    """Seats on a team drawn from a member city; the person when known."""

    changelog_parent = "team"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    from_place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    seats = models.PositiveSmallIntegerField(default=1)
    role = models.CharField(max_length=100, blank=True)

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

    name = models.CharField(max_length=300)
    alliance = models.ForeignKey(Alliance, null=True, blank=True, on_delete=models.CASCADE, related_name="projects")
    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="projects")
    field = models.ForeignKey(Field, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    start = PartialDateField()
    end = PartialDateField()
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectMember(RegistryModel):
    changelog_parent = "project"

    class Role(models.TextChoices):
        LEAD = "lead", pgettext_lazy("project role", "Lead")
        PARTNER = "partner", pgettext_lazy("project role", "Partner")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.PARTNER)
    budget_share = models.DecimalField(
        max_digits=16, decimal_places=2, null=True, blank=True, help_text="amount this member contributes"
    )
    budget_currency = models.CharField(max_length=3, blank=True, default="")

    def __str__(self) -> str:
        return f"{self.place or self.organization} ({self.role})"

    def clean(self) -> None:
        _exactly_one_party(self, "place", "organization")


class Milestone(RegistryModel):
    changelog_parent = "project"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(max_length=300)
    due = PartialDateField()
    done = PartialDateField()
    progress = models.PositiveSmallIntegerField(default=0, help_text="percent")

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.name
