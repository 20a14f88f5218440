"""Review: accept, edit, reject, merge, undo; linking; one engagement per real event."""

import pytest

from amity.core.models import history_of
from amity.registry import models as m
from amity.review import services
from amity.review.evidence import claims_for, documents_for
from amity.review.models import AutoAcceptRule, Decision, MergeCandidate
from amity.sources.models import Claim

pytestmark = pytest.mark.django_db


def _claim(result, slot, **value):
    return next(c for c in result.claims if c.slot == slot and all(c.value.get(k) == v for k, v in value.items()))


def test_accepting_a_meeting_creates_it_with_its_people_and_cites_the_sentence(ingest):
    result = ingest("daejeon_finland_meeting.txt")
    meeting = _claim(result, "engagement", type="meeting")
    decision = services.accept(meeting, actor="user:minji")
    engagement = m.Engagement.objects.get(pk=Claim.objects.get(pk=meeting.pk).link_id)
    assert engagement.type == "meeting" and str(engagement.date) == "2025-03-11"
    assert engagement.place.name == "Daejeon" and engagement.time.strftime("%H:%M") == "15:00"
    people = {p.person.name for p in engagement.participants.all() if p.person}
    assert people == {"Kim Do-yun", "Mikko Laine"}
    # the people were accepted too, as the meeting's dependencies, by the same reviewer
    assert Claim.objects.filter(document=result.document, slot="person", status="accepted").count() == 2
    assert [c.pk for c in claims_for(engagement, "date")] == [meeting.pk]
    assert "on Tuesday" in claims_for(engagement)[0].evidence_sentence()
    assert decision.action == "accept" and decision.actor == "user:minji"
    assert history_of(engagement).first().actor == "user:minji"
    laine = m.Person.objects.get(name="Mikko Laine").positions.get()
    assert (laine.title, laine.of_place.country_code, laine.to_place.country_code) == ("Ambassador", "FI", "KR")


def test_two_articles_on_one_meeting_make_one_engagement_with_two_sources(ingest, accept_all):
    ingest("daejeon_finland_meeting.txt")
    ingest("daejeon_finland_meeting_2.txt", published="2025-03-12")
    accept_all()
    meetings = m.Engagement.objects.filter(type="meeting", date="2025-03-11")
    assert meetings.count() == 1
    assert documents_for(meetings.get()).count() == 2
    # Kim Do-yun / Kim Do-yoon, Mayor of Daejeon in both: one person with both spellings
    mayor = m.Person.objects.get(name__in=["Kim Do-yun", "Kim Do-yoon"])
    assert {"Kim Do-yun", "Kim Do-yoon"} <= set(mayor.all_names)


def test_two_mayors_kim_of_two_cities_stay_two_people(ingest, accept_all):
    ingest("daejeon_finland_meeting.txt")
    ingest("suwon_mayor_visit.txt")
    accept_all()
    mayors = {p.positions.get().of_place.name: p.name for p in m.Person.objects.filter(positions__title="Mayor")
              if p.family_name == "Kim"}
    assert mayors == {"Daejeon": "Kim Do-yun", "Suwon": "Kim Jun-ho"}


def test_titles_over_time_grow_with_dated_articles(ingest, accept_all):
    ingest("daejeon_finland_meeting.txt")
    accept_all()
    ingest("daejeon_finland_meeting_2.txt", published="2025-03-12")
    accept_all()
    position = m.Person.objects.get(name="Mikko Laine").positions.get(title="Ambassador")
    assert (str(position.known_from), str(position.known_to)) == ("2025-03-12", "2025-03-14")


def test_machine_output_never_overwrites_what_a_person_set(ingest, accept_all):
    ingest("daejeon_finland_meeting.txt")
    accept_all()
    meeting = m.Engagement.objects.get(type="meeting")
    from amity.registry import services as registry

    registry.update(meeting, venue="Ellipse Hall, Daejeon City Hall", actor="user:officer")
    ingest("daejeon_finland_meeting_2.txt", published="2025-03-12")
    accept_all()
    meeting.refresh_from_db()
    assert meeting.venue == "Ellipse Hall, Daejeon City Hall"
    officer_edit = history_of(meeting).get(actor="user:officer")
    later = history_of(meeting).filter(id__gt=officer_edit.id)
    assert all("venue" not in (entry.after or {}) for entry in later)
    # the second article was still accepted, as another source of the same engagement
    assert documents_for(meeting).count() == 2


def test_reject_edit_and_undo(ingest):
    result = ingest("gwangju_signing.txt")
    festival = _claim(result, "engagement", type="festival")
    rejected = services.reject(festival, actor="user:minji", reason="a plan, not an event")
    with pytest.raises(services.ReviewError):
        services.accept(festival, actor="user:minji")
    services.undo(rejected, actor="user:minji")
    festival.refresh_from_db()
    assert festival.status == "pending"
    agreement_claim = _claim(result, "agreement", type="sister_city")
    decision = services.accept(agreement_claim, actor="user:minji", edits={"title": "Gwangju–Sendai Sister City"})
    agreement = m.Agreement.objects.get(title="Gwangju–Sendai Sister City")
    assert agreement.type == "sister_city" and agreement.status == "signed"
    assert decision.action == "edit_accept"
    assert sorted(p.place.name for p in agreement.parties.all()) == ["Gwangju", "Sendai"]
    services.undo(decision, actor="user:minji")
    assert not m.Agreement.objects.filter(pk=agreement.pk).exists()
    agreement_claim.refresh_from_db()
    assert agreement_claim.status == "pending" and agreement_claim.edited_value is None
    # the log keeps every decision, in order, and cannot be edited
    actions = list(Decision.objects.order_by("id").values_list("action", flat=True))
    assert actions[:2] == ["reject", "undo"] and actions[-1] == "undo" and "edit_accept" in actions
    with pytest.raises(ValueError):
        Decision.objects.first().save()


def test_merge_moves_references_and_names_and_can_be_undone(ingest, accept_all):
    ingest("daejeon_finland_meeting.txt")
    accept_all()
    laine = m.Person.objects.get(name="Mikko Laine")
    twin = services_create_person("M. Laine")
    engagement = m.Engagement.objects.get(type="meeting")
    m.EngagementParticipant.objects.create(engagement=engagement, person=twin, role="guest")
    twin_pk = twin.pk
    decision = services.merge(laine, twin, actor="user:minji")
    assert not m.Person.objects.filter(pk=twin_pk).exists()
    assert "M. Laine" in m.Person.objects.get(pk=laine.pk).aliases
    assert engagement.participants.filter(person=laine).count() == 2
    services.undo(decision, actor="user:minji")
    assert m.Person.objects.get(pk=twin_pk).name == "M. Laine"
    assert engagement.participants.filter(person_id=twin_pk).count() == 1
    assert "M. Laine" not in m.Person.objects.get(pk=laine.pk).aliases


def services_create_person(name):
    from amity.registry import services as registry

    return registry.create(m.Person, name=name, actor="user:minji")


def test_uncertain_person_link_becomes_a_merge_candidate(ingest, accept_all):
    ingest("daejeon_finland_meeting.txt")
    accept_all()
    # the same romanised name with no title to confirm it: possible, not certain
    from amity.review.intake import ingest_text

    ingest_text(" date 2025-04-02 Kim Do-yoon attended a science fair in Daejeon on Monday.")
    accept_all()
    candidates = MergeCandidate.objects.filter(status="open", content_type__model="person")
    assert candidates.count() == 1
    candidate = candidates.get()
    assert 0.5 <= candidate.score < 0.9 and "matches" in candidate.explanation
    assert m.Person.objects.filter(name__startswith="Kim Do-y").count() == 2


def test_auto_accept_rules_are_off_by_default_and_log_as_bot(ingest):
    result = ingest("gwangju_signing.txt")
    assert all(c.status == "pending" for c in result.claims)
    AutoAcceptRule.objects.create(name="gazetteer-places", slot="place", min_confidence=0.9, require_link=True,
                                  enabled=True)
    result = ingest("suwon_mayor_visit.txt")
    accepted = Claim.objects.filter(document=result.document, status="accepted")
    assert accepted.exists() and set(accepted.values_list("slot", flat=True)) == {"place"}
    assert all(d.actor == "bot:gazetteer-places" for d in Decision.objects.filter(claim__in=accepted))
    others = Claim.objects.filter(document=result.document).exclude(slot="place")
    assert not others.filter(status="accepted").exists()
