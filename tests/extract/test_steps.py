"""Each step on its own, on invented articles."""

from __future__ import annotations

from datetime import date

from extract_fixtures import ALLIANCE, MEETING, SISTER

from amity.extract import extract
from amity.extract.dates import find_dates, find_time, parse_published
from amity.extract.gazetteer import get_gazetteer
from amity.extract.names import same_person, split_name
from amity.extract.text import clean, fold, sentences
from amity.extract.topics import topics_in


def test_clean_blanks_date_prefix_and_keeps_offsets():
    c = clean(" date 2023-10-13 Mayor Park met the ambassador.")
    assert c.published_hint == "2023-10-13"
    assert len(c.text) == len(" date 2023-10-13 Mayor Park met the ambassador.")
    assert c.text.strip().startswith("Mayor Park")


def test_clean_reads_publisher_from_copyright_line():
    c = clean("Text.\n© The Jeonbuk Daily(www.example.kr). All rights reserved.\n")
    assert c.publisher == "The Jeonbuk Daily"
    assert "©" not in c.text


def test_clean_html_maps_offsets_back():
    raw = "<html><head><script>var x=1;</script></head><body><nav>Home | News</nav><p>Busan &amp; Ulsan</p></body></html>"
    c = clean(raw)
    assert "var x" not in c.text and "Home" not in c.text
    i = c.text.index("Ulsan")
    assert raw[c.to_input(i):c.to_input(i) + 5] == "Ulsan"


def test_fold_keeps_length():
    s = "Aleš Bržan of Düsseldorf – “quoted”"
    assert len(fold(s)) == len(s)
    assert fold(s).startswith("Ales Brzan")


def test_sentences_do_not_split_on_abbreviations():
    text = "Mr. Kim met Dr. Lee in the U.S. on Monday. They talked."
    spans = sentences(text)
    assert len(spans) == 2


GLUED_PAGE = """Exchange news
Yeosu and Cebu agreed to widen youth exchanges during the visit period.The signing took place on \
May 3 at Cebu City Hall, in the presence of the U.S. consul.Details are posted on www.yeosu.go.kr \
and site.com.Attendance rose 2.5 times.Mayor Kim thanked the hosts, i.e. the city council."""


def test_sentences_split_where_a_page_glued_them_without_a_space():
    text = clean(GLUED_PAGE).text
    said = [text[s:e] for s, e in sentences(text)]
    assert "Yeosu and Cebu agreed to widen youth exchanges during the visit period." in said
    assert any(s.startswith("The signing took place on May 3") for s in said)
    assert any(s.startswith("Details are posted on www.yeosu.go.kr and site.com.Attendance") for s in said)
    assert "Mayor Kim thanked the hosts, i.e. the city council." in said
    assert not any(s.endswith(("U.", "2.", "go.", "i.e.")) for s in said)


def test_gazetteer_finds_countries_demonyms_and_cities():
    g = get_gazetteer()
    text = "The Slovenian port of Koper and Busan; Korea-China ties; the US and us."
    found = {(text[h.start:h.end], h.kind) for h in g.find(text)}
    assert ("Slovenian", "country") in found
    assert ("Koper", "place") in found and ("Busan", "place") in found
    assert ("Korea", "country") in found and ("China", "country") in found
    assert ("US", "country") in found and ("us", "country") not in found


def test_dates_resolve_against_publication():
    pub = date(2023, 10, 13)  # a Friday
    text = "They met on Friday, signed on June 22, met on the 27th, and will meet next year."
    values = [d.value for d in find_dates(text, 0, len(text), pub)]
    assert "2023-10-13" in values and "2023-06-22" in values and "2023-09-27" in values
    assert find_dates("in June 2016", 0, 12, None)[0].value == "2016-06"
    assert find_dates("It was set up next year", 0, 23, pub)[0].value == "2024"
    assert find_time("at 10 a.m. sharp") == "10:00"
    assert find_time("at 3:30 p.m.") == "15:30"


def test_future_weekday_resolves_forward():
    pub = date(2024, 5, 15)  # a Wednesday
    text = "The mayor will visit on Friday."
    assert find_dates(text, 0, len(text), pub)[0].value == "2024-05-17"


def test_parse_published_rejects_impossible_dates():
    assert parse_published("February 30, 2023")[0] is None
    assert parse_published("2023-02-30")[0] is None
    assert parse_published("2023-10-13") == (date(2023, 10, 13), None)


def test_korean_names_in_both_orders():
    assert split_name("Heong-jun Park") == ("Park", "Heong-jun")
    assert split_name("Park Heong-jun") == ("Park", "Heong-jun")
    assert same_person("Park Heong-joon", "Heong-jun Park")
    assert same_person("Goo Bokgyu", "Koo Bok-kyu")
    assert not same_person("Kim In-sik", "Hyeok Kim")


def test_topics_vocabulary():
    assert set(topics_in("smart city development, tourism and cultural exchanges")) >= {
        "smart_city_digital", "tourism", "culture_arts"}


def test_meeting_article():
    r = extract(MEETING)
    d = r.to_dict()
    assert d["document"]["published"] == "2024-05-17"
    places = {p["name"]: p for p in d["places"]}
    assert places["Daejeon"]["country"] == "KR" and places["Wroclaw"]["country"] == "PL"
    assert {c["code"] for c in d["countries"]} >= {"PL", "KR"}
    people = {p["name"]: p for p in d["people"]}
    assert people["Min-ho Kang"]["title"] == "Mayor" and people["Min-ho Kang"]["of"] == "Daejeon"
    assert "Mayor Kang" in people["Min-ho Kang"]["aliases"]
    assert people["Anna Kowalska"]["title"] == "Ambassador" and people["Anna Kowalska"]["of"] == "Poland"
    assert people["Anna Kowalska"]["to"] == "KR"
    meeting = next(e for e in d["events"] if e["type"] == "meeting")
    assert meeting["date"] == "2024-05-16" and meeting["time"] == "15:00"
    assert {p["name"] for p in meeting["participants"]} >= {"Min-ho Kang", "Anna Kowalska"}
    ag = next(a for a in d["agreements"] if a["type"] == "friendship_city")
    assert ag["date"] == "2019-03-03" and {p["name"] for p in ag["parties"]} == {"Daejeon", "Wroclaw"}
    assert any(f["due"] == "2025" for f in d["follow_ups"])


def test_evidence_spans_point_into_the_input():
    r = extract(MEETING)
    for slot in ("places", "people", "events", "agreements"):
        for item in getattr(r, slot):
            for span in item.evidence:
                assert MEETING[span.start:span.end] == span.text


def test_alliance_article():
    r = extract(ALLIANCE, published="2024-11-13")
    d = r.to_dict()
    al = d["alliances"][0]
    assert al["name"] == "Saemangeum Cities Alliance"
    assert {m["name"] for m in al["members"]} == {"Jeonju", "Gunsan", "Iksan"}
    assert al["established"] == "2019-03"
    assert al["counts"] == {"projects": 20, "fields": 4}
    ws = next(e for e in d["events"] if e["type"] == "workshop")
    assert ws["date"] == "2024-11-12" and ws["place"] == "Jeonju" and ws["attendance"] == 80
    person = next(p for p in d["people"] if p["name"] == "Park Ji-hoon")
    assert person["title"] == "Director" and person["of"] == "Jeonbuk Research Institute"
    assert d["document"]["publisher"] == "The Jeonbuk Daily"


def test_sister_city_article_with_planned_mou():
    d = extract(SISTER, published="2023-06-06").to_dict()
    types = {(a["type"], a["status"]) for a in d["agreements"]}
    assert ("sister_city", "signed") in types and ("mou", "planned") in types
    sister = next(a for a in d["agreements"] if a["type"] == "sister_city")
    assert sister["date"] == "2023-06-05"
    assert {p["name"] for p in sister["parties"]} == {"Gimhae City", "Haikou"} or \
        {p["name"] for p in sister["parties"]} == {"Gimhae", "Haikou"}
    signing = next(e for e in d["events"] if e["type"] == "signing")
    assert signing["date"] == "2023-06-05"


def test_gazetteer_works_without_korean_admin_data(monkeypatch, tmp_path):
    from amity.extract import gazetteer

    monkeypatch.setattr(gazetteer, "KR_ADMIN_PATH", tmp_path / "missing.json")
    g = gazetteer.Gazetteer()
    assert not g.kr_admin_loaded
    found = {("Busan", h.kind) for h in g.find("Busan and Ulsan") if h.start == 0}
    assert found == {("Busan", "place")}


def test_korean_admin_variants_are_one_place():
    g = get_gazetteer()
    if not g.kr_admin_loaded:
        return  # data/kr_admin.json not shipped in this checkout
    d = extract("Busan Metropolitan City and Busan City: Busan signed an MOU with Pohang City.").to_dict()
    busan = next(p for p in d["places"] if p["canonical_name"] == "Busan")
    assert busan["kr_admin_code"] and busan["country"] == "KR"
    assert {"Busan Metropolitan City", "Busan City"} <= set(busan["aliases"]) | {busan["name"]}


def test_unknown_town_found_from_context():
    d = extract("The Alnwick Town Council welcomed guests. Alnwick's mayor thanked the visitors from "
                "Voerde, Germany.").to_dict()
    names = {p["name"] for p in d["places"]}
    assert "Alnwick" in names and "Voerde" in names


def test_venue_is_not_a_place_or_organization():
    d = extract("Mayor Kim Min-su met the delegation at the Lotte Hotel in Busan and toured "
                "Suwon Hwaseong Fortress.", published="2024-01-10").to_dict()
    assert "Hwaseong" not in {p["name"] for p in d["places"]}
    assert all("Hotel" not in o["name"] for o in d["organizations"])


def test_markdown_dateline_and_reporting_dates():
    from extract_fixtures import MARKDOWN

    d = extract(MARKDOWN, published="2024-10-08").to_dict()
    assert d["document"]["title"].startswith("Jeonju signs")
    people = {p["name"]: p for p in d["people"]}
    assert people["Woo Beom-ki"]["of"] == "Jeonju" and people["Emmanuel Denis"]["of"] == "Tours"
    signing = next(e for e in d["events"] if e["type"] == "signing")
    assert signing["date"] == "2024-10-06"  # not the dateline (Oct. 8) nor "announced on the 8th"
    assert [a["date"] for a in d["agreements"] if a["type"] == "friendship_city"] == ["2024-10-06"]
    assert "Gastronomy" not in {p["name"] for p in d["places"]}
