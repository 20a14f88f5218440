"""Events, dates and agreements as real pages write them (fixtures written for these tests in the
style of city pages and news sites: navigation above, bylines, bullets, captions, credits).

Each test asserts what a reader of the page takes from it."""

from __future__ import annotations

import pytest

from amity.extract import extract

VISIT_PAGE = """Home | News | Press Releases | Contact
Search : 84
Changwon delegation visits sister city Izmir
Posted : 2024-05-20 | Hit 152
By Lee Soo-jin, Reporter
Changwon Mayor Hong Nam-pyo led a delegation of 12 officials to Izmir, Turkey, from May 14 to 17.
On May 15, Mayor Hong met Izmir Mayor Cemil Tugay at Izmir City Hall to sign a memorandum of understanding on port logistics.
The two mayors also attended a welcome luncheon hosted by the Izmir Chamber of Commerce.
Mayor Tugay thanked Mayor Hong for the visit.
Changwon and Izmir have held youth exchange programs every year since 2011.
The two cities became sister cities on October 5, 2011.
Changwon plans to host a youth football tournament with Izmir next year.
Photo: Mayor Hong (left) and Mayor Tugay after the signing. / Changwon City
"""

DATES_PAGE = """Gimhae City | International Affairs | Sister Cities
Exchange highlights
• June 2023The delegation of Gimhae City visited Kagoshima, Japan.
• 07/21/2023 Gimhae Mayor Heo Seong-gon held a video conference with Kagoshima Mayor Shimozuru Takao.
Mayor Heo said on the 29th that he met Osaka Mayor Yokoyama Hideyuki on the 25th.
The 5th Korea-Japan Mayors Forum was held in Busan on Sept. 12, 2023, marking the 30th anniversary of the exchange.
Mayor Heo will visit Seattle on Friday to attend a trade forum.
Gimhae City signed a friendship agreement with Da Nang today. Mayor Heo arrived in Da Nang the previous day.
The meeting took place in the video conference room of City Hall.
"""

PORT_PAGE = """Port News > Press Center
Incheon Port Authority and the Port of Rotterdam signed a memorandum of understanding on smart port cooperation on March 3, 2023.
Incheon has sister city ties with Kitakyushu, Tianjin and Anchorage.
The two ports agreed to sign a business agreement next year.
"Incheon and Rotterdam are like sisters," the mayor said.
On March 2, 2023, Incheon City and Haiphong, Vietnam, signed a letter of intent to become sister cities.
Copyright (c) Port Daily. All rights reserved.
"""


def _events(result) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.date, e.status) for e in result.events]


def _names(refs) -> set[str]:
    return {r.name for r in refs}


@pytest.fixture(scope="module")
def visit():
    return extract(VISIT_PAGE, published="2024-05-20")


@pytest.fixture(scope="module")
def dated():
    return extract(DATES_PAGE, published="2023-10-30")  # a Monday


@pytest.fixture(scope="module")
def port():
    return extract(PORT_PAGE, published="2023-03-10")


def test_a_trip_over_a_day_range_is_one_visit_dated_by_its_first_day(visit):
    visits = [e for e in visit.events if e.type == "visit"]
    assert [v.date for v in visits] == ["2024-05-14"]  # "thanked him for the visit" is the same trip
    assert {"Hong Nam-pyo", "Changwon"} <= _names(visits[0].participants)


def test_met_to_sign_is_a_meeting_and_a_signing(visit):
    assert ("signing", "2024-05-15", None) in _events(visit)
    meeting = next(e for e in visit.events if e.type == "meeting")
    assert meeting.date == "2024-05-15" and {"Hong Nam-pyo", "Cemil Tugay"} <= _names(meeting.participants)


def test_an_undated_occasion_belongs_to_the_day_just_reported(visit):
    luncheon = next(e for e in visit.events if e.type == "ceremony")  # "also attended a welcome luncheon"
    assert luncheon.date == "2024-05-15"


def test_habitual_exchanges_are_not_an_event_and_say_why(visit):
    assert not [e for e in visit.events if e.type == "exchange" and e.status != "planned"]
    assert any(d.slot == "events" and d.rule == "background" and "every year" in d.evidence[0].text
               for d in visit.decisions)


def test_a_planned_occasion_is_kept_as_planned_and_resolves_forward(visit):
    assert ("exchange", "2025", "planned") in _events(visit)


def test_background_agreement_keeps_its_own_date(visit):
    ties = {(a.type, a.date) for a in visit.agreements}
    assert ("sister_city", "2011-10-05") in ties and ("mou", "2024-05-15") in ties


def test_every_event_and_agreement_carries_its_rule_and_reason(visit):
    for record in [*visit.events, *visit.agreements]:
        assert record.rule and record.reason
    data = visit.to_dict()
    assert all("rule" in e and "reason" in e for e in data["events"]) and "decisions" in data


def test_a_date_glued_to_the_next_word_in_a_bullet(dated):
    assert ("visit", "2023-06", None) in _events(dated)


def test_numeric_dates_and_a_video_conference(dated):
    conference = next(e for e in dated.events if e.date == "2023-07-21")
    assert {"Heo Seong-gon", "Shimozuru Takao"} <= _names(conference.participants)


def test_the_reporting_date_is_not_the_event_date(dated):
    meeting = next(e for e in dated.events if "Yokoyama Hideyuki" in _names(e.participants))
    assert meeting.date == "2023-10-25"


def test_edition_ordinals_are_not_days(dated):
    assert ("conference", "2023-09-12", None) in _events(dated)
    assert not [e for e in dated.events if e.date in ("2023-10-05", "2023-09-30", "2023-10-30") and e.type == "conference"]


def test_future_cues_resolve_forward(dated):
    assert ("visit", "2023-11-03", "planned") in _events(dated)  # "will visit ... on Friday"


def test_today_and_the_previous_day(dated):
    assert ("signing", "2023-10-30", None) in _events(dated)
    assert ("visit", "2023-10-29", None) in _events(dated)
    assert [(a.type, a.date) for a in dated.agreements] == [("friendship_city", "2023-10-30")]


def test_history_older_than_a_year_is_background_not_an_event():
    page = "City News\nSigned in 1998, the partnership with Osaka has grown.\nMayor Kim met Osaka Mayor Yokoyama on May 3."
    result = extract(page, published="2024-05-10")
    assert _events(result) == [("meeting", "2024-05-03", None)]
    assert any(d.rule == "background" and "1998" in d.evidence[0].text for d in result.decisions)


def test_a_conference_room_is_not_a_conference(dated):
    assert not any("conference room" in e.evidence[0].text for e in dated.events)


def test_organizations_sign_for_themselves(port):
    mou = next(a for a in port.agreements if a.date == "2023-03-03")
    assert mou.type == "mou" and _names(mou.parties) == {"Incheon Port Authority", "Port of Rotterdam"}


def test_one_city_with_several_partners_is_one_agreement_per_partner(port):
    partners = {next(iter(_names(a.parties) - {"Incheon"})) for a in port.agreements
                if a.type == "sister_city" and a.status == "signed"}
    assert partners == {"Kitakyushu", "Tianjin", "Anchorage"}


def test_agreed_to_be_signed_is_planned_and_between_the_same_bodies(port):
    planned = next(a for a in port.agreements if a.type == "business_agreement")
    assert planned.status == "planned" and planned.date == "2024"
    assert _names(planned.parties) == {"Incheon Port Authority", "Port of Rotterdam"}


def test_a_simile_is_not_an_agreement(port):
    assert not [a for a in port.agreements if _names(a.parties) == {"Incheon", "Rotterdam"}]


def test_a_letter_of_intent_to_establish_a_tie_is_an_mou_and_a_planned_tie(port):
    haiphong = {(a.type, a.status, a.date) for a in port.agreements if "Haiphong" in _names(a.parties)}
    assert haiphong == {("mou", "signed", "2023-03-02"), ("sister_city", "planned", None)}


def test_a_planned_occasion_without_a_date_is_kept_as_planned():
    page = ("City News\nUlsan Mayor Kim Doo-gyeom will visit Osaka, Japan, to attend the sister city anniversary "
            "ceremony.\nThe city will expand exchanges with Osaka.")
    result = extract(page, published="2024-05-10")
    assert ("visit", None, "planned") in _events(result)
    assert not any(e.type == "exchange" for e in result.events)  # "will expand exchanges" names no occasion


def test_a_tie_still_to_be_formalised_is_planned_and_an_existing_one_signed():
    page = ("Gdansk in twinning talks with Baltic ports\n"
            "Gdansk City Council will this year formalise a twinning partnership with Klaipeda, Lithuania.\n"
            "Gdansk has already twinned with Bremen, Germany.")
    result = extract(page, published="2011-06-06")
    status = {next(iter(_names(a.parties) - {"Gdansk"}), None): a.status for a in result.agreements}
    assert status.get("Klaipeda") == "planned" and status.get("Bremen") == "signed"


def test_friendly_relations_in_general_are_not_a_friendship_city_tie():
    page = ("Diplomacy\nThe Hanoi official thanked the Chinese Embassy for promoting friendly relations between "
            "Hanoi and Beijing.\nHanoi and Vientiane signed a friendly cooperation city agreement on May 2, 2024.")
    result = extract(page, published="2024-05-10")
    assert [(a.type, a.date) for a in result.agreements] == [("friendship_city", "2024-05-02")]
    assert any(d.rule == "no_tie" for d in result.decisions)


def test_receiving_a_delegation_is_one_meeting():
    page = "News\nOn June 3 Busan Mayor Jung Min-ho received four Hamburg councillors at City Hall."
    assert _events(extract(page, published="2024-06-05")) == [("meeting", "2024-06-03", None)]


TOLD_AGAIN_PAGE = """City News | Mayor's Office
Mayor meets Consul General to discuss youth exchanges
Posted 2025-03-28
The Mayor of Daegu, Hong Joon-pyo, met with Consul General Maria Rossi last week to discuss a new student exchange with Milan.
The meeting, which took place on 21 March at City Hall, was held in a friendly atmosphere.
At the meeting, the consul general recalled last October's visit of the Milan youth orchestra.
"""


def test_a_sentence_pointing_back_at_the_meeting_is_that_meeting_and_narrows_its_date():
    result = extract(TOLD_AGAIN_PAGE, published="2025-03-28")
    meetings = [e for e in result.events if e.type == "meeting"]
    assert len(meetings) == 1  # told three times, held once
    assert meetings[0].date == "2025-03-21"
    assert {"Hong Joon-pyo", "Maria Rossi"} <= _names(meetings[0].participants)


PROPOSED_PAGE = """Provincial news
Posted 2024-06-12
Governor Oh Young-hun met Consul General Tanaka Hiroshi at his office on June 10.
He also proposed a further meeting with the Japanese ambassador Sato Kenji on the fisheries issue.
The province's request for a visit by the Minister of Oceans was declined on June 11.
"""


def test_an_occasion_only_suggested_or_requested_is_not_reported_as_held():
    result = extract(PROPOSED_PAGE, published="2024-06-12")
    assert [(e.type, e.date) for e in result.events] == [("meeting", "2024-06-10")]
    assert "Sato Kenji" not in _names(result.events[0].participants)
    assert any(d.rule == "proposed" for d in result.decisions)


HEADLINE_LINE_PAGE = """Skip to content | Menu | Search
Follow us:
May 21: sister-state delegates visit Jeonbuk
2024-May-22       Source: provincial news office
The annual forum of Jeonbuk and its sister states was held in Jeonju by the Jeonbuk International Affairs Office on May 21.
"""


def test_a_headline_line_below_the_menu_restates_the_body_occasion():
    result = extract(HEADLINE_LINE_PAGE, published="2024-05-22")
    assert [(e.type, e.date) for e in result.events] == [("conference", "2024-05-21")]


SIGNED_EARLIER_PAGE = """International Relations | News
Posted 2024-09-05
Ulsan Mayor Kim Doo-gyeom met Nagoya Deputy Mayor Sato Hiroki at Ulsan City Hall on September 4.
To carry out the memorandum of understanding signed by Mayor Kim and Mayor Kawamura on March 12, 2024, the two sides agreed to open a joint design studio.
"""

SIGNED_TODAY_PAGE = """Capital news
Posted 2024-09-05
The agreement – signed by Ulsan Mayor Kim Doo-gyeom and Nagoya Deputy Mayor Sato Hiroki – sets up a joint design studio.
"""


def test_an_instrument_known_by_its_earlier_signing_is_no_signing_today():
    earlier = extract(SIGNED_EARLIER_PAGE, published="2024-09-05")
    assert [(e.type, e.date) for e in earlier.events] == [("meeting", "2024-09-04")]
    today = extract(SIGNED_TODAY_PAGE, published="2024-09-05")
    assert [e.type for e in today.events] == ["signing"]  # undated: the signing being reported


LAST_YEAR_PAGE = """City Hall | News
Posted 2024-06-29
Gdansk and Kaunas signed a twin-city cooperation agreement on June 27 at Gdansk City Hall.
Last year, Mayor Anna Nowicka and Mayor Tomas Petrauskas signed a declaration on preparing the agreement.
"""


def test_a_signing_dated_only_by_an_earlier_year_is_background_of_todays():
    result = extract(LAST_YEAR_PAGE, published="2024-06-29")
    assert [(e.type, e.date) for e in result.events] == [("signing", "2024-06-27")]
    assert any(d.rule == "background" for d in result.decisions)


SUBJECT_MATTER_PAGE = """Press release
Posted 2024-03-08
Tongyeong City held an online meeting with Napier, New Zealand on the 4th on topics including the signing of a friendship agreement later this year.
"""


def test_a_signing_named_as_what_a_meeting_was_about_is_not_a_signing():
    result = extract(SUBJECT_MATTER_PAGE, published="2024-03-08")
    assert [(e.type, e.date) for e in result.events] == [("meeting", "2024-03-04")]


RECEIVED_PAGE = """City news
Posted 2024-10-02
Mayor Park Hyeong-jun of Busan received the delegation of Kaohsiung at City Hall on October 1.
Deputy Mayor Lin Chin-jung said that Busan has received international awards for its port.
"""


def test_received_awards_is_no_meeting_but_receiving_a_delegation_is():
    result = extract(RECEIVED_PAGE, published="2024-10-02")
    meetings = [e for e in result.events if e.type == "meeting"]
    assert [m.date for m in meetings] == ["2024-10-01"]
    assert all(len(m.evidence) == 1 for m in meetings)  # the awards sentence is not folded in either


HOSPITALITY_PAGE = """Metro news
Posted 2024-04-12
On April 11 Mayor Kwame Asante took a Kumasi delegation to Manhyia Palace for a courtesy call on the Asantehene.
He also thanked the chiefs for the warm reception and the display of rich cultural heritage.
The visitors later attended a welcome reception hosted by the Kumasi Metropolitan Assembly.
"""


def test_thanks_for_a_warm_reception_is_hospitality_not_a_reception():
    result = extract(HOSPITALITY_PAGE, published="2024-04-12")
    receptions = [e for e in result.events if e.type == "ceremony"]
    assert len(receptions) == 1
    assert all("warm reception" not in s.text for s in receptions[0].evidence)
