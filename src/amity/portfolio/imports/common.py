"""Row errors, the preview, and the value parsers both imports share."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db.models import Q

from amity.core.partialdate import InvalidPartialDate, PartialDate
from amity.registry import models as m
from amity.registry.countries import country_names


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


@dataclass
class PlannedRow:
    row: int
    action: str                 # create, update, unchanged
    label: str
    details: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)


@dataclass
class Preview:
    kind: str
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(row.action == action for row in self.rows)


class RowFailed(ValueError):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column
        self.message = message


_LOOSE_DATE = re.compile(r"^(\d{4})(?:[.\-/ ](\d{1,2}))?(?:[.\-/ ](\d{1,2}))?\.?$")


def parse_date(text: str, column: str) -> PartialDate | None:
    """"2016", "2016-06", "2016-06-22"; also "2016.6.22" and "2016/06" as Korean offices write them."""
    text = (text or "").strip()
    if not text:
        return None
    match = _LOOSE_DATE.match(text)
    if not match:
        raise RowFailed(column, f"{text!r} is not a date like 2016, 2016-06 or 2016-06-22")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        return PartialDate(year, month, day)
    except InvalidPartialDate as error:
        raise RowFailed(column, str(error)) from None


def parse_choice(text: str, column: str, choices, extra: dict[str, str] | None = None, default=None) -> str:
    text = (text or "").strip()
    if not text:
        if default is None:
            raise RowFailed(column, "is empty")
        return default
    key = text.lower().replace("-", " ").replace("_", " ")
    for value, label in choices:
        if key in (value.replace("_", " "), str(label).lower()):
            return value
    if extra and text in extra:
        return extra[text]
    if extra and key in extra:
        return extra[key]
    allowed = ", ".join(value for value, _ in choices)
    raise RowFailed(column, f"{text!r} is not one of: {allowed}")


def parse_field(text: str, column: str) -> m.Field | None:
    text = (text or "").strip()
    if not text:
        return None
    for item in m.Field.objects.all():
        if text.lower() in (item.code.lower(), item.name.lower()) or (item.name_ko and text == item.name_ko):
            return item
    raise RowFailed(column, f"no cooperation field called {text!r} (use a code such as tourism, or its name)")


# Country names Korean offices write in their lists.
KOREAN_COUNTRIES = {
    "중국": "CN", "일본": "JP", "미국": "US", "러시아": "RU", "베트남": "VN", "몽골": "MN", "필리핀": "PH",
    "인도네시아": "ID", "태국": "TH", "호주": "AU", "캐나다": "CA", "독일": "DE", "프랑스": "FR", "영국": "GB",
    "스페인": "ES", "이탈리아": "IT", "슬로베니아": "SI", "튀르키예": "TR", "터키": "TR", "인도": "IN",
    "말레이시아": "MY", "멕시코": "MX", "브라질": "BR", "칠레": "CL", "뉴질랜드": "NZ", "대만": "TW", "한국": "KR",
}


def parse_country(text: str, column: str) -> str:
    text = (text or "").strip()
    if not text:
        raise RowFailed(column, "is empty: give the country (ISO code such as SI, or its name)")
    names = country_names()
    if text.upper() in names and len(text) == 2:
        return text.upper()
    if text in KOREAN_COUNTRIES:
        return KOREAN_COUNTRIES[text]
    lowered = text.lower()
    for code, name in names.items():
        if name.lower() == lowered:
            return code
    import pycountry

    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        raise RowFailed(column, f"{text!r} is not a country name or ISO code") from None


def alias_filter(name: str) -> Q:
    """Rows whose aliases may contain `name`; SQLite keeps JSON with non-ASCII text \\u-escaped."""
    return Q(aliases__icontains=name) | Q(aliases__icontains=json.dumps(name)[1:-1])


_QUALIFIED = re.compile(r"^(.*?)\s*[(,]\s*([A-Za-z]{2})\s*\)?$")


def find_place(text: str, column: str, preferred: list[m.Place] = ()) -> m.Place:
    """A place named in a cell: "Pohang", "Pohang (KR)" or "Pohang, KR"; members of the alliance first."""
    text = (text or "").strip()
    if not text:
        raise RowFailed(column, "is empty")
    for candidate in preferred:
        if text.lower() in {str(candidate).lower(), *(n.lower() for n in candidate.all_names)}:
            return candidate
    name, country = text, None
    match = _QUALIFIED.match(text)
    if match and match.group(2).upper() in country_names():
        name, country = match.group(1), match.group(2).upper()
    rows = m.Place.objects.exclude(kind=m.Place.Kind.COUNTRY)
    if country:
        rows = rows.filter(country_code=country)
    found = list(rows.filter(name__iexact=name).order_by("-population", "id"))
    if not found:
        found = [p for p in rows.filter(alias_filter(name)).order_by("-population", "id")
                 if name.lower() in (a.lower() for a in p.aliases)]
    if not found:
        raise RowFailed(column, f"no place called {text!r} in the registry")
    countries = sorted({p.country_code for p in found})
    if len(countries) > 1:
        raise RowFailed(column, f"{text!r} names places in {', '.join(countries)}: write it as '{name} (CC)'")
    return found[0]


_SHARE = re.compile(r"^(?P<who>.+?)\s*[=:]\s*(?P<amount>[\d,._ ]+)\s*(?P<currency>[A-Za-z]{3})?$")


def parse_budget(text: str, column: str) -> list[tuple[str, Decimal, str]]:
    """"Pohang (KR)=1000000 KRW; Ulsan (KR)=500000 KRW" -> [(who, amount, currency)]."""
    shares = []
    for part in filter(None, (p.strip() for p in (text or "").split(";"))):
        match = _SHARE.match(part)
        if not match:
            raise RowFailed(column, f"{part!r} is not a share like 'Pohang=1000000 KRW'")
        try:
            amount = Decimal(match.group("amount").replace(",", "").replace("_", "").replace(" ", ""))
        except InvalidOperation:
            raise RowFailed(column, f"{match.group('amount')!r} is not an amount") from None
        shares.append((match.group("who").strip(), amount, (match.group("currency") or "").upper()))
    return shares
