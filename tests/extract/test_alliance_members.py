"""Members of a city network as pages state them: a city that serves as the network's chair city,
the members listed in the sentence after the network is named, and a network's own member-news page
datelined with the member's name. Fixtures written for these tests in the style of network sites."""

from __future__ import annotations

from amity.extract import extract

CHAIR = """Home > Newsroom
Coastal mayors meet in Yeosu

The Korea-Japan Strait Coastal Governors Council met in Yeosu on May 14. Jeju, which serves as the chair \
region this year, presented a joint tourism plan. Nagasaki and Saga sent delegations.
"""

LISTED = """Tourism network widens its reach

The East Asia Regional Tourism Alliance was founded in 2000 to promote joint tourism marketing. Its member \
regions include Gangwon, Tottori, Jilin and Tov. The alliance's next general meeting will be held in October.
"""

MEMBER_NEWS = """Northeast Asia network logo

Member Regions News | NEAR Members

[Gangwon-do, South Korea] Gangwon delegation tours Tottori smart farms2024-07-02

On July 1, a delegation from Gangwon-do visited smart farms in Tottori Prefecture.
"""


def _members(text: str) -> dict[str, list[str]]:
    return {a.name: [m.name for m in a.members] for a in extract(text, "2024-07-10").alliances}


def test_a_city_serving_as_chair_is_a_member():
    members = _members(CHAIR)
    assert any("Jeju" in names for names in members.values()), members


def test_members_listed_after_the_network_is_named():
    members = _members(LISTED)
    names = next(iter(members.values()))
    assert {"Gangwon", "Tottori"} <= set(names), members


def test_a_network_s_member_news_page_names_its_member():
    members = _members(MEMBER_NEWS)
    assert members.get("NEAR") and members["NEAR"][0].startswith("Gangwon"), members
