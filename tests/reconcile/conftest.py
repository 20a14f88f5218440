"""Partner lists written for these tests in the shape of the real ones, and a registry to compare them with.

The registry (built on the reference places every test run loads):
  Busan – Koper          sister city,     signed 2016-06-22
  Busan – Seattle        sister city,     signed 2010-03-01  (the lists say friendship city: a type conflict)
  Busan – Fukuoka        sister city,     signed 2008        (the lists say 2007-10-05: a date conflict)
  Busan – Vladivostok    sister city,     signed 1992        (no list names it: only in Amity)
  Busan – Osaka          MOU,             signed 2019        (not a tie partner lists count)
"""

from __future__ import annotations

import io
import json

import pytest

WIKIDATA = "http://www.wikidata.org/entity/"
BUSAN_QID, KOPER_QID, SEATTLE_QID, FUKUOKA_QID, HCMC_QID = "Q16520", "Q188983", "Q5083", "Q26600", "Q1854"


def gaok_xlsx() -> bytes:
    """A local government's partner list as offices keep it: a title line, Korean headers, Hangul names."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["부산광역시 국제교류 도시 현황 (2024년 12월 기준)"])
    sheet.append(["연번", "자치단체", "국가", "도시", "구분", "체결일", "비고"])
    sheet.append([1, "부산광역시", "슬로베니아", "코페르", "자매결연", "2016.6.22", "항만 협력"])
    sheet.append([2, "부산광역시", "미국", "시애틀", "우호협력", "2010. 3. 1.", ""])
    sheet.append([3, "부산광역시", "일본", "후쿠오카", "자매결연", "2007.10.5", ""])
    sheet.append([4, "부산광역시", "베트남", "호찌민", "우호협력", "1995년 11월 3일", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def wikidata_csv() -> bytes:
    """The Wikidata Query Service's CSV download of the P190 query in docs/reconcile.md."""
    lines = [
        "city,cityLabel,cityCountryCode,partner,partnerLabel,partnerCountryCode,start,end",
        f"{WIKIDATA}{BUSAN_QID},Busan,KR,{WIKIDATA}{KOPER_QID},Koper,SI,2016-06-22T00:00:00Z,",
        f"{WIKIDATA}{BUSAN_QID},Busan,KR,{WIKIDATA}{SEATTLE_QID},Seattle,US,2010-03-01T00:00:00Z,",
        f"{WIKIDATA}{BUSAN_QID},Busan,KR,{WIKIDATA}{FUKUOKA_QID},Fukuoka,JP,2007-01-01T00:00:00Z,",
        f"{WIKIDATA}{BUSAN_QID},Busan,KR,{WIKIDATA}{HCMC_QID},Ho Chi Minh City,VN,1995-11-03T00:00:00Z,",
        # the Koper tie recorded on Koper's side as well
        f"{WIKIDATA}{KOPER_QID},Koper,SI,{WIKIDATA}{BUSAN_QID},Busan,KR,,",
    ]
    return ("\n".join(lines) + "\n").encode()


def _term(value: str, kind: str = "literal", **extra) -> dict:
    return {"type": kind, "value": value, **extra}


def wikidata_json() -> bytes:
    """The same query downloaded as SPARQL JSON (application/sparql-results+json)."""
    variables = ["city", "cityLabel", "cityCountryCode", "partner", "partnerLabel", "partnerCountryCode", "start",
                 "end"]
    when = {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}

    def binding(partner_qid, label, country, start=None, end=None):
        row = {"city": _term(WIKIDATA + BUSAN_QID, "uri"), "cityLabel": _term("Busan", **{"xml:lang": "en"}),
               "cityCountryCode": _term("KR"), "partner": _term(WIKIDATA + partner_qid, "uri"),
               "partnerLabel": _term(label, **{"xml:lang": "en"}), "partnerCountryCode": _term(country)}
        if start:
            row["start"] = _term(start, **when)
        if end:
            row["end"] = _term(end, **when)
        return row

    return json.dumps({"head": {"vars": variables}, "results": {"bindings": [
        binding(KOPER_QID, "Koper", "SI", "2016-06-22T00:00:00Z"),
        binding(SEATTLE_QID, "Seattle", "US", "2010-03-01T00:00:00Z", "2020-01-01T00:00:00Z"),
        binding(FUKUOKA_QID, "Fukuoka", "JP", "2007-10-05T00:00:00Z"),
        binding(HCMC_QID, "Ho Chi Minh City", "VN"),
    ]}}, ensure_ascii=False).encode()


def plain_csv() -> bytes:
    return (
        b"city_a,country_a,city_b,country_b,type,date,source\n"
        b"Busan,KR,Koper,SI,sister city,2016-06,https://example.org/busan-koper\n"
        b"Busan,KR,Seattle,US,friendship city,2010-03-01,\n"
        b"Busan,KR,Fukuoka,JP,sister city,2007-10-05,\n"
        b"Busan,KR,Atlantis,GR,sister city,2001,\n"
    )


@pytest.fixture
def registry(db):
    """The agreements of the module docstring, between reference places."""
    from amity.registry import models as m
    from amity.registry import services
    from amity.registry.reference import reference_uid

    busan = m.Place.objects.get(uid=reference_uid("kr:26000"))

    def city(name, country):
        return m.Place.objects.filter(name=name, country_code=country).order_by("-population").first()

    places = {"busan": busan, "koper": city("Koper", "SI"), "seattle": city("Seattle", "US"),
              "fukuoka": city("Fukuoka", "JP"), "vladivostok": city("Vladivostok", "RU"), "osaka": city("Osaka", "JP")}
    assert all(places.values()), places
    agreements = {}
    for partner, kind, signed in (("koper", "sister_city", "2016-06-22"), ("seattle", "sister_city", "2010-03-01"),
                                  ("fukuoka", "sister_city", "2008"), ("vladivostok", "sister_city", "1992"),
                                  ("osaka", "mou", "2019")):
        agreement = services.create(m.Agreement, actor="user:test", type=kind, signed_date=signed, status="signed")
        for place in (busan, places[partner]):
            services.create(m.AgreementParty, actor="user:test", agreement=agreement, place=place)
        agreements[partner] = agreement
    return {"places": places, "agreements": agreements}
