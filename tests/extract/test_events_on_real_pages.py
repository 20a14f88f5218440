"""Events as real pages tell them: itineraries written ahead of the trip, talks told after a
signing, a signing that was part of a visit, a tie's first signing told as background.
Fixtures are written for these tests in the style of city pages and news sites."""

from __future__ import annotations

from amity.extract import extract


def _events(result) -> list[tuple[str, str | None]]:
    return sorted((e.type, e.date) for e in result.events)


ITINERARY_PAGE = """Sokcho City | News & Notice
Sokcho City Delegation Visits Sister City Yantai
- Signing of a tourism agreement at an event held to mark 15 years of the ties on June 12 -
A delegation from Sokcho City is set to visit Yantai, China, as the sister city ties turn fifteen.
Led by Mayor Lee Byung-sun, the delegation will begin its programme in Yantai on Wednesday, June 12.
In the morning, the delegates are scheduled to tour the Yantai Port, and in the afternoon an event held to commemorate fifteen years of sister city ties will take place.
At the event, the two mayors will sign an agreement on tourism exchange.
"""


def test_an_itinerary_dates_the_afternoon_event_and_the_signing_at_it_by_the_day_told_before():
    # the page went up after the trip: the planned occasions are dated by the schedule's day
    events = _events(extract(ITINERARY_PAGE, published="2024-06-14"))
    assert ("ceremony", "2024-06-12") in events
    assert ("signing", "2024-06-12") in events
    assert ("visit", "2024-06-12") in events


TALKS_PAGE = """Hue and Kazan sign memorandum on cultural exchange
Chairman of the Hue People's Committee Nguyen Van Phuong and Mayor of Kazan Ilsur Metshin on June 4 inked a memorandum of understanding on cultural exchange.The signing was one of the events held on the sidelines of President Vo Van Thuong's official visit to Russia.In their talks after the signing ceremony, Mayor Metshin praised the long friendship between Kazan and Hue.
"""


def test_talks_told_after_a_glued_full_stop_are_a_meeting_of_the_signing_day():
    result = extract(TALKS_PAGE, published="2024-06-05")
    events = _events(result)
    assert ("signing", "2024-06-04") in events
    assert ("meeting", "2024-06-04") in events  # "In their talks after the signing ceremony"
    meeting = next(e for e in result.events if e.type == "meeting")
    assert any("Metshin" in p.name for p in meeting.participants)


def test_a_signing_made_as_part_of_an_official_visit_reports_that_visit_too():
    # the trip began on or before the signing's day: only its month is known
    assert ("visit", "2024-06") in _events(extract(TALKS_PAGE, published="2024-06-05"))


BACKGROUND_PAGE = """Government of Manitoba | News Releases
Premier Kinew and Governor Oh Young-hun of Jeju Province renewed the Manitoba-Jeju sister province tie at a signing ceremony held as part of Governor Oh's official visit to Manitoba.
Manitoba and Jeju originally inked their sister province memorandum on Oct. 14, 1988; it was the first such tie for either of them.
"""


def test_a_ties_original_signing_is_background_and_does_not_date_todays_signing():
    # no publication date: the history rule by date cannot help, the wording "originally inked" does
    result = extract(BACKGROUND_PAGE)
    signings = [e for e in result.events if e.type == "signing"]
    assert [e.date for e in signings] == [None]
    assert "visit" in [e.type for e in result.events]


FORGED_PAGE = """Lautoka City Council and Geelong forge sister city ties
The City of Greater Geelong and Lautoka City Council became sister cities today after the signing of a friendship memorandum at Lautoka City Hall.
Local Government Minister Maciu Nalumisa expects the tie to benefit residents of both cities.
"""


def test_a_tie_forged_today_after_the_signing_of_a_memorandum_is_that_signing():
    events = _events(extract(FORGED_PAGE, published="2024-03-08"))
    assert events == [("signing", "2024-03-08")]


def test_a_subtitle_ending_in_a_dash_is_dated_by_its_date():
    page = "Mokpo and Fuzhou mark 10 years of friendship\n- A ceremony held in Fuzhou with Mayor Park Hong-ryul on May 9 -\n"
    assert ("ceremony", "2024-05-09") in _events(extract(page, published="2024-05-13"))


SIDELINES_PAGE = """Seoul Seeks Closer Ties with Lisbon
Seoul Mayor Oh Se-hoon meets Lisbon Mayor Carlos Moedas on the sidelines of the World Cities Summit in Singapore on June 3, 2024.
Seoul Mayor Oh Se-hoon held a meeting with Lisbon Mayor Carlos Moedas on the sidelines of the World Cities Summit in Singapore over the weekend.
Seoul also looked forward to hosting the 2025 Smart Mobility Conference, Oh told Moedas.
"""


def test_a_summit_that_framed_a_meeting_is_dated_by_its_month_once_and_a_hoped_for_conference_is_no_event():
    events = _events(extract(SIDELINES_PAGE, published="2024-06-05"))
    assert ("meeting", "2024-06-03") in events
    assert [e for e in events if e[0] == "conference"] == [("conference", "2024-06")]


def test_a_visit_tentatively_scheduled_for_a_month_to_come_is_a_planned_visit():
    page = ("Mayor Ana Lopez of Iloilo is ready to go to Kanazawa once an invitation letter reaches her.\n"
            "Her visit is provisionally scheduled in March.\n")
    result = extract(page, published="2025-01-20")
    visits = [e for e in result.events if e.type == "visit"]
    assert [(e.date, e.status) for e in visits] == [("2025-03", "planned")]


def test_a_signing_told_with_what_it_aims_to_do_is_a_signing_that_happened():
    page = ("Mayor of Kandy Kesara Senanayake and the Mayor of Matsue, Akihito Uesada, signed a friendship agreement "
            ", which will see their cities cooperate in culture and tourism.\n")
    result = extract(page, published="2025-04-04")
    assert [(e.type, e.status) for e in result.events] == [("signing", None)]


CANCELLED_PAGE = """Tagaytay City | News
Tagaytay Mayor Abraham Tolentino met Gimpo Mayor Kim Byung-soo at City Hall on March 4.
The signing ceremony of the sister city agreement was postponed because of the typhoon.
Councilor Rosa Cruz could not attend the welcome dinner hosted by Gimpo City Council.
"""


def test_a_postponed_or_missed_occasion_is_set_aside_as_cancelled():
    result = extract(CANCELLED_PAGE, published="2025-03-06")
    assert [(e.type, e.date) for e in result.events] == [("meeting", "2025-03-04")]
    cancelled = [d for d in result.decisions if d.slot == "events" and d.rule == "cancelled"]
    assert len(cancelled) == 2 and cancelled[0].reason


TRIP_PAGE = """Quang Ninh strengthens cooperation with Japan's Saga prefecture
The People's Committee of Quang Ninh province and Saga prefecture signed a friendly cooperation memorandum of understanding at a ceremony held in Ha Long city on March 12.
Welcoming the Saga delegation led by Governor Yoshinori Yamaguchi, Chairwoman of the provincial People's Committee Cao Tuong Huy said he believes the MoU will open new opportunities.
"""

RECEPTION_PAGE = """Welcoming the Saga delegation led by Governor Yoshinori Yamaguchi, Chairwoman Cao Tuong Huy of Quang Ninh said he believes ties will grow.
"""


def test_a_delegation_welcomed_on_the_day_of_a_signing_made_a_trip_a_reception_alone_is_one_meeting():
    trip = _events(extract(TRIP_PAGE, published="2025-03-13"))
    assert ("visit", "2025-03-12") in trip and ("signing", "2025-03-12") in trip
    assert [t for t, _ in _events(extract(RECEPTION_PAGE, published="2025-03-13"))] == ["meeting"]


TRIP_TOLD_AFTER_PAGE = """Ulsan Mayor Kim Doo-gyeom met the Consul General of Japan in Ulsan, Tsuyoshi Oka, on Monday afternoon.
Last October Mayor Kim travelled to Japan, visiting Kumamoto and Hagi, to widen exchanges.
On that trip he met leaders of the Kumamoto Chamber of Commerce.
During the stay, Mayor Kim made courtesy calls on Kumamoto Governor Takashi Kimura and on Hagi Mayor Fumiaki Tanaka.
"""


def test_a_meeting_on_a_trip_told_before_is_a_meeting_of_that_trip_and_each_courtesy_call_is_a_meeting():
    result = extract(TRIP_TOLD_AFTER_PAGE, published="2024-12-10")
    meetings = [e for e in result.events if e.type == "meeting"]
    assert ("visit", "2024-10") in _events(result)
    assert sorted(e.date for e in meetings) == ["2024-10", "2024-10", "2024-12-09"]
    on_trip = [{p.name for p in e.participants} for e in meetings if e.date == "2024-10"]
    assert all("Kim Doo-gyeom" in names for names in on_trip)
    assert not any({"Takashi Kimura", "Fumiaki Tanaka"} <= names for names in on_trip)  # one call each


SITES_PAGE = """Sister city Kassel citizens visit Jeonju
This time, 18 citizens of Kassel visited Jeonju in October.
They visited Hanok Village, where a guide told them about its past in English.
Next they toured the Jeonju National Museum.
"""


def test_sites_seen_on_a_trip_already_told_are_part_of_it():
    result = extract(SITES_PAGE, published="2024-11-02")
    assert [(e.type, e.date) for e in result.events] == [("visit", "2024-10")]


def test_meetings_told_as_welcoming_exchanging_views_or_calling_on_someone():
    page = ("Governor Kim Young-rok welcomed Ambassador Pedro Ramirez of Chile at the provincial office on May 7.\n"
            "On May 9, Deputy Mayor Lee Jung-woo exchanged views with Osaka officials on port policy.\n"
            "On May 10, Mayor Lee Jae-jun called on Governor Tanaka Hiroshi of Nagano.\n"
            "On May 11, the city council called on the mayor to expand the budget.\n")
    events = _events(extract(page, published="2025-05-12"))
    assert events == [("meeting", "2025-05-07"), ("meeting", "2025-05-09"), ("meeting", "2025-05-10")]


def test_a_visit_is_taken_part_in_by_the_visitors_not_the_host_they_met_nor_the_city_a_body_sits_in():
    page = ("During his visit to Hubei Province on October 14, Governor Kim Jin-tae met with Party Secretary Wang Zhonglin.\n"
            "Casey City Council of Melbourne and Nadi Town Council became sister councils today after the signing "
            "of a partnership memorandum.\n")
    result = extract(page, published="2024-10-16")
    visit = next(e for e in result.events if e.type == "visit")
    assert "Kim Jin-tae" in {p.name for p in visit.participants}
    assert "Wang Zhonglin" not in {p.name for p in visit.participants}
    meeting = next(e for e in result.events if e.type == "meeting")
    assert {"Kim Jin-tae", "Wang Zhonglin"} <= {p.name for p in meeting.participants}
    signing = next(e for e in result.events if e.type == "signing")
    assert "Melbourne" not in {p.name for p in signing.participants}


def test_a_delegation_composed_of_several_officials_takes_part_with_all_of_them_and_not_the_source_cited():
    page = ("The delegation from Hwasun County is composed of Mayor Koo Bok-gyu, Councilor Lee Ji-hwan and "
            "Director Park Mi-ran, and arrived in Tagbilaran on October 26.\n"
            "According to the Tagbilaran City Information Office, the delegation met Mayor Jane Yap on October 26.\n")
    result = extract(page, published="2024-10-28")
    visit = next(e for e in result.events if e.type == "visit")
    assert {"Koo Bok-gyu", "Lee Ji-hwan", "Park Mi-ran"} <= {p.name for p in visit.participants}
    meeting = next(e for e in result.events if e.type == "meeting")
    assert not any("Information Office" in p.name for p in meeting.participants)


ITINERARY_HEADINGS_PAGE = """Changwon City | International Relations
Mayor's trip to Izmir
Schedule
May 14
The delegation led by Mayor Hong Nam-pyo arrived in Izmir and met Izmir Mayor Cemil Tugay.
May 15
Mayor Hong attended the opening ceremony of the Izmir International Fair.
"""


def test_day_headings_of_an_itinerary_date_the_lines_below_them():
    events = _events(extract(ITINERARY_HEADINGS_PAGE, published="2025-05-20"))
    assert events == [("ceremony", "2025-05-15"), ("meeting", "2025-05-14"), ("visit", "2025-05-14")]


def test_a_page_label_with_a_number_is_still_furniture_but_a_day_heading_is_not():
    from amity.extract.text import is_furniture
    assert is_furniture("Hit 19") and is_furniture("Search : 84")
    assert not is_furniture("May 14") and not is_furniture("Tuesday, Sept. 3")


def test_welcome_rites_and_an_anniversary_celebrated_are_ceremonies():
    page = ("On Wednesday, October 9, a party of twelve Hapcheon County staff were honoured in welcome rites "
            "on the Plaza of San Carlos City with Mayor Renato Gustilo.\n"
            "On October 10, Hapcheon and San Carlos celebrated the 15th anniversary of their sisterhood with Mayor Kim Yoon-chul.\n")
    events = _events(extract(page, published="2024-10-12"))
    assert ("ceremony", "2024-10-09") in events and ("ceremony", "2024-10-10") in events


def test_two_trips_told_in_one_sentence_with_their_own_dates_are_two_visits():
    page = ("Our Twinning Association will mark the jubilee twice: our friends from Bergerac visit us from "
            "12-15 September, then we travel to Ortenberg from 3-6 October.\n")
    result = extract(page, published="2025-06-02")
    assert ("visit", "2025-09-12") in _events(result) and ("visit", "2025-10-03") in _events(result)


def test_a_delegation_flying_out_to_a_partner_city_is_a_visit():
    page = "Mayor Thaba Moyo of Bulawayo flew to Durban on June 2 with a delegation of engineers.\n"
    assert ("visit", "2025-06-02") in _events(extract(page, published="2025-06-05"))


def test_meetings_attended_with_a_council_are_a_meeting_but_regular_meetings_are_not():
    page = ("On the 26th and 27th February, the Mayor of Zejtun and the council secretary were guests of Zejtun's "
            "twinned council, Gorla Minore.\n"
            "The Mayor attended meetings with the mayor and councillors of Gorla Minore.\n"
            "The council holds regular meetings on the first Monday of each month.\n")
    events = _events(extract(page, published="2025-03-03"))
    assert [t for t, _ in events].count("meeting") == 1


def test_visitors_received_in_welcome_rites_are_a_ceremony_not_a_meeting_too():
    page = ("On Wednesday, October 9, a party of twelve Hapcheon County staff were warmly received by their San "
            "Carlos hosts in welcome rites on the city plaza.\n")
    events = _events(extract(page, published="2024-10-12"))
    assert ("ceremony", "2024-10-09") in events and "meeting" not in [t for t, _ in events]


def test_thanks_for_the_visit_names_the_occasion_again_and_engagement_in_exchanges_is_no_occasion():
    page = ("Busan Mayor Park Heong-joon met Fukuoka Mayor Takashima Soichiro at Busan City Hall on May 3.\n"
            "Mayor Takashima thanked Mayor Park for the warm welcome and the visit.\n"
            "Busan is engaged in exchange programs with Fukuoka in culture and sports.\n")
    result = extract(page, published="2025-05-20")
    assert _events(result) == [("meeting", "2025-05-03")]
    rules = {d.rule for d in result.decisions if d.slot == "events"}
    assert {"reference", "habitual"} <= rules


def test_thanks_for_a_visit_not_told_before_is_that_visit():
    page = "Mayor Ana Cruz thanked Mayor Jason Lary of Stonecrest for coming to visit Georgetown on August 14.\n"
    assert ("visit", "2025-08-14") in _events(extract(page, published="2025-08-18"))
