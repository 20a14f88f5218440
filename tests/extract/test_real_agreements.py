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
Since then, through agreements such as the Memorandum of Understanding on Trade Promotion (2001), the Memorandum of Understanding on Youth Exchange (2009), and the Memorandum of Understanding on Clean Energy (2019), the cooperation has grown step by step.
"""

CITY_PAGE = """News
Suncheon signs sister city agreement with Hefei

On the 5th, Suncheon City signed a sister city agreement with Hefei City.
This is the first exchange agreement with a Chinese city in six years since the Memorandum of Understanding (MOU) with Yangzhou City in 2018.
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
