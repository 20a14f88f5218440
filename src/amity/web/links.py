"""URLs of records on the web pages."""

from __future__ import annotations

from django.urls import reverse

from amity.registry import models as m
from amity.sources.models import Document

DETAIL = {
    m.Place: "place", m.Organization: "organization", m.Person: "person", m.Agreement: "agreement",
    m.Alliance: "alliance", m.Project: "project", m.Engagement: "engagement", Document: "document",
}
KIND_MODEL = {kind: model for model, kind in DETAIL.items()}

# Edit forms: url slug -> model. Parts name their whole (the page they are shown on).
EDITABLE = {
    "place": m.Place, "organization": m.Organization, "person": m.Person, "position": m.Position,
    "agreement": m.Agreement, "agreement-party": m.AgreementParty, "agreement-signatory": m.AgreementSignatory,
    "agreement-status": m.AgreementStatusChange, "alliance": m.Alliance, "alliance-member": m.AllianceMember,
    "team": m.Team, "team-member": m.TeamMember, "project": m.Project, "project-member": m.ProjectMember,
    "milestone": m.Milestone, "engagement": m.Engagement, "participant": m.EngagementParticipant,
    "follow-up": m.FollowUp,
}
SLUG = {model: slug for slug, model in EDITABLE.items()}


def kind_url(kind: str, pk: int) -> str:
    return reverse(f"web:{kind}", args=[pk])


def detail_url(obj) -> str:
    """The page showing `obj`: its own, or the page of the whole it is part of."""
    if obj is None:
        return ""
    kind = DETAIL.get(type(obj))
    if kind:
        return kind_url(kind, obj.pk)
    if isinstance(obj, m.FollowUp):
        whole = obj.engagement or obj.agreement or obj.project
        return detail_url(whole) if whole else reverse("web:dashboard")
    if isinstance(obj, m.TeamMember):
        return detail_url(obj.team.alliance)
    parent = getattr(obj, "changelog_parent", None)
    return detail_url(getattr(obj, parent)) if parent else ""


def parent_of(obj):
    if isinstance(obj, m.FollowUp):
        return obj.engagement or obj.agreement or obj.project
    name = getattr(obj, "changelog_parent", None)
    return getattr(obj, name, None) if name else None
