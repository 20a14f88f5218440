"""API tokens page, merge candidates, languages, search page and the pictures' escaping."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from amity.accounts.models import ApiToken
from amity.registry import models as m
from amity.review.models import MergeCandidate
from amity.web import pictures
from amity.web.templatetags.amity_web import highlight, marks

pytestmark = pytest.mark.django_db


def test_token_key_is_shown_once_then_listed_and_revocable(as_role, users):
    client = as_role("viewer")
    response = client.post(reverse("web:tokens"), {"name": "report script", "read_only": "on"})
    page = response.content.decode()
    token = ApiToken.objects.get(user=users["viewer"])
    key = page.split('id="new-key">')[1].split("<")[0]
    assert ApiToken.authenticate(key) == token and token.read_only
    assert response["Cache-Control"] == "no-store"
    listing = client.get(reverse("web:tokens")).content.decode()
    assert "report script" in listing and key not in listing and token.prefix in listing
    client.post(reverse("web:token-revoke", args=[token.pk]))
    assert ApiToken.authenticate(key) is None
    assert "revoked" in client.get(reverse("web:tokens")).content.decode()


def test_nobody_revokes_another_users_token(as_role, users):
    token, _ = ApiToken.issue(users["admin"], "admin's")
    assert as_role("viewer").post(reverse("web:token-revoke", args=[token.pk])).status_code == 404
    assert as_role("viewer").get(reverse("web:token-revoke", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked is None


def test_token_name_is_required(as_role):
    page = as_role("viewer").post(reverse("web:tokens"), {"name": ""}).content.decode()
    assert "errorlist" in page and "new-key" not in page


@pytest.fixture
def candidate(demo):
    left = m.Person.objects.get(name="Heong-jun Park")
    right = m.Person.objects.create(name="Park Hyeong-jun")
    return MergeCandidate.objects.create(content_type=ContentType.objects.get_for_model(m.Person), left_id=left.pk,
                                         right_id=right.pk, score=0.91, explanation="same family name; given names 0.9 alike")


def test_merge_candidates_side_by_side_with_the_explanation(as_role, candidate):
    page = as_role("reviewer").get(reverse("web:duplicates") + "?kind=person").content.decode()
    # the page looks again at changed records, so the finder's own reason and score replace the planted ones
    candidate.refresh_from_db()
    assert "Heong-jun Park" in page and "Park Hyeong-jun" in page and "Korean name spelt two ways" in page
    assert f"{candidate.score:.2f}" in page


def test_the_old_merges_page_leads_to_the_duplicates_page(as_role, candidate):
    reviewer = as_role("reviewer")
    response = reviewer.get("/review/merges/?kind=person")
    assert response.status_code == 308 and response["Location"] == reverse("web:duplicates") + "?kind=person"
    assert "Park Hyeong-jun" in reviewer.get(response["Location"]).content.decode()
    # a decision posted to the old address is still taken, by the duplicates page
    response = reviewer.post(f"/review/merges/{candidate.pk}/", {"action": "dismiss"}, follow=True)
    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.status == "dismissed"


def test_merge_keeps_one(as_role, candidate):
    response = as_role("reviewer").post(reverse("web:duplicate-decide", args=[candidate.pk]), {"action": "keep_left"})
    assert response.status_code == 302
    assert not m.Person.objects.filter(name="Park Hyeong-jun").exists()
    assert "Park Hyeong-jun" in m.Person.objects.get(name="Heong-jun Park").aliases


def test_dismiss_keeps_both(as_role, candidate):
    as_role("reviewer").post(reverse("web:duplicate-decide", args=[candidate.pk]), {"action": "dismiss"})
    candidate.refresh_from_db()
    assert candidate.status == "dismissed"
    assert m.Person.objects.filter(name="Park Hyeong-jun").exists()


def test_merge_is_for_reviewers(as_role, candidate):
    assert as_role("viewer").post(reverse("web:duplicate-decide", args=[candidate.pk]),
                                  {"action": "keep_left"}).status_code == 403


def test_korean_pages(as_role, demo):
    client = as_role("viewer")
    response = client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert 'lang="ko"' in page
    assert "대시보드" in page
    assert "최근 교류" in page
    busan = m.Place.objects.get(name="Busan", country_code="KR")
    page = client.get(reverse("web:place", args=[busan.pk])).content.decode()
    assert "2023년 6월 22일" in page  # partial dates in Korean
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Dashboard" in client.get("/").content.decode()


def test_search_page_with_filters_and_htmx_fragment(as_role, demo):
    client = as_role("viewer")
    page = client.get(reverse("web:search"), {"q": "Muller"}).content.decode()
    assert "Jernej Muller" in page and "<form" in page
    fragment = client.get(reverse("web:search"), {"q": "Muller"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Jernej Muller" in fragment and "<html" not in fragment
    filtered = client.get(reverse("web:search"), {"q": "Busan", "kind": "agreement", "country": "si",
                                                  "date_from": "2023", "date_to": "2023-12",
                                                  "field": "ports_logistics"}).content.decode()
    assert "Koper" in filtered
    assert client.get(reverse("web:search"), {"q": "<script>", "kind": "bogus", "date_from": "soon"}).status_code == 200


def test_highlight_escapes_every_piece():
    html = highlight('<b>Busan</b> & "Koper"', [(3, 8, "ev-1-0"), (0, 20, "ev-2-0"), (50, 60, "ev-3-0")])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert 'id="ev-1-0"' in html and 'id="ev-2-0"' in html
    assert marks("a \x02<i>b</i>\x03 c") == "a <mark>&lt;i&gt;b&lt;/i&gt;</mark> c"


def test_pictures_escape_labels_and_draw_shapes():
    assert len(pictures.country_paths()) > 150 and "KR" in pictures.country_paths()
    svg = pictures.world_map([pictures.MapPoint("<script>x</script>", 35.1, 129.0, "/p/1/", home=True),
                              pictures.MapPoint("Koper", 45.5, 13.7, "/p/2/")], {"SI"}, {"KR"})
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'class="country partner"' in svg
    assert "<script>" not in pictures.bar_chart([("<b>", 2)], title="<t>")
    assert "<script>" not in pictures.hbar_chart([("<script>", 2)])
    net = pictures.network([pictures.Node("a", "<A>"), pictures.Node("b", "B")], [("a", "b", "agreement")])
    assert "&lt;A&gt;" in net and "<line" in net
    assert pictures.timeline([]) == "" and pictures.network([], []) == ""
