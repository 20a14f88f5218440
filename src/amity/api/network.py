"""GET /network: the partnership network (places, agreements, engagements) as `amity network` writes it.

JSON by default; `format=graphml` or `format=gexf` gives the file NetworkX and Gephi read.
The columns are documented in docs/reconcile.md.
"""

from typing import Any, Literal

from django.http import HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field as Spec

from amity.api import access
from amity.api.errors import ERRORS
from amity.api.registry.filters import Country
from amity.api.types import PartialDateText
from amity.reconcile import network as data
from amity.registry.models import Agreement

router = Router(tags=["network"])

AgreementType = Literal[tuple(Agreement.Type.values)]


class NetworkQuery(Schema):
    country: Country | None = Spec(None, description="only agreements with a party in this country (and "
                                                     "engagements involving it)")
    type: list[AgreementType] | None = Spec(None, description="only these agreement types (repeat the parameter)")
    since: PartialDateText | None = Spec(None, description="signed (engagements: held) on or after")
    until: PartialDateText | None = Spec(None, description="signed (engagements: held) on or before")
    format: Literal["json", "graphml", "gexf"] = "json"


class NetworkOut(Schema):
    nodes: list[dict[str, Any]] = Spec(..., description="places: id, name, name_ko, country, kind, latitude, "
                                                        "longitude, wikidata, geonames, kr_admin_code, uid")
    edges: list[dict[str, Any]] = Spec(..., description="agreements: id, source, target, agreement, type, status, "
                                                        "signed, ended, title, sources")
    engagements: list[dict[str, Any]] = Spec(..., description="engagements: engagement, date, type, title, place, "
                                                              "country, places, participants, agreement, sources")


@router.get("", response={200: NetworkOut, **ERRORS}, operation_id="network",
            summary="The partnership network: places as nodes, agreements as edges, engagements as a table",
            openapi_extra={"responses": {200: {"content": {
                "application/graphml+xml": {"schema": {"type": "string"}},
                "application/gexf+xml": {"schema": {"type": "string"}}}}}})
def network(request, query: Query[NetworkQuery]):
    access.require_view(request)
    result = data.build_network(country=query.country.upper() if query.country else None, types=query.type,
                                since=query.since, until=query.until)
    if query.format == "graphml":
        return HttpResponse(data.to_graphml(result), content_type="application/graphml+xml; charset=utf-8")
    if query.format == "gexf":
        return HttpResponse(data.to_gexf(result), content_type="application/gexf+xml; charset=utf-8")
    return result.as_json()
