"""Korean press releases (보도자료): one invented article per pattern the Korean rules read.

The articles are written for these tests in the style of Korean city releases (a byline, a
headline and sub-headline, a photo caption); the officials are invented, the cities real.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from amity.extract import extract
from amity.extract.korean.dates import find_dates
from amity.extract.korean.names import romanise, transliterate_match

SISTER = """울산시, 일본 니가타시와 자매결연 체결
항만·관광 분야 교류 본격화

[동남일보 정하늘 기자] 울산시는 지난 4일 시청 국제회의실에서 일본 니가타시와 자매결연 협약을 체결했다고 7일 밝혔다.

협약식에는 홍길동 울산시장과 다나카 유키 니가타시장 등 양 도시 관계자 120여 명이 참석했다.

▲ 홍길동 울산시장(오른쪽)이 다나카 유키 니가타시장과 협약서를 교환하고 있다. <사진제공=울산시>

양 도시는 이번 협약으로 항만물류, 관광, 청소년 교류 등 다양한 분야에서 협력하기로 했다.

홍 시장은 "니가타시와의 우정이 두 도시 시민 모두에게 새로운 기회가 되길 바란다"고 말했다.

ⓒ 동남일보 무단전재 및 재배포 금지
"""

ENVOY = """김영희 부산시장, 주부산 몽골 총영사 접견
교육·의료 분야 협력 논의

[부산=한빛뉴스 이수민 기자] 김영희 부산시장은 15일 오후 2시 시청 접견실에서 바트 에르덴 주부산 몽골 총영사를 만나 교육과 의료 분야 협력 방안을 논의했다.

이 자리에는 수흐 바야르 주한 몽골대사도 함께했다.

김 시장은 "몽골과 부산의 교류가 더 넓어지길 기대한다"고 말했다.

이 총영사는 "부산 시민들의 환대에 감사드린다"고 화답했다.
"""

ALLIANCE = """해맞이동맹, 실무 워크숍 개최
포항·울산·경주 3개 시 공무원 120여 명 참석

포항시는 포항·울산·경주 3개 시로 구성된 해맞이동맹이 2일 경주에서 공동 워크숍을 열었다고 밝혔다.

해맞이동맹은 2016년 6월 출범한 협의체로 관광과 산업 분야 공동사업을 추진하고 있다.

▲ 해맞이동맹 워크숍 참석자들이 기념촬영을 하고 있다. [사진=포항시]

포항시 관계자는 "3개 시가 힘을 모아 공동사업을 차질 없이 추진하겠다"고 말했다.

포항=최바다 기자
"""

PLANNED = """거창군, 경북 영주시와 우호협력도시 의향서 교환
내년 상반기 자매결연 추진

경남 거창군은 오는 15일 군청 대회의실에서 경북 영주시와 우호교류 의향서를 교환할 예정이다.

두 지역은 의향서를 바탕으로 내년 상반기 자매결연을 체결하기로 했다.

서춘수 군수는 "영주시와 농업, 문화 분야에서 폭넓게 교류하겠다"고 말했다.

/가상뉴스
"""

FOREIGN = """함양군, 베트남 하이즈엉성 떤롱시와 업무협약
함양군은 22일 베트남 하이즈엉성 떤롱시와 계절근로자 도입을 위한 업무협약을 체결했다.
함양군은 지난해 슬로베니아 코페르시, 중국 선양시와도 교류를 시작했으며 올해 호찌민시와 후쿠오카시 방문을 추진한다.
"""


@pytest.fixture(scope="module")
def sister():
    return extract(SISTER, published="2024-03-07")


@pytest.fixture(scope="module")
def envoy():
    return extract(ENVOY, published="2024-05-15")


def _person(result, name):
    return next(p for p in result.people if p.name == name)


def _place(result, name):
    return next(p for p in result.places if p.name == name)


def test_korean_article_is_read_by_the_korean_rules(sister):
    assert sister.document.language == "ko"
    assert not any("language" in w for w in sister.warnings)


def test_name_before_title_fused_with_place(sister):
    mayor = _person(sister, "홍길동")
    assert (mayor.title, mayor.of, mayor.title_raw) == ("Mayor", "울산", "시장")
    assert mayor.family_name == "홍" and mayor.given_name == "길동"
    foreign = _person(sister, "다나카 유키")
    assert (foreign.title, foreign.of) == ("Mayor", "니가타")


def test_later_mention_and_spans_point_into_the_input(sister):
    mayor = _person(sister, "홍길동")
    assert "홍 시장" in [m.text for m in mayor.mentions]
    for slot in (sister.people, sister.places, sister.organizations):
        for item in slot:
            for span in item.mentions:
                assert SISTER[span.start:span.end] == span.text


def test_places_keep_korean_and_english_names(sister):
    ulsan = _place(sister, "울산")
    assert ulsan.country == "KR" and ulsan.canonical_name == "Ulsan" and ulsan.kr_admin_code == "31000"
    assert {"울산시", "울산광역시", "Ulsan"} <= set(ulsan.aliases)
    niigata = _place(sister, "니가타")
    assert (niigata.country, niigata.canonical_name) == ("JP", "Niigata") and "니가타시" in niigata.aliases
    assert [c.code for c in sister.countries] == ["JP"]


def test_byline_reporter_and_copyright_publisher(sister):
    reporter = _person(sister, "정하늘")
    assert (reporter.title, reporter.of) == ("Reporter", "동남일보")
    assert sister.document.publisher == "동남일보"
    assert [o.kind for o in sister.organizations if o.name == "동남일보"] == ["media"]


def test_signing_event_and_sister_city_agreement(sister):
    signing = next(e for e in sister.events if e.type == "signing")
    assert signing.date == "2024-03-04"  # 지난 4일, not the day it was announced (7일 밝혔다)
    assert signing.attendance == 120
    names = {p.name for p in signing.participants}
    assert {"홍길동", "다나카 유키", "울산", "니가타"} <= names
    agreement = next(a for a in sister.agreements if a.type == "sister_city")
    assert {p.name for p in agreement.parties} == {"울산", "니가타"}
    assert agreement.date == "2024-03-04" and agreement.status == "signed"


def test_posting_prefixes(envoy):
    consul = _person(envoy, "바트 에르덴")
    assert (consul.title, consul.of, consul.to) == ("Consul General", "몽골", "KR")
    ambassador = _person(envoy, "수흐 바야르")
    assert (ambassador.title, ambassador.of, ambassador.to) == ("Ambassador", "몽골", "KR")
    assert "이 총영사" not in [p.name for p in envoy.people]


def test_meeting_date_time_and_outlet(envoy):
    meeting = next(e for e in envoy.events if e.type == "meeting")
    assert (meeting.date, meeting.time) == ("2024-05-15", "14:00")
    reporter = _person(envoy, "이수민")
    assert (reporter.title, reporter.of) == ("Reporter", "한빛뉴스")
    assert {c.code for c in envoy.countries} == {"MN"}


def test_alliance_of_places_listed_with_particles():
    result = extract(ALLIANCE, published="2024-09-03")
    alliance = next(a for a in result.alliances if a.name == "해맞이동맹")
    assert {m.name for m in alliance.members} == {"포항", "울산", "경주"}
    assert alliance.established == "2016-06"
    gyeongju = _place(result, "경주")
    assert "경주에서" in ALLIANCE and any(m.text == "경주" for m in gyeongju.mentions)
    workshop = next(e for e in result.events if e.type == "workshop")
    assert workshop.date == "2024-09-02" and workshop.place == "경주"
    assert _person(result, "최바다").title == "Reporter"


def test_planned_exchange_and_agreements():
    result = extract(PLANNED, published="2025-03-04")
    # a letter of intent is an MOU, plus the tie it announces (GUIDELINES: one instrument, two names)
    assert {(a.type, a.status) for a in result.agreements} == {("mou", "planned"), ("sister_city", "planned")}
    assert next(a for a in result.agreements if a.type == "mou").date == "2025-03-15"
    assert next(e for e in result.events if e.type == "signing").status == "planned"
    assert all({p.name for p in a.parties} == {"거창", "영주"} for a in result.agreements)
    governor = _person(result, "서춘수")
    assert (governor.title, governor.of) == ("Governor", "거창")  # 군수 of the article's own county
    assert result.document.publisher == "가상뉴스"
    assert "경북" in {p.name for p in result.places} and "경남" in {p.name for p in result.places}


def test_foreign_places_in_hangul():
    result = extract(FOREIGN, published="2024-11-25")
    english = {p.name: (p.canonical_name, p.country) for p in result.places}
    assert english["코페르"] == ("Koper", "SI")
    assert english["선양"] == ("Shenyang", "CN")
    assert english["호찌민"] == ("Ho Chi Minh City", "VN")
    assert english["후쿠오카"] == ("Fukuoka", "JP")
    # towns no list knows are still places of the country written before them
    assert english["하이즈엉성"][1] == "VN" and english["떤롱"][1] == "VN"
    mou = next(a for a in result.agreements if a.type == "mou")
    assert {p.name for p in mou.parties} == {"함양", "떤롱"} and mou.date == "2024-11-22"


def test_transliteration_fallback_matches_gazetteer_latin_names():
    assert romanise("타간로그") == "taganrogu"
    assert transliterate_match("타간로그", "RU").name == "Taganrog"
    assert transliterate_match("세게드", "HU").name == "Szeged"
    assert transliterate_match("가나다라마", "HU") is None
    # names borrowed from Western languages: ㅡ is silent and l/r, b/v, k/c sound alike
    assert transliterate_match("클리블랜드", "US").name == "Cleveland"


def test_byline_region_is_not_a_party():
    text = ("[경기=새날신문 박하나 기자] 수원시는 지난 3일 시청 중회의실에서 미국 클리블랜드시와 우호도시 협약을 체결했다고 "
            "5일 밝혔다.\n")
    result = extract(text, published="2024-07-05")
    agreement = next(a for a in result.agreements if a.type == "friendship_city")
    assert {p.name for p in agreement.parties} == {"수원", "클리블랜드"}
    assert _place(result, "클리블랜드").canonical_name == "Cleveland"


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("27일", False, "2024-05-27"), ("지난 4일", False, "2024-06-04"), ("오는 15일", False, "2024-06-15"),
    ("오는 3일", False, "2024-07-03"), ("2월 4일 오후 2시", False, "2024-02-04"), ("2월 4일", True, "2025-02-04"),
    ("2016년 6월", False, "2016-06"), ("내년", False, "2025"), ("올해", False, "2024"), ("작년 10월", False, "2023-10"),
    ("2023년 3월 29일", False, "2023-03-29"), ("다음 달 1일", False, "2024-07-01"), ("2∼3일", False, "2024-06-02"),
])
def test_korean_dates_resolve_against_publication(text, future, expected):
    found = find_dates(text, 0, len(text), date(2024, 6, 10), future)
    assert found and found[0].value == expected


@pytest.mark.parametrize("text", ["3박 4일간", "120여 명", "30일간"])
def test_durations_and_counts_are_not_dates(text):
    assert find_dates(text, 0, len(text), date(2024, 6, 10), False) == []


@pytest.mark.parametrize("text", ["", "가나다라 마바사", "시장 군수 구청장", "(주)" * 500, "<p>부산시는 <b>13일</b></p>",
                                  "부산시는 99월 99일 협약을 체결했다.", "\ufffd\ufffd 울산시와 협약"])
def test_bad_korean_input_gives_clean_results(text):
    result = extract(text, published="2024-06-10")
    result.to_dict()
    assert isinstance(result.warnings, list)
    assert not any("failed" in w for w in result.warnings)


def test_english_path_does_not_load_the_korean_tables():
    code = ("import sys; from amity.extract import extract; extract('Busan Mayor Park met the Ambassador.', "
            "published='2024-01-01'); from amity.extract.korean import names; "
            "print(names._NAMES is None, 'babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]


def test_place_written_before_the_name_is_the_office_of_a_bare_title():
    text = ("경주시, 한·중·일 도시 협의회 개최\n\n경주시는 10일 화백컨벤션센터에서 열린 협의회에 강원도 이한결 부지사, "
            "영천시 오세린 시장, 고령군 문다온 군수 등이 참석했다고 밝혔다.\n")
    result = extract(text, published="2024-10-11")
    offices = {p.name: (p.title, p.of) for p in result.people}
    assert offices["이한결"] == ("Vice Governor", "강원도")
    assert offices["오세린"] == ("Mayor", "영천")
    assert offices["문다온"] == ("Governor", "고령")


def test_quoted_name_with_latin_name_is_an_organization():
    text = ("부산시, 아태 해양도시 네트워크 총회 참석\n\n부산시는 20여 개 도시가 참여하는 해양도시 네트워크인 "
            "‘바다누리(SEANET)’ 총회에 참석했다고 5일 밝혔다.\n")
    result = extract(text, published="2024-04-05")
    org = next(o for o in result.organizations if o.name == "바다누리")
    assert "SEANET" in org.aliases
    assert [a.name for a in result.alliances] == ["바다누리"]


def test_ordinary_words_that_are_also_names_are_not_read_as_such():
    text = ("관광객 증가세 이어져\n\n관광객이 전주 대비 늘었으며 장수를 기원하는 행사에는 주민 대표와 관계 국장이 참석했다. "
            "시는 양산 체제를 갖춘 공장을 방문했다.\n")
    result = extract(text, published="2024-04-05")
    assert result.places == [] and result.people == []


def test_latin_and_chinese_forms_in_brackets_become_aliases():
    text = ("부산시, 코페르시와 항만 협력\n\n부산시는 12일 슬로베니아 코페르(Koper)시와 항만 협력 방안을 논의했다고 밝혔다. "
            "이 자리에는 안나 노박(Anna Novak) 코페르시장과 왕리(王力) 주부산중국총영사가 함께했다.\n")
    result = extract(text, published="2024-01-15")
    assert "Koper" in _place(result, "코페르").aliases
    mayor = _person(result, "안나 노박")
    assert (mayor.title, mayor.of, mayor.aliases) == ("Mayor", "코페르", ["Anna Novak"])
    consul = next(p for p in result.people if p.title == "Consul General")
    assert consul.aliases == ["王力"] and consul.of == "중국" and consul.to == "KR"
    assert "부산" in {p.name for p in result.places}


def test_country_pairs_and_foreign_associations():
    text = ("한·중·일 지방정부 교류회의 개최\n\n경주시는 10일 한·중·일 지방정부 교류회의를 열었다고 밝혔다. 회의에는 "
            "일본자치체국제화협회와 한국지방행정연구원 관계자가 참석했으며 한몽 교류 방안도 논의했다.\n")
    result = extract(text, published="2024-10-11")
    assert {c.code for c in result.countries} == {"KR", "CN", "JP", "MN"}
    assert next(c for c in result.countries if c.code == "CN").name == "중국"
