"""Engagements are named from their facts when accepted (in the article's language), a person's title
is kept, and documents saved without a title take their headline; old rows are backfilled."""

import importlib

import pytest
from django.apps import apps

from amity.registry import models as m
from amity.registry import services as registry
from amity.review import services
from amity.review.intake import ingest_text
from amity.sources.models import Claim, Document

pytestmark = pytest.mark.django_db

RELEASE = """Tongyeong and Cebu Agree to Expand Fisheries Exchange

Tongyeong, 4 June 2025 — Mayor Choi Min-ho of Tongyeong received Maria Santos, the Mayor of Cebu, at Tongyeong
City Hall on Wednesday. The two mayors discussed training for fishery cooperatives and a student exchange.
"""


def _accept_meeting(result):
    meeting = next(c for c in result.claims if c.slot == "engagement" and c.value.get("type") == "meeting")
    services.accept(meeting, actor="user:minji")
    return m.Engagement.objects.get(pk=Claim.objects.get(pk=meeting.pk).link_id)


def test_accepting_a_meeting_stores_the_name_the_pages_show(ingest):
    engagement = _accept_meeting(ingest("daejeon_finland_meeting.txt"))
    assert engagement.title == "Daejeon Mayor meets the Ambassador of Finland"
    assert engagement.generated_title == engagement.title  # so it may be renamed while nobody changes it


def test_the_name_is_in_the_language_of_the_article(ingest):
    result = ingest("daejeon_finland_meeting.txt")
    Document.objects.filter(pk=result.document.pk).update(language="ko")
    engagement = _accept_meeting(result)
    assert "대전" in engagement.title and "시장" in engagement.title and "핀란드 대사" in engagement.title
    assert "meets" not in engagement.title


def test_a_title_a_person_gave_is_never_replaced(ingest, accept_all):
    engagement = _accept_meeting(ingest("daejeon_finland_meeting.txt"))
    registry.update(engagement, title="Courtesy call of the Finnish envoy", actor="user:minji")
    ingest("daejeon_finland_meeting_2.txt", published="2025-03-12")  # the same meeting, another article
    accept_all()
    engagement.refresh_from_db()
    assert engagement.title == "Courtesy call of the Finnish envoy"


def test_undoing_the_accept_leaves_no_name_behind(ingest):
    result = ingest("daejeon_finland_meeting.txt")
    meeting = next(c for c in result.claims if c.slot == "engagement")
    decision = services.accept(meeting, actor="user:minji")
    services.undo(decision, actor="user:minji")
    assert not m.Engagement.objects.filter(title__contains="Ambassador of Finland").exists()


def test_old_untitled_engagements_are_named_and_a_persons_title_kept(ingest):
    named = _accept_meeting(ingest("daejeon_finland_meeting.txt"))
    m.Engagement.objects.filter(pk=named.pk).update(title="Meeting", generated_title="")  # as stored before
    kept = registry.create(m.Engagement, type="visit", title="Oulu delegation's spring visit", date="2025-04",
                           actor="user:minji")
    migration = importlib.import_module("amity.review.migrations.0008_name_engagements_from_facts")
    migration.name_from_facts(apps, None)
    named.refresh_from_db()
    kept.refresh_from_db()
    assert named.title == named.generated_title == "Daejeon Mayor meets the Ambassador of Finland"
    assert kept.title == "Oulu delegation's spring visit" and kept.generated_title == ""


def test_documents_without_a_title_take_their_headline():
    result = ingest_text(RELEASE, published="2025-06-05", actor="bot:test-ingest")
    assert result.document.title == "Tongyeong and Cebu Agree to Expand Fisheries Exchange"
    given = ingest_text(RELEASE.replace("Fisheries", "Fishery"), title="Fisheries exchange with Cebu",
                        actor="bot:test-ingest")
    assert given.document.title == "Fisheries exchange with Cebu"
    Document.objects.filter(pk=result.document.pk).update(title="")  # saved untitled by an older version
    migration = importlib.import_module("amity.sources.migrations.0005_title_documents_from_headline")
    migration.title_from_headline(apps, None)
    assert Document.objects.get(pk=result.document.pk).title == "Tongyeong and Cebu Agree to Expand Fisheries Exchange"
    assert Document.objects.get(pk=given.document.pk).title == "Fisheries exchange with Cebu"
