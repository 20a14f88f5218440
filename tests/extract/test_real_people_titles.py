"""People as real news pages write them: lower-case titles before "of <place> <name>", names with
glued initials, envoys posted to a country, and words that end a place's name after a title. The
fixtures are written for these tests in the style of news sites; the assertions are what a reader
takes from them."""

from __future__ import annotations

import pytest

from amity.extract import extract

NEWS = """Latest News | World
Twin cities renew ties

On Friday, the mayor of Vilnius Ona Petraitytė and the mayor of Warsaw Ewa Zielińska-Nowak put their names to a
cooperation agreement. Later in the week the guests held talks with
vice governor of Osaka Prefecture Hiroshi Tanabe and deputy mayor of Kyoto Kenta Morimoto.
Guests were welcomed by Mayor Mr D.Ganbold of Ulaanbaatar and the Mayor of Freiburg, Stefan K.L Brandt, in
the council chamber.
Students from Thailand will stand with the Thai Ambassador to Canada, Somchai Rattanakul, and the
Canadian Consul General in Chiang Mai, Karen Doyle, at the opening.
Pichai Srisuk, Thailand Consul General in Chengdu, Li Ming and others attended.
Paul Hart, former chairman of Leeds Twin Sister Cities, also spoke.
"""


@pytest.fixture(scope="module")
def news():
    return extract(NEWS, "2024-05-10")


def _people(result) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.title, p.of) for p in result.people}


def test_lower_case_title_of_a_place_then_the_name(news):
    people = _people(news)
    assert people["Ona Petraitytė"] == ("Mayor", "Vilnius")
    assert people["Ewa Zielińska-Nowak"] == ("Mayor", "Warsaw")
    # "... Hiroshi Tanabe and deputy mayor ...": the second title starts a second person
    assert people["Hiroshi Tanabe"][0] == "Vice Governor"
    assert people["Kenta Morimoto"] == ("Deputy Mayor", "Kyoto")


def test_initials_glued_to_the_name_are_part_of_it(news):
    people = _people(news)
    assert "D.Ganbold" in people and "D" not in people
    assert people["Stefan K.L Brandt"] == ("Mayor", "Freiburg")


def test_an_envoy_represents_a_country_not_the_one_they_are_posted_to(news):
    people = _people(news)
    assert people["Somchai Rattanakul"][0] == "Ambassador"
    assert people["Somchai Rattanakul"][1] in ("Thai", "Thailand")
    assert people["Karen Doyle"][0] == "Consul General"


def test_the_word_ending_a_place_after_a_title_is_no_person(news):
    assert "Mai" not in _people(news)


def test_a_title_in_apposition_belongs_to_the_name_before_it(news):
    people = _people(news)
    assert people["Pichai Srisuk"][0] == "Consul General"
    assert people.get("Li Ming", (None, None))[0] is None


def test_the_name_of_a_twinning_body_is_no_person(news):
    assert not any("Sister" in name or "Cities" in name for name in _people(news))


MORE_TITLES = """Vilnius and Warsaw extend cooperation
On Tuesday the vice-mayor of Vilnius Jarosław Wiśniewski put his signature to a joint plan with Warsaw.
The visit was led by Anna Ruiz, Director Emeritus of the Leeds Twinning Association, and Tom Bell.
The BEITBRIDGE RDC Planning and Human Resources Development Officer Tendai Sibanda also spoke.
"""


@pytest.fixture(scope="module")
def more_titles():
    return extract(MORE_TITLES, "2024-05-10")


def test_a_town_name_inside_a_person_name_after_the_body(more_titles):
    # "Jaroslaw" is also a Polish town: after "of Vilnius" it is the given name
    assert _people(more_titles)["Jarosław Wiśniewski"] == ("Deputy Mayor", "Vilnius")


def test_role_words_are_never_taken_for_a_name(more_titles):
    names = set(_people(more_titles))
    assert not names & {"Emeritus", "Officer", "Development Officer", "Coordinator"}



def test_the_mayor_of_a_sister_city_of_x_is_not_the_mayor_of_x():
    text = ("Twelve officials from Durban, led by Mary Nkosi, mayor of the sister city of Lyon, arrived in Lyon "
            "on May 2, 2024. Nkosi then held talks with Lyon Mayor Paul Girard at City Hall.")
    people = _people(extract(text, "2024-05-03"))
    assert people["Mary Nkosi"] == ("Mayor", "Durban")
    assert people["Paul Girard"] == ("Mayor", "Lyon")


def test_a_city_whose_mayor_is_named_is_not_the_city_of_the_other_mayor():
    text = ("A delegation from Sasebo visited Xiamen this week.\n"
            "Zhuang Wei, mayor of Xiamen, met with Mayor Kenji Ota and the delegation members on Aug 1.")
    people = _people(extract(text, "2024-08-07"))
    assert people["Zhuang Wei"] == ("Mayor", "Xiamen")
    assert people["Kenji Ota"] == ("Mayor", "Sasebo")


def test_a_title_then_name_in_a_semicolon_list():
    text = ("The delegation will consist of three people: Durban Executive Mayor, Thandi Zulu; the municipal "
            "manager, Ben Moyo; and a councillor.")
    people = _people(extract(text, "2024-05-10"))
    assert people["Thandi Zulu"][0] == "Mayor"


def test_a_mayor_belongs_to_a_city_not_to_the_country_named_in_the_description():
    text = ("Mutare City Council will sign twinning agreements this year. Grace Ndlovu, the mayor of Zimbabwe's "
            "fourth biggest city, said the ties will help trade.")
    people = _people(extract(text, "2024-06-06"))
    assert people["Grace Ndlovu"][0] == "Mayor"
    assert people["Grace Ndlovu"][1] != "Zimbabwe"
