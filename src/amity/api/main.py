"""The NinjaAPI instance: routers, authentication, error handlers and the documentation."""

from ninja import NinjaAPI, Swagger

from amity.api import claims, documents, errors, export, network, review, search
from amity.api.auth import TokenOrSession
from amity.api.registry.agreements import agreements_router
from amity.api.registry.alliances import alliances_router, projects_router, teams_router
from amity.api.registry.engagements import engagements_router, follow_ups_router
from amity.api.registry.people import people_router, positions_router
from amity.api.registry.places import fields_router, organizations_router, places_router

DESCRIPTION = """The registry of city-to-city cooperation.

Authenticate with `Authorization: Bearer <token>` (create one with `amity token create`), or
with the web app's session. Partial dates are ISO text: `2016`, `2016-06` or `2016-06-22`.
Errors are JSON: `{"detail": "…"}`. See docs/api.md for examples.
"""

api = NinjaAPI(
    title="Amity API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="amity-api",
    auth=TokenOrSession(),
    # Swagger UI comes from ninja's bundled static files ("ninja" is in INSTALLED_APPS);
    # validatorUrl None stops it from calling validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": True}),
    openapi_url="/openapi.json",
    docs_url="/docs",
)
errors.install(api)

for prefix, router in (
    ("/places", places_router), ("/organizations", organizations_router), ("/fields", fields_router),
    ("/people", people_router), ("/positions", positions_router), ("/agreements", agreements_router),
    ("/alliances", alliances_router), ("/teams", teams_router), ("/projects", projects_router),
    ("/engagements", engagements_router), ("/follow-ups", follow_ups_router),
    ("/documents", documents.router), ("/claims", claims.router), ("/review", review.router),
    ("/search", search.router), ("/export", export.router), ("/network", network.router),
):
    api.add_router(prefix, router)
