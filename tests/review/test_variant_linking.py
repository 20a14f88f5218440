"""Organizations and alliances written another way link at ingest when the duplicate finder's score
is high, both ways round; uncertain variants are left to review as duplicate candidates."""

import pytest

from amity.registry import models as m
from amity.registry import services
from amity.sources.linking import CERTAIN, POSSIBLE, link_alliance, link_organization

pytestmark = pytest.mark.django_db

ACTOR = "user:test-variant-links"


def _place(name):
    return services.create(m.Place, name=name, kind="city", country_code="KR", actor=ACTOR)


def _org(name, place=None, kind="other"):
    return services.create(m.Organization, name=name, kind=kind, place=place, actor=ACTOR)


@pytest.mark.parametrize("stored, written", [
    ("Busan-Fukuoka Forum", "Fukuoka-Busan Forum"),
    ("Fukuoka-Busan Forum", "Busan-Fukuoka Forum"),
])
def test_the_same_words_in_another_order_link_either_way(stored, written):
    forum = _org(stored)
    link = link_organization({"name": written})
    assert link is not None and link.record == forum and link.score >= CERTAIN
    assert "another order" in link.explanation


def test_a_qualifier_more_is_uncertain_and_scored_alike_both_ways():
    busan = _place("Busan-test")
    general = _org("Chinese Consulate General in Busan", busan, "consulate")
    short = link_organization({"name": "Chinese Consulate in Busan", "place": "Busan-test"})
    assert short is not None and short.record == general and POSSIBLE <= short.score < CERTAIN
    services.delete(general, actor=ACTOR)
    plain = _org("Chinese Consulate in Busan", busan, "consulate")
    long = link_organization({"name": "Chinese Consulate General in Busan", "place": "Busan-test"})
    assert long.record == plain and long.score == pytest.approx(short.score)


def test_namesakes_in_other_cities_and_other_bodies_do_not_link():
    _org("Chamber of Commerce and Industry", _place("Changwon-test"))
    assert link_organization({"name": "Chamber of Commerce and Industry of Ulsan", "place": "Ulsan"}) is None
    moved = link_organization({"name": "Industry and Commerce Chamber", "place": "Ulsan-test"})
    assert moved is None or moved.score < CERTAIN  # another order, but another city
    _org("Consulate of Japan in Busan")
    assert link_organization({"name": "Consulate of China in Busan"}) is None


def test_an_alliance_written_another_way_links():
    rim = services.create(m.Alliance, name="East Sea Rim Mayors Forum", actor=ACTOR)
    link = link_alliance({"name": "Mayors Forum East Sea Rim"})
    assert link is not None and link.record == rim and link.score >= CERTAIN
    assert link_alliance({"name": "Yellow Sea Rim Mayors Forum"}) is None or \
        link_alliance({"name": "Yellow Sea Rim Mayors Forum"}).score < CERTAIN
