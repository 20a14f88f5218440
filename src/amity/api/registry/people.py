"""People and the positions they hold."""

from amity.api.crud import Filter, Resource, build_router
from amity.api.registry.filters import country, record
from amity.api.types import text
from amity.registry import models as m

people = Resource(
    m.Person, "people",
    filters={"country": country("country_code"),
             "place": record("positions__of_place", "positions__to_place", what="place"),
             "organization": record("positions__of_organization", what="organization")},
)
positions = Resource(
    m.Position, "positions", search=("title", "title_raw", "person__name", "person__aliases"),
    date_field="known_from", select=("person",),
    filters={"person": record("person", what="person"),
             "place": record("of_place", "to_place", what="place"),
             "organization": record("of_organization", what="organization"),
             "country": country("of_place__country_code", "of_organization__country_code"),
             "title": Filter(text(100), lambda qs, v: qs.filter(title__iexact=v), "normalised title, e.g. Mayor")},
)

people_router = build_router(people, "people")
positions_router = build_router(positions, "positions")
