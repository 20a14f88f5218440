"""Agreements as real press releases write them: a province and a state joined by "and", several
instruments listed with their years, and a new partner named after "the agreement". The fixtures
are written for these tests in the style of provincial press pages; the assertions are what a
reader takes from them."""

from __future__ import annotations

import pytest

from amity.extract import extract

PROVINCE_PAGE = """Press Releases | International Relations
Jeollanam Province and Oregon renew ties

Jeollanam Province and Oregon established their sister relationship in 1996.
Over the years the two added the Memorandum of Understanding on Port Logistics (2001), the Memorandum of Understanding on Student Visits (2009), and the Memorandum of Understanding on Wind Power (2019), widening the partnership each time.
"""

CITY_PAGE = """News
Suncheon signs sister city agreement with Hefei

On the 5th, Suncheon City signed a sister city agreement with Hefei City.
Officials noted it is the city's first new exchange agreement in China since a Memorandum of Understanding (MOU) with Yangzhou City in 2018.
"""


def _agreements(result):
    return [(a.type, sorted(p.name for p in a.parties), a.date) for a in result.agreements]


@pytest.fixture(scope="module")
def province_page():
    return extract(PROVINCE_PAGE, "2024-10-01")


def test_a_province_and_a_state_joined_by_and_are_two_parties(province_page):
    assert ("sister_city", ["Jeollanam Province", "Oregon"], "1996") in _agreements(province_page)


def test_instruments_listed_with_years_are_one_agreement_each(province_page):
    mous = sorted(date for kind, _parties, date in _agreements(province_page) if kind == "mou")
    assert mous == ["2001", "2009", "2019"]
    assert all(parties == ["Jeollanam Province", "Oregon"] for kind, parties, _ in _agreements(province_page))


def test_a_partner_named_after_the_agreement_is_a_new_agreement():
    found = [(kind, [p.replace(" City", "") for p in parties], date) for kind, parties, date in
             _agreements(extract(CITY_PAGE, "2024-11-06"))]
    assert [(kind, parties) for kind, parties, _ in found if kind == "sister_city"] == [("sister_city", ["Hefei", "Suncheon"])]
    # "the first exchange agreement" refers back, but the MOU "with Yangzhou City" is a tie of its own
    assert ("mou", ["Suncheon", "Yangzhou"], "2018") in found


PARTNER_COUNT = """OSLO – The cities of Bergen and Lublin will soon sign a twinning agreement, NTB reported on Monday.
He added that Bergen keeps sister city agreements with 6 cities and sits in 4 networks.
To date, the city has agreements in place with Seattle, Asheville, Rostock, Turku, and Quebec, he said.
"""


def test_a_counted_tie_and_the_list_that_follows_are_one_agreement_per_partner():
    result = extract(PARTNER_COUNT, "2024-03-04")
    found = _agreements(result)
    for partner in ("Seattle", "Asheville", "Rostock", "Turku", "Quebec"):
        assert ("sister_city", sorted(["Bergen", partner]), None) in found
    # the dateline city in capitals is where the report was written, not a party
    assert not any("Oslo" in parties for _kind, parties, _ in found)
    planned = [a for a in result.agreements if sorted(p.name for p in a.parties) == ["Bergen", "Lublin"]]
    assert [(a.type, a.status) for a in planned] == [("sister_city", "planned")]


def test_a_memorandum_of_partnership_is_an_mou():
    text = ("The Mayors' Club Moldova and the Alliance of Baltic Mayors put their names to a Memorandum of "
            "Partnership in Chisinau on Tuesday to pool their work on rebuilding towns.")
    assert [a.type for a in extract(text, "2024-02-01").agreements] == ["mou"]
