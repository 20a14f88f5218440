"""The review inbox in article order with one-click decisions, and every page within reach."""

import datetime as dt

import pytest
from django.urls import reverse

from amity.registry import models as m
from amity.sources.models import Claim, Document
from tests.web.conftest import place

pytestmark = pytest.mark.django_db

# Written for these tests in the style of a city's press release.
RELEASE = """Suwon Welcomes Delegation from Asan-si Partner City Cheney

A delegation led by Mayor Jordan Reyes of Cheney visited Suwon City Hall on 14 April 2025.

Lee Jae-jun, the Mayor of Suwon, met the delegation and discussed cooperation in education and culture.

Suwon and Cheney signed a friendship city agreement in August 2018.
"""


@pytest.fixture
def reviewer(as_role, demo):
    return as_role("reviewer")


@pytest.fixture
def document(reviewer):
    response = reviewer.post(reverse("web:document-new"), {"text": RELEASE, "published": "2025-04-15",
                                                           "action": "save"})
    assert response.status_code == 302
    return Document.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_inbox_groups_claims_by_sentence_in_article_order(reviewer, document):
    page = reviewer.get(reverse("web:review"), {"document": document.pk}).content.decode()
    sentences = [s for s in ("A delegation led by Mayor", "Lee Jae-jun, the Mayor of Suwon, met",
                             "Suwon and Cheney signed") if s in page]
    assert len(sentences) >= 2
    assert sorted(sentences, key=page.index) == sentences  # the article's order, not the kinds'
    assert page.count('class="claim-row pending"') == document.claims.filter(status="pending").count()
    assert "claims waiting" in page and "Keyboard shortcuts" in page and "<kbd>j</kbd>" in page
    assert "{&#x27;" not in page and "{'" not in page  # no dict dumps


def test_one_click_accept_answers_with_the_row_its_dependencies_and_the_counters(reviewer, document):
    agreement = document.claims.get(slot="agreement")
    page = reviewer.get(reverse("web:review"), {"document": document.pk}).content.decode()
    assert "Accepting it also accepts:" in page
    waiting = Claim.objects.filter(status="pending").count()
    response = reviewer.post(reverse("web:claim-accept", args=[agreement.pk]), {"as": "row"}, HTTP_HX_REQUEST="true")
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    assert f'id="row-{agreement.pk}"' in fragment and 'class="claim-row accepted"' in fragment
    parties = document.claims.filter(slot="place", status="accepted")
    assert parties.count() >= 2
    for party in parties:
        assert f'id="row-{party.pk}" tabindex="-1" data-claim="{party.pk}" hx-swap-oob="true"' in fragment
    left = Claim.objects.filter(status="pending").count()
    assert left < waiting - 2 and f"<strong>{left}</strong> claims waiting" in fragment


def test_one_click_reject_and_undo(reviewer, document):
    claim = document.claims.get(slot="agreement")
    fragment = reviewer.post(reverse("web:claim-reject", args=[claim.pk]), {"as": "row"},
                             HTTP_HX_REQUEST="true").content.decode()
    assert 'class="claim-row rejected"' in fragment and "Undo" in fragment
    fragment = reviewer.post(reverse("web:claim-undo", args=[claim.pk]), {"as": "row"},
                             HTTP_HX_REQUEST="true").content.decode()
    assert 'class="claim-row pending"' in fragment


def test_bulk_reject_asks_first_and_says_what_it_will_do(reviewer, document):
    ids = list(document.claims.filter(status="pending").values_list("pk", flat=True))
    asked = reviewer.post(reverse("web:review-bulk"), {"action": "reject", "claim": ids}).content.decode()
    assert f"Reject {len(ids)} claims?" in asked and "Yes, reject them" in asked
    assert document.claims.filter(status="pending").count() == len(ids)
    reviewer.post(reverse("web:review-bulk"), {"action": "reject", "claim": ids, "confirmed": "yes"})
    assert not document.claims.filter(status="pending").exists()


def test_bulk_accept_lists_the_facts_accepted_with_the_chosen_ones(reviewer, document):
    agreement = document.claims.get(slot="agreement")
    asked = reviewer.post(reverse("web:review-bulk"), {"action": "accept", "claim": [agreement.pk]}).content.decode()
    assert "which will be accepted with them" in asked and "Cheney" in asked


def test_engagement_named_from_its_facts_and_renamable(as_role, demo):
    editor = as_role("editor")
    engagement = m.Engagement.objects.get(title__startswith="Mayor of Busan meets")
    m.Engagement.objects.filter(pk=engagement.pk).update(title="")
    page = editor.get(reverse("web:engagement", args=[engagement.pk])).content.decode()
    assert "Busan Mayor meets the Ambassador of Slovenia" in page
    editor.post(reverse("set_language"), {"language": "ko"})
    page = editor.get(reverse("web:engagement", args=[engagement.pk])).content.decode()
    heading = page.split("<h1>")[1][:200]
    assert "시장" in heading and "슬로베니아 대사" in heading and "Meeting" not in heading


def test_positions_say_what_is_known(as_role, demo):
    viewer = as_role("viewer")
    ambassador = m.Position.objects.get(title="Ambassador")
    page = viewer.get(reverse("web:person", args=[ambassador.person_id])).content.decode()
    assert "seen as Ambassador of Slovenia in articles of 13 October 2023" in page
    m.Position.objects.filter(pk=ambassador.pk).update(term_start="2021-09")
    page = viewer.get(reverse("web:person", args=[ambassador.person_id])).content.decode()
    assert "Ambassador of Slovenia since September 2021" in page


def test_documents_are_titled_by_their_headline(reviewer, document):
    assert document.title == "" or document.title.startswith("Suwon")
    Document.objects.filter(pk=document.pk).update(title="")
    page = reviewer.get(reverse("web:documents")).content.decode()
    assert "Suwon Welcomes Delegation from Asan-si Partner City Cheney" in page
    assert f"document {document.checksum[:12]}" not in page


def test_secretariat_pages_are_in_the_main_navigation(reviewer):
    page = reviewer.get(reverse("web:dashboard")).content.decode()
    nav = page[page.index('<nav class="main"'):page.index("</nav>", page.index('<nav class="main"'))]
    for name in ("portfolio:index", "portfolio:meetings", "portfolio:follow-ups", "portfolio:reports",
                 "portfolio:imports"):
        assert f'href="{reverse(name)}"' in nav, name


def test_follow_ups_due_later_are_listed(as_role, demo):
    later = (dt.date.today() + dt.timedelta(days=120)).isoformat()[:7]
    m.FollowUp.objects.create(action="Open a joint tourism office", due=later)
    page = as_role("viewer").get(reverse("portfolio:follow-ups"), {"view": "later"}).content.decode()
    assert "Open a joint tourism office" in page and "Due later" in page
    page = as_role("viewer").get(reverse("portfolio:follow-ups"), {"view": "all"}).content.decode()
    assert "Open a joint tourism office" in page


def test_reports_open_on_the_latest_year_with_data_and_list_member_cities(as_role, demo):
    viewer = as_role("viewer")
    busan = place("Busan")
    page = viewer.get(reverse("portfolio:city-report", args=[busan.pk])).content.decode()
    assert 'value="2023" selected' in page or "2023" in page.split("<h1>")[1][:300]
    haeoreum = m.Alliance.objects.get(name="Haeoreum Alliance")
    page = viewer.get(reverse("portfolio:progress-report", args=["alliance", haeoreum.pk])).content.decode()
    assert "Member cities" in page and "Pohang" in page and "Gyeongju" in page


def test_import_page_picks_a_city_instead_of_a_typed_address(as_role, demo):
    editor = as_role("editor")
    page = editor.get(reverse("portfolio:imports")).content.decode()
    assert 'list="dl-import-place"' in page and "&lt;id&gt;" not in page
    changwon = place("Changwon")
    response = editor.get(reverse("portfolio:imports"), {"place": f"Changwon (KR) #{changwon.pk}"})
    assert response["Location"] == reverse("portfolio:import", args=["partners", "place", changwon.pk])
    page = editor.get(reverse("portfolio:imports"), {"place": "Qqxyzzyville"}).content.decode()
    assert "Nothing is called “Qqxyzzyville”" in page


def test_tokens_page_keeps_its_key_placeholder(as_role):
    page = as_role("viewer").get(reverse("web:tokens")).content.decode()
    assert "Bearer &lt;key&gt;" in page
