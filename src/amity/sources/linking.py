"""Linking claims to records the registry already holds.

Each link comes with a score in [0, 1] and an explanation. A score of
CERTAIN or more is taken as the same record; between POSSIBLE and CERTAIN the
review step records a merge candidate instead of merging silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from amity.registry.lookup import normalise
from amity.registry.models import Agreement, Alliance, Organization, Place
from amity.registry.reference import reference_uid
from amity.sources.matching import best_person
from amity.sources.name_index import places_named  # in-memory: ingest and accept speed

CERTAIN = 0.9
POSSIBLE = 0.5


@dataclass
class Link:
    record: object
    score: float
    explanation: str


def link_place(value: dict) -> Link | None:
    if value.get("wikidata_id"):
        place = Place.objects.filter(wikidata_id=value["wikidata_id"]).first()
        if place:
            return Link(place, 1.0, f"Wikidata id {value['wikidata_id']} (confirmed earlier)")
    if value.get("kr_admin_code"):
        place = Place.objects.filter(uid=reference_uid(f"kr:{value['kr_admin_code']}")).first()
        if place:
            return Link(place, 1.0, f"Korean admin code {value['kr_admin_code']}")
    if value.get("geonames_id"):
        place = Place.objects.filter(geonames_id=value["geonames_id"]).first()
        if place:
            return Link(place, 1.0, f"GeoNames id {value['geonames_id']}")
    return place_by_name(value.get("canonical_name") or value.get("name"), value.get("country"))


def place_by_name(name: str | None, country: str | None) -> Link | None:
    found = places_named(name, country)
    if not found:
        return None
    score = 0.95 if country and len(found) == 1 else 0.7
    return Link(found[0], score, f"name {name!r} in {country or 'any country'}"
                                 + (f" ({len(found)} places share it)" if len(found) > 1 else ""))


def link_country(value: dict) -> Link | None:
    place = Place.objects.filter(uid=reference_uid(f"iso:{value['code']}")).first()
    return Link(place, 1.0, f"ISO code {value['code']}") if place else None


def _name_matches(record, names: list[str]) -> bool:
    known = [normalise(n) for n in record.all_names]
    return any(normalise(n) in known for n in names)


def link_organization(value: dict) -> Link | None:
    names = [value["name"], *value.get("aliases", [])]
    query = Q()
    for name in names:
        query |= Q(name__iexact=name) | Q(aliases__icontains=name)
    for org in Organization.objects.filter(query)[:20]:
        if _name_matches(org, names):
            return Link(org, 0.95, f"same organization name {value['name']!r}")
    return None


def link_alliance(value: dict) -> Link | None:
    names = [value["name"], *value.get("aliases", [])]
    query = Q()
    for name in names:
        query |= Q(name__iexact=name) | Q(aliases__icontains=name)
    for alliance in Alliance.objects.filter(query)[:20]:
        if _name_matches(alliance, names):
            return Link(alliance, 0.95, f"same alliance name {value['name']!r}")
    return None


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
    for agreement in Agreement.objects.filter(type=agreement_type, parties__place_id=ids[0]).distinct():
        if sorted(agreement.parties.values_list("place_id", flat=True)) == ids:
            return Link(agreement, 0.95, "same type and the same parties")
    return None


LINKERS = {"place": link_place, "country": link_country, "organization": link_organization,
           "person": link_person, "alliance": link_alliance}


def suggest_link(slot: str, value: dict) -> Link | None:
    linker = LINKERS.get(slot)
    return linker(value) if linker else None
