"""Comparing a partner list with the registry: every row is matched to places, then to an
agreement, and sorted into matched / conflicting / only in the list; agreements of the
places the list covers that no row names are "only in Amity". Reads only: nothing is written.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q

from amity.reconcile.lists import ListRow, PartnerList, hangul_place_names
from amity.registry.lookup import normalise
from amity.registry.models import Agreement, AgreementParty, Place

MATCHED, CONFLICTING, ONLY_IN_LIST, ONLY_IN_AMITY = "matched", "conflicting", "only in the list", "only in Amity"
CATEGORIES = (MATCHED, CONFLICTING, ONLY_IN_LIST, ONLY_IN_AMITY)
# The ties partner lists count; other agreement types are compared only when a list row names them.
TIE_TYPES = {Agreement.Type.SISTER_CITY, Agreement.Type.FRIENDSHIP_CITY}
ENDED = {Agreement.Status.DORMANT, Agreement.Status.TERMINATED}


@dataclass
class PlaceMatch:
    place: Place | None
    how: str


@dataclass
class Difference:
    field: str
    in_list: str
    in_amity: str

    def __str__(self) -> str:
        return f"{self.field}: list {self.in_list or '—'}, Amity {self.in_amity or '—'}"


@dataclass
class ComparedRow:
    category: str
    reason: str
    row: ListRow | None = None
    place_a: Place | None = None
    place_b: Place | None = None
    agreement: Agreement | None = None
    differences: list[Difference] = field(default_factory=list)

    @property
    def takeable(self) -> bool:
        """Rows a person may turn into claims: what the list states and Amity lacks or states otherwise."""
        return self.row is not None and self.category in (CONFLICTING, ONLY_IN_LIST) and not self.row.problems


@dataclass
class Comparison:
    partner_list: PartnerList
    rows: list[ComparedRow]
    covered: list[Place]

    def count(self, category: str) -> int:
        return sum(row.category == category for row in self.rows)

    def summary(self) -> list[str]:
        return [f"{category}: {self.count(category)}" for category in CATEGORIES]

    def counts(self) -> dict[str, int]:
        return {category: self.count(category) for category in CATEGORIES}


# ------------------------------------------------------------------ places
class PlaceNames:
    """Places by name or alias, in any script, for one comparison.

    A list names hundreds of places in a few countries. Names as written are looked up in a
    per-country table of names and aliases (case folded), read once; only a name not found that
    way is searched in SQL (as written and as JSON escapes it on SQLite) and compared normalised
    (accents, punctuation), which one lookup at a time would otherwise do for every row.
    """

    def __init__(self) -> None:
        self._exact: dict[str, dict[str, tuple[list[int], list[int]]]] = {}

    def named(self, name: str, country: str) -> list[Place]:
        """Places (not countries) whose name, or else an alias, is `name`, most populous first."""
        wanted = normalise(name)
        if not wanted:
            return []
        by_name, by_alias = self._as_written(country).get(name.strip().casefold(), ([], [])) if country else ([], [])
        if by_name or by_alias:
            found = list(Place.objects.filter(pk__in=by_name or by_alias))
        else:
            found = self._normalised(name, wanted, country)
        return sorted(found, key=lambda place: -(place.population or 0))

    def _as_written(self, country: str) -> dict[str, tuple[list[int], list[int]]]:
        if country not in self._exact:
            table: dict[str, tuple[list[int], list[int]]] = {}
            rows = (Place.objects.exclude(kind=Place.Kind.COUNTRY).filter(country_code=country)
                    .values_list("pk", "name", "aliases"))
            for pk, place_name, aliases in rows:
                table.setdefault(place_name.casefold(), ([], []))[0].append(pk)
                for alias in aliases or []:
                    table.setdefault(alias.casefold(), ([], []))[1].append(pk)
            self._exact[country] = table
        return self._exact[country]

    @staticmethod
    def _normalised(name: str, wanted: str, country: str) -> list[Place]:
        query = Q(name__iexact=name.strip())
        for variant in {name.strip(), wanted}:
            query |= Q(aliases__icontains=variant) | Q(aliases__icontains=json.dumps(variant)[1:-1])
        candidates = Place.objects.exclude(kind=Place.Kind.COUNTRY).filter(query)
        if country:
            candidates = candidates.filter(country_code=country)
        candidates = list(candidates[:200])
        return [p for p in candidates if normalise(p.name) == wanted] or [
            p for p in candidates if wanted in (normalise(alias) for alias in p.aliases)]


PlaceStep = Callable[[PlaceNames, str, str, str], "PlaceMatch | None"]


def _by_wikidata_id(index: PlaceNames, name: str, country: str, qid: str) -> PlaceMatch | None:
    place = Place.objects.filter(wikidata_id=qid).first() if qid else None
    return PlaceMatch(place, f"Wikidata id {qid} confirmed on {place.name}") if place else None


def _named(index: PlaceNames, name: str, country: str, how: str) -> PlaceMatch | None:
    found = index.named(name, country)
    if not found:
        return None
    shared = f" ({len(found)} places share the name; the most populous)" if len(found) > 1 else ""
    return PlaceMatch(found[0], how + shared)


def _by_name(index: PlaceNames, name: str, country: str, qid: str) -> PlaceMatch | None:
    return _named(index, name, country, f"name or alias {name!r}")


def _by_parent_and_name(index: PlaceNames, name: str, country: str, qid: str) -> PlaceMatch | None:
    """"부산광역시 중구", "Busan Jung-gu": a district named with its city (many cities have a 중구)."""
    parent_name, _, child_name = name.strip().rpartition(" ")
    if not parent_name:
        return None
    for parent in index.named(parent_name, country):
        children = [place for place in index.named(child_name, country) if place.parent_id == parent.pk]
        if children:
            return PlaceMatch(children[0], f"{child_name!r} of {parent.name}")
    return None


def _by_known_romanisation(index: PlaceNames, name: str, country: str, qid: str) -> PlaceMatch | None:
    """Hangul names of foreign cities: the list vocabulary first, then whatever the gazetteer knows."""
    tried = {name}
    for english in _english_names(name, country):
        if english and english not in tried:
            tried.add(english)
            match = _named(index, english, country, f"{name!r} is {english!r}")
            if match:
                return match
    return None


def _english_names(name: str, country: str):
    """Lazily: the extractor's gazetteer takes seconds to load, and the vocabulary usually answers."""
    yield hangul_place_names().get(name, "")
    if name.isascii():
        return
    from amity.extract.gazetteer import get_gazetteer

    for hit in get_gazetteer().find(name):
        if hit.kind == "place" and hit.end - hit.start == len(name):
            yield from (entry.name for entry in hit.entries if not country or entry.country == country)


PLACE_STEPS: list[PlaceStep] = [_by_wikidata_id, _by_name, _by_parent_and_name, _by_known_romanisation]


class PlaceFinder:
    """Finds the registry place a list names, remembering answers (a list repeats its own city)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str], PlaceMatch] = {}
        self._index = PlaceNames()

    def find(self, name: str, country: str, qid: str = "") -> PlaceMatch:
        key = (name, country, qid)
        if key not in self._cache:
            self._cache[key] = self._first_match(name, country, qid)
        return self._cache[key]

    def _first_match(self, name: str, country: str, qid: str) -> PlaceMatch:
        if not name:
            return PlaceMatch(None, "the row names no city")
        for step in PLACE_STEPS:
            match = step(self._index, name, country, qid)
            if match is not None:
                return match
        return PlaceMatch(None, f"no place in Amity matches {name!r} ({country or 'country not given'})")


# ------------------------------------------------------------------ agreements
def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


class Ties:
    """The agreements of a list's places, read in a few queries rather than one per row."""

    def __init__(self, places) -> None:
        ids = sorted({place.pk for place in places})
        agreement_ids: set[int] = set()
        for chunk in _chunks(ids):
            agreement_ids |= set(AgreementParty.objects.filter(place_id__in=chunk).values_list("agreement_id", flat=True))
        self.agreements: list[Agreement] = []
        for chunk in _chunks(sorted(agreement_ids)):
            self.agreements += Agreement.objects.filter(pk__in=chunk).prefetch_related("parties__place")
        self.agreements.sort(key=lambda agreement: (str(agreement.signed_date or ""), agreement.pk))
        self._by_pair: dict[tuple[int, int], list[Agreement]] = {}
        for agreement in self.agreements:
            party_ids = sorted({party.place_id for party in agreement.parties.all() if party.place_id})
            for pair in itertools.combinations(party_ids, 2):
                self._by_pair.setdefault(pair, []).append(agreement)

    def between(self, a: Place, b: Place) -> list[Agreement]:
        return self._by_pair.get((min(a.pk, b.pk), max(a.pk, b.pk)), [])


def _same_date(in_list: str, in_amity: str) -> bool:
    """Dates agree when they agree as far as both are known: "2016" and "2016-06-22" do."""
    common = min(len(in_list), len(in_amity))
    return in_list[:common] == in_amity[:common]


def differences(row: ListRow, agreement: Agreement) -> list[Difference]:
    found = []
    signed = str(agreement.signed_date or "")
    if row.type and row.type != agreement.type:
        found.append(Difference("type", row.type, agreement.type))
    if row.date and signed and not _same_date(row.date, signed):
        found.append(Difference("date", row.date, signed))
    if row.date and agreement.status == Agreement.Status.PLANNED:
        found.append(Difference("status", f"signed {row.date}", agreement.status))
    if row.end and agreement.status not in ENDED:
        found.append(Difference("status", f"ended {row.end}", agreement.status))
    return found


def _best(row: ListRow, candidates: list[Agreement]) -> Agreement:
    """The agreement the row most likely means: same type first, then fewest differences."""
    return min(candidates, key=lambda a: (bool(row.type) and a.type != row.type, len(differences(row, a))))


def _places(row: ListRow, finder: PlaceFinder) -> tuple[PlaceMatch, PlaceMatch] | None:
    if row.problems:
        return None
    return finder.find(row.city_a, row.country_a, row.qid_a), finder.find(row.city_b, row.country_b, row.qid_b)


def compare_row(row: ListRow, places: tuple[PlaceMatch, PlaceMatch] | None, ties: Ties) -> ComparedRow:
    if places is None:
        return ComparedRow(ONLY_IN_LIST, "the row cannot be read: " + "; ".join(row.problems), row)
    a, b = places
    if a.place is None or b.place is None:
        missing = "; ".join(match.how for match in (a, b) if match.place is None)
        return ComparedRow(ONLY_IN_LIST, missing, row, a.place, b.place)
    candidates = ties.between(a.place, b.place)
    how = f"{a.how}; {b.how}"
    if not candidates:
        return ComparedRow(ONLY_IN_LIST, f"no agreement between {a.place.name} and {b.place.name} in Amity "
                                         f"({how})", row, a.place, b.place)
    agreement = _best(row, candidates)
    found = differences(row, agreement)
    if found:
        return ComparedRow(CONFLICTING, "; ".join(map(str, found)), row, a.place, b.place, agreement, found)
    return ComparedRow(MATCHED, f"agreement {agreement.pk} ({agreement.get_type_display()}, "
                                f"{agreement.signed_date or 'undated'}); {how}", row, a.place, b.place, agreement)


def compare(partner_list: PartnerList) -> Comparison:
    """The comparison of a list with the registry as it is now. Writes nothing."""
    finder = PlaceFinder()
    matched = [(row, _places(row, finder)) for row in partner_list.rows]
    ties = Ties(match.place for _, pair in matched if pair for match in pair if match.place is not None)
    rows = [compare_row(row, places, ties) for row, places in matched]
    # The list covers its own side of each tie (the local government, the Wikidata item, city_a).
    covered = list({row.place_a.pk: row.place_a for row in rows if row.place_a is not None}.values())
    covered_ids = {place.pk for place in covered}
    listed_types = TIE_TYPES | {row.row.type for row in rows if row.row and row.row.type}
    seen = {row.agreement.pk for row in rows if row.agreement is not None}
    for agreement in ties.agreements:
        parties = [party.place for party in agreement.parties.all() if party.place is not None]
        if agreement.pk in seen or agreement.type not in listed_types or not covered_ids & {p.pk for p in parties}:
            continue
        names = " – ".join(place.name for place in parties)
        rows.append(ComparedRow(
            ONLY_IN_AMITY, f"Amity has a {agreement.get_type_display()} agreement {names} "
                           f"({agreement.status}, {agreement.signed_date or 'undated'}); no row of the list names it",
            None, parties[0] if parties else None, parties[1] if len(parties) > 1 else None, agreement))
    return Comparison(partner_list, rows, covered)
