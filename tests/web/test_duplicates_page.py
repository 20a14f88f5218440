"""The duplicates page: open candidates by kind side by side, merge, the old address, undo, keep apart."""

import pytest

from amity.registry import models as m
from amity.registry import services as registry
from amity.review import duplicates
from amity.review.models import Decision, MergeCandidate

pytestmark = pytest.mark.django_db

ACTOR = "user:test-duplicates-page"


@pytest.fixture
def consulates():
    busan = m.Place.objects.filter(name="Busan", country_code="KR").order_by("-population").first()
    short = registry.create(m.Organization, name="Chinese Consulate in Busan", kind="consulate", place=busan,
                            actor=ACTOR)
    long = registry.create(m.Organization, name="Chinese Consulate General in Busan", kind="consulate", place=busan,
                           aliases=["<script>alert('x')</script> Consulate"], actor=ACTOR)
    registry.create(m.Person, name="Ju Nak-young", actor=ACTOR)
    registry.create(m.Person, name="Joo Nak-young", actor=ACTOR)
    duplicates.record()
    return short, long


def test_the_page_lists_open_candidates_by_kind_side_by_side_with_their_reasons(as_role, consulates):
    client = as_role("reviewer")
    page = client.get("/review/duplicates/?kind=organization")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Chinese Consulate in Busan" in html and "Chinese Consulate General in Busan" in html
    assert "differ only by" in html and "side-by-side" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # article text is escaped
    assert "Organizations <span class=\"badge\">1</span>" in html and "People <span class=\"badge\">1</span>" in html
    people = client.get("/review/duplicates/?kind=person").content.decode()
    assert "Korean name spelt two ways" in people and "Chinese Consulate" not in people


def test_merge_redirects_the_old_address_and_undo_restores_both(as_role, consulates):
    short, long = consulates
    client = as_role("reviewer")
    candidate = MergeCandidate.objects.get(content_type__model="organization", status="open")
    keep_action = "keep_left" if candidate.left_id == long.pk else "keep_right"
    response = client.post(f"/review/duplicates/{candidate.pk}/", {"action": keep_action})
    assert response.status_code == 302 and response["Location"].endswith("?kind=organization")
    assert not m.Organization.objects.filter(pk=short.pk).exists()
    old = client.get(f"/organizations/{short.pk}/")
    assert old.status_code == 302 and old["Location"] == f"/organizations/{long.pk}/"
    assert "Chinese Consulate in Busan" in client.get(old["Location"]).content.decode()  # kept as an alias
    assert client.get("/organizations/999999/").status_code == 404  # never merged: still not found

    decision = Decision.objects.get(action="merge")
    page = client.get("/review/duplicates/?kind=organization").content.decode()
    assert f"/review/duplicates/merges/{decision.pk}/undo/" in page
    client.post(f"/review/duplicates/merges/{decision.pk}/undo/", {"kind": "organization"})
    assert client.get(f"/organizations/{short.pk}/").status_code == 200
    long.refresh_from_db()
    assert "Chinese Consulate in Busan" not in long.aliases
    assert MergeCandidate.objects.get(pk=candidate.pk).status == "open"


def test_keeping_apart_and_who_may_decide(as_role, consulates):
    candidate = MergeCandidate.objects.get(content_type__model="person")
    assert as_role("viewer").post(f"/review/duplicates/{candidate.pk}/", {"action": "dismiss"}).status_code in (302, 403)
    assert MergeCandidate.objects.get(pk=candidate.pk).status == "open"
    client = as_role("reviewer")
    assert client.post(f"/review/duplicates/{candidate.pk}/", {"action": "nonsense"}).status_code == 400
    client.post(f"/review/duplicates/{candidate.pk}/", {"action": "dismiss"})
    assert MergeCandidate.objects.get(pk=candidate.pk).status == "dismissed"
    response = client.post("/review/duplicates/scan/", {"kind": "person"}, follow=True)
    assert "1 kept apart" in response.content.decode()
    assert "No open duplicates of this kind" in response.content.decode()
