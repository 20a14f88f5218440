"""Places as real pages write them: page labels and job words that are also small towns, names
written with their accents, venues and treaties named after a city, and a city beside its
same-named province. The fixtures are written for these tests in the style of city pages and
news sites; the assertions are what a reader takes from them."""

from __future__ import annotations

import pytest

from amity.extract import extract

NOTICE = """Sister city news
Created 2024-05-02 Hit 27

The mayor of Wollongong and the Harbour Shire Council Chief Executive Officer Dana Byrne met
in Sydney, Australia, to discuss traffic in Metro Davao with visiting officials.
A delegation from Trenčín joined them.
"""


@pytest.fixture(scope="module")
def notice():
    return extract(NOTICE, "2024-05-02")


def _places(result) -> set[str]:
    return {p.name for p in result.places}


def test_page_labels_and_job_words_are_not_towns(notice):
    places = _places(notice)
    assert {"Wollongong", "Sydney"} <= places
    # "Hit 27" is the page's view counter, "Officer" ends a job title, "Metro" prefixes an area
    assert not places & {"Hit", "Hīt", "Officer", "Metro"}


def test_a_town_written_with_its_accents_is_taken(notice):
    # no ordinary English word is spelt "Trenčín": the accents are evidence of the place
    assert "Trenčín" in _places(notice)


TOUR = """Delegation from Ljubljana tours Korea

The delegation from Ljubljana, Slovenia, landed at Gimpo Airport on Monday and toured Hwaseong
Palace. A dinner was held at Suwon Hwaseong Haenggung, where both sides recalled the 2015 Paris
Agreement and the Trans-Balkan railway plan.
"""


def test_a_city_named_only_in_a_venue_or_a_treaty_is_not_mentioned():
    places = _places(extract(TOUR, "2024-05-07"))
    assert {"Ljubljana", "Suwon"} <= places  # Suwon is where the palace stands
    assert not places & {"Gimpo", "Hwaseong", "Paris"}


REGIONS = """Chungcheongnam province signs with a German state

Officials of Chungcheongnam province met a delegation from Bavaria and from Baden-Württemberg
in Hongseong on Tuesday.
"""


def test_a_korean_province_without_its_do_and_german_states_by_their_english_names():
    places = {p.name: p for p in extract(REGIONS, "2024-05-08").places}
    assert places["Chungcheongnam province"].country == "KR"
    assert places["Bavaria"].country == "DE"
    assert places["Baden-Württemberg"].country == "DE"


TWO_OF_ONE_NAME = """Hai Duong province welcomes Jeju guests

The People’s Committee of Hai Duong province received a delegation from Jeju Province at a
ceremony in Hai Duong city on June 2. Officials of Jeju City also attended.
"""


def test_a_city_and_its_same_named_province_are_two_places():
    places = extract(TWO_OF_ONE_NAME, "2024-06-03").places
    hai_duong = [p for p in places if p.name.startswith("Hai Duong")]
    jeju = [p for p in places if p.name.startswith("Jeju")]
    assert len(hai_duong) == 2 and len(jeju) == 2
    assert {p.kind for p in hai_duong} == {"province", "city"}


def test_a_family_name_before_a_hyphenated_given_name_is_a_person_not_a_town():
    text = ("Taichung welcomes Ohio delegation\n\nThe delegation met Deputy Mayor Lin Hsiu-mei and "
            "Yao Ching-wen, head of the Economic Development Bureau, in Taichung. They also toured Jung-gu.")
    places = _places(extract(text, "2024-06-03"))
    assert "Taichung" in places
    assert "Yao" not in places


TWINNING = """Twinning news

Plouvenec has been twinned with Ballycarra since 1999; pupils from the Irish town of Ballycarra visit. The communes of
Plouvenec and Ballycarra, in the west of Ireland, County Carrowmore, meet every summer.
This spring the Mayor was invited by Saint-Aubin's twinned council, Castelvero (Province of Como),
for its anniversary.
"""


def test_small_towns_known_from_how_twinning_pages_write_them():
    places = {p.name: p for p in extract(TWINNING, "2024-06-03").places}
    for town in ("Plouvenec", "Ballycarra", "Saint-Aubin", "Castelvero", "Carrowmore"):
        assert town in places, town
    assert places["Ballycarra"].country == "IE"  # "the Irish town of"
    assert places["Castelvero"].country == "IT"  # the province it lies in
    assert places["Carrowmore"].country == "IE"  # "Ireland, County Carrowmore"
    assert "Ireland" not in places  # a country is not a town of the list


def test_japanese_wards_and_towns_by_their_designators_and_city_kinds_are_no_names():
    text = ("The delegation visited Naka-ku and Kita Ward in Nagoya, then Obuse-machi. "
            "Japan's Leading Agricultural City and a Learning City greeted the guests.")
    places = {p.name: p for p in extract(text, "2024-05-01").places}
    assert places["Naka-ku"].country == "JP" and places["Naka-ku"].kind == "district"
    assert places["Kita Ward"].kind == "district"
    assert "Obuse-machi" in places
    assert not {"Agricultural City", "Learning City"} & set(places)


def test_towns_in_a_list_of_places_are_places():
    text = ("Lakeview now holds agreements with Xi'an, Freiburg, Florence, Havana, Lahore, "
            "Yashvenko, Barcelona, Baalbek and Dakar, the mayor said. Mr. Florence Ode, Kim and Lee attended.")
    places = _places(extract(text, "2024-05-01"))
    assert {"Freiburg", "Havana", "Barcelona", "Dakar"} <= places
    # not known to the gazetteer, read as a first name, or too small to take alone: the list says so
    assert {"Florence", "Yashvenko", "Baalbek"} <= places
    assert not places & {"Kim", "Lee", "Florence Ode"}


def test_where_something_happened_is_a_place_but_a_hotel_is_not():
    text = ("The guests arrived in Portmaren on Sunday. The dinner was held in Grandview Hotel, and the "
            "forum was held in Kelvale.")
    places = _places(extract(text, "2024-05-01"))
    assert {"Portmaren", "Kelvale"} <= places
    assert not any("Hotel" in p for p in places)


def test_two_towns_naming_the_ends_of_a_railway_are_the_project_not_places():
    text = ("Ha Noi asked Beijing for support in building the Long Bien-Gia Lam urban railway project, "
            "the Ha Noi People's Committee said.")
    places = _places(extract(text, "2024-05-01"))
    assert not places & {"Long Bien", "Gia Lam"}


def test_a_town_listed_among_one_countrys_towns_takes_that_country():
    text = "Da Nang keeps ties with Nagasaki, Shizuoka, Fukuoka, Kushiro, Tsuyamachi and Narita in Japan."
    places = {p.name: p for p in extract(text, "2024-05-01").places}
    assert places["Tsuyamachi"].country == "JP"
