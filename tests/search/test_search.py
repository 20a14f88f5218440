"""The search service: names in all their variants, article text, filters, and an index that follows changes."""

import pytest

from amity.registry import models as m
from amity.registry import services
from amity.search import Filters, rebuild, refresh, search
from amity.search.models import SearchEntry
from amity.sources.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    import json
    from importlib import resources

    from amity.transfer import import_registry

    import_registry(json.loads(resources.files("amity").joinpath("demo/registry.json").read_text("utf-8")),
                    actor="bot:demo")


def kinds(results):
    return {(r.kind, r.title) for r in results}


def test_finds_people_by_any_variant_of_their_name(demo):
    for query in ("Park Hyung-jun", "Heong-jun", "Mayor Park", "park heong"):
        assert ("person", "Heong-jun Park") in kinds(search(query)), query


def test_finds_records_by_the_names_of_what_they_involve(demo):
    titles = [r.title for r in search("Koper", Filters(kind="agreement"))]
    assert any("Busan and Koper" in t for t in titles)


def test_finds_reference_places_the_registry_does_not_use(demo):
    results = search("Daegu")
    assert any(r.kind == "place" and r.title.startswith("Daegu") for r in results)


def test_korean_names(demo):
    results = search("부산")
    assert any(r.kind == "place" and r.title.startswith("Busan") for r in results)


def test_full_text_of_articles_with_a_highlighted_snippet(demo):
    Document.objects.create(text="The two mayors discussed a ferry route and a joint marathon.", title="Ferry talks",
                            published="2024-04-02")
    results = search("marathon")
    assert results[0].kind == "document"  # (a town called Marathon comes after)
    assert "\x02marathon\x03" in results[0].snippet


def test_filters_by_type_country_date_and_field(demo):
    assert {r.kind for r in search("Busan", Filters(kind="engagement"))} == {"engagement"}
    assert search("Haeoreum", Filters(country="KR"))
    assert not [r for r in search("Haeoreum", Filters(country="SI")) if r.kind == "alliance"]
    in_2024 = search("", Filters(kind="engagement", date_from="2024", date_to="2024"))
    assert [r.title for r in in_2024] == [e for e in [r.title for r in in_2024] if "workshop" in e]
    assert len(in_2024) == 1
    assert search("", Filters(kind="agreement", field="ports_logistics"))
    assert not search("", Filters(kind="agreement", field="sports"))
    assert not search("", Filters(date_from="not a date", kind="nothing"))


def test_the_index_follows_edits_deletions_and_new_records(demo):
    refresh()
    engagement = m.Engagement.objects.get(title__contains="Ambassador")
    services.update(engagement, outcome="Agreed on a sister-port memorandum", actor="user:test")
    assert [r.object_id for r in search("memorandum")] == [engagement.pk]
    person = services.create(m.Person, name="Kim Minji", aliases=["Min-ji Kim"], actor="user:test")
    assert ("person", "Kim Minji") in kinds(search("Min-ji"))
    services.delete(person, actor="user:test")
    assert ("person", "Kim Minji") not in kinds(search("Min-ji"))


def test_a_new_party_makes_its_place_searchable_and_updates_the_agreement(demo):
    refresh()
    agreement = m.Agreement.objects.get(title__contains="Koper")
    gimhae = m.Place.objects.get(name="Gimhae")
    services.create(m.AgreementParty, agreement=agreement, place=gimhae, actor="user:test")
    assert any(r.kind == "agreement" for r in search("Gimhae"))
    assert SearchEntry.objects.filter(kind="place", object_id=gimhae.pk).exists()


def test_rebuild_and_odd_queries(demo):
    assert rebuild() > 5
    assert len(search("")) > 5  # an empty query browses
    assert search("\"'*():^-") == []  # punctuation only: nothing to match, no error
    assert search("NEAR( OR AND") is not None
    assert search("x" * 500) == []


def test_results_show_dates_as_they_are_known(demo):
    from amity.search.service import describe_span

    assert describe_span("2016-01-01", "2016-12-31") == "2016"
    assert describe_span("2016-06-01", "2016-06-30") == "2016-06"
    assert describe_span("2016-06-22", "2016-06-22") == "2016-06-22"
    assert describe_span("2023-06-01", "2023-10-13") == "2023-06-01 – 2023-10-13"
    assert describe_span("", "") == ""
    alliance = [r for r in search("Haeoreum") if r.kind == "alliance"][0]
    assert alliance.when == "2016-06"
