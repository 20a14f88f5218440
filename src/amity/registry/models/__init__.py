"""The registry's domain models (see DESIGN.md, "The domain")."""

from amity.registry.models.agreements import (
    Agreement,
    AgreementParty,
    AgreementSignatory,
    AgreementStatusChange,
)
from amity.registry.models.alliances import (
    Alliance,
    AllianceMember,
    Milestone,
    Project,
    ProjectMember,
    Team,
    TeamMember,
)
from amity.registry.models.engagements import Engagement, EngagementParticipant, FollowUp
from amity.registry.models.people import Person, Position
from amity.registry.models.places import Organization, Place
from amity.registry.models.vocabulary import Field

__all__ = [
    "Agreement", "AgreementParty", "AgreementSignatory", "AgreementStatusChange", "Alliance", "AllianceMember",
    "Engagement", "EngagementParticipant", "Field", "FollowUp", "Milestone", "Organization", "Person", "Place",
    "Position", "Project", "ProjectMember", "Team", "TeamMember",
]
