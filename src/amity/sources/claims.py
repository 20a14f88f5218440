"""From an extraction result to claim drafts: one per fact, with a stable key,
a confidence and a short explanation of why it was read that way."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from amity.registry.lookup import normalise

SLOT_OF_SECTION = {
    "places": "place", "countries": "country", "people": "person", "organizations": "organization",
    "events": "engagement", "agreements": "agreement", "alliances": "alliance", "follow_ups": "follow_up",
}


@dataclass
class ClaimDraft:
    slot: str
    key: str
    local_id: str
    label: str
    value: dict
    evidence: list[dict]
    confidence: float
    explanation: str
    refs: list[str] = field(default_factory=list)  # local ids this fact depends on


def _key(*parts) -> str:
    return hashlib.sha1("|".join(str(part) for part in parts).encode()).hexdigest()


def _evidence(item: dict) -> list[dict]:
    spans = item.get("evidence") or item.get("mentions") or []
    return [{"start": s["start"], "end": s["end"], "text": s.get("text", "")} for s in spans if "start" in s]


def _place(item: dict) -> ClaimDraft:
    linked = item.get("geonames_id") or item.get("kr_admin_code")
    identity = item.get("kr_admin_code") and f"kr:{item['kr_admin_code']}" or (
        item.get("geonames_id") and f"geonames:{item['geonames_id']}") or normalise(item["name"])
    why = (f"gazetteer match ({identity}, {item.get('canonical_name') or item['name']}, {item.get('country')})"
           if linked else "named as a place but not in the gazetteer")
    return ClaimDraft("place", _key("place", item.get("country"), identity), item["id"],
                      f"{item['name']} ({item.get('country') or '?'})", item, _evidence(item),
                      0.95 if linked else 0.6, why)


def _country(item: dict) -> ClaimDraft:
    return ClaimDraft("country", _key("country", item["code"]), item["id"], f"{item['name']} ({item['code']})",
                      item, _evidence(item), 0.95, f"country name or adjective for ISO {item['code']}")


def _person(item: dict) -> ClaimDraft:
    title = item.get("title")
    of = item.get("of")
    label = item["name"] + (f", {title}" if title else "") + (f" of {of}" if of else "")
    why = f"title {title!r} read from {item.get('title_raw') or title!r}" if title else "named person without a title"
    refs = [item["of_ref"]] if item.get("of_ref") else []
    return ClaimDraft("person", _key("person", normalise(item["name"])), item["id"], label, item,
                      _evidence(item), 0.85 if title else 0.7, why, refs)


def _organization(item: dict) -> ClaimDraft:
    refs = [item["place_ref"]] if item.get("place_ref") else []
    return ClaimDraft("organization", _key("organization", normalise(item["name"])), item["id"],
                      f"{item['name']} ({item.get('kind') or 'other'})", item, _evidence(item),
                      0.75, f"organization name of kind {item.get('kind') or 'other'}", refs)


def _participant_refs(item: dict, key: str = "participants") -> list[str]:
    return [p["ref"] for p in item.get(key) or [] if p.get("ref")]


def _event(item: dict) -> ClaimDraft:
    names = ", ".join(p.get("name", "") for p in item.get("participants") or [])
    label = f"{item['type']} {item.get('date') or 'undated'}" + (f" in {item['place']}" if item.get("place") else "")
    dated, people = bool(item.get("date")), bool(item.get("participants"))
    why = f"{item['type']} with {names or 'no named participants'}; date {'resolved' if dated else 'not given'}"
    why += f"; {item['reason']}" if item.get("reason") else ""  # the extractor's named rule (codes.DECISIONS)
    refs = _participant_refs(item) + ([item["place_ref"]] if item.get("place_ref") else [])
    return ClaimDraft("engagement", _key("engagement", item["type"], item.get("date"), normalise(item.get("place"))),
                      item["id"], label, item, _evidence(item), 0.5 + 0.2 * dated + 0.2 * people, why, refs)


def _agreement(item: dict) -> ClaimDraft:
    parties = sorted(normalise(p.get("name")) for p in item.get("parties") or [])
    status = item.get("status") or "signed"
    label = f"{item['type']}: {' – '.join(p.get('name', '') for p in item.get('parties') or [])}"
    why = f"{status} {item['type'].replace('_', ' ')} agreement" + (f" dated {item['date']}" if item.get("date") else "")
    why += f"; {item['reason']}" if item.get("reason") else ""
    return ClaimDraft("agreement", _key("agreement", item["type"], *parties), item["id"], label, item,
                      _evidence(item), 0.8 if len(parties) >= 2 else 0.6, why, _participant_refs(item, "parties"))


def _alliance(item: dict) -> ClaimDraft:
    members = ", ".join(m.get("name", "") for m in item.get("members") or [])
    return ClaimDraft("alliance", _key("alliance", normalise(item["name"])), item["id"], item["name"], item,
                      _evidence(item), 0.85, f"named alliance of {members or 'unnamed members'}",
                      _participant_refs(item, "members"))


def _follow_up(item: dict) -> ClaimDraft:
    owner = item.get("owner") or {}
    refs = [owner["ref"]] if owner.get("ref") else []
    return ClaimDraft("follow_up", _key("follow_up", normalise(item["action"])[:120], item.get("due")), item["id"],
                      item["action"][:200], item, _evidence(item), 0.6,
                      f"planned action{' due ' + item['due'] if item.get('due') else ''}", refs)


BUILDERS = {"places": _place, "countries": _country, "people": _person, "organizations": _organization,
            "events": _event, "agreements": _agreement, "alliances": _alliance, "follow_ups": _follow_up}


def drafts_from_extraction(result: dict) -> list[ClaimDraft]:
    """Claim drafts for every item of an extraction result (its `to_dict()` form)."""
    drafts: list[ClaimDraft] = []
    seen: set[tuple[str, str]] = set()
    for section, build in BUILDERS.items():
        for item in result.get(section) or []:
            draft = build(item)
            # Two items with one key in the same result are one fact; keep the first.
            if (draft.slot, draft.key) in seen:
                continue
            seen.add((draft.slot, draft.key))
            drafts.append(draft)
    return drafts
