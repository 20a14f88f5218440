"""Engagements (meetings, visits …) with their participants, and follow-up actions."""

from amity.api.crud import Part, Resource, build_router
from amity.api.registry.filters import choice, country, field, record
from amity.registry import models as m

engagements = Resource(
    m.Engagement, "engagements", date_field="date",
    search=("title", "venue", "outcome", "place__name", "participants__person__name",
            "participants__organization__name"),
    filters={"type": choice(m.Engagement, "type"), "field": field("topics__code"),
             "country": country("place__country_code", "participants__place__country_code",
                                "participants__organization__country_code", "participants__person__country_code"),
             "place": record("place", "participants__place", what="place"),
             "organization": record("participants__organization", what="organization"),
             "person": record("participants__person", what="person"),
             "alliance": record("alliance", what="alliance"), "agreement": record("agreement", what="agreement")},
    parts=(Part(m.EngagementParticipant, "engagement", one_of=("person", "organization", "place"), only_one=True),),
    select=("place",),
)
follow_ups = Resource(
    m.FollowUp, "follow-ups", search=("action",), date_field="due",
    filters={"status": choice(m.FollowUp, "status"),
             "engagement": record("engagement", what="engagement"),
             "agreement": record("agreement", what="agreement"), "project": record("project", what="project"),
             "place": record("owner_place", what="place"), "person": record("owner_person", what="person"),
             "organization": record("owner_organization", what="organization"),
             "country": country("owner_place__country_code", "owner_organization__country_code")},
)

engagements_router = build_router(engagements, "engagements")
follow_ups_router = build_router(follow_ups, "follow-ups")
