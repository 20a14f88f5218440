"""The OpenAPI schema is exactly as strict as the server, so a client that trusts it is never surprised."""

import json

import jsonschema_rs
import pytest

from amity.registry import models as m


@pytest.fixture
def components(db, anonymous):
    return anonymous.get("openapi.json").json()["components"]["schemas"]


def _valid(components, name, body) -> bool:
    """Whether a JSON Schema validator (ECMAScript regexes, as clients use) passes the body."""
    return jsonschema_rs.is_valid({**components[name], "components": {"schemas": components}}, body)


def check(schema):
    return jsonschema_rs.validator_for(schema)


def test_bounds_are_json_schema_keywords(db, anonymous):
    # pydantic wrote an id's bounds as "ge"/"le" (unknown to JSON Schema), so 0 and -5 passed as ids
    text = anonymous.get("openapi.json").content.decode()
    assert '"ge":' not in text and '"le":' not in text
    assert not _valid(json.loads(text)["components"]["schemas"], "OrganizationCreate", {"name": "Port", "parent": 0})


def test_a_team_member_is_a_person_or_the_seats_of_a_place(components):
    assert not _valid(components, "TeamMemberCreate", {})
    assert not _valid(components, "TeamMemberCreate", {"person": None, "seats": 2})
    assert _valid(components, "TeamMemberCreate", {"from_place": 5, "seats": 2})
    assert _valid(components, "TeamMemberCreate", {"person": 5, "from_place": None})
    # a party is exactly one place or one organization
    assert not _valid(components, "AgreementPartyCreate", {"place": 1, "organization": 2})
    assert _valid(components, "AgreementPartyCreate", {"place": None, "organization": 2})
    # a change names at most one of them (the other may already be there)
    assert not _valid(components, "EngagementParticipantPatch", {"person": 1, "place": 2})
    assert _valid(components, "EngagementParticipantPatch", {"place": 2}) and _valid(components, "AgreementPartyPatch", {})


def test_text_the_server_refuses_the_schema_refuses(components):
    name = components["OrganizationCreate"]["properties"]["name"]
    notes = components["OrganizationCreate"]["properties"]["notes"]
    website = components["OrganizationCreate"]["properties"]["website"]
    assert not check(name).is_valid("Port\x00Authority") and not check(notes).is_valid("a\x00")
    assert not check(name).is_valid("\x85") and not check(name).is_valid("\ufeff")  # space to one dialect or the other
    assert not check(website).is_valid("https://port.example/a\x85b")
    assert check(name).is_valid("Port Authority") and check(website).is_valid("https://port.example/ko?x=1")
    aliases = components["OrganizationCreate"]["properties"]["aliases"]
    assert not check(aliases).is_valid(["Port", " "]) and check(aliases).is_valid(["Port", "BPA"])
    wikidata = components["PlaceCreate"]["properties"]["wikidata_id"]
    assert not check(wikidata).is_valid("Q0") and check(wikidata).is_valid("Q1234") and check(wikidata).is_valid("")
    article = components["DocumentIn"]["properties"]["text"]
    assert not check(article).is_valid(" \n") and check(article).is_valid("Busan signs an MoU.")
    date = components["EngagementCreate"]["properties"]["date"]["anyOf"][0]
    assert not check(date).is_valid("２０１６") and not check(date).is_valid("٢٠١٦")  # other scripts' digits


def test_what_the_schema_allows_the_server_takes(demo, admin_api):
    # 85.0 is a JSON Schema integer: the server took it for ids but not for a count
    created = admin_api.post("engagements", {"title": "Port forum", "type": "meeting", "attendance": 85.0})
    assert created.status_code == 201, created.json()
    assert created.json()["attendance"] == 85
    team = m.Team.objects.order_by("pk").first()
    refused = admin_api.post(f"teams/{team.pk}/members", {"seats": 2})
    assert refused.status_code == 422 and "person" in refused.json()["detail"]
    nul = admin_api.post("organizations", {"name": "Port\x00Authority"})
    assert nul.status_code == 422 and "NUL" in nul.json()["detail"]
