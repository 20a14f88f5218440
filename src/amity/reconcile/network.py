"""The partnership network as data: places as nodes, agreements as edges, engagements as a table.

Written as GraphML, GEXF or CSV without needing NetworkX or Gephi, and read by both (the
columns are documented in docs/reconcile.md). Filters: a country, agreement types, a period.
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from amity.registry.models import Agreement, Engagement, Place
from amity.review.models import Citation

NODE_COLUMNS = {  # name -> GraphML type
    "name": "string", "name_ko": "string", "country": "string", "kind": "string", "latitude": "double",
    "longitude": "double", "wikidata": "string", "geonames": "string", "kr_admin_code": "string", "uid": "string",
}
EDGE_COLUMNS = {
    "agreement": "long", "type": "string", "status": "string", "signed": "string", "ended": "string",
    "title": "string", "sources": "string",
}
ENGAGEMENT_COLUMNS = ["engagement", "date", "type", "title", "place", "country", "places", "participants",
                      "agreement", "sources"]
ENDED = (Agreement.Status.DORMANT, Agreement.Status.TERMINATED)
FORMATS = ("graphml", "gexf", "csv", "json")


@dataclass
class Network:
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)  # each with "id", "source", "target" and EDGE_COLUMNS
    engagements: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"nodes": self.nodes, "edges": self.edges, "engagements": self.engagements}


def _in_period(value, since: str | None, until: str | None) -> bool:
    """Partial dates compare as far as both are known: "2016" is in a period from 2016-06."""
    text = str(value or "")
    if not since and not until:
        return True
    if not text:
        return False
    return (not since or text >= since[:len(text)]) and (not until or text[:len(until)] <= until)


def _hangul(names: list[str]) -> str:
    return next((n for n in names if any("\uac00" <= ch <= "\ud7a3" for ch in n)), "")


def _node(place: Place) -> dict:
    return {"id": f"place:{place.pk}", "name": place.name, "name_ko": _hangul(place.aliases),
            "country": place.country_code, "kind": place.kind, "latitude": place.latitude,
            "longitude": place.longitude, "wikidata": place.wikidata_id,
            "geonames": str(place.geonames_id or ""), "kr_admin_code": place.kr_admin_code, "uid": str(place.uid)}


def _sources(model, ids) -> dict[int, list[str]]:
    """Record id -> URLs (or document:<id> where a document has none) of the documents cited for it."""
    rows = (Citation.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=list(ids))
            .values_list("object_id", "claim__document_id", "claim__document__url").distinct())
    found: dict[int, list[str]] = {}
    for object_id, document, url in rows:
        source = url or f"document:{document}"
        if source not in found.setdefault(object_id, []):
            found[object_id].append(source)
    return found


def _ended(agreement: Agreement) -> str:
    if agreement.status not in ENDED:
        return ""
    changes = [c for c in agreement.status_history.all() if c.status in ENDED and c.date]
    return str(changes[-1].date) if changes else ""


def build_network(*, country: str | None = None, types: list[str] | None = None, since: str | None = None,
                  until: str | None = None) -> Network:
    """Agreements between places (signed in the period, of the types, with a party in the country)."""
    agreements = Agreement.objects.prefetch_related("parties__place", "status_history").order_by("signed_date", "id")
    if types:
        agreements = agreements.filter(type__in=types)
    if country:
        agreements = agreements.filter(parties__place__country_code=country).distinct()
    chosen = [a for a in agreements if _in_period(a.signed_date, since, until)]
    sources = _sources(Agreement, [a.pk for a in chosen])
    network, places = Network(), {}
    for agreement in chosen:
        parties = [party.place for party in agreement.parties.all() if party.place is not None]
        pairs = list(itertools.combinations(parties, 2))
        for index, (a, b) in enumerate(pairs):
            places.setdefault(a.pk, a)
            places.setdefault(b.pk, b)
            network.edges.append({
                "id": f"agreement:{agreement.pk}" + (f"-{index + 1}" if len(pairs) > 1 else ""),
                "source": f"place:{a.pk}", "target": f"place:{b.pk}", "agreement": agreement.pk,
                "type": agreement.type, "status": agreement.status, "signed": str(agreement.signed_date or ""),
                "ended": _ended(agreement), "title": agreement.title, "sources": " ".join(sources.get(agreement.pk, [])),
            })
    network.nodes = [_node(place) for place in sorted(places.values(), key=lambda p: (p.country_code, p.name))]
    network.engagements = engagement_table(country=country, since=since, until=until)
    return network


def engagement_table(*, country: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    engagements = Engagement.objects.select_related("place").prefetch_related(
        "participants__person", "participants__organization__place", "participants__place").order_by("date", "id")
    if country:
        engagements = engagements.filter(Q(place__country_code=country) | Q(participants__place__country_code=country)
                                         | Q(participants__organization__place__country_code=country)).distinct()
    chosen = [e for e in engagements if _in_period(e.date, since, until)]
    sources = _sources(Engagement, [e.pk for e in chosen])
    table = []
    for engagement in chosen:
        participants = [p for p in engagement.participants.all()]
        involved = [engagement.place] + [p.place or (p.organization.place if p.organization else None)
                                         for p in participants]
        table.append({
            "engagement": engagement.pk, "date": str(engagement.date or ""), "type": engagement.type,
            "title": engagement.title, "place": engagement.place.name if engagement.place else "",
            "country": engagement.place.country_code if engagement.place else "",
            "places": "; ".join(dict.fromkeys(p.name for p in involved if p is not None)),
            "participants": "; ".join(str(p) for p in participants),
            "agreement": engagement.agreement_id or "", "sources": " ".join(sources.get(engagement.pk, [])),
        })
    return table


# ------------------------------------------------------------------ writers
GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def to_graphml(network: Network) -> str:
    ET.register_namespace("", GRAPHML)
    root = ET.Element(f"{{{GRAPHML}}}graphml")
    for scope, columns in (("node", NODE_COLUMNS), ("edge", EDGE_COLUMNS)):
        for name, kind in columns.items():
            ET.SubElement(root, f"{{{GRAPHML}}}key", id=f"{scope[0]}_{name}", attrib={
                "for": scope, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML}}}graph", id="amity", edgedefault="undirected")
    for node in network.nodes:
        element = ET.SubElement(graph, f"{{{GRAPHML}}}node", id=node["id"])
        _graphml_data(element, "n", NODE_COLUMNS, node)
    for edge in network.edges:
        element = ET.SubElement(graph, f"{{{GRAPHML}}}edge", id=edge["id"], source=edge["source"], target=edge["target"])
        _graphml_data(element, "e", EDGE_COLUMNS, edge)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _graphml_data(element, prefix: str, columns: dict, values: dict) -> None:
    for name in columns:
        if values.get(name) not in (None, ""):
            ET.SubElement(element, f"{{{GRAPHML}}}data", key=f"{prefix}_{name}").text = str(values[name])


GEXF = "http://www.gexf.net/1.2draft"
GEXF_TYPES = {"string": "string", "double": "double", "long": "long"}


def to_gexf(network: Network) -> str:
    ET.register_namespace("", GEXF)
    root = ET.Element(f"{{{GEXF}}}gexf", version="1.2")
    graph = ET.SubElement(root, f"{{{GEXF}}}graph", defaultedgetype="undirected", mode="static")
    for scope, columns in (("node", NODE_COLUMNS), ("edge", EDGE_COLUMNS)):
        attributes = ET.SubElement(graph, f"{{{GEXF}}}attributes", attrib={"class": scope})
        for name, kind in columns.items():
            ET.SubElement(attributes, f"{{{GEXF}}}attribute", id=name, title=name, type=GEXF_TYPES[kind])
    nodes = ET.SubElement(graph, f"{{{GEXF}}}nodes")
    for node in network.nodes:
        _gexf_values(ET.SubElement(nodes, f"{{{GEXF}}}node", id=node["id"], label=node["name"]), NODE_COLUMNS, node)
    edges = ET.SubElement(graph, f"{{{GEXF}}}edges")
    for edge in network.edges:
        element = ET.SubElement(edges, f"{{{GEXF}}}edge", id=edge["id"], source=edge["source"], target=edge["target"],
                                label=edge["type"])
        _gexf_values(element, EDGE_COLUMNS, edge)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _gexf_values(element, columns: dict, values: dict) -> None:
    present = [name for name in columns if values.get(name) not in (None, "")]
    if present:
        container = ET.SubElement(element, f"{{{GEXF}}}attvalues")
        for name in present:
            ET.SubElement(container, f"{{{GEXF}}}attvalue", attrib={"for": name, "value": str(values[name])})


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: "" if row.get(name) is None else row[name] for name in columns} for row in rows)
    return buffer.getvalue()


def csv_tables(network: Network) -> dict[str, str]:
    """nodes, edges and engagements as CSV text (edges: source and target are node ids)."""
    return {
        "nodes": to_csv(network.nodes, ["id", *NODE_COLUMNS]),
        "edges": to_csv(network.edges, ["id", "source", "target", *EDGE_COLUMNS]),
        "engagements": to_csv(network.engagements, ENGAGEMENT_COLUMNS),
    }
