"""Typed claim forms: every slot edits through fields (select boxes, partial dates, picked names), never JSON."""

import pytest
from django.urls import reverse
from django.utils import translation

from amity.registry import models as m
from amity.sources.models import Claim, Document
from tests.web.conftest import place

pytestmark = pytest.mark.django_db

# Written for these tests in the style of a city's press release.
RELEASE = """Ulsan and Tallinn Agree to Expand Port Cooperation

Kim Doo-gyeom, the Mayor of Ulsan, met Mihhail Kõlvart, the Mayor of Tallinn, at Ulsan City Hall on 4 March 2025.

The two mayors discussed cooperation in ports and tourism, and the Port of Tallinn will send a delegation to Ulsan by June 2025.

Ulsan and Tallinn signed a sister city agreement in May 2019.
"""


@pytest.fixture
def reviewer(as_role, demo):
    return as_role("reviewer")


@pytest.fixture
def document(reviewer):
    response = reviewer.post(reverse("web:document-new"), {"text": RELEASE, "published": "2025-03-05",
                                                           "action": "save"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def edit_page(client, claim) -> str:
    response = client.get(reverse("web:claim-edit", args=[claim.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_every_slot_has_a_typed_form_without_json(reviewer, document):
    slots = set(document.claims.values_list("slot", flat=True))
    assert {"place", "person", "engagement", "agreement", "follow_up"} <= slots
    for claim in document.claims.all():
        page = edit_page(reviewer, claim)
        assert "<textarea" not in page or "JSON" not in page, claim.slot
        assert "{&quot;" not in page and "&#x27;ref&#x27;" not in page, claim.slot
        assert "advanced: JSON" not in page  # not for reviewers


def test_engagement_form_offers_choices_dates_and_picks_with_the_evidence_beside(reviewer, document):
    event = document.claims.get(slot="engagement", value__type="meeting")
    page = edit_page(reviewer, event)
    workshop = dict(m.Engagement.Type.choices)["workshop"]
    assert '<select name="type"' in page and f'<option value="workshop">{workshop}</option>' in page
    assert 'name="date_0" value="2025"' in page and 'name="date_2" value="4"' in page
    assert 'name="participant_0"' in page and "Kim Doo-gyeom [" in page
    assert f'hx-get="{reverse("web:claim-suggest", args=[event.pk])}"' in page
    assert "the article says" in page and "<q>Ulsan City Hall</q>" in page


def test_edit_engagement_with_the_typed_form_then_accept(reviewer, document):
    event = document.claims.get(slot="engagement", value__type="meeting")
    form = {"type": "visit", "date_0": "2025", "date_1": "3", "date_2": "", "time": "15:30",
            "venue": "Ulsan City Hall", "place": "", "participant_0": "", "attendance": "40",
            "title": "", "topics": []}
    participants = event.value["participants"]
    for index, ref in enumerate(participants):
        form[f"participant_{index}"] = f"{ref['name']} [{ref['ref']}]"
    busan = place("Busan")
    form[f"participant_{len(participants)}"] = f"Busan #place:{busan.pk}"  # picked from the registry
    response = reviewer.post(reverse("web:claim-edit", args=[event.pk]), form)
    assert response.status_code == 302, response.content.decode()[4000:9000]
    event.refresh_from_db()
    assert event.status == "accepted" and event.edited_value["type"] == "visit"
    engagement = event.linked
    assert (engagement.type, str(engagement.date), engagement.attendance) == ("visit", "2025-03", 40)
    assert engagement.participants.filter(place=busan).exists()
    assert engagement.participants.filter(person__name="Kim Doo-gyeom").exists()
    # the people it names were accepted with it
    assert document.claims.get(slot="person", value__name="Kim Doo-gyeom").status == "accepted"


def test_bad_dates_and_unknown_names_get_clear_messages_and_nothing_is_accepted(reviewer, document):
    event = document.claims.get(slot="engagement", value__type="meeting")
    response = reviewer.post(reverse("web:claim-edit", args=[event.pk]), {
        "type": "meeting", "date_0": "2025", "date_1": "2", "date_2": "31", "participant_0": "Nobody Atall",
        "attendance": "many"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Correct the fields marked below." in page
    assert "Nothing is called “Nobody Atall”" in page
    assert "Enter a whole number." in page
    event.refresh_from_db()
    assert event.status == "pending"
    response = reviewer.post(reverse("web:claim-edit", args=[event.pk]), {"type": "meeting", "date_1": "2"})
    assert "Give the year too." in response.content.decode()


def test_agreement_form_status_select_and_party_picks(reviewer, document):
    agreement = document.claims.get(slot="agreement")
    page = edit_page(reviewer, agreement)
    labels = {**dict(m.Agreement.Type.choices), **dict(m.Agreement.Status.choices)}
    assert f'<option value="sister_city" selected>{labels["sister_city"]}</option>' in page
    assert f'<option value="planned">{labels["planned"]}</option>' in page
    data = {"type": "friendship_city", "status": "signed", "date_0": "2019", "date_1": "5", "title": ""}
    for index, ref in enumerate(agreement.value["parties"]):
        data[f"party_{index}"] = f"{ref['name']} [{ref['ref']}]"
    assert reviewer.post(reverse("web:claim-edit", args=[agreement.pk]), data).status_code == 302
    record = Claim.objects.get(pk=agreement.pk).linked
    assert record.type == "friendship_city" and str(record.signed_date) == "2019-05"
    assert {str(p) for p in record.parties.all()} == {"Ulsan (KR)", "Tallinn (EE)"}


def test_person_and_follow_up_forms(reviewer, document):
    person = document.claims.get(slot="person", value__name="Kim Doo-gyeom")
    page = edit_page(reviewer, person)
    assert 'name="title" value="Mayor"' in page and 'name="of"' in page
    follow_up = document.claims.get(slot="follow_up")
    response = reviewer.post(reverse("web:claim-edit", args=[follow_up.pk]),
                             {"action": "Send a port delegation to Ulsan", "due_0": "2025", "due_1": "6",
                              "owner": ""})
    assert response.status_code == 302
    assert m.FollowUp.objects.filter(action="Send a port delegation to Ulsan", due="2025-06").exists()


def test_admins_may_ask_for_the_raw_json(as_role, document):
    admin = as_role("admin")
    claim = document.claims.get(slot="follow_up")
    page = admin.get(reverse("web:claim-edit", args=[claim.pk])).content.decode()
    assert "advanced: JSON" in page and 'name="f_action"' not in page
    page = admin.get(reverse("web:claim-edit", args=[claim.pk]), {"advanced": "json"}).content.decode()
    assert 'name="f_action"' in page
    reviewer_page = as_role("reviewer").get(reverse("web:claim-edit", args=[claim.pk]), {"advanced": "json"})
    assert 'name="f_action"' not in reviewer_page.content.decode()


def test_suggestions_offer_names_of_the_article_then_the_registry(reviewer, document):
    event = document.claims.get(slot="engagement", value__type="meeting")
    url = reverse("web:claim-suggest", args=[event.pk])
    page = reviewer.get(url, {"participant_0": "Kim"}).content.decode()
    assert "Kim Doo-gyeom [" in page
    page = reviewer.get(url, {"participant_0": "Busan"}).content.decode()
    assert "Busan #place:" in page
    assert reviewer.get(url, {"participant_0": "<script>"}).status_code == 200


def test_korean_labels_for_choices(reviewer, document):
    reviewer.post(reverse("set_language"), {"language": "ko"})
    event = document.claims.get(slot="engagement", value__type="meeting")
    page = edit_page(reviewer, event)
    with translation.override("ko"):
        meeting = str(dict(m.Engagement.Type.choices)["meeting"])
    assert meeting != "Meeting" and f'<option value="meeting" selected>{meeting}</option>' in page
    assert "연도" in page


def test_safe_next_only(reviewer, document):
    claim = document.claims.get(slot="follow_up")
    page = reviewer.get(reverse("web:claim-edit", args=[claim.pk]), {"next": "javascript:alert(1)"}).content.decode()
    assert "javascript:alert" not in page
