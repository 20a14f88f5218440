"""The network as data: GraphML and GEXF that NetworkX reads back, CSV tables, filters."""

import pytest

from amity.reconcile.network import build_network, csv_tables, to_gexf, to_graphml

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_engagement(registry):
    from amity.registry import models as m
    from amity.registry import services

    busan, koper = registry["places"]["busan"], registry["places"]["koper"]
    services.update(koper, actor="user:test", wikidata_id="Q188983")
    visit = services.create(m.Engagement, actor="user:test", type="visit", date="2024-09-10", place=koper,
                            title="Busan delegation at the Port of Koper")
    services.create(m.EngagementParticipant, actor="user:test", engagement=visit, place=busan, role="guest")
    return registry


def test_graphml_round_trip_through_networkx(with_engagement, tmp_path):
    import networkx as nx

    path = tmp_path / "network.graphml"
    path.write_text(to_graphml(build_network()), encoding="utf-8")
    graph = nx.read_graphml(path)
    busan, koper = with_engagement["places"]["busan"], with_engagement["places"]["koper"]
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
    node = graph.nodes[f"place:{busan.pk}"]
    assert (node["name"], node["name_ko"], node["country"], node["kind"]) == ("Busan", "부산광역시", "KR", "city")
    assert isinstance(node["latitude"], float)
    assert graph.nodes[f"place:{koper.pk}"]["wikidata"] == "Q188983"
    edge = graph.edges[f"place:{busan.pk}", f"place:{koper.pk}"]
    assert (edge["type"], edge["status"], edge["signed"]) == ("sister_city", "signed", "2016-06-22")


def test_gexf_reads_back_and_filters_apply(with_engagement, tmp_path):
    import networkx as nx

    path = tmp_path / "network.gexf"
    path.write_text(to_gexf(build_network(types=["sister_city"], since="2009")), encoding="utf-8")
    graph = nx.read_gexf(path)
    assert sorted(data["label"] for _, data in graph.nodes(data=True)) == ["Busan", "Koper", "Seattle"]
    assert {data["type"] for *_, data in graph.edges(data=True)} == {"sister_city"}
    assert len(build_network(country="SI").edges) == 1
    assert len(build_network(until="1999").edges) == 1  # Vladivostok, 1992
    assert build_network(types=["mou"]).edges[0]["signed"] == "2019"


def test_csv_tables_with_the_engagement(with_engagement):
    tables = csv_tables(build_network(country="SI"))
    assert tables["nodes"].splitlines()[0].startswith("id,name,name_ko,country,kind,latitude,longitude,wikidata")
    assert tables["edges"].count("\n") == 2
    (header, row) = tables["engagements"].splitlines()
    assert header == "engagement,date,type,title,place,country,places,participants,agreement,sources"
    assert "2024-09-10,visit,Busan delegation at the Port of Koper,Koper,SI,Koper; Busan" in row
