"""What each record type of the export file holds: its fields, references and parts.

Export and import both read these specs, so the two can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amity.registry import models as m
from amity.sources.models import Document

FORMAT = "amity-registry"
VERSION = 1


@dataclass(frozen=True)
class Spec:
    section: str
    model: type
    fields: tuple[str, ...]
    refs: dict[str, type] = field(default_factory=dict)  # field name -> model referred to
    many: dict[str, type] = field(default_factory=dict)  # many-to-many -> model (by key)
    parts: tuple[Spec, ...] = ()
    parent_fk: str | None = None  # for parts: the foreign key to the whole


NAMED = ("name", "aliases", "notes")

SPECS: tuple[Spec, ...] = (
    Spec("places", m.Place, (*NAMED, "kind", "country_code", "admin_level", "geonames_id", "kr_admin_code",
                             "wikidata_id", "population", "latitude", "longitude", "demonyms", "source"), {"parent": m.Place}),
    Spec("organizations", m.Organization, (*NAMED, "kind", "country_code", "website"),
         {"place": m.Place, "parent": m.Organization}),
    Spec("people", m.Person, (*NAMED, "family_name", "given_name", "name_order", "country_code")),
    Spec("positions", m.Position, ("title", "title_raw", "known_from", "known_to", "term_start", "term_end", "notes"),
         {"person": m.Person, "of_place": m.Place, "of_organization": m.Organization, "to_place": m.Place}),
    Spec("documents", Document, ("text", "url", "title", "publisher", "published", "language", "notes")),
    Spec("agreements", m.Agreement, ("type", "title", "signed_date", "status", "notes"),
         {"signed_place": m.Place}, {"fields": m.Field}, parts=(
        Spec("parties", m.AgreementParty, ("notes",), {"place": m.Place, "organization": m.Organization},
             parent_fk="agreement"),
        Spec("signatories", m.AgreementSignatory, ("notes",),
             {"person": m.Person, "on_behalf_of": m.AgreementParty}, parent_fk="agreement"),
        Spec("status_history", m.AgreementStatusChange, ("status", "date", "notes"), parent_fk="agreement"),
    )),
    Spec("alliances", m.Alliance, (*NAMED, "established", "dissolved", "secretariat", "purpose"),
         {"secretariat_place": m.Place}, parts=(
        Spec("members", m.AllianceMember, ("joined", "left", "notes"),
             {"place": m.Place, "organization": m.Organization}, parent_fk="alliance"),
        Spec("teams", m.Team, ("name", "established", "notes"), {"based_in": m.Place}, parent_fk="alliance", parts=(
            Spec("members", m.TeamMember, ("seats", "role", "notes"), {"from_place": m.Place, "person": m.Person},
                 parent_fk="team"),
        )),
    )),
    Spec("projects", m.Project, ("name", "status", "start", "end", "description", "notes"),
         {"alliance": m.Alliance, "agreement": m.Agreement, "field": m.Field}, parts=(
        Spec("members", m.ProjectMember, ("role", "budget_share", "budget_currency", "notes"),
             {"place": m.Place, "organization": m.Organization}, parent_fk="project"),
        Spec("milestones", m.Milestone, ("name", "due", "done", "progress", "notes"), parent_fk="project"),
    )),
    Spec("engagements", m.Engagement, ("type", "title", "date", "time", "venue", "attendance", "outcome", "notes"),
         {"place": m.Place, "agreement": m.Agreement, "alliance": m.Alliance}, {"topics": m.Field}, parts=(
        Spec("participants", m.EngagementParticipant, ("role", "notes"),
             {"person": m.Person, "organization": m.Organization, "place": m.Place}, parent_fk="engagement"),
    )),
    Spec("follow_ups", m.FollowUp, ("action", "due", "status", "notes"),
         {"owner_person": m.Person, "owner_place": m.Place, "owner_organization": m.Organization,
          "engagement": m.Engagement, "agreement": m.Agreement, "project": m.Project}),
)


def reference_key(place: m.Place) -> str | None:
    """Natural key of a reference place, the same in every installation."""
    if place.source != m.Place.Source.REFERENCE:
        return None
    if place.kind == m.Place.Kind.COUNTRY:
        return f"iso:{place.country_code}"
    if place.kr_admin_code:
        return f"kr:{place.kr_admin_code}"
    if place.geonames_id:
        return f"geonames:{place.geonames_id}"
    return None


def record_key(obj) -> str:
    if isinstance(obj, m.Field):
        return obj.code
    if isinstance(obj, m.Place):
        return reference_key(obj) or str(obj.uid)
    return str(obj.uid)
