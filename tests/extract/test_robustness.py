"""No input makes extract() raise; the JSON form survives a round trip."""

from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.extract import EXTRACTOR_VERSION, SCHEMA_VERSION, Extraction, extract

WORDS = ["Busan", "Mayor", "Park", "signed", "a", "sister", "city", "agreement", "with", "Koper", "on",
         "the", "27th", "Friday", "June", "22", "2023", "Ambassador", "of", "Slovenia", "Korea-China",
         "Alliance", "Council", "<p>", "</div>", "&amp;", "©", "\n", ".", ",", "’s", "부산", "釜山", "\x00",
         "February 30", "Hotel", "at", "10 a.m.", '"', "(MOU)", "-gu", "Province", "next year"]

published_values = st.one_of(
    st.none(), st.text(max_size=20), st.dates().map(str),
    st.sampled_from(["2023-02-30", "February 30, 2023", "2023-13-01", "yesterday", "0000-00-00", "9999-12-31"]),
)


def _a_step_failed(warning: str) -> bool:
    # the warning of a step that raised; a published value that is itself the word "failed" is echoed
    # in "published: not a date: 'failed'" and is no failure
    return warning.startswith(("step ", "extraction failed", "assembling the result failed"))


def _round_trip(result: Extraction) -> None:
    data = result.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    again = Extraction.from_dict(json.loads(text))
    assert again.to_dict() == data
    assert data["schema"] == SCHEMA_VERSION and data["extractor_version"] == EXTRACTOR_VERSION


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join), published_values)
def test_word_soup_never_raises(text, published):
    result = extract(text, published=published)
    _round_trip(result)
    assert not any(_a_step_failed(w) for w in result.warnings), result.warnings


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=400), published_values)
def test_any_text_never_raises(text, published):
    result = extract(text, published=published)
    _round_trip(result)
    assert not any(_a_step_failed(w) for w in result.warnings), result.warnings
    for slot in ("places", "people", "organizations", "events", "agreements"):
        for item in getattr(result, slot):
            for span in item.evidence:
                assert text[span.start:span.end] == span.text


def test_empty_and_whitespace():
    for text in ("", "   \n\t  "):
        r = extract(text)
        assert r.places == [] and r.events == []
        assert any("empty" in w for w in r.warnings)


def test_bytes_and_non_string_input():
    r = extract(b"\xff\xfe Busan \x80 Mayor")  # type: ignore[arg-type]
    assert any("bytes" in w for w in r.warnings)
    r = extract(None)  # type: ignore[arg-type]
    assert r.warnings


def test_binary_looking_text():
    r = extract("".join(chr(i) for i in range(0, 256)) * 20)
    _round_trip(r)


def test_ten_megabytes_is_cut_and_fast():
    para = "Busan Mayor Park Heong-joon met the Ambassador of Slovenia on Friday. " * 50 + "\n"
    text = para * (10_000_000 // len(para) + 1)
    t0 = time.perf_counter()
    r = extract(text, published="2023-10-13")
    assert time.perf_counter() - t0 < 20
    assert any("longer than" in w for w in r.warnings)


def test_one_line_without_spaces():
    r = extract("Busan" * 40_000)
    _round_trip(r)


def test_malformed_html():
    html = "<html><body><p>Busan Mayor <b>Park Heong-joon met <div>Koper City <script>alert(1)" \
           "</p></div>< <<>> &amp &#99999999; <p>signed a sister city agreement"
    r = extract(html, published="2023-10-13")
    _round_trip(r)
    for p in r.places:
        for span in p.mentions:
            assert html[span.start:span.end] == span.text


def test_korean_and_chinese_articles():
    ko = extract("부산시는 13일 슬로베니아 코페르시와 우호협력도시 협정을 체결했다고 밝혔다.", published="2023-10-13")
    assert ko.document.language == "ko" and not any("language" in w for w in ko.warnings)  # read by the Korean rules
    assert {p.canonical_name for p in ko.places} >= {"Busan", "Koper"}
    zh = extract("釜山市与科佩尔市签署了友好合作城市协议。", published="2023-10-13")
    assert zh.document.language == "zh"


def test_impossible_dates():
    r = extract("The mayors met on February 30 and signed on the 31st.", published="2023-02-30")
    assert any("published" in w for w in r.warnings)
    r = extract("The mayors met on February 30, 2023 in Busan.", published="2023-03-01")
    _round_trip(r)
