"""Who may see and change what: anonymous, public read, and each role (with an editor's scope)."""

import pytest
from django.test import Client
from django.urls import reverse

from amity.registry import models as m
from tests.web.conftest import place

pytestmark = pytest.mark.django_db

READ_PAGES = ["web:dashboard", "web:places", "web:agreements", "web:alliances", "web:projects", "web:engagements",
              "web:people", "web:organizations", "web:documents", "web:search", "web:pictures"]
REVIEW_PAGES = ["web:review", "web:duplicates", "web:document-new"]


@pytest.mark.parametrize("name", READ_PAGES + REVIEW_PAGES + ["web:tokens"])
def test_anonymous_is_sent_to_sign_in(name):
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_anonymous_cannot_see_a_record(demo):
    busan = place("Busan")
    response = Client().get(reverse("web:place", args=[busan.pk]))
    assert response.status_code == 302


@pytest.mark.parametrize("name", READ_PAGES)
def test_public_read_opens_the_pages_to_anyone(public_read, demo, name):
    assert Client().get(reverse(name)).status_code == 200


def test_public_read_is_read_only(public_read, demo):
    client = Client()
    busan = place("Busan")
    page = client.get(reverse("web:place", args=[busan.pk]))
    assert page.status_code == 200
    assert reverse("web:edit", args=["place", busan.pk]).encode() not in page.content
    assert client.get(reverse("web:edit", args=["place", busan.pk])).status_code == 403
    assert client.post(reverse("web:create", args=["engagement"]), {"type": "meeting"}).status_code == 403
    for name in REVIEW_PAGES:
        assert client.get(reverse(name)).status_code == 302  # sign in first
    assert client.get(reverse("web:tokens")).status_code == 302


@pytest.mark.parametrize("role", ["admin", "editor", "pohang_editor", "reviewer", "viewer"])
@pytest.mark.parametrize("name", READ_PAGES)
def test_every_role_reads(as_role, demo, role, name):
    assert as_role(role).get(reverse(name)).status_code == 200


@pytest.mark.parametrize("role,allowed", [("admin", True), ("editor", True), ("pohang_editor", True),
                                          ("reviewer", True), ("viewer", False)])
def test_review_pages_need_the_reviewer_role(as_role, demo, role, allowed):
    for name in REVIEW_PAGES:
        assert as_role(role).get(reverse(name)).status_code == (200 if allowed else 403)


@pytest.mark.parametrize("role,allowed", [("admin", True), ("editor", True), ("reviewer", False), ("viewer", False)])
def test_edit_forms_need_the_editor_role(as_role, demo, role, allowed):
    client = as_role(role)
    engagement = m.Engagement.objects.first()
    assert client.get(reverse("web:edit", args=["engagement", engagement.pk])).status_code == (200 if allowed else 403)
    assert client.get(reverse("web:create", args=["engagement"])).status_code == (200 if allowed else 403)
    assert client.get(reverse("web:delete", args=["engagement", engagement.pk])).status_code == (200 if allowed else 403)


def test_edit_links_show_only_to_those_who_may_edit(as_role, demo):
    alliance = m.Alliance.objects.get(name="Haeoreum Alliance")
    url = reverse("web:alliance", args=[alliance.pk])
    edit = reverse("web:edit", args=["alliance", alliance.pk]).encode()
    assert edit in as_role("editor").get(url).content
    assert edit not in as_role("viewer").get(url).content
    assert edit not in as_role("reviewer").get(url).content


def test_an_editor_of_one_city_is_refused_another_citys_record(as_role, demo):
    client = as_role("pohang_editor")
    ulsan_institute = m.Organization.objects.get(name="Ulsan Institute")
    busan_koper = m.Agreement.objects.get(title__contains="Koper")
    for slug, obj in (("organization", ulsan_institute), ("agreement", busan_koper)):
        assert client.get(reverse("web:edit", args=[slug, obj.pk])).status_code == 403
        assert client.post(reverse("web:edit", args=[slug, obj.pk]), {"name": "x"}).status_code == 403
        assert client.post(reverse("web:delete", args=[slug, obj.pk])).status_code == 403
    assert m.Organization.objects.filter(name="Ulsan Institute").exists()
    # The page shows no edit button either.
    page = client.get(reverse("web:agreement", args=[busan_koper.pk]))
    assert reverse("web:edit", args=["agreement", busan_koper.pk]).encode() not in page.content


def test_an_editor_of_one_city_edits_their_own(as_role, demo):
    client = as_role("pohang_editor")
    pohang = place("Pohang")
    haeoreum = m.Alliance.objects.get(name="Haeoreum Alliance")  # Pohang is a member
    assert client.get(reverse("web:edit", args=["alliance", haeoreum.pk])).status_code == 200
    assert client.get(reverse("web:edit", args=["place", pohang.pk])).status_code == 200
    response = client.post(reverse("web:create", args=["engagement"]), {
        "type": "meeting", "title": "Pohang youth forum", "date": "2025-03", "place": f"Pohang #{pohang.pk}"})
    assert response.status_code == 302, response.content
    assert m.Engagement.objects.filter(title="Pohang youth forum", place=pohang).exists()


def test_a_scoped_editor_cannot_create_a_record_in_another_city(as_role, demo):
    busan = place("Busan")
    response = as_role("pohang_editor").post(reverse("web:create", args=["engagement"]), {
        "type": "meeting", "title": "Busan forum", "date": "2025-03", "place": f"Busan #{busan.pk}"})
    assert response.status_code == 403
    assert not m.Engagement.objects.filter(title="Busan forum").exists()


def test_a_scoped_editor_cannot_move_their_record_out_of_scope(as_role, demo):
    pohang, busan = place("Pohang"), place("Busan")
    client = as_role("pohang_editor")
    client.post(reverse("web:create", args=["engagement"]), {
        "type": "meeting", "title": "Pohang forum", "date": "2025-03", "place": f"Pohang #{pohang.pk}"})
    engagement = m.Engagement.objects.get(title="Pohang forum")
    response = client.post(reverse("web:edit", args=["engagement", engagement.pk]), {
        "type": "meeting", "title": "Pohang forum", "date": "2025-03", "place": f"Busan #{busan.pk}"})
    assert response.status_code == 403
    engagement.refresh_from_db()
    assert engagement.place_id == pohang.pk


def test_a_scoped_editor_adds_parts_only_to_records_in_scope(as_role, demo):
    client = as_role("pohang_editor")
    busan_koper = m.Agreement.objects.get(title__contains="Koper")
    assert client.get(reverse("web:create", args=["agreement-party"]) + f"?agreement={busan_koper.pk}").status_code == 403
    # A new, empty agreement may be started, and its first party must be in scope.
    client.post(reverse("web:create", args=["agreement"]), {"type": "mou", "title": "Pohang–Dalian MOU",
                                                            "status": "planned"})
    agreement = m.Agreement.objects.get(title="Pohang–Dalian MOU")
    url = reverse("web:create", args=["agreement-party"]) + f"?agreement={agreement.pk}"
    busan = place("Busan")
    assert client.post(url, {"agreement": agreement.pk, "place": f"Busan #{busan.pk}"}).status_code == 403
    pohang = place("Pohang")
    assert client.post(url, {"agreement": agreement.pk, "place": f"Pohang #{pohang.pk}"}).status_code == 302
    assert agreement.parties.filter(place=pohang).exists()


def test_tokens_are_for_signed_in_users_of_any_role(as_role):
    for role in ("admin", "viewer"):
        assert as_role(role).get(reverse("web:tokens")).status_code == 200


def test_api_admin_page_is_not_the_home_page(as_role):
    response = as_role("viewer").get("/")
    assert response.status_code == 200
    assert b"Dashboard" in response.content
