"""Authentication: tokens (valid, read-only, revoked, malformed), sessions, anonymous and public reading."""

import pytest
from django.test import Client

from amity.accounts.models import ApiToken
from tests.api.conftest import Api, make_user

ORG = {"name": "Koper Tourist Board", "kind": "association", "country_code": "SI"}


def test_anonymous_is_401_with_a_bearer_challenge(db, anonymous):
    response = anonymous.get("places")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "authentication required" in response.json()["detail"]


def test_public_read_allows_reading_but_never_writing(public_read, anonymous, demo):
    assert anonymous.get("agreements").status_code == 200
    assert anonymous.get("search", q="Koper").status_code == 200
    assert anonymous.post("organizations", ORG).status_code == 401
    assert anonymous.delete(f"agreements/{demo.agreement}").status_code == 401


@pytest.mark.parametrize("header", ["Bearer amy_not-a-real-key", "Bearer ", "Token abc", "Basic YTpi"])
def test_unknown_or_malformed_tokens_are_401(db, header):
    client = Client()
    response = client.get("/api/v1/places", headers={"Authorization": header})
    assert response.status_code == 401
    assert "token" in response.json()["detail"]


def test_a_bad_token_is_401_even_when_reading_is_public(public_read):
    response = Api("amy_wrong").get("places")
    assert response.status_code == 401


def test_revoked_token_stops_working(db):
    token, key = ApiToken.issue(make_user("rita", "editor"), "laptop")
    api = Api(key)
    assert api.get("places", limit=1).status_code == 200
    token.revoke()
    assert api.get("places", limit=1).status_code == 401


def test_token_of_inactive_user_is_refused(db):
    user = make_user("ivan", "admin")
    _, key = ApiToken.issue(user, "old")
    user.is_active = False
    user.save()
    assert Api(key).get("places").status_code == 401


def test_using_a_token_records_last_use(db):
    token, key = ApiToken.issue(make_user("lu", "viewer"), "x")
    Api(key).get("fields")
    token.refresh_from_db()
    assert token.last_used is not None


def test_read_only_token_reads_but_cannot_write(user_api, demo):
    api = user_api("admin", read_only=True)
    assert api.get("organizations").status_code == 200
    response = api.post("organizations", ORG)
    assert response.status_code == 403 and "read-only" in response.json()["detail"]
    assert api.patch(f"engagements/{demo.engagement}", {"attendance": 3}).status_code == 403
    assert api.delete(f"engagements/{demo.engagement}").status_code == 403
    assert api.post("documents", {"text": "Busan met Koper."}).status_code == 403


def test_session_of_the_web_app_authenticates(db):
    make_user("sam", "editor")
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="sam", password="secret-pass-1")
    assert client.get("/api/v1/fields").status_code == 200
    # A write with the session cookie needs the CSRF token, like any form of the web app.
    response = client.post("/api/v1/organizations", ORG, content_type="application/json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    client.get("/admin/login/")  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.post("/api/v1/organizations", ORG, content_type="application/json",
                           headers={"X-CSRFToken": csrf})
    assert response.status_code == 201, response.content


def test_openapi_schema_and_docs_need_no_token(db, anonymous):
    assert anonymous.get("openapi.json").status_code == 200
    assert anonymous.get("docs").status_code == 200


def test_token_requests_need_no_csrf_token(db):
    _, key = ApiToken.issue(make_user("tess", "editor"), "script")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/organizations", ORG, content_type="application/json",
                           headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 201
