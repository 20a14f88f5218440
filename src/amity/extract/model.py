"""Typed result of an extraction, and its versioned JSON form (see SCHEMA.md).

Every record is a plain dataclass so results pickle cheaply across a process
pool and serialise with `to_dict()`; `from_dict()` reads the same form back and
ignores keys it does not know (forward compatibility).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "amity.extraction/1"
EXTRACTOR_VERSION = "1.0.0"


@dataclass
class Span:
    """Half-open character range [start, end) into the text passed to `extract()`."""

    start: int
    end: int
    text: str


@dataclass
class Ref:
    """A reference to another record of the same result, by id and by name."""

    ref: str | None
    name: str
    role: str | None = None


@dataclass
class DocumentInfo:
    title: str | None = None
    published: str | None = None
    language: str | None = None
    publisher: str | None = None
    url: str | None = None
    length: int = 0
    # Spans always index the string given to extract(); for HTML input the
    # offsets of the cleaned text are mapped back onto the markup.
    offsets: str = "input"


@dataclass
class Place:
    id: str
    name: str
    canonical_name: str | None = None
    country: str | None = None
    kind: str | None = None
    geonames_id: int | None = None
    kr_admin_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Country:
    id: str
    code: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    title_raw: str | None = None
    of: str | None = None
    of_ref: str | None = None
    to: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    mentions: list[Span] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Organization:
    id: str
    name: str
    kind: str = "other"
    place: str | None = None
    place_ref: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    place: str | None = None
    place_ref: str | None = None
    participants: list[Ref] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    attendance: int | None = None
    status: str | None = None
    evidence: list[Span] = field(default_factory=list)
    rule: str | None = None  # the named decision that took it (codes.DECISIONS) and its reason
    reason: str | None = None


@dataclass
class Agreement:
    id: str
    type: str
    title: str | None = None
    parties: list[Ref] = field(default_factory=list)
    date: str | None = None
    status: str = "signed"
    fields: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    rule: str | None = None  # the named decision that took it (codes.DECISIONS) and its reason
    reason: str | None = None


@dataclass
class Alliance:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    members: list[Ref] = field(default_factory=list)
    established: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    key_projects: list[str] = field(default_factory=list)
    teams: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class FollowUp:
    id: str
    action: str
    owner: Ref | None = None
    due: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Decision:
    """A sentence a named rule set aside, and why ("background", "habitual", "plan_only" ...)."""

    slot: str
    rule: str
    reason: str
    evidence: list[Span] = field(default_factory=list)


# Which nested dataclass each list/field holds, for from_dict().
_NESTED: dict[str, type] = {
    "mentions": Span,
    "evidence": Span,
    "participants": Ref,
    "parties": Ref,
    "members": Ref,
    "owner": Ref,
}

SLOT_TYPES: dict[str, type] = {
    "places": Place,
    "countries": Country,
    "people": Person,
    "organizations": Organization,
    "events": Event,
    "agreements": Agreement,
    "alliances": Alliance,
    "follow_ups": FollowUp,
}


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue
        nested = _NESTED.get(key)
        if nested is not None and isinstance(value, list):
            value = [_build(nested, v) for v in value if isinstance(v, dict)]
        elif nested is not None and isinstance(value, dict):
            value = _build(nested, value)
        kwargs[key] = value
    return cls(**kwargs)


@dataclass
class Extraction:
    document: DocumentInfo = field(default_factory=DocumentInfo)
    places: list[Place] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    alliances: list[Alliance] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA_VERSION
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": self.schema,
            "extractor_version": self.extractor_version,
            "document": dataclasses.asdict(self.document),
        }
        for slot in SLOT_TYPES:
            out[slot] = [dataclasses.asdict(item) for item in getattr(self, slot)]
        out["decisions"] = [dataclasses.asdict(item) for item in self.decisions]
        out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        result = cls(
            document=_build(DocumentInfo, data.get("document") or {}),
            warnings=list(data.get("warnings") or []),
            schema=data.get("schema", SCHEMA_VERSION),
            extractor_version=data.get("extractor_version", EXTRACTOR_VERSION),
        )
        for slot, item_cls in SLOT_TYPES.items():
            items = [_build(item_cls, d) for d in data.get(slot) or [] if isinstance(d, dict)]
            setattr(result, slot, items)
        result.decisions = [_build(Decision, d) for d in data.get("decisions") or [] if isinstance(d, dict)]
        return result
