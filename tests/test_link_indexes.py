"""The in-memory indexes linking asks instead of the database: they find what the database
filters found, follow the registry as it changes, and extraction runs outside the document's
transaction (so one writer's extraction never holds the database's write lock).
"""

import pytest
from django.db import connection
from django.db.models import Q

from amity.registry import services
from amity.registry.models import Organization, Person, Place
from amity.sources.matching import family_variants
from amity.sources.registry_index import ORGANIZATIONS, PEOPLE, PLACE_CODES, looked_up_together

pytestmark = pytest.mark.django_db

ACTOR = "user:test-link-indexes"


def _database_candidates(variants: set[str]) -> set[int]:
    """What person linking asked the database before the index (matching.person_candidates' filter)."""
    query = Q()
    for variant in variants:
        query |= Q(family_name__iexact=variant)
        if not variant.isascii():
            query |= Q(name__startswith=variant)
        elif len(variant) >= 3:
            query |= Q(name__icontains=variant) | Q(aliases__icontains=variant)
        else:
            query |= Q(name__istartswith=f"{variant} ") | Q(name__iendswith=f" {variant}")
    return set(Person.objects.filter(query).values_list("pk", flat=True))


def test_person_candidates_from_the_index_are_those_the_database_filter_finds():
    people = [("Kim Young-sam", ["Mayor Kim"]), ("Kimberly Oh", []), ("Oh Se-hoon", []), ("Johan Ohlsson", []),
              ("Yi Jae-myung", ["이재명"]), ("이재명", []), ("김영삼", ["Kim Young Sam"]), ("Park Heong-jun", []),
              ("Anna Berg", ["Anna Kimura"]), ("Lee Hee-seop", ["Rhee Hee Seop"])]
    for name, aliases in people:
        services.create(Person, name=name, aliases=aliases, actor=ACTOR)
    existing = set(Person.objects.values_list("pk", flat=True))  # rows of rolled-back tests may linger unchecked
    for written in ["Kim Young-sam", "Mayor Oh", "Yi Jae-myung", "이재명", "Park Hyung-joon", "Rhee Hee-sup",
                    "Anna Berg", "Mayor Kim"]:
        variants = family_variants(written)
        assert {pk for pk, *_ in PEOPLE.candidates(variants)} & existing == _database_candidates(variants), written


def test_indexes_follow_creates_renames_and_deletes():
    assert ORGANIZATIONS.named(["Pohang Hydrogen Cluster Foundation"]) == []
    foundation = services.create(Organization, name="Pohang Hydrogen Cluster Foundation", actor=ACTOR)
    assert ORGANIZATIONS.named(["pohang hydrogen cluster foundation."]) == [foundation]
    services.update(foundation, aliases=["PHCF"], actor=ACTOR)
    assert ORGANIZATIONS.named(["PHCF"]) == [foundation]

    mayor = services.create(Person, name="Gwon Ha-neul", actor=ACTOR)
    assert mayor.pk in {pk for pk, *_ in PEOPLE.candidates(family_variants("Gwon Ha-neul"))}
    services.update(mayor, name="Seo Ha-neul", actor=ACTOR)
    assert mayor.pk not in {pk for pk, *_ in PEOPLE.candidates(family_variants("Gwon Ha-neul"))}
    services.delete(mayor, actor=ACTOR)
    assert mayor.pk not in {pk for pk, *_ in PEOPLE.candidates(family_variants("Seo Ha-neul"))}

    town = services.create(Place, name="Nowhere-on-Sea", kind="city", country_code="GB", geonames_id=987654321,
                           actor=ACTOR)
    assert PLACE_CODES.place_id("geonames_id", 987654321) == town.pk
    services.delete(town, actor=ACTOR)
    assert PLACE_CODES.place_id("geonames_id", 987654321) is None


def test_lookups_of_one_batch_read_the_change_log_once(django_assert_max_num_queries):
    ORGANIZATIONS.named(["anything"])  # built before counting
    with django_assert_max_num_queries(1), looked_up_together():
        for name in ["Busan Foundation", "Ulsan Port Authority", "Gyeongju Culture Foundation"]:
            assert ORGANIZATIONS.named([name]) == []


def test_extraction_runs_outside_the_documents_transaction(monkeypatch):
    from amity.review.intake import ingest_text
    from amity.sources import ingest

    seen = []
    real = ingest.extract_plain

    def watching(values):
        # pytest-django runs each test in a transaction; ingest's own would be a savepoint in it.
        seen.append(len(connection.savepoint_ids))
        return real(values)

    monkeypatch.setattr(ingest, "extract_plain", watching)
    result = ingest_text("Mayor Anna Berg of Uppsala met Mayor Hong Nam-pyo of Changwon at Changwon City Hall "
                         "on 4 March 2025 to discuss student exchanges.", actor=ACTOR)
    assert result.created and result.claims
    assert seen == [0]


def test_a_log_that_lost_entries_rebuilds_the_indexes():
    """Tables emptied and reference data loaded again (bulk, so without log entries) — between
    tests, or a restore — leave no stale ids behind: the place found by its code is the new row."""
    from amity.core.models import ChangeLog

    old = services.create(Place, name="Haeseong-test", kind="city", country_code="KR", geonames_id=990001, actor=ACTOR)
    assert PLACE_CODES.place_id("geonames_id", 990001) == old.pk
    ChangeLog.objects.filter(object_id=old.pk).delete()  # the log loses the entries the index last saw
    Place.objects.filter(pk=old.pk).delete()
    [new] = Place.objects.bulk_create([Place(name="Haeseong-test", kind="city", country_code="KR", geonames_id=990001)])
    assert PLACE_CODES.place_id("geonames_id", 990001) == new.pk != old.pk


def test_places_sharing_a_name_link_the_most_populous_and_follow_a_changed_population():
    from amity.sources.linking import place_by_name

    small = services.create(Place, name="Springvale-test", kind="city", country_code="AU", population=900,
                            actor=ACTOR)
    large = services.create(Place, name="Springvale-test", kind="city", country_code="AU", population=40_000,
                            actor=ACTOR)
    link = place_by_name("springvale-test", "AU")
    assert (link.pk, link.record, link.score) == (large.pk, large, 0.7) and "2 places share it" in link.explanation
    services.update(small, population=90_000, actor=ACTOR)
    assert place_by_name("Springvale-test", "AU").pk == small.pk
    assert place_by_name("springvale test", "AU").pk == small.pk  # a variant: the country's variants loaded
    services.update(small, aliases=["Springvale North-test"], actor=ACTOR)
    other = services.create(Place, name="Otherton-test", aliases=["Springvale South-test"], kind="city",
                            country_code="NZ", actor=ACTOR)
    # Any country: the variants of the countries not loaded yet are loaded, those loaded kept current.
    assert place_by_name("springvale north test", None).pk == small.pk
    assert place_by_name("SPRINGVALE SOUTH TEST", None).pk == other.pk
    services.delete(small, actor=ACTOR)
    link = place_by_name("Springvale-test", "AU")
    assert (link.pk, link.score) == (large.pk, 0.95)
