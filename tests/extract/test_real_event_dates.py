"""Events and their dates as news sites and city pages write them (fixtures written for these tests
in the style of such pages: a menu line, a byline, bullets, a photo credit).

Each test asserts what a reader of the page takes from it."""

from __future__ import annotations

import json

import pytest

from amity.extract import extract
from amity.extract.cli import main

WELCOME_PAGE = """News | Provinces | International
Thanh Hoa and Chungcheongbuk sign cooperation MoU
Updated: 14:20 2024-03-08 | By Tran Minh
On March 7, the People's Committee of Thanh Hoa province and Chungcheongbuk province signed a memorandum of understanding on cooperation.
Welcoming the Chungcheongbuk delegation headed by Governor Kim Young-hwan, Chairman Do Minh Tuan said he hopes the MoU will bring more trade and tourism.
Photo: VNA
"""

BLOG_PAGE = """Letters from Sapporo
2019-11-20
by Aya

Longtime readers will remember that Sapporo and Daejeon became sister cities in October 2010, when the two mayors signed the agreement in Daejeon.
This autumn, a youth orchestra delegation from Daejeon came to see us.
Tags: exchange, music
"""

AHEAD_PAGE = """GIMPO CITY ENG
News & Notice
Gimpo City Delegation Visits Sister City Yantai
  • Date : 2024-11-04
A delegation from Gimpo City is set to visit Yantai, China, for the 15th anniversary of the sisterhood ties.
The delegation, led by Mayor Kim Byung-soo, will begin its schedule in Yantai on Tuesday, October 29.
"""

DUE_PAGE = """Home > News > City
Suwon mayor holds talks with Freiburg counterpart
Suwon Mayor Lee Jae-joon held talks on the 12th with Mayor Martin Horn of Freiburg.
The two mayors discussed a youth exchange programme.
Mayor Lee is also due to attend the 3rd Korea-Germany Mayors' Meeting.
"""

MONTHLY_PAGE = """Twin Towns Newsletter | Issue 41
Our chairman Peter Hall met Mayor Anne Leroy of Vendome on the 27th at the Guildhall.
Mayor Leroy visited the Saturday market on Saturday.
The committee will visit Vendome next month.
"""

TOUR_PAGE = """Home > Local Cooperation > News
Chengdu Friendship Association delegation tours Japan
2019-04-12
At the invitation of the Japan-China Friendship Society, a delegation from Chengdu led by Vice Mayor Liu Hong visited Osaka, Kyoto and Nara from April 8 to 11.
Photo: the delegation in Kyoto / Xinhua
"""

LOCATOR_PAGE = """Seoul Metropolitan Government > District News
Mapo District signs friendship agreement with Wonju City
On May 3, Mapo District in Seoul (Mayor Park Kang-soo) signed a friendship exchange agreement with Wonju City, Gangwon Province, at the Port of Incheon terminal.
"""

QUOTE_PAGE = """Provincial News | Governor's Office
Jeollanam-do Governor Kim Young-rok signed a friendship agreement with Governor Tina Kotek of Oregon on the 28th of last month in Muan.
Governor Kim said, "With the agreement signed today, our two regions open a new chapter. We will work together on clean energy."
"""

JUBILEE_PAGE = """Twinning Association Newsletter — Spring 2023
Our visit to Wetzlar
We will hold a reception on 14 October at the Town Hall to mark the 50th anniversary of the signing of the twinning charter by Mayor John Price.
"""

CALL_PAGE = """[Jeollabuk-do, South Korea] Vice Governor of Kansas Visits Jeollabuk-do
○ On May 9, a delegation of 8 officials from Kansas, headed by Lieutenant Governor David Toland, visited Vice Governor KIM Jong-hoon in Jeonju.
"""

ONCE_PAGE = """Taichung City Government | Press Releases
Taichung and Kumamoto renew friendship
Taichung Mayor Chen Mei-ling and Kumamoto Mayor Hideo Kawase signed a friendship renewal agreement on March 3, 2023.
Kumamoto once asked Taichung for tips on running a flower expo, and Mayor Kawase went with a delegation to the Taichung World Flora Exposition.
"""

RECEIVES_PAGE = """Xinhua | Local | 2024-11-16
Guangzhou Mayor Zhou Haitao receives Daejeon delegation
On November 15 Guangzhou Mayor Zhou Haitao met a Daejeon delegation headed by Mayor Choi Min-seok.
"""

NEXT_DAY_PAGE = """Municipalidad | Noticias
On 07/21/2020 Mayor Ana Ruiz of Valparaiso received Mayor John Smith of Liverpool at the Municipal Palace.
The next day, the two mayors visited the port.
"""


def _events(result) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.date, e.status) for e in result.events]


def test_a_plan_in_what_someone_then_says_does_not_make_the_welcome_a_plan():
    # "he hopes the MoU will bring ..." is an opinion about later; the welcome took place
    result = extract(WELCOME_PAGE, published="2024-03-08")
    meetings = [e for e in result.events if e.type == "meeting"]
    assert [(e.date, e.status) for e in meetings] == [("2024-03-07", None)]
    assert {"Kim Young-hwan", "Do Minh Tuan"} <= {p.name for p in meetings[0].participants}
    assert not any(e.status == "planned" for e in result.events)


def test_a_tie_of_years_ago_does_not_date_the_trip_told_next():
    # the tie's history is background; the orchestra's trip is today's news and keeps no old date
    result = extract(BLOG_PAGE, published="2019-11-20")
    visits = [e for e in result.events if e.type == "visit"]
    assert len(visits) == 1
    assert visits[0].date is None or visits[0].date.startswith("2019")
    assert "Daejeon" in {p.name for p in visits[0].participants}


def test_a_release_written_ahead_of_the_trip_gives_one_visit_on_its_day():
    # published after the day it names: the plan in the lead is the dated trip below, not a second trip
    result = extract(AHEAD_PAGE, published="2024-11-04")
    visits = [e for e in result.events if e.type == "visit"]
    assert [(e.date, e.status) for e in visits] == [("2024-10-29", None)]


def test_an_occasion_still_due_after_the_reported_meeting_is_kept_as_a_plan():
    result = extract(DUE_PAGE, published="2024-06-14")
    meetings = sorted((e.date or "", e.status) for e in result.events if e.type == "meeting")
    assert meetings == [("", "planned"), ("2024-06-12", None)]


@pytest.mark.parametrize("published", ["2023-06", "June 2023", "2023/06"])
def test_a_month_only_publication_date_is_a_month_not_its_first_day(published):
    result = extract(MONTHLY_PAGE, published=published)
    assert result.document.published == "2023-06"
    dates = {(e.type, e.date) for e in result.events}
    # the 27th of the publication month (was May 27, read from June 1st); "on Saturday" is some
    # Saturday of that June, not a day guessed from the 1st
    assert ("meeting", "2023-06-27") in dates
    assert ("visit", "2023-06") in dates
    assert ("visit", "2023-07") in dates


def test_a_year_only_publication_date_gives_no_invented_day():
    result = extract(MONTHLY_PAGE, published="2023")
    assert result.document.published == "2023"
    assert all(e.date in (None, "2023") for e in result.events)


def test_one_worker_and_two_workers_read_a_month_only_date_alike(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": MONTHLY_PAGE, "published": "2023-06"}) + "\n"
                           for i in range(4)), encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert main(["--jsonl", str(src), "-o", str(out), "--workers", workers]) == 0
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        outputs.append([(r["document"]["published"], sorted((e["type"], e["date"]) for e in r["events"]))
                        for r in rows])
    assert outputs[0] == outputs[1]
    assert outputs[0][0][0] == "2023-06"


def test_the_places_a_delegation_went_to_are_where_not_who():
    result = extract(TOUR_PAGE, published="2019-04-12")
    visits = [e for e in result.events if e.type == "visit"]
    assert [e.date for e in visits] == ["2019-04-08"]
    who = {p.name for p in visits[0].participants}
    assert {"Liu Hong", "Chengdu"} <= who
    assert not who & {"Osaka", "Kyoto", "Nara"}


def test_a_place_named_to_say_where_a_party_lies_is_no_party():
    result = extract(LOCATOR_PAGE, published="2024-05-04")
    signings = [e for e in result.events if e.type == "signing"]
    assert len(signings) == 1
    who = {p.name for p in signings[0].participants}
    assert {"Mapo District", "Park Kang-soo"} <= who and who & {"Wonju", "Wonju City"}
    assert not who & {"Seoul", "Gangwon Province", "Gangwon", "Incheon"}


def test_a_signing_spoken_of_inside_a_quotation_running_on_is_no_second_signing():
    # the quotation opens in the sentence and closes two sentences later: "signed today" is his word
    result = extract(QUOTE_PAGE, published="2024-10-02")
    assert [(e.type, e.date) for e in result.events if e.type == "signing"] == [("signing", "2024-09-28")]


def test_an_occasion_marking_a_signing_of_long_ago_is_a_ceremony_not_a_signing():
    result = extract(JUBILEE_PAGE, published="2023-04-02")
    assert [(e.type, e.date, e.status) for e in result.events] == [("ceremony", "2023-10-14", "planned")]


def test_a_delegation_visiting_a_person_is_a_visit_and_a_meeting():
    result = extract(CALL_PAGE, published="2024-05-10")
    kinds = {(e.type, e.date) for e in result.events}
    assert {("visit", "2024-05-09"), ("meeting", "2024-05-09")} <= kinds
    meeting = next(e for e in result.events if e.type == "meeting")
    assert {"David Toland", "KIM Jong-hoon"} <= {p.name for p in meeting.participants}


def test_what_a_city_once_did_is_background_not_an_occasion_of_the_report():
    result = extract(ONCE_PAGE, published="2023-03-04")
    assert [(e.type, e.date) for e in result.events] == [("signing", "2023-03-03")]


def test_a_headline_that_a_mayor_receives_a_delegation_is_the_meeting():
    # a courtesy call that is only a reception is one meeting (the headline restates it)
    result = extract(RECEIVES_PAGE, published="2024-11-16")
    assert [(e.type, e.date) for e in result.events] == [("meeting", "2024-11-15")]


def test_the_next_day_counts_from_the_occasion_just_told_not_from_publication():
    result = extract(NEXT_DAY_PAGE, published="2020-07-25")
    assert {("meeting", "2020-07-21"), ("visit", "2020-07-22")} <= {(e.type, e.date) for e in result.events}


WEEKDAY_PAGE = """City news | Posted 2010-07-01
The mayors of Curitiba and Durban signed a sister-city agreement on Wednesday, July 7, at the city hall of Durban.
"""


def test_a_weekday_written_with_the_day_decides_its_year():
    # a page dated July 1, 2010 (its date is the draft's): July 7 was a Wednesday in 2010, a Tuesday in 2009
    signing = next(e for e in extract(WEEKDAY_PAGE, published="2010-07-01").events if e.type == "signing")
    assert signing.date == "2010-07-07"
    tuesday = extract(WEEKDAY_PAGE.replace("Wednesday", "Tuesday"), published="2010-07-01")
    assert next(e for e in tuesday.events if e.type == "signing").date == "2009-07-07"
