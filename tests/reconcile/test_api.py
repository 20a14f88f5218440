"""GET /api/v1/network: the same network as `amity network`, as JSON or GraphML."""

import io

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer():
    from tests.web.conftest import make_user

    client = Client()
    client.force_login(make_user("vi", "viewer"))
    return client


def test_network_json_filters_and_graphml(registry, viewer):
    import networkx as nx

    body = viewer.get("/api/v1/network").json()
    assert len(body["nodes"]) == 6 and len(body["edges"]) == 5
    koper = next(node for node in body["nodes"] if node["name"] == "Koper")
    assert koper["country"] == "SI" and isinstance(koper["latitude"], float)
    mou = viewer.get("/api/v1/network", {"type": "mou"}).json()["edges"]
    assert [(e["type"], e["signed"]) for e in mou] == [("mou", "2019")]
    assert len(viewer.get("/api/v1/network", {"country": "SI"}).json()["edges"]) == 1
    assert len(viewer.get("/api/v1/network", {"since": "2009", "type": ["sister_city", "mou"]}).json()["edges"]) == 3

    graphml = viewer.get("/api/v1/network", {"format": "graphml"})
    assert graphml["Content-Type"].startswith("application/graphml+xml")
    assert nx.read_graphml(io.BytesIO(graphml.content)).number_of_edges() == 5


def test_network_refuses_bad_filters_and_strangers(registry, viewer):
    assert viewer.get("/api/v1/network", {"country": "Korea"}).status_code == 422
    assert viewer.get("/api/v1/network", {"type": "twinning"}).status_code == 422
    assert viewer.get("/api/v1/network", {"since": "2016-13"}).status_code == 422
    assert Client().get("/api/v1/network").status_code in (401, 403)
