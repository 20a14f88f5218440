"""The two seed articles, slot by slot, as a careful reader takes them."""

from __future__ import annotations

import json

import pytest

from amity.extract import Extraction, extract


def _load(seeds_dir, prefix: str) -> str:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} missing")
    return path.read_text(encoding="utf-8")


def _published(seeds_dir, seed_id: str, default: str) -> str:
    dev = seeds_dir.parent / "eval" / "dev.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("id") == seed_id and rec.get("published"):
                return rec["published"]
    return default


def _by_name(items):
    return {i["name"]: i for i in items}


def test_seed_000_busan_koper(seeds_dir):
    text = _load(seeds_dir, "000")
    d = extract(text).to_dict()  # the date comes from the " date 2023-10-13" line
    assert d["document"]["published"] == "2023-10-13"

    places = _by_name(d["places"])
    assert set(places) == {"Busan", "Koper"}
    assert places["Busan"]["country"] == "KR" and places["Koper"]["country"] == "SI"
    assert "Koper City" in places["Koper"]["aliases"]
    assert {c["code"] for c in d["countries"]} == {"KR", "SI"}

    people = _by_name(d["people"])
    assert set(people) == {"Heong-jun Park", "Jernej Muller"}
    park, muller = people["Heong-jun Park"], people["Jernej Muller"]
    assert (park["title"], park["of"]) == ("Mayor", "Busan") and "Mayor Park" in park["aliases"]
    assert not any(a.startswith("Ambassador") for a in park["aliases"])
    assert (muller["title"], muller["of"], muller["to"]) == ("Ambassador", "Slovenia", "KR")
    assert "Ambassador Muller" in muller["aliases"]

    orgs = _by_name(d["organizations"])
    assert orgs["Busan Port Authority"]["kind"] == "port_authority"
    assert {"Busan Port", "Koper Port", "National Geographic"} <= set(orgs)

    meeting = next(e for e in d["events"] if e["type"] == "meeting")
    assert meeting["date"] == "2023-10-13" and meeting["time"] == "10:00"
    assert meeting["place"] == "Busan" and meeting["venue"] == "City Hall"
    assert {"Heong-jun Park", "Jernej Muller"} <= {p["name"] for p in meeting["participants"]}
    assert {"smart_city_digital", "tourism"} <= set(meeting["topics"])

    agreements = [a for a in d["agreements"] if a["type"] == "friendship_city"]
    assert len(agreements) == 1
    assert {p["name"] for p in agreements[0]["parties"]} == {"Busan", "Koper"}
    assert agreements[0]["date"] == "2023-06-22" and agreements[0]["status"] == "signed"

    invite = next(f for f in d["follow_ups"] if "invite" in f["action"])
    assert invite["due"] == "2024" and invite["owner"]["name"] == "Heong-jun Park"
    assert d["alliances"] == []


def test_seed_003_haeoreum_alliance(seeds_dir):
    text = _load(seeds_dir, "003")
    published = _published(seeds_dir, "seed-003", "2024-09-27")
    d = extract(text, published=published).to_dict()

    assert {p["name"] for p in d["places"]} >= {"Pohang", "Ulsan", "Gyeongju"}
    assert all(p["country"] == "KR" for p in d["places"])
    assert d["document"]["publisher"] == "The Asia Business Daily"

    alliance = d["alliances"][0]
    assert alliance["name"] == "Haeoreum Alliance"
    assert {m["name"] for m in alliance["members"]} == {"Pohang", "Ulsan", "Gyeongju"}
    assert alliance["established"] == "2016-06"
    assert alliance["counts"] == {"projects": 36, "fields": 5}
    assert set(alliance["key_projects"]) == {
        "eco-friendly high-tech industrial belt", "world-class cultural tourism area",
        "ultra-wide transportation network"}
    assert alliance["teams"][0]["name"] == "Haeoreum Alliance Metropolitan Promotion Team"
    assert alliance["teams"][0]["size"] == 4

    workshops = [e for e in d["events"] if e["type"] == "workshop"]
    assert len(workshops) == 1
    ws = workshops[0]
    assert ws["date"] == "2024-09-27" and ws["place"] == "Gyeongju"
    assert ws["venue"].startswith("The-K Hotel") and ws["attendance"] == 120

    jung = _by_name(d["people"])["Jung Hyunwook"]
    assert (jung["title"], jung["of"]) == ("Director", "Ulsan Institute")

    orgs = _by_name(d["organizations"])
    assert {"Haeoreum Alliance", "Ulsan Institute", "Haeoreum Alliance Metropolitan Promotion Team",
            "The Asia Business Daily"} <= set(orgs)
    assert "Haeoreum Alliance Council" in orgs["Haeoreum Alliance"]["aliases"]
    assert orgs["Haeoreum Alliance"]["kind"] == "alliance"
    assert d["agreements"] == []
    assert Extraction.from_dict(json.loads(json.dumps(d))).to_dict() == d
