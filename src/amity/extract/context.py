"""The working state passed through the pipeline steps.

Steps add candidates here with spans into the *clean* text; `assemble` turns
them into the public records and maps spans back to the input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .text import CleanText, fold, fold_lower


@dataclass
class PlaceCand:
    name: str  # first full mention as written
    country: str | None
    kind: str | None
    entry: object | None = None  # gazetteer.PlaceEntry when linked
    mentions: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    in_org_only: bool = False
    id: str = ""


@dataclass
class CountryCand:
    code: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    demonym_spans: set[tuple[int, int]] = field(default_factory=set)
    id: str = ""


@dataclass
class OrgCand:
    name: str
    kind: str
    span: tuple[int, int]
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    place: PlaceCand | None = None
    is_alliance: bool = False
    id: str = ""


@dataclass
class PersonCand:
    name: str
    span: tuple[int, int]
    title: str | None = None
    title_raw: str | None = None
    of: str | None = None
    of_obj: object | None = None
    to: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    id: str = ""


@dataclass
class EventCand:
    type: str
    sentence: tuple[int, int]
    date: str | None = None
    time: str | None = None
    venue: str | None = None
    place: PlaceCand | None = None
    participants: list[object] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    attendance: int | None = None
    planned: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    rule: str = "reported"  # the decision that took it (codes.DECISIONS)


@dataclass
class AgreementCand:
    type: str
    parties: list[object]
    sentence: tuple[int, int]
    date: str | None = None
    planned: bool = False
    title: str | None = None
    fields: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    rule: str = "signed"  # the decision that took it (codes.DECISIONS)


@dataclass
class AllianceCand:
    org: OrgCand
    members: list[object] = field(default_factory=list)
    established: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    key_projects: list[str] = field(default_factory=list)
    teams: list[dict] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class FollowUpCand:
    action: str
    owner: object | None
    due: str | None
    evidence: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    raw: str
    clean: CleanText
    published: date | None
    url: str | None = None
    title: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    gazetteer_hits: list = field(default_factory=list)
    countries: dict[str, CountryCand] = field(default_factory=dict)
    places: list[PlaceCand] = field(default_factory=list)
    organizations: list[OrgCand] = field(default_factory=list)
    people: list[PersonCand] = field(default_factory=list)
    events: list[EventCand] = field(default_factory=list)
    agreements: list[AgreementCand] = field(default_factory=list)
    alliances: list[AllianceCand] = field(default_factory=list)
    follow_ups: list[FollowUpCand] = field(default_factory=list)
    # (slot, rule, sentence) for what a rule set aside: why a sentence gave no event or agreement
    decisions: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _folded: str | None = None
    _lower: str | None = None
    _index_key: tuple | None = None
    _index: list = field(default_factory=list)
    _index_starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def lower(self) -> str:
        """Folded, lower-cased text (same offsets), for case-blind keyword patterns."""
        if self._lower is None:
            self._lower = fold_lower(self.clean.text)
        return self._lower

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.clean.text)
        return self._folded

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, (pos, float("inf"))) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def place_at(self, start: int, end: int) -> PlaceCand | None:
        for p in self.places:
            for s, e in p.mentions:
                if s < end and start < e:
                    return p
        return None

    def entities_in(self, start: int, end: int) -> list[tuple[int, object]]:
        """People, organizations, places and countries mentioned in [start, end), in text order."""
        return [(s, item) for s, _e, item in self.mentions_in(start, end)]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """(start, end, entity) of every mention inside [start, end), in text order; found by bisection
        so that rules asking per sentence stay linear in the length of the text."""
        key = (id(self.people), len(self.people), id(self.organizations), len(self.organizations),
               id(self.places), len(self.places), len(self.countries))
        if self._index_key != key:
            index: list[tuple[int, int, int, object]] = []
            for rank, group in enumerate((self.people, self.organizations, self.places, self.countries.values())):
                for item in group:
                    for s, e in item.mentions:
                        index.append((s, rank, e, item))
            index.sort(key=lambda x: (x[0], x[1]))
            self._index = index
            self._index_starts = [x[0] for x in index]
            self._index_key = key
        lo = bisect.bisect_left(self._index_starts, start)
        hi = bisect.bisect_left(self._index_starts, end)
        return [(s, e, item) for s, _, e, item in self._index[lo:hi] if e <= end]


class SpanCover:
    """Answers "does one of these spans contain [start, end)?" by bisection, so that a step
    checking every mention against every name stays linear in the number of names."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans starting at or before each one
        reach = -1
        for _, e in ordered:
            reach = max(reach, e)
            self._reach.append(reach)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def reach_before(self, pos: int) -> int:
        """The furthest end of the spans that start before pos (-1 if none)."""
        i = bisect.bisect_left(self._starts, pos)
        return self._reach[i - 1] if i > 0 else -1


class FirstPlaceAt:
    """`Context.place_at` for many questions at once: the first place (in the order of the list)
    with a mention overlapping [start, end), found by bisection instead of a scan of every place."""

    def __init__(self, places: list[PlaceCand]) -> None:
        index = sorted((s, e, rank) for rank, p in enumerate(places) for s, e in p.mentions)
        self._places = places
        self._index = index
        self._starts = [s for s, _, _ in index]
        self._longest = max((e - s for s, e, _ in index), default=0)

    def __call__(self, start: int, end: int) -> PlaceCand | None:
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        ranks = [rank for s, e, rank in self._index[lo:hi] if s < end and start < e]
        return self._places[min(ranks)] if ranks else None


# the characters a name is written with ("Jan de Wit", "O'Malley", "Hilario P. Davide", '"Tony"')
_NAME_RUN = re.compile(r"[A-Za-z .'\"-]+")
_CAPITAL = re.compile(r"[A-Z]")
_RUNS_CACHE: dict[int, tuple[str, list[int], list[int], list[int]]] = {}


def matches_before(pattern: re.Pattern[str], anchor: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives, for a pattern that opens on a name (of the
    characters above) and needs `anchor` right after it (", the Mayor", " City Council"; anchor matches
    do not overlap one another): tried only at the capitals in the run of name characters before
    an anchor, instead of at every position of the text (the steps' costliest scans)."""
    cached = _RUNS_CACHE.get(id(text))
    if cached is None or cached[0] is not text:
        _RUNS_CACHE.clear()
        runs = [(r.start(), r.end()) for r in _NAME_RUN.finditer(text)]
        cached = _RUNS_CACHE[id(text)] = (text, [s for s, _ in runs], [e for _, e in runs],
                                          [c.start() for c in _CAPITAL.finditer(text)])
    run_starts, run_ends, capitals = cached[1], cached[2], cached[3]
    starts: list[int] = []
    for a in anchor.finditer(text):
        i = bisect.bisect_right(run_starts, a.start() - 1) - 1
        if i < 0 or run_ends[i] < a.start():
            continue  # no name character just before the anchor
        lo = bisect.bisect_left(capitals, run_starts[i])
        hi = bisect.bisect_left(capitals, a.start())
        starts.extend(capitals[lo:hi])
    out: list[re.Match[str]] = []
    last_end = -1
    for start in sorted(set(starts)):
        if start < last_end:
            continue
        m = pattern.match(text, start)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def main_place(ctx: Context) -> PlaceCand | None:
    """The place an article is about: the most mentioned (the first on a tie); steps share it."""
    if not ctx.places:
        return None
    first = min(ctx.places, key=lambda p: p.mentions[0][0])
    # the first place named (headline, dateline) counts one mention more
    return max(ctx.places, key=lambda p: (len(p.mentions) + (p is first), -p.mentions[0][0]))


def name_of(item: object) -> str:
    if isinstance(item, CountryCand):
        return item.name
    name = getattr(item, "name", None)  # not getattr(..., str(item)): that formats every mention each time
    return name if isinstance(name, str) else str(item)


WORD = re.compile(r"[A-Za-z][\w'’.-]*")
