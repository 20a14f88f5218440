"""Import of an existing partner list: partner city, country, type, date (and optional status, title).

Each row becomes an agreement between the chosen home city and the partner city. A
partner city not yet in the registry is created (the preview says so); an agreement
of the same type with the same partner is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from amity.portfolio.imports.common import (
    PlannedRow,
    Preview,
    RowError,
    RowFailed,
    alias_filter,
    parse_choice,
    parse_country,
    parse_date,
)
from amity.portfolio.imports.reading import Sheet
from amity.registry import models as m
from amity.registry import services

COLUMNS = ["partner_city", "country", "type", "date", "status", "title"]
REQUIRED = ["partner_city", "country", "type"]
ALIASES = {
    "partner": "partner_city", "city": "partner_city", "partner_name": "partner_city", "도시": "partner_city",
    "도시명": "partner_city", "자매도시": "partner_city", "국가": "country", "country_code": "country",
    "agreement_type": "type", "유형": "type", "구분": "type", "signed": "date", "signed_date": "date",
    "체결일": "date", "날짜": "date", "상태": "status", "명칭": "title",
}
KOREAN_TYPES = {"자매도시": "sister_city", "자매결연": "sister_city", "우호도시": "friendship_city",
                "우호협력도시": "friendship_city", "우호교류": "friendship_city", "업무협약": "mou",
                "양해각서": "mou", "friendly city": "friendship_city", "friendly": "friendship_city"}


def _partner_place(name: str, country: str) -> m.Place | None:
    rows = m.Place.objects.filter(country_code=country).exclude(kind=m.Place.Kind.COUNTRY)
    found = rows.filter(name__iexact=name).order_by("-population", "id").first()
    if found is None:
        found = next((p for p in rows.filter(alias_filter(name)).order_by("-population", "id")
                      if name.lower() in (a.lower() for a in p.aliases)), None)
    return found


def _existing(home: m.Place, partner: m.Place | None, kind: str) -> m.Agreement | None:
    if partner is None:
        return None
    return (m.Agreement.objects.filter(type=kind, parties__place=home).filter(parties__place=partner)
            .distinct().first())


def _plan_row(number: int, values: dict[str, str], home: m.Place) -> PlannedRow:
    name = values.get("partner_city", "").strip()
    if not name:
        raise RowFailed("partner_city", "is empty: every row needs the partner city")
    country = parse_country(values.get("country", ""), "country")
    kind = parse_choice(values.get("type", ""), "type", m.Agreement.Type.choices, KOREAN_TYPES)
    date = parse_date(values.get("date", ""), "date")
    status = parse_choice(values.get("status", ""), "status", m.Agreement.Status.choices,
                          default=m.Agreement.Status.SIGNED)
    partner = _partner_place(name, country)
    if partner is not None and partner.pk == home.pk:
        raise RowFailed("partner_city", "is the home city itself")
    plan = PlannedRow(number, "create", f"{name} ({country})", values={
        "name": name, "country": country, "type": kind, "date": date, "status": status,
        "title": values.get("title", ""), "partner": partner})
    plan.details = [str(m.Agreement.Type(kind).label), date.isoformat() if date else "no date"]
    if partner is None:
        plan.details.append("new place: not yet in the registry")
    existing = _existing(home, partner, kind)
    if existing is not None:
        plan.action = "unchanged"
        plan.values["agreement"] = existing
        if date and existing.signed_date != date:
            plan.details.append(f"already recorded, signed {existing.signed_date or 'undated'}; left as it is")
    return plan


def plan_partners(sheet: Sheet, home: m.Place, may_write: Callable[[set[int]], bool] | None = None) -> Preview:
    preview = Preview("partners")
    missing = [column for column in REQUIRED if column not in sheet.columns]
    if missing:
        preview.errors.append(RowError(1, ", ".join(missing), "required column missing (columns: "
                                       + ", ".join(COLUMNS) + ")"))
        return preview
    if may_write is not None and not may_write({home.pk}):
        preview.errors.append(RowError(1, "partner_city", f"{home} is outside your editing scope"))
        return preview
    seen: dict[tuple, int] = {}
    for number, values in sheet.rows:
        try:
            plan = _plan_row(number, values, home)
        except RowFailed as error:
            preview.errors.append(RowError(number, error.column, error.message))
            continue
        key = (plan.values["name"].lower(), plan.values["country"], plan.values["type"])
        if key in seen:
            preview.errors.append(RowError(number, "partner_city", f"the same partner and type is already on row {seen[key]}"))
            continue
        seen[key] = number
        preview.rows.append(plan)
    return preview


def apply_partners(preview: Preview, home: m.Place, *, actor: str) -> dict[str, int]:
    if not preview.ok:
        raise ValueError("the preview has errors; nothing was written")
    created_places = 0
    with transaction.atomic():
        new_places: dict[tuple, m.Place] = {}
        for plan in preview.rows:
            if plan.action != "create":
                continue
            values = plan.values
            partner = values["partner"]
            if partner is None:
                key = (values["name"].lower(), values["country"])
                partner = new_places.get(key)
                if partner is None:
                    partner = services.create(m.Place, name=values["name"], kind=m.Place.Kind.CITY,
                                              country_code=values["country"], actor=actor)
                    new_places[key], created_places = partner, created_places + 1
            agreement = services.create(m.Agreement, type=values["type"], title=values["title"],
                                        signed_date=values["date"], status=values["status"], actor=actor)
            for party in (home, partner):
                services.create(m.AgreementParty, agreement=agreement, place=party, actor=actor)
            if values["date"]:
                services.create(m.AgreementStatusChange, agreement=agreement, status=values["status"],
                                date=values["date"], actor=actor)
    return {"created": preview.count("create"), "unchanged": preview.count("unchanged"), "new_places": created_places}


def export_rows(home: m.Place) -> tuple[list[str], list[list]]:
    """The home city's partner list in the import's own columns."""
    rows = []
    agreements = (m.Agreement.objects.filter(parties__place=home).distinct()
                  .prefetch_related("parties__place", "parties__organization"))
    for agreement in agreements:
        for party in agreement.parties.all():
            if party.place_id and party.place_id != home.pk:
                rows.append([party.place.name, party.place.country_code, agreement.type,
                             agreement.signed_date.isoformat() if agreement.signed_date else "", agreement.status,
                             agreement.title])
    return COLUMNS, rows
