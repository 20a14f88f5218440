"""Which capitalised phrases on real pages are bodies: a people's committee that is the
government of its place, one council written two ways, an agency quoted in a dateline. The fixtures are written for these tests in the style of news agency and council pages."""

from __future__ import annotations

from amity.extract import extract

AGENCY = """Quang Tri expands ties with Chungcheongnam province

The People’s Committee of Quang Tri province and Chungcheongnam province signed a memorandum of
understanding in Dong Ha city on May 3. Secretary of the provincial Party Committee Le Van Hoa
said Quang Tri’s Party Committee backs the plan.
"""

COUNCIL = """Visit to our twinned town

The Mayor was invited by the Council of Lavena to its anniversary. She later met members of
the Lavena Council to discuss joint projects.
"""


def _names(result) -> set[str]:
    return {o.name for o in result.organizations}


def test_a_peoples_committee_of_a_place_is_the_place():
    names = _names(extract(AGENCY, "2024-05-04"))
    assert "Quang Tri’s Party Committee" in names  # named by its place: a body
    assert not any(n.startswith(("Committee of", "People")) for n in names)


def test_a_council_written_two_ways_is_one_body():
    orgs = extract(COUNCIL, "2024-05-04").organizations
    councils = [o for o in orgs if "Council" in o.name]
    assert len(councils) == 1
    assert councils[0].name == "Council of Lavena"
    assert "Lavena Council" in councils[0].aliases


WIRE = """Bishkek and Almaty sign a cooperation programme

ALMATY, 14.06.2019. /NIA “Kabar”/. The mayors of Bishkek and Almaty signed a cooperation
programme. They recalled the 2017 UEFA Super Cup held in the region and the 2011 OCA Asian
Winter Games.
"""


def test_an_agency_quoted_in_a_dateline_is_one_outlet_and_an_occasion_names_no_body():
    orgs = extract(WIRE, "2019-06-14").organizations
    names = {o.name for o in orgs}
    assert "NIA “Kabar”" in names
    assert "NIA" not in names  # the acronym is part of the outlet's name
    assert not names & {"UEFA", "OCA"}  # named only in the names of a cup and of games


def test_a_headline_in_capitals_names_no_body():
    text = ("LAKEVIEW AND OSAKA SIGN MOU ON PORT LOGISTICS\n\n"
            "The Lakeview Port Authority and the Osaka Port Corporation signed the MOU on Monday.")
    names = _names(extract(text, "2024-05-06"))
    assert {"Lakeview Port Authority", "Osaka Port Corporation"} <= names
    assert not any(n.isupper() and " " in n for n in names)
