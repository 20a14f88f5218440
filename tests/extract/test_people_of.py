"""What a title belongs to ("of") when the text does not say it next to the title: the article's
own city rather than the partner named nearest, a mayor's city rather than a state, not the country
a leader travels to; and a title before "of <body> <Name>" belongs to that name, not to the name
before it. Fixtures written for these tests in the style of city news pages."""

from __future__ import annotations

import pytest

from amity.extract import extract

CITY_PAGE = """Home > News > International Exchanges
Gimhae and Rotorua sign sister city agreement

Gimhae City signed a sister city agreement with Rotorua, New Zealand, on May 3, and Mayor Hong Tae-yong said
the two cities would start with youth exchanges. Gimhae has been looking for a partner in Oceania since 2019.
Gimhae officials will visit Rotorua in the autumn.
"""

VISIT = """Hanoi and Almaty agree to expand exchanges

The Hanoi People's Committee and the city of Almaty inked a memorandum of understanding on June 2. The signing
took place during Prime Minister Le Minh Tuan's three-day state visit to Kazakhstan.
Hanoi and Almaty have been friendship cities since 2015.
"""

DELEGATION = """Quang Ninh welcomes Jeollanam-do delegation

Welcoming the Jeollanam-do delegation led by Governor Park Min-seo, Secretary of the Provincial Party Committee \
Tran Van Hung said he believed the MoU would help both sides. The two provinces signed the MoU in Ha Long on \
March 14.
"""


@pytest.fixture(scope="module")
def people():
    found = {}
    for text in (CITY_PAGE, VISIT, DELEGATION):
        for p in extract(text, "2024-06-10").people:
            found[p.name] = (p.title, p.of)
    return found


def test_a_mayor_named_after_the_partner_is_the_article_city_s_mayor(people):
    assert people["Hong Tae-yong"] == ("Mayor", "Gimhae")


def test_a_leader_is_not_of_the_country_he_travels_to(people):
    title, of = people["Le Minh Tuan"]
    assert title == "Prime Minister" and of != "Kazakhstan"


def test_a_title_before_of_body_name_is_that_name_s_title(people):
    assert people["Park Min-seo"][0] == "Governor"
    assert people["Tran Van Hung"][0] == "Secretary"
    assert "Van Hung" not in people


TWO_SIGNATORIES = """Sister city agreement signed in Almaty

The agreement was signed by the Chairman of Almaty city Nurlan Bekov and Governor of Bishkek city Aibek Asanov.
Tan Sri Annuar Musa, the Minister of Communications, attended the dinner that followed.
"""


def test_two_titled_signatories_joined_by_and_are_both_read():
    found = {p.name: (p.title, p.of) for p in extract(TWO_SIGNATORIES, "2024-06-10").people}
    assert found["Nurlan Bekov"][0] == "Chairman" or found["Nurlan Bekov"][0] == "Chairperson"
    assert found["Aibek Asanov"] == ("Governor", "Bishkek")


def test_malaysian_honorifics_are_not_part_of_the_name():
    names = {p.name for p in extract(TWO_SIGNATORIES, "2024-06-10").people}
    assert "Annuar Musa" in names and not any(n.startswith("Tan Sri") for n in names), names


DELEGATION_PAGE = """Gimhae receives Japanese mayors

Kim Soo-min, Vice President of the Korea Local Government Association, met the Japan Town Mayors Association \\
(JTMA) delegation led by President SATO KENJI in Seoul on March 5.
The delegation from Hadong-gun is composed of Mayor Ha Seung-chul, Councilor (Chairman) Jung Min-ho and \\
Councilor Yoon Ji-ho.
Speaking at the port office, the Executive Director, Harbour and Logistics, Dr. Ade Bello, said the MoU would help.
"""


@pytest.fixture(scope="module")
def delegation_people():
    return {p.name: (p.title, p.of) for p in extract(DELEGATION_PAGE, "2024-03-10").people}


def test_a_name_in_capitals_after_a_title_leads_the_delegation_of_its_body(delegation_people):
    assert delegation_people["SATO KENJI"] == ("President", "Japan Town Mayors Association")


def test_the_role_in_brackets_after_a_title_is_the_one_held(delegation_people):
    assert delegation_people["Jung Min-ho"][0] == "Chairperson"


def test_a_portfolio_after_a_title_is_not_a_name(delegation_people):
    assert "Harbour" not in delegation_people


TWINNING_NEWS = """Town twinning visit to Moosburg

Our delegation travelled to Moosburg, near Munich, for the anniversary. The three mayors each spoke at the ceremony, \\
our own mayor, Cllr Jane Holt, among them. We also remembered our then mayor Peter Crane.
"""


def test_the_writer_s_own_mayor_is_of_no_place_the_text_names():
    found = {p.name: (p.title, p.of) for p in extract(TWINNING_NEWS, "2023-05-22").people}
    assert found["Jane Holt"] == ("Mayor", None)
    assert found["Peter Crane"] == ("Mayor", None)


CREDITS_PAGE = """Local Governments Cooperation > Asia
Shenyang delegation visits Kumamoto
Time:2019-04-02Editor:Li XiaomingResource:Department of Asian AffairsPrintingSize:LargeMediumSmall

The Shenyang delegation met Kumamoto officials and Sato Hiroshi, who is the head of the Kumamoto \\
International Exchange Council, at the prefectural office.
"""


def test_a_credit_field_glued_to_the_next_one_names_the_editor():
    found = {p.name: (p.title, p.of) for p in extract(CREDITS_PAGE, "2019-04-02").people}
    assert found["Li Xiaoming"] == ("Editor", None)


def test_who_is_the_head_of_a_body_is_an_appositive_title():
    found = {p.name: (p.title, p.of) for p in extract(CREDITS_PAGE, "2019-04-02").people}
    assert found["Sato Hiroshi"][0] == "Head"
    assert "International Exchange Council" in (found["Sato Hiroshi"][1] or "")
