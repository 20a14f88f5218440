"""Reading partner lists (no database): formats recognised by their columns, bad files explained."""

import json

import pytest

from amity.reconcile.lists import ListError, read_list
from tests.reconcile.conftest import gaok_xlsx, plain_csv, wikidata_csv, wikidata_json


def test_gaok_xlsx_korean_headers_below_a_title_line():
    listed = read_list(gaok_xlsx(), "busan.xlsx")
    assert listed.format == "gaok"
    koper = listed.rows[0]
    assert (koper.city_a, koper.country_a, koper.city_b, koper.country_b) == ("부산광역시", "KR", "코페르", "SI")
    assert (koper.type, koper.date, koper.number) == ("sister_city", "2016-06-22", 3)
    assert [row.type for row in listed.rows[1:]] == ["friendship_city", "sister_city", "friendship_city"]
    assert listed.rows[3].date == "1995-11-03"  # "1995년 11월 3일"


def test_gaok_csv_with_english_headers_and_cp949():
    data = "Local government,Country,City,Type,Date signed\n부산광역시,Slovenia,코페르,Sister city,2016\n"
    listed = read_list(data.encode("cp949"))
    assert listed.format == "gaok"
    assert (listed.rows[0].country_b, listed.rows[0].type, listed.rows[0].date) == ("SI", "sister_city", "2016")


def test_wikidata_csv_and_json_give_the_same_ties():
    from_csv, from_json = read_list(wikidata_csv()), read_list(wikidata_json())
    assert from_csv.format == from_json.format == "wikidata"
    assert [(r.qid_a, r.qid_b) for r in from_csv.rows] == [(r.qid_a, r.qid_b) for r in from_json.rows]
    assert from_csv.rows[2].date == "2007"  # a year-precision time comes as 1 January
    assert from_json.rows[1].end == "2020"
    # Koper's own record of the Busan tie is the same tie, not a second one
    assert len(from_csv.rows) == 4 and "other side" in from_csv.warnings[0]


def test_plain_csv_and_the_text_a_document_cites():
    listed = read_list(plain_csv(), format="csv")
    row = listed.rows[1]
    start, end = listed.span(row)
    assert listed.text()[start:end] == "Busan\tKR\tSeattle\tUS\tfriendship city\t2010-03-01\t"


def test_a_bad_cell_is_a_row_problem_not_a_failure():
    listed = read_list("자치단체,국가,도시,구분,체결일\n부산광역시,아틀란티스,코페르,자매,2016.13.40\n".encode())
    problems = listed.rows[0].problems
    assert any("아틀란티스" in p for p in problems) and any("not a real date" in p for p in problems)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02binary\x00" * 20, "binary"),
    (b"PK\x03\x04 not really a workbook", "XLSX"),
    ("이름,주소\n홍길동,서울\n".encode(), "columns were not recognised"),
    (b'{"results": {"bindings": {"a": 1}}}', "results.bindings"),
    (b'{"head": {"vars": ["city"]}, "results": {"bindings": [{"city": 5}]}}', "variable 'city'"),
    (b'[1, 2, 3]', "not a SPARQL result"),
    (b'{"results": ', "not valid JSON"),
])
def test_bad_files_get_a_clear_message(data, message):
    with pytest.raises(ListError, match=message):
        read_list(data)


def test_wrong_format_names_the_expected_columns():
    with pytest.raises(ListError, match="columns of a wikidata list were not found.*city_a"):
        read_list(plain_csv(), format="wikidata")
    with pytest.raises(ListError, match="unknown list format"):
        read_list(plain_csv(), format="xml")


def test_wikidata_rows_without_entities_are_flagged():
    data = json.dumps({"head": {"vars": ["city", "partner"]}, "results": {"bindings": [
        {"city": {"type": "literal", "value": "Busan"}, "partner": {"type": "uri", "value": "http://x/Q1"}}]}})
    problems = read_list(data.encode()).rows[0].problems
    assert len(problems) == 2 and all("not a Wikidata entity" in p for p in problems)
