"""Alliances (members, teams and their members) and joint projects (members, milestones)."""

from ninja import Router

from amity.api.crud import PARTY, Part, Resource, add_part_routes, build_router
from amity.api.registry.filters import choice, country, field, record
from amity.registry import models as m

team_members = Part(m.TeamMember, "team", one_of=("person", "from_place"))

alliances = Resource(
    m.Alliance, "alliances", date_field="established",
    filters={"country": country("members__place__country_code", "members__organization__country_code"),
             "place": record("members__place", "secretariat_place", what="place"),
             "organization": record("members__organization", what="organization")},
    parts=(Part(m.AllianceMember, "alliance", one_of=PARTY, only_one=True), Part(m.Team, "alliance", parts=(team_members,))),
)
teams = Resource(m.Team, "teams", search=("name",), parts=(team_members,))

projects = Resource(
    m.Project, "projects", search=("name", "description"), date_field="start",
    filters={"status": choice(m.Project, "status"), "field": field("field__code"),
             "alliance": record("alliance", what="alliance"), "agreement": record("agreement", what="agreement"),
             "country": country("members__place__country_code", "members__organization__country_code"),
             "place": record("members__place", what="place"),
             "organization": record("members__organization", what="organization")},
    parts=(Part(m.ProjectMember, "project", one_of=PARTY, only_one=True), Part(m.Milestone, "project")),
    select=("field",),
)

alliances_router = build_router(alliances, "alliances")
projects_router = build_router(projects, "projects")

# A team's seats are edited at /teams/{id}/members; teams themselves through their alliance.
teams_router = Router(tags=["alliances"])
add_part_routes(teams_router, teams.get, team_members, "team_members")
