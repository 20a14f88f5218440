"""English articles as real sites publish them: people and titles, organizations, places and
alliances, with the page furniture around them. The fixtures are written for these tests in the
style of city pages and news sites (menus above, bylines, credits, captions), and the assertions
are what a reader takes from them."""

from __future__ import annotations

import pytest

from amity.extract import extract
from amity.extract.text import clean, is_furniture

CITY_PAGE = """Skip to content
Home > News > Press Releases
Business News
News | Sister Cities
Tampere and Harbin Deepen Port Ties
Date: 2024-05-14
By Laura Mendes

Mayor of Tampere Anna Virtanen and the Mayor of Harbin, Dr Chen Liwei, signed a memorandum of
understanding on port logistics on Monday.
Port of Rotterdam President Jan de Wit and Harbin Port Group CEO Zhao Ming attended the signing
together with the Chinese People's Association for Friendship with Foreign Countries (CPAFFC).
Minister for Local Government, Mere Tuilagi says the agreement will help smaller cities too.
Executive Vice Governor LIU Wenjie of Heilongjiang Province also welcomed the delegation.
But Virtanen said more work lies ahead at the City Council.
The Iranian Embassy in Lisbon sent greetings, IRNA reported.
Participants at the ceremony (Photo: PNA)
Text Size
harbin_signing.jpg ( 412 kb)
"""

HEADLINE_AND_ENVOY = """CPAFFC Vice President Wang Hua Meets with Osaka Mayors Association Delegation
His Excellency Tomas Berg, Ambassador of Norway, joined the talks in Beijing.
Tiago Sousa, who heads the Lisbon office, said the 5th World Cities Forum will open in May.
"""

ALLIANCE_PAGE = """Mayors from the Union of Coastal Cities met in Gdynia, Poland.
Mrs. Ana Duarte, Mayor of Aveiro, Vice President of the Union of Coastal Cities, opened the session.
The Board of the Union of Coastal Cities approved new applications for membership submitted by the cities of Klaipeda and Parnu.
The Network of Elected Women of the Baltic also sent a message.
"""

PLACES_PAGE = """Date: 2023-09-02
The delegation from Wheeling, West Virginia, landed at the Airport and met officials in Daegu.
Officer training was held the same day.
"""


@pytest.fixture(scope="module")
def city_page():
    return extract(CITY_PAGE, "2024-05-14")


def _person(result, name):
    return next(p for p in result.people if p.name == name)


def _org_names(result):
    return {o.name for o in result.organizations}


# ------------------------------------------------------------------ people and titles

def test_title_of_place_then_name_without_comma(city_page):
    virtanen = _person(city_page, "Anna Virtanen")
    assert (virtanen.title, virtanen.of) == ("Mayor", "Tampere")
    chen = _person(city_page, "Chen Liwei")  # "the Mayor of Harbin, Dr Chen Liwei": not Tampere's
    assert (chen.title, chen.of) == ("Mayor", "Harbin")


def test_role_of_the_body_named_before_the_title(city_page):
    de_wit = _person(city_page, "Jan de Wit")
    assert (de_wit.title, de_wit.of) == ("President", "Port of Rotterdam")
    zhao = _person(city_page, "Zhao Ming")
    assert (zhao.title, zhao.of) == ("CEO", "Harbin Port Group")


def test_title_for_a_portfolio_then_name_and_verb(city_page):
    assert _person(city_page, "Mere Tuilagi").title == "Minister"


def test_family_name_in_capitals_and_compound_title(city_page):
    liu = _person(city_page, "LIU Wenjie")
    assert liu.title == "Vice Governor" and liu.of.startswith("Heilongjiang")


def test_several_names_under_one_plural_title():
    result = extract("On Friday, Galway Mayor Tom Keane along with Councillors Aoife Byrne, Declan Moran III "
                     "and Niamh Walsh signed the charter in Lorient.", "2024-05-14")
    members = {p.name: p.title for p in result.people}
    assert members == {"Tom Keane": "Mayor", "Aoife Byrne": "Council Member", "Declan Moran III": "Council Member",
                       "Niamh Walsh": "Council Member"}


def test_honorifics_are_not_names_and_a_city_is_not_a_surname():
    result = extract("Datuk Seri Aminah Yusof, the Chief Minister of Penang, greeted Mayor Tan Wei Ming of Ipoh.\n"
                     "Officials from Mayor Seoul's office also came.", "2024-05-14")
    people = {p.name: p.title for p in result.people}
    assert people == {"Aminah Yusof": "Chief Minister", "Tan Wei Ming": "Mayor"}


def test_byline_reporter_is_a_person(city_page):
    assert "Laura Mendes" in {p.name for p in city_page.people}


def test_sentence_initial_words_and_headline_verbs_are_not_names(city_page):
    headline = extract(HEADLINE_AND_ENVOY, "2024-05-14")
    names = {p.name for p in headline.people} | {p.name for p in city_page.people}
    assert "Wang Hua" in names and not any(n.endswith(" Meets") for n in names)
    assert not any(n.startswith(("But ", "Excellency ", "His ")) for n in names)
    berg = _person(headline, "Tomas Berg")
    assert (berg.title, berg.of) == ("Ambassador", "Norway")


# ------------------------------------------------------------------ organizations

def test_name_stops_before_role_and_person(city_page):
    names = _org_names(city_page)
    assert {"Port of Rotterdam", "Harbin Port Group"} <= names
    assert not any("President" in n or "CEO" in n or "Zhao" in n for n in names)


def test_name_is_not_cut_at_with_and_acronym_is_its_alias(city_page):
    full = next(o for o in city_page.organizations
                if o.name == "Chinese People's Association for Friendship with Foreign Countries")
    assert "CPAFFC" in full.aliases
    assert "CPAFFC" not in _org_names(city_page)


def test_acronym_only_outlets_and_agencies(city_page):
    names = _org_names(city_page)
    assert {"IRNA", "PNA"} <= names  # "IRNA reported", "(Photo: PNA)"
    dateline = extract("SEOUL, May 3 (Yonhap) -- Busan signed a pact with Lyon. Xinhua also reported it.")
    assert {"Yonhap", "Xinhua"} <= _org_names(dateline)
    committee = extract("The Plouay twinning committee welcomed its Irish friends. A Korean association sent flowers.")
    assert _org_names(committee) == {"Plouay twinning committee"}
    assert "Iranian Embassy" in names and "Iranian Embassy in Lisbon" not in names


def test_generic_phrases_occasions_and_furniture_are_not_organizations(city_page):
    names = _org_names(city_page)
    assert not names & {"City Council", "Business News", "News", "Sister Cities", "Text Size"}
    assert not any("Deepen" in n for n in names)  # the headline "Tampere and Harbin Deepen Port Ties"
    headline = extract(HEADLINE_AND_ENVOY, "2024-05-14")
    assert not any("Forum" in o.name for o in headline.organizations)  # "the 5th World Cities Forum"
    assert not any(o.name.endswith("Delegation") for o in headline.organizations)


# ------------------------------------------------------------------ places

def test_page_labels_and_ordinary_words_are_not_towns():
    result = extract(PLACES_PAGE)
    names = {p.name for p in result.places}
    assert {"Wheeling", "Daegu"} <= names  # a small town with its state written after it is kept
    assert not names & {"Date", "Airport", "Officer"}
    assert result.document.published == "2023-09-02"


# ------------------------------------------------------------------ alliances

def test_alliance_members_through_a_role_and_membership():
    result = extract(ALLIANCE_PAGE, "2024-02-01")
    union = next(a for a in result.alliances if a.name == "Union of Coastal Cities")
    members = {m.name for m in union.members}
    assert "Aveiro" in members  # its mayor is the union's vice president
    assert {"Klaipeda", "Parnu"} <= members
    names = {a.name for a in result.alliances}
    assert not any(n.startswith("Board of") for n in names)  # an organ of the union
    assert not any("Women" in n for n in names)  # its members are people, not cities


# ------------------------------------------------------------------ text cleaning

def test_page_furniture_is_blanked_in_place():
    cleaned = clean(CITY_PAGE)
    assert len(cleaned.text) == len(CITY_PAGE)
    for line in ("Skip to content", "Home > News > Press Releases", "Business News", "Text Size"):
        assert line not in cleaned.text
    assert "Mayor of Tampere Anna Virtanen" in cleaned.text
    assert cleaned.title == "Tampere and Harbin Deepen Port Ties"
    assert is_furniture("• Search : 84") and not is_furniture("Mayor Kim met the ambassador.")


def test_html_fragment_is_reduced_to_text():
    result = extract("<p>Mayor <strong>Kim Min-su</strong> of Busan met the <em>Consul General</em> of Peru.</p>")
    assert [p.name for p in result.people] == ["Kim Min-su"]
    assert "<" not in clean("<p>Busan &amp; <b>Lyon</b></p>").text


@pytest.mark.parametrize("line, published", [
    ("Date : 2024-10-02", "2024-10-02"),
    ("Published on 28/07/2024 | Editorial team", "2024-07-28"),
    ("Friday, August 30, 2013", "2013-08-30"),
    ("2018.10.30", "2018-10-30"),
])
def test_a_file_with_only_a_date_line_sets_the_publication_date(line, published):
    result = extract(line + "\n")
    assert result.document.published == published
    assert result.people == [] and result.organizations == []
