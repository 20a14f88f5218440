"""The bisection lookups the steps use instead of scanning every name give the same answers as
the scans they replaced (so that speeding a step up never changes what it extracts)."""

from __future__ import annotations

import random

from amity.extract import people
from amity.extract.context import FirstPlaceAt, PlaceCand, SpanCover, matches_before


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randrange(0, 500)
        out.append((s, s + rng.randrange(1, 40)))
    return out


def test_span_cover_answers_as_a_scan_of_every_span() -> None:
    rng = random.Random(3)
    for _ in range(200):
        spans = _spans(rng, rng.randrange(0, 30))
        cover = SpanCover(spans)
        for a, b in _spans(rng, 30):
            assert cover.covers(a, b) == any(s <= a and b <= e for s, e in spans)
            assert cover.reach_before(a) == max((e for s, e in spans if s < a), default=-1)


def test_first_place_at_is_the_first_place_in_list_order_with_an_overlapping_mention() -> None:
    rng = random.Random(5)
    for _ in range(200):
        places = [PlaceCand(name=f"P{i}", country=None, kind=None, mentions=_spans(rng, rng.randrange(1, 4)))
                  for i in range(rng.randrange(0, 12))]
        place_at = FirstPlaceAt(places)
        for a, b in _spans(rng, 30):
            expected = next((p for p in places if any(s < b and a < e for s, e in p.mentions)), None)
            assert place_at(a, b) is expected


ARTICLE = """Busan Mayor Park Heong-joon met Tomaz Kovac, the Ambassador of Croatia to Japan, at City Hall.
McKenzie O'Malley, the Mayor of Cork, said the visit mattered. Jan de Wit, who chairs the Rotterdam Port Council,
joined. Kim Min-ho of the Busan Port Authority, Lee Ji-woo of Korea and "Tony" Reyes of the Cebu Chamber spoke.
ZHANG Yingchun, Deputy Director General of the Foreign Affairs Office of Shanghai, and Hilario P. Davide III,
the Governor of Cebu, signed. Dr. Anna Novak, a professor at Ljubljana University, Jr. and others, of course.
"""


def test_name_first_patterns_find_what_a_full_scan_finds() -> None:
    for pattern, anchor in ((people._APPOS, people._APPOS_ANCHOR), (people._CHAIRS, people._CHAIRS_ANCHOR),
                            (people._OF_ORG, people._OF_ORG_ANCHOR)):
        for text in (ARTICLE, ARTICLE.replace("\n", " "), ARTICLE * 3, ARTICLE[::-1], ""):
            found = [(m.span(), m.group(0)) for m in matches_before(pattern, anchor, text)]
            assert found == [(m.span(), m.group(0)) for m in pattern.finditer(text)]
        assert matches_before(pattern, anchor, ARTICLE)  # each pattern finds something here


TOWNS = """Alnwick Town Council and the Sawbridgeworth Town Council met at Pohang City Hall. Lavena has been twinned with
Mornago (Province of Varese) since 1998. Naxxar's twinned council, Kilbride, an old market town in Ireland, sent a
band. Haeundae-gu, Naka-ku and Kita Ward hosted guests from Gimhae City, Chiba Prefecture and Jeju Province.
"""


def test_place_patterns_opening_on_a_name_find_what_a_full_scan_finds() -> None:
    from amity.extract import places

    assert len(places._AFTER_NAME) >= 8
    for pattern, anchor in places._AFTER_NAME.items():
        for text in (TOWNS, TOWNS.replace("\n", " ") * 2, TOWNS.lower(), ""):
            found = [(m.span(), m.group(0)) for m in matches_before(pattern, anchor, text)]
            assert found == [(m.span(), m.group(0)) for m in pattern.finditer(text)], pattern.pattern
