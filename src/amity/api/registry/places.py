"""Places, organizations and the vocabulary of cooperation fields."""

from amity.api.crud import Resource, build_router
from amity.api.registry.filters import choice, country, record
from amity.registry import models as m

places = Resource(
    m.Place, "places",
    filters={"country": country("country_code"), "kind": choice(m.Place, "kind"),
             "source": choice(m.Place, "source"), "parent": record("parent", what="place")},
)
organizations = Resource(
    m.Organization, "organizations",
    filters={"country": country("country_code", "place__country_code"), "kind": choice(m.Organization, "kind"),
             "place": record("place", what="place")},
)
fields = Resource(m.Field, "fields", search=("code", "name", "name_ko"))

places_router = build_router(places, "places")
organizations_router = build_router(organizations, "organizations")
fields_router = build_router(fields, "fields")
