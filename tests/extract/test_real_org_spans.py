"""Where an organization's name ends on real pages: before the role and the person that follow
it ("... University President Lee ..."), after a role holder standing before "and", and between
two outlets joined by "and". The fixtures are written for these tests in the style of city
news pages; the assertions are what a reader takes from them."""

from __future__ import annotations

from amity.extract import extract

GUESTS = """Guests at the Harbour Forum

Lakeview Chamber of Commerce and Industry Chairman Yang Min-seok and Hillcrest University President
Lee Hae-won attended. University of Marlow Rector Ana Vidmar and Eastport Port Authority President
Kim Do-hyun spoke. The event was covered by The Lakeview Times and Arirang TV.
"""


def _names() -> set[str]:
    return {o.name for o in extract(GUESTS, "2024-05-01").organizations}


def test_a_role_holder_before_and_is_not_part_of_the_next_body():
    names = _names()
    assert {"Lakeview Chamber of Commerce and Industry", "Hillcrest University", "University of Marlow",
            "Eastport Port Authority"} <= names
    assert not any("Yang" in n or "Rector" in n or "Vidmar" in n for n in names)


def test_two_outlets_joined_by_and_are_two_bodies():
    names = _names()
    assert {"The Lakeview Times", "Arirang TV"} <= names


def test_an_acronym_before_and_is_a_name_of_its_own():
    text = "Officials of KOICA and Lakeview Electronics and Hillcrest Motor joined the Busan meeting."
    names = {o.name for o in extract(text, "2024-05-01").organizations}
    assert {"KOICA", "Lakeview Electronics", "Hillcrest Motor"} <= names
    assert not any(" and " in n for n in names)


def test_the_outlet_of_a_copyright_line_is_named_without_the_marks():
    text = "Lakeview signed an MOU with Osaka on Monday.\n\nCopyright © 2024 Lakeview Ilbo. All rights reserved."
    names = {o.name for o in extract(text, "2024-05-01").organizations}
    assert "Lakeview Ilbo" in names
    assert not any("©" in n or "Copyright" in n for n in names)


def test_a_level_of_government_before_an_acronym_is_part_of_the_name():
    text = ("Before the signing, Mayor Li Wen, Vice Secretary of Municipal CPCC, met the governor of "
            "Chiang Mai, Thailand.")
    names = {o.name for o in extract(text, "2024-05-01").organizations}
    assert "Municipal CPCC" in names
