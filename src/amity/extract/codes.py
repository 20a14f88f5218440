"""The codes claims are typed with, defined once: the extractor emits them and the registry's
model choices are built from them (amity.registry.models), so a code the extractor can emit is
always a choice the registry accepts (tests/extract/test_codes.py checks it).

Each table maps a code to its label in the registry's forms and admin. Words that *lead to* a
code (triggers, wordings) are language data in lang/<code>/*.json, not here.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, str] = {
    "meeting": "Meeting",
    "visit": "Visit",
    "signing": "Signing",
    "workshop": "Workshop",
    "conference": "Conference",
    "ceremony": "Ceremony",
    "festival": "Festival",
    "exhibition": "Exhibition",
    "exchange": "Exchange",
    "other": "Other",
}

AGREEMENT_TYPES: dict[str, str] = {
    "sister_city": "sister city",
    "friendship_city": "friendship city",
    "mou": "memorandum of understanding",
    "business_agreement": "business agreement",
    "other": "Other",
}

AGREEMENT_STATUSES: dict[str, str] = {
    "planned": "Planned",
    "signed": "Signed",
    "upgraded": "Upgraded",
    "renewed": "Renewed",
    "dormant": "Dormant",
    "terminated": "Terminated",
}

# The statuses an extracted event can carry (None: it happened, or is reported as happening).
EVENT_STATUSES: dict[str, str] = {"planned": "Planned"}

ORGANIZATION_KINDS: dict[str, str] = {
    "government": "Government",
    "government_agency": "Government Agency",
    "ministry": "Ministry",
    "embassy": "Embassy",
    "consulate": "Consulate",
    "port_authority": "Port Authority",
    "port": "Port",
    "institute": "Institute",
    "university": "University",
    "company": "Company",
    "council": "Council",
    "alliance": "Alliance",
    "foundation": "Foundation",
    "association": "Association",
    "media": "Media",
    "team": "Team",
    "other": "Other",
}

PLACE_KINDS: dict[str, str] = {
    "country": "Country",
    "province": "province / state / metropolitan government",
    "city": "City",
    "county": "County",
    "district": "District",
    "other": "Other",
}
# Levels of Korea's local governments (extract/data/kr_admin.json); a place's admin_level is one of
# them or empty (world cities from GeoNames carry none).
ADMIN_LEVELS: dict[str, str] = {
    "special_city": "Special city",
    "metropolitan_city": "Metropolitan city",
    "special_self_governing_city": "Special self-governing city",
    "province": "Province",
    "special_self_governing_province": "Special self-governing province",
    "city": "City",
    "county": "County",
    "district": "Autonomous district",
}
# The extractor names a first-level unit as the text does (prefecture, state, region); the
# registry keeps them all as "province".
PLACE_KIND_IN_REGISTRY: dict[str, str] = {"prefecture": "province", "state": "province", "region": "province"}

# Cooperation fields: code -> (English name, Korean name). Loaded as registry.Field rows.
COOPERATION_FIELDS: dict[str, tuple[str, str]] = {
    "ports_logistics": ("Ports and logistics", "항만·물류"),
    "smart_city_digital": ("Smart city and digital", "스마트시티·디지털"),
    "tourism": ("Tourism", "관광"),
    "culture_arts": ("Culture and arts", "문화·예술"),
    "economy_trade": ("Economy and trade", "경제·통상"),
    "industry": ("Industry", "산업"),
    "transport": ("Transport", "교통"),
    "environment_energy": ("Environment and energy", "환경·에너지"),
    "education_youth": ("Education and youth", "교육·청소년"),
    "sports": ("Sports", "체육"),
    "health": ("Health", "보건·의료"),
    "science_technology": ("Science and technology", "과학기술"),
    "public_administration": ("Public administration", "행정"),
    "people_exchange": ("People-to-people exchange", "인적 교류"),
    "agriculture_fisheries": ("Agriculture and fisheries", "농수산"),
    "safety_disaster": ("Safety and disaster management", "안전·재난"),
    "urban_planning": ("Urban planning", "도시계획"),
}


# The decisions the event and agreement rules take, by name, with the reason a reviewer reads.
# Every extracted event and agreement carries the rule that took it; the sentences a rule set
# aside are listed under the result's "decisions".
DECISIONS: dict[str, str] = {
    # taken
    "reported": "the sentence reports an occasion (a trigger word with who took part)",
    "headline": "the headline states an occasion the body does not repeat",
    "delegation_visit": "a delegation named in the report travelled there: a visit",
    "alongside": "a second occasion reported in the same sentence (\"met ... to sign\")",
    "signed": "the text names the agreement as signed, concluded or existing",
    "planned": "the text names the agreement as still to be signed",
    "partner_list": "one of the partners the text lists for the article's city",
    "instrument_list": "one of several instruments the text lists, each with its own year",
    "tie_to_come": "the tie a preliminary MoU or letter of intent is signed to establish",
    # set aside
    "background": "background: how a tie began or a history summary, not an occasion of this report",
    "habitual": "habitual: something done every year or in general, not one occasion",
    "plan_only": "a plan with neither a date nor a definite occasion",
    "proposed": "an occasion only proposed, sought or attempted (\"suggested a meeting\"), not one that took place",
    "cancelled": "an occasion cancelled, postponed or not attended (\"the visit was postponed\"), not one that took place",
    "quoted": "an opinion or plan in someone's words, not a report of an occasion",
    "no_actor": "no person, organization or place takes part in it",
    "reference": "points back to an occasion or agreement already read (folded into it)",
    "negated": "negated, counterfactual or a simile (\"like sisters\"), not an agreement",
    "no_tie": "friendly relations in general: no tie, city partnership or agreement is named",
}


def registry_place_kind(kind: str | None) -> str | None:
    """The registry's kind for a place kind the extractor emits."""
    return PLACE_KIND_IN_REGISTRY.get(kind, kind) if kind else kind


def choices(table: dict[str, str]) -> list[tuple[str, tuple[str, str]]]:
    """A code table as Django's functional TextChoices members: [(NAME, (code, label)), ...]."""
    return [(code.upper(), (code, label)) for code, label in table.items()]
