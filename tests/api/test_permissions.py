"""Roles and editor scopes: the same rules as the web app (amity.accounts.permissions)."""

import pytest

from amity.registry import models as m
from amity.sources.models import Document

ORG = {"name": "Koper Tourist Board", "kind": "association", "country_code": "SI"}


def place(name: str, country: str) -> m.Place:
    return m.Place.objects.get(name=name, country_code=country, source="reference")


@pytest.mark.parametrize("role", ["viewer", "reviewer", "editor", "admin"])
def test_every_role_reads(user_api, demo, role):
    api = user_api(role)
    for path in ("places?limit=5", "agreements", f"alliances/{demo.alliance}", f"engagements/{demo.engagement}/history", "claims",
                 "documents", "review/decisions", "review/merge-candidates", "export", "search?q=Busan"):
        assert api.get(path).status_code == 200, path


@pytest.mark.parametrize("role", ["viewer", "reviewer"])
def test_viewers_and_reviewers_cannot_edit_the_registry(user_api, demo, role):
    api = user_api(role)
    assert api.post("organizations", ORG).status_code == 403
    assert api.patch(f"agreements/{demo.agreement}", {"status": "renewed"}).status_code == 403
    assert api.delete(f"follow-ups/{demo.follow_up}").status_code == 403
    assert api.post(f"agreements/{demo.agreement}/parties", {"place": place("Seoul", "KR").pk}).status_code == 403


def test_viewer_cannot_review_or_store_documents(user_api, demo):
    api = user_api("viewer")
    assert api.post("documents", {"text": "Busan met Koper."}).status_code == 403
    assert api.post("review/merge", {"type": "person", "keep": 1, "drop": 2}).status_code == 403


def test_reviewer_stores_documents_and_decides_claims(user_api, demo):
    api = user_api("reviewer")
    response = api.post("documents", {"text": "Busan Mayor Park Heong-joon visited Koper in Slovenia in May 2024."})
    assert response.status_code == 201, response.content
    claim = response.json()["claims"][0]
    assert api.post(f"claims/{claim['id']}/reject", {"reason": "test"}).status_code == 200


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_write(user_api, demo, role):
    api = user_api(role)
    created = api.post("organizations", ORG)
    assert created.status_code == 201
    assert api.patch(f"organizations/{created.json()['id']}", {"website": "https://example.org"}).status_code == 200
    assert api.delete(f"organizations/{created.json()['id']}").status_code == 204


def test_scoped_editor_changes_only_records_involving_their_places(user_api, demo):
    busan = place("Busan", "KR")
    api = user_api("editor", scope_places=[busan])
    busan_port = m.Organization.objects.get(name="Busan Port Authority")
    koper_port = m.Organization.objects.get(name="Port of Koper")
    assert api.patch(f"organizations/{busan_port.pk}", {"website": "https://www.busanpa.com"}).status_code == 200
    response = api.patch(f"organizations/{koper_port.pk}", {"website": "https://luka-kp.si"})
    assert response.status_code == 403 and "scope" in response.json()["detail"]
    assert api.delete(f"organizations/{koper_port.pk}").status_code == 403
    # The Busan–Koper agreement involves Busan: in scope. The Haeoreum Alliance does not.
    assert api.patch(f"agreements/{demo.agreement}", {"status": "renewed"}).status_code == 200
    assert api.patch(f"alliances/{demo.alliance}", {"purpose": "x"}).status_code == 403
    assert api.post(f"alliances/{demo.alliance}/members", {"place": busan.pk}).status_code == 403


def test_scoped_editor_districts_are_in_scope(user_api, demo):
    busan = place("Busan", "KR")
    district = m.Place.objects.filter(parent=busan).first()
    api = user_api("editor", scope_places=[busan])
    assert api.patch(f"places/{district.pk}", {"notes": "a district of Busan"}).status_code == 200


def test_scoped_editor_cannot_move_a_record_out_of_scope(user_api, demo):
    busan, koper = place("Busan", "KR"), place("Koper", "SI")
    api = user_api("editor", scope_places=[busan])
    busan_port = m.Organization.objects.get(name="Busan Port Authority")
    response = api.patch(f"organizations/{busan_port.pk}", {"place": koper.pk})
    assert response.status_code == 403
    busan_port.refresh_from_db()
    assert busan_port.place_id == busan.pk  # rolled back


def test_scoped_editor_builds_a_new_agreement_with_their_city(user_api, demo):
    busan, seoul = place("Busan", "KR"), place("Seoul", "KR")
    api = user_api("editor", scope_places=[busan])
    agreement = api.post("agreements", {"type": "mou", "title": "Busan–Seoul MOU"})
    assert agreement.status_code == 201  # involves no place yet: open to any editor, like creating it
    path = f"agreements/{agreement.json()['id']}/parties"
    # The first party must bring it into the editor's scope …
    assert api.post(path, {"place": seoul.pk}).status_code == 403
    assert api.post(path, {"place": busan.pk}).status_code == 201
    # … after which other parties may join.
    assert api.post(path, {"place": seoul.pk}).status_code == 201
    # An organization elsewhere is outside the scope from the start.
    assert api.post("organizations", {**ORG, "place": place("Koper", "SI").pk}).status_code == 403


def test_scoped_editor_reviews_like_a_reviewer(user_api, demo):
    api = user_api("editor", scope_places=[place("Busan", "KR")])
    assert api.post("documents", {"text": "Ulsan and Pohang signed an MOU in June 2016."}).status_code == 201
    assert Document.objects.count() == 1
