"""Linking claims to records the registry already holds.

Each link comes with a score in [0, 1] and an explanation. A score of
CERTAIN or more is taken as the same record; between POSSIBLE and CERTAIN the
review step records a merge candidate instead of merging silently.
"""

from __future__ import annotations

from amity.extract.matching import compare_body_names
from amity.registry.lookup import normalise
from amity.registry.models import Agreement, AgreementParty, Place
from amity.registry.reference import reference_uid
from amity.sources.matching import best_person
from amity.sources.name_index import place_ids_named  # in-memory: ingest and accept speed
from amity.sources.registry_index import ALLIANCES, ORGANIZATIONS, PLACE_CODES

CERTAIN = 0.9
POSSIBLE = 0.5


class Link:
    """A record a claim is about. A link found by a code names its record by model and pk only
    (ingest stores just that); `record` loads it when asked."""

    def __init__(self, record, score: float, explanation: str, *, model: type | None = None,
                 pk: int | None = None) -> None:
        self._record, self.score, self.explanation = record, score, explanation
        self.model = model or type(record)
        self.pk = record.pk if pk is None else pk

    @property
    def record(self):
        if self._record is None:
            self._record = self.model.objects.filter(pk=self.pk).first()
        return self._record


def _place_with_code(field: str, value, explanation: str) -> Link | None:
    pk = PLACE_CODES.place_id(field, value)
    return Link(None, 1.0, explanation, model=Place, pk=pk) if pk is not None else None


def link_place(value: dict) -> Link | None:
    coded = ((value.get("wikidata_id") and _place_with_code(
                 "wikidata_id", value["wikidata_id"], f"Wikidata id {value['wikidata_id']} (confirmed earlier)"))
             or (value.get("kr_admin_code") and _place_with_code(
                 "uid", reference_uid(f"kr:{value['kr_admin_code']}"), f"Korean admin code {value['kr_admin_code']}"))
             or (value.get("geonames_id") and _place_with_code(
                 "geonames_id", value["geonames_id"], f"GeoNames id {value['geonames_id']}")))
    if coded:
        return coded
    return place_by_name(value.get("canonical_name") or value.get("name"), value.get("country"))


def place_by_name(name: str | None, country: str | None) -> Link | None:
    found = place_ids_named(name, country)
    if not found:
        return None
    score = 0.95 if country and len(found) == 1 else 0.7
    return Link(None, score, f"name {name!r} in {country or 'any country'}"
                + (f" ({len(found)} places share it)" if len(found) > 1 else ""), model=Place, pk=found[0])


def link_country(value: dict) -> Link | None:
    return _place_with_code("uid", reference_uid(f"iso:{value['code']}"), f"ISO code {value['code']}")


def _name_matches(record, names: list[str]) -> bool:
    known = [normalise(n) for n in record.all_names]
    return any(normalise(n) in known for n in names)


def _written_alike(record, names: list[str]) -> bool:
    """The name written the same but for case, or inside one of the record's aliases."""
    aliases = [a.lower() for a in record.aliases or [] if isinstance(a, str)]
    return any(record.name.lower() == name.lower() or any(name.lower() in a for a in aliases) for name in names)


def _by_name(index, value: dict, kind: str) -> Link | None:
    names = [value["name"], *value.get("aliases", [])]
    for record in index.named(names):
        if _written_alike(record, names) and _name_matches(record, names):
            return Link(record, 0.95, f"same {kind} name {value['name']!r}")
    return _by_variant(index, names, value.get("place"))


def _elsewhere(record, place: str | None) -> bool:
    """The claim places the body in a city other than the record's (every city has its chamber of commerce)."""
    held = getattr(record, "place", None)
    return bool(place and held is not None and normalise(place) not in {normalise(n) for n in held.all_names})


def _by_variant(index, names: list[str], place: str | None) -> Link | None:
    """A name written another way ("Busan-Fukuoka Forum" / "Fukuoka-Busan Forum"), scored as the
    duplicate finder scores two records (compare_body_names, alike both ways round). The caller
    links at CERTAIN or more; below it the new record meets the old one as a duplicate candidate."""
    best: Link | None = None
    for record in index.sharing_words(names):
        match = compare_body_names(names, record.all_names)
        if match.features and _elsewhere(record, place):
            match.add(f"in another place ({place} / {record.place.name})", -0.6)
        if match.score >= POSSIBLE and (best is None or match.score > best.score):
            best = Link(record, match.score, match.explanation)
    return best


def link_organization(value: dict) -> Link | None:
    return _by_name(ORGANIZATIONS, value, "organization")


def link_alliance(value: dict) -> Link | None:
    return _by_name(ALLIANCES, value, "alliance")


def link_person(value: dict) -> Link | None:
    """Any spelling, script or order of the name is possible; the same title and place make it certain.

    Scored by amity.sources.matching, which scores a pair alike in both directions.
    """
    names = [value["name"], *value.get("aliases", [])]
    found = best_person(names, value.get("title"), value.get("of"))
    if found is None:
        return None
    person, match = found
    return Link(person, match.score, match.explanation)


def link_agreement(parties: list, agreement_type: str) -> Link | None:
    ids = sorted(p.pk for p in parties if isinstance(p, Place))
    if len(ids) < 2:
        return None
    # The parties of every agreement of this type the first place is party to, in one query, in
    # Agreement's own order (so the same agreement wins); then only the one that matches is loaded.
    with_first = AgreementParty.objects.filter(place_id=ids[0]).values("agreement_id")
    rows = (AgreementParty.objects.filter(agreement__type=agreement_type, agreement_id__in=with_first)
            .order_by("agreement__signed_date", "agreement_id").values_list("agreement_id", "place_id"))
    places_of: dict[int, list] = {}
    for agreement_id, place_id in rows:
        places_of.setdefault(agreement_id, []).append(place_id)
    for agreement_id, places in places_of.items():
        if None not in places and sorted(places) == ids:
            agreement = Agreement.objects.filter(pk=agreement_id).first()
            if agreement is not None:
                return Link(agreement, 0.95, "same type and the same parties")
    return None


LINKERS = {"place": link_place, "country": link_country, "organization": link_organization,
           "person": link_person, "alliance": link_alliance}


def suggest_link(slot: str, value: dict) -> Link | None:
    """The record a claim is about, loaded (None when it has gone since the index saw it)."""
    link = link_by_id(slot, value)
    return link if link is not None and link.record is not None else None


def link_by_id(slot: str, value: dict) -> Link | None:
    """As `suggest_link`, but a record found by a code is named by model and pk only, not loaded:
    the caller checks that the rows still exist (ingest does it once per document)."""
    linker = LINKERS.get(slot)
    return linker(value) if linker else None
