"""Organization names as real pages write them: where a name with "and" or "in" ends, and the
outlets named only in credits and wire datelines. The fixtures are written for these tests in the
style of news sites and city pages; the assertions are what a reader takes from them."""

from __future__ import annotations

import pytest

from amity.extract import extract

RELEASE = """Home > News > International
Lakeview signs twinning accord with Osaka

2024-03-11      Source: harbourtimes.com

OSAKA, March 11, 2024 /CityWire/ -- A delegation from Lakeview was welcomed by officials of
the Chinese Embassy in Japan and the Embassy of Canada in Korea before the signing in Osaka.
The Danish Embassy in Lisbon sent a message of support.
Mayor Tom Reyes is accompanied by Planning and Budget Dept. Head, Ana Cruz; Culture and Tourism Bureau Head,
Ben Ortiz; and the Regional and Foreign Cooperation Bureau.
Staff of the Asia and Pacific Department joined them.
The Hubli and Dharwad Municipal Corporation also sent a delegation.
Brazil and Putrajaya Corporation signed a separate deal.

[Photo by harbourtimes.com]
The harbour at dusk (Photo: Maria Lopes via Harbour Archive)
Mayor Reyes at the ceremony (Photo: Ken Ito)
signing_ceremony.jpg
For more, see the association's site (www.lakeviewtwinning.org).
"""

NEWSWIRE = """Mayors' Declaration on Clean Ports

Seoul--(Kwire)--The mayors of Seoul and Prague signed a joint declaration on clean ports.
"""


@pytest.fixture(scope="module")
def release():
    return extract(RELEASE, "2024-03-11")


def _names(result) -> set[str]:
    return {o.name for o in result.organizations}


def test_an_embassy_in_a_country_keeps_the_country_in_its_name(release):
    names = _names(release)
    assert {"Chinese Embassy in Japan", "Embassy of Canada in Korea"} <= names
    # in a city, the city only says where the embassy sits
    assert "Danish Embassy" in names
    assert not any("Lisbon" in n for n in names)


def test_a_name_joined_by_and_is_one_body(release):
    names = _names(release)
    assert {"Planning and Budget Dept.", "Culture and Tourism Bureau", "Regional and Foreign Cooperation Bureau",
            "Asia and Pacific Department", "Hubli and Dharwad Municipal Corporation"} <= names
    assert not names & {"Budget Dept.", "Tourism Bureau", "Foreign Cooperation Bureau", "Pacific Department",
                        "Dharwad Municipal Corporation"}


def test_a_country_before_and_is_not_part_of_the_body(release):
    assert "Putrajaya Corporation" in _names(release)
    assert "Brazil and Putrajaya Corporation" not in _names(release)


def test_credits_and_wires_name_the_outlet(release):
    names = _names(release)
    assert {"harbourtimes.com", "CityWire", "Harbour Archive"} <= names


def test_a_person_file_or_site_address_in_a_credit_is_no_body(release):
    names = _names(release)
    assert not any("Ken Ito" in n or "Maria Lopes" in n or ".jpg" in n or "www." in n for n in names)


def test_a_korean_style_newswire_dateline_names_the_wire():
    result = extract(NEWSWIRE, "2005-03-29")
    assert "Kwire" in _names(result)
    assert not {"Seoul", "Prague"} & _names(result)


NETWORK_PAGE = """News | Members
Mayors meet in Rabat

The Secretariat of UCLG Africa announced that the Executive Committee met in Rabat, Morocco.
In Kigali next month, the Pan-African Council of UCLG Africa holds its session.
Cities of the Baltic coast met in Gdynia.
The Board of the Union of the Baltic Cities and the UBC Executive Board approved the budget. The Council of Europe sent an observer.
Delegates of NEAR and ICLEI also attended.
"""


@pytest.fixture(scope="module")
def network_page():
    return extract(NETWORK_PAGE, "2024-06-01")


def test_an_organ_of_a_named_body_is_recorded_as_the_body(network_page):
    names = _names(network_page)
    assert {"UCLG Africa", "Union of the Baltic Cities"} <= names
    assert not any(n.startswith(("Secretariat", "Pan-African Council", "Board of", "UBC Executive")) for n in names)
    assert "Council of Europe" in names  # an organ word before a place is the name of a body of its own


def test_city_networks_named_by_short_name_are_alliances(network_page):
    alliances = {a.name for a in network_page.alliances}
    assert {"UCLG Africa", "Union of the Baltic Cities", "NEAR", "ICLEI"} <= alliances
    assert "Council of Europe" not in alliances


BODIES_AND_OCCASIONS = """Home | About Us | News
Water cooperation talks

Officials of the General Authority of Water Provision met staff of the Embassy of Peru in Korea.
Posted:2024-05-30 Writer:Ana Ruiz From:Department of Water AffairsPrintingSize:LargeMediumSmall
The Embassy of Peru thanked the hosts, and the Lima Municipal Mayoral Office and the City Government
Office sent greetings.
The Summer Davos Forum and the Ninth Nishan Forum on World Civilizations were also discussed, as was the
Twin City Forum next spring. The Busan-Fukuoka Forum and the Social Economy Forum (SEF) sent members.
"""


@pytest.fixture(scope="module")
def bodies_page():
    return extract(BODIES_AND_OCCASIONS, "2024-06-01")


def test_a_page_label_glued_to_a_name_is_cut_off(bodies_page):
    names = _names(bodies_page)
    assert "Department of Water Affairs" in names
    assert not any("Printing" in n for n in names)


def test_general_before_a_head_word_is_part_of_the_name(bodies_page):
    assert "General Authority of Water Provision" in _names(bodies_page)
    assert "Authority of Water Provision" not in _names(bodies_page)


def test_an_embassy_named_short_and_in_full_is_one_body(bodies_page):
    embassies = [o for o in bodies_page.organizations if "Embassy" in o.name]
    assert [o.name for o in embassies] == ["Embassy of Peru in Korea"]


def test_offices_of_a_city_government_are_no_organization(bodies_page):
    assert not any("Office" in n for n in _names(bodies_page))


def test_a_forum_is_an_occasion_unless_places_or_an_acronym_name_it(bodies_page):
    names = _names(bodies_page)
    assert not names & {"Ninth Nishan Forum on World Civilizations", "Summer Davos Forum", "Twin City Forum"}
    assert {"Busan-Fukuoka Forum", "Social Economy Forum"} <= names


def test_a_city_sister_cities_association_is_an_organization_not_an_alliance():
    text = ("Mark Lane, former chairman of Leeds Twin Sister Cities, spoke. The trip was led by Ann Cole, "
            "Director of Austin Sister Cities, and the mayor.")
    result = extract(text, "2024-06-01")
    assert {"Leeds Twin Sister Cities", "Austin Sister Cities"} <= _names(result)
    assert not result.alliances
