"""Editing through the forms: validation, the services layer, the change log naming the user."""

import pytest
from django.urls import reverse

from amity.core.models import ChangeLog, history_of
from amity.registry import models as m
from tests.web.conftest import place

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(as_role, demo):
    return as_role("editor")


def test_create_an_engagement_logs_the_user(editor):
    busan = place("Busan")
    tourism = m.Field.objects.get(code="tourism")
    response = editor.post(reverse("web:create", args=["engagement"]), {
        "type": "visit", "title": "Delegation from Koper", "date": "2024-05", "place": "Busan",
        "venue": "City Hall", "topics": [tourism.pk], "attendance": "12"})
    assert response.status_code == 302
    engagement = m.Engagement.objects.get(title="Delegation from Koper")
    assert response["Location"] == reverse("web:engagement", args=[engagement.pk])
    assert engagement.place == busan and str(engagement.date) == "2024-05"
    assert list(engagement.topics.all()) == [tourism]
    assert history_of(engagement).first().actor == "user:ed"


def test_validation_errors_are_shown_and_nothing_is_saved(editor):
    response = editor.post(reverse("web:create", args=["engagement"]), {
        "type": "visit", "title": "Bad date", "date": "2024-13-45", "place": "Nowhere-at-all"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page
    assert "Nothing is called" in page
    assert not m.Engagement.objects.filter(title="Bad date").exists()


def test_a_place_other_than_a_country_needs_its_country(editor):
    response = editor.post(reverse("web:create", args=["place"]), {"name": "Atlantis", "kind": "city"})
    assert response.status_code == 200
    assert "needs its ISO country" in response.content.decode()


def test_update_records_before_and_after(editor):
    engagement = m.Engagement.objects.get(title__contains="Ambassador")
    url = reverse("web:edit", args=["engagement", engagement.pk])
    form = editor.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["topics"] = [t.pk for t in engagement.topics.all()]
    data["place"] = form.fields["place"].prepare_value(engagement.place_id)
    data["attendance"] = "25"
    response = editor.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    engagement.refresh_from_db()
    assert engagement.attendance == 25
    entry = ChangeLog.objects.filter(object_id=engagement.pk, action="update").first()
    assert entry.actor == "user:ed" and entry.after == {"attendance": 25}


def test_add_a_party_to_an_agreement_from_its_page(editor):
    agreement = m.Agreement.objects.get(title__contains="Koper")
    page = editor.get(reverse("web:agreement", args=[agreement.pk])).content.decode()
    add = reverse("web:create", args=["agreement-party"]) + f"?agreement={agreement.pk}"
    assert add.replace("&", "&amp;") in page or add in page
    form = editor.get(add).content.decode()
    assert 'type="hidden" name="agreement"' in form
    seoul = place("Seoul")
    response = editor.post(add, {"agreement": agreement.pk, "place": f"Seoul (KR) #{seoul.pk}"})
    assert response.status_code == 302
    assert agreement.parties.filter(place=seoul).exists()
    assert history_of(agreement).filter(actor="user:ed", action="create").exists()


def test_a_part_needs_exactly_one_party(editor):
    agreement = m.Agreement.objects.get(title__contains="Koper")
    add = reverse("web:create", args=["agreement-party"]) + f"?agreement={agreement.pk}"
    response = editor.post(add, {"agreement": agreement.pk})
    assert response.status_code == 200
    assert "choose exactly one of" in response.content.decode()


def test_delete_asks_then_deletes_and_logs(editor):
    follow_up = m.FollowUp.objects.first()
    url = reverse("web:delete", args=["follow-up", follow_up.pk])
    assert "Delete" in editor.get(url).content.decode()
    response = editor.post(url)
    assert response.status_code == 302
    assert not m.FollowUp.objects.filter(pk=follow_up.pk).exists()
    assert ChangeLog.objects.filter(object_id=follow_up.pk, action="delete", actor="user:ed").exists()


def test_delete_of_a_record_still_in_use_is_refused_with_a_message(editor):
    person = m.Person.objects.get(name="Jernej Muller")  # a participant of an engagement (protected)
    response = editor.post(reverse("web:delete", args=["person", person.pk]), follow=True)
    assert m.Person.objects.filter(pk=person.pk).exists()
    assert "Cannot delete" in response.content.decode()


def test_every_record_type_has_a_form(editor):
    from amity.web.links import EDITABLE

    for slug in EDITABLE:
        assert editor.get(reverse("web:create", args=[slug])).status_code == 200, slug


def test_history_tab_after_a_web_edit(editor):
    alliance = m.Alliance.objects.get(name="Haeoreum Alliance")
    editor.post(reverse("web:create", args=["alliance-member"]) + f"?alliance={alliance.pk}",
                {"alliance": alliance.pk, "place": "Gimhae", "joined": "2025"})
    page = editor.get(reverse("web:history", args=["alliance", alliance.pk])).content.decode()
    assert "user:ed" in page and "Gimhae" in page
