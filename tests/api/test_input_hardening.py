"""What the API accepts is what its schema says, and nothing else changes a record."""

import pytest

from amity.registry import models as m
from amity.registry import services


@pytest.fixture
def admin(user_api):
    return user_api("admin")


@pytest.fixture
def organization(db):
    return services.create(m.Organization, name="Yeosu Port Office", kind="government", actor="bot:test")


@pytest.mark.parametrize("body", ['"a string"', "[1, 2]", "null", "12", "true", '[{"name": "x"}]'])
def test_a_body_that_is_not_a_json_object_is_refused(admin, organization, body):
    before = m.Organization.objects.get(pk=organization.pk).updated
    response = admin.patch(f"organizations/{organization.pk}", body)
    assert response.status_code == 422, response.content
    assert "JSON object" in response.json()["detail"]
    assert m.Organization.objects.get(pk=organization.pk).updated == before
    assert admin.post("organizations", body).status_code == 422


def test_team_members_of_nothing_are_refused(admin, db):
    alliance = services.create(m.Alliance, name="East Sea Rim Alliance", actor="bot:test")
    team = services.create(m.Team, alliance=alliance, name="Tourism", actor="bot:test")
    for body in ([None, None], {}, {"role": "coordinator"}, {"person": None, "from_place": None}):
        response = admin.post(f"teams/{team.pk}/members", body)
        assert response.status_code == 422, (body, response.content)
    assert not team.members.exists()


def _schema(client):
    return client.get("/api/v1/openapi.json").json()


def test_the_schema_refuses_impossible_dates_and_blank_names(admin, db):
    import re

    schemas = _schema(admin)["components"]["schemas"]
    date = schemas["EngagementCreate"]["properties"]["date"]
    pattern = next(option["pattern"] for option in date.get("anyOf", [date]) if "pattern" in option)
    for good in ("2016", "2016-06", "2016-06-22", "2024-02-29"):
        assert re.search(pattern, good), good
    for bad in ("0000", "8706-49-25", "2016-13", "2016-06-32", "2016-00-10", "16-06-22"):
        assert not re.search(pattern, bad), bad
    name = schemas["OrganizationCreate"]["properties"]["name"]
    assert name.get("minLength") == 1 and "pattern" in name
    assert admin.post("organizations", {"name": "   ", "kind": "government"}).status_code == 422
