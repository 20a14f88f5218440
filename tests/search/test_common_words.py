"""A word found in more articles than are ranked (service.RANK_ALL): every matching record is still
found and ranked, and the articles shown are the best of the newest that match."""

import pytest
from django.db import connection

from amity.registry import models as m
from amity.search import Filters, search, service
from amity.sources.models import Document

pytestmark = pytest.mark.django_db

RELEASE = ("The harbour cities of {city} and Koper reviewed their ferry timetable on March {day}, 2024, "
           "and agreed to add a weekly crossing.")


@pytest.fixture
def harbour(monkeypatch):
    monkeypatch.setattr(service, "RANK_ALL", 3)
    authority = m.Organization.objects.create(name="Koper Harbour Authority", kind="government")
    for day, city in enumerate(["Trieste", "Rijeka", "Split", "Zadar", "Pula", "Venice"], start=1):
        Document.objects.create(text=RELEASE.format(city=city, day=day), title=f"{city} and Koper: ferries",
                                published=f"2024-03-{day:02d}", language="en")
    return authority


def test_a_record_is_found_although_the_word_is_in_more_articles_than_are_ranked(harbour):
    results = search("harbour")
    assert ("organization", harbour.pk) in {(r.kind, r.object_id) for r in results}
    assert search("harbour", Filters(kind="organization"))[0].object_id == harbour.pk


def test_only_the_newest_matching_articles_are_ranked(harbour):
    titles = {r.title for r in search("harbour", Filters(kind="document"))}
    if connection.vendor == "sqlite":  # PostgreSQL ranks every match with its GIN index
        assert titles == {"Zadar and Koper: ferries", "Pula and Koper: ferries", "Venice and Koper: ferries"}
    else:
        assert "Venice and Koper: ferries" in titles


def test_a_rarer_word_still_ranks_every_match(harbour):
    assert [r.title for r in search("trieste", Filters(kind="document"))] == ["Trieste and Koper: ferries"]
