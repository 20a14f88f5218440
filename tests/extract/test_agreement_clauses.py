"""Agreements as press pages word them: friendly and cooperative ties, cooperation programmes, one
city with several partners in one clause, anniversaries of a tie, and places that only say where
a signatory sits or where the signing took place. The fixtures are written for these tests in the
style of city and provincial news pages; the assertions are what a reader takes from them."""

from __future__ import annotations

from amity.extract import extract


def _agreements(text: str, published: str = "2024-05-10"):
    return sorted((a.type, sorted(p.name for p in a.parties), a.date) for a in extract(text, published).agreements)


def test_friendly_and_cooperative_ties_established_are_a_friendship_tie():
    found = _agreements("News | Daejeon\nDaejeon and Wuhan established friendly and cooperative ties in 2015, "
                        "and the two cities have exchanged students every year since.\n")
    assert ("friendship_city", ["Daejeon", "Wuhan"], "2015") in found


def test_promoting_friendly_and_cooperative_ties_is_no_tie():
    assert _agreements("Hue and Gimhae promote friendly and cooperative ties through cultural exchanges.\n") == []


def test_a_cooperation_programme_agreed_on_is_a_cooperation_agreement():
    found = _agreements("The two cities, Ulsan and Nantes, agreed on a cooperation programme for 2024-2026 on May 2.\n")
    assert found == [("business_agreement", ["Nantes", "Ulsan"], "2024-05-02")]


def test_cooperation_programmes_only_hoped_for_are_no_agreement():
    assert _agreements("Hanoi and Moscow will launch cooperation programmes to tap the cities' potential.\n") == []
