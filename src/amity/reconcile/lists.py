"""Reading the partner lists people bring: GAOK-style lists, Wikidata downloads, plain CSV.

Pure Python (no Django): bytes in, a `PartnerList` of `ListRow`s out, or a `ListError`
whose message says what is wrong with the file. Column names and type words are
vocabulary (`amity/extract/lang/<code>/partner_list.json`), not code.
"""

from __future__ import annotations

import csv
import gettext
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

import pycountry

from amity.extract.vocab import load

FORMATS = ("gaok", "wikidata", "csv")
MAX_ROWS = 20_000
WIKIDATA_ENTITY = re.compile(r"(?:https?://www\.wikidata\.org/entity/)?(Q[1-9]\d*)$")


class ListError(ValueError):
    """The file cannot be read as a partner list; the message says why and what was expected."""


@dataclass(frozen=True)
class ListRow:
    """One tie as the list states it. `number` is the row's line in the file (1 = header)."""

    number: int
    city_a: str
    country_a: str  # ISO 3166-1 alpha-2, "" when the list does not say
    city_b: str
    country_b: str
    type: str = ""  # sister_city, friendship_city, mou …; "" when the list does not distinguish
    date: str = ""  # ISO partial date: "2016", "2016-06" or "2016-06-22"
    end: str = ""
    source: str = ""
    qid_a: str = ""
    qid_b: str = ""
    cells: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def type_label(self) -> str:
        return self.type.replace("_", " ")



@dataclass
class PartnerList:
    format: str
    name: str
    header: list[str]
    rows: list[ListRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The list as tab-separated text, one line per row: what a source document stores and cites."""
        lines = ["\t".join(self.header)] + ["\t".join(row.cells) for row in self.rows]
        return "\n".join(line.replace("\r", " ") for line in lines) + "\n"

    def span(self, row: ListRow) -> tuple[int, int]:
        """Where `row` is in `text()`: the citation of a claim taken from it."""
        start = len("\t".join(self.header)) + 1
        for other in self.rows:
            line = "\t".join(other.cells)
            if other is row:
                return start, start + len(line)
            start += len(line) + 1
        raise KeyError(row.number)


# ------------------------------------------------------------------ cells and values
def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\t", " ").split())


def header_key(text: str) -> str:
    """Case, spaces, punctuation and width do not make a different column name."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.sub(r"[\s_\-().:/·]+", "", text)


_DATE = re.compile(r"^(\d{4})(?:\s*[.\-/년]\s*(\d{1,2}))?(?:\s*[.\-/월]\s*(\d{1,2}))?\s*[.일]?\s*(?:T[\d:]+Z?)?$")


def parse_date(text: str) -> str:
    """"2016.6.22", "2016. 6. 22.", "2016년 6월 22일", "2016-06", "1995" → ISO partial date.

    Raises ValueError with a readable message for anything else.
    """
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date like 2016-06-22, 2016.6.22 or 2016")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12 or day is not None and month is not None and not _valid(year, month, day):
        raise ValueError(f"{text!r} is not a real date")
    return "-".join([f"{year:04d}", *([f"{month:02d}"] if month else []), *([f"{day:02d}"] if day else [])])


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def wikidata_date(text: str) -> str:
    """WDQS writes a year-precision time as 1 January of that year; it is read as the year."""
    value = parse_date(text)
    return value[:4] if value.endswith("-01-01") else value


@cache
def _country_codes() -> dict[str, str]:
    """Country names in English and Korean (pycountry ships both) plus the list vocabulary → ISO code."""
    korean = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"], fallback=True)
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name), getattr(country, "official_name", "")}:
            if name:
                names[header_key(name)] = country.alpha_2
                names[header_key(korean.gettext(name))] = country.alpha_2
    for code, aliases in _list_vocab("en").get("countries", {}).items():
        names.update({header_key(alias): code for alias in aliases})
    extractor_aliases = _optional_vocab("ko", "countries").get("aliases") or {}
    names.update({header_key(name): code for name, code in extractor_aliases.items() if isinstance(code, str)})
    names.update({header_key(name): code for name, code in _list_vocab("ko").get("countries", {}).items()})
    return names


def country_code(text: str) -> str:
    """ISO code for "SI", "Slovenia" or "슬로베니아"; raises ValueError when there is none."""
    text = (text or "").strip()
    if re.fullmatch(r"[A-Za-z]{2}", text) and pycountry.countries.get(alpha_2=text.upper()):
        return text.upper()
    code = _country_codes().get(header_key(text))
    if code is None:
        raise ValueError(f"{text!r} is not a country name or ISO code")
    return code


def agreement_type(text: str) -> str:
    """"자매결연" → sister_city, "Friendship city" → friendship_city; "" when no type word is present."""
    key = header_key(text)
    if not key:
        return ""
    for language in ("ko", "en"):
        for word, code in _list_vocab(language)["types"].items():
            if header_key(word) in key:
                return code
    raise ValueError(f"{text!r} is not a kind of tie (sister city / 자매, friendship city / 우호, MOU)")


@cache
def _list_vocab(language: str) -> dict:
    return load(language, "partner_list")


def _optional_vocab(language: str, name: str) -> dict:
    """Vocabulary the extractor may ship (another part of Amity); the lists work without it."""
    try:
        data = load(language, name)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@cache
def hangul_place_names() -> dict[str, str]:
    """Hangul names of foreign cities → English name: the extractor's Korean gazetteer of foreign places
    (`foreign_places`, values [name, country]) where it exists, and the list vocabulary's own."""
    names = {}
    for hangul, value in (_optional_vocab("ko", "foreign_places").get("places") or {}).items():
        if isinstance(value, list) and value and isinstance(value[0], str):
            names[hangul] = value[0]
    names.update(_list_vocab("ko").get("places", {}))
    return names


# ------------------------------------------------------------------ tables
def _table_from_bytes(data: bytes) -> list[list[str]]:
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_table(data)
    text = _decode(data)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ";" if sample.count(";") > sample.count(",") else ","
    return [[_clean(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ListError("this is binary data, not a CSV, XLSX or JSON list")
    for encoding in ("utf-8-sig", "utf-16", "cp949"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ListError("the file is not text in UTF-8, UTF-16 or CP949 (EUC-KR)")


def _xlsx_table(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ListError(f"the XLSX file cannot be read ({error.__class__.__name__}: {error})") from None
    try:
        sheet = workbook.worksheets[0]
        return [[_clean(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _find_columns(header: list[str], vocab: dict[str, list[str]]) -> dict[str, int]:
    keys = [header_key(cell) for cell in header]
    found = {}
    for column, names in vocab.items():
        wanted = {header_key(name) for name in names}
        index = next((i for i, key in enumerate(keys) if key in wanted), None)
        if index is not None:
            found[column] = index
    return found


def _merged(name: str) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for language in ("ko", "en"):
        for column, names in _list_vocab(language).get(name, {}).items():
            merged.setdefault(column, []).extend(names)
    return merged


def _header_row(table: list[list[str]], vocab: dict[str, list[str]], needed: set[str]) -> int | None:
    """Lists often have a title line or two above the header: take the first row naming the needed columns."""
    for index, row in enumerate(table[:10]):
        if needed <= set(_find_columns(row, vocab)):
            return index
    return None


def _expected(vocab: dict[str, list[str]], needed) -> str:
    return "; ".join(f"{column}: {' / '.join(vocab[column][:3])}" for column in needed)


RowReader = Callable[[int, list[str], dict[str, int]], ListRow]


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else ""


def _value(problems: list[str], parse: Callable[[str], str], text: str, what: str) -> str:
    if not text:
        return ""
    try:
        return parse(text)
    except ValueError as error:
        problems.append(f"{what}: {error}")
        return ""


def _gaok_row(number: int, cells: list[str], columns: dict[str, int]) -> ListRow:
    problems: list[str] = []
    return ListRow(
        number=number, city_a=_cell(cells, columns, "local_government"), country_a="KR",
        city_b=_cell(cells, columns, "city"),
        country_b=_value(problems, country_code, _cell(cells, columns, "country"), "country"),
        type=_value(problems, agreement_type, _cell(cells, columns, "kind"), "type"),
        date=_value(problems, parse_date, _cell(cells, columns, "date"), "date"),
        source=_cell(cells, columns, "source"), cells=tuple(cells), problems=tuple(problems),
    )


def _plain_row(number: int, cells: list[str], columns: dict[str, int]) -> ListRow:
    problems: list[str] = []
    return ListRow(
        number=number, city_a=_cell(cells, columns, "city_a"),
        country_a=_value(problems, country_code, _cell(cells, columns, "country_a"), "country_a"),
        city_b=_cell(cells, columns, "city_b"),
        country_b=_value(problems, country_code, _cell(cells, columns, "country_b"), "country_b"),
        type=_value(problems, agreement_type, _cell(cells, columns, "type"), "type"),
        date=_value(problems, parse_date, _cell(cells, columns, "date"), "date"),
        end=_value(problems, parse_date, _cell(cells, columns, "end"), "end"),
        source=_cell(cells, columns, "source"), cells=tuple(cells), problems=tuple(problems),
    )


def _qid(text: str) -> str:
    match = WIKIDATA_ENTITY.fullmatch(text.strip())
    return match.group(1) if match else ""


def _wikidata_row(number: int, cells: list[str], columns: dict[str, int]) -> ListRow:
    problems: list[str] = []
    item, partner = _cell(cells, columns, "item"), _cell(cells, columns, "partner")
    qid_a, qid_b = _qid(item), _qid(partner)
    for what, text, qid in (("item", item, qid_a), ("partner", partner, qid_b)):
        if not qid:
            problems.append(f"{what}: {text!r} is not a Wikidata entity (http://www.wikidata.org/entity/Q…)")
    return ListRow(
        number=number, city_a=_cell(cells, columns, "item_label") or qid_a,
        country_a=_value(problems, country_code, _cell(cells, columns, "item_country"), "item country"),
        city_b=_cell(cells, columns, "partner_label") or qid_b,
        country_b=_value(problems, country_code, _cell(cells, columns, "partner_country"), "partner country"),
        date=_value(problems, wikidata_date, _cell(cells, columns, "start"), "start time"),
        end=_value(problems, wikidata_date, _cell(cells, columns, "end"), "end time"),
        source=f"https://www.wikidata.org/wiki/{qid_a}" if qid_a else "", qid_a=qid_a, qid_b=qid_b,
        cells=tuple(cells), problems=tuple(problems),
    )


@dataclass(frozen=True)
class TableFormat:
    name: str
    vocab: Callable[[], dict[str, list[str]]]
    needed: frozenset[str]
    read_row: RowReader


TABLE_FORMATS = {
    "gaok": TableFormat("gaok", lambda: _merged("columns"), frozenset({"local_government", "country", "city"}),
                        _gaok_row),
    "wikidata": TableFormat("wikidata", lambda: _merged("wikidata_columns"), frozenset({"item", "partner"}),
                            _wikidata_row),
    "csv": TableFormat("csv", lambda: _merged("plain_columns"), frozenset({"city_a", "country_a", "city_b", "country_b"}),
                       _plain_row),
}


def _read_table(table: list[list[str]], name: str, format: str | None) -> PartnerList:
    table = [row for row in table if any(cell for cell in row)] if table else []
    if not table:
        raise ListError("the file is empty: no rows to compare")
    candidates = [TABLE_FORMATS[format]] if format else list(TABLE_FORMATS.values())
    for kind in candidates:
        vocab = kind.vocab()
        start = _header_row(table, vocab, set(kind.needed))
        if start is None:
            continue
        header = table[start]
        columns = _find_columns(header, vocab)
        result = PartnerList(kind.name, name, header)
        for offset, cells in enumerate(table[start + 1:start + 1 + MAX_ROWS], start=start + 2):
            cells = cells + [""] * (len(header) - len(cells))
            result.rows.append(kind.read_row(offset, cells, columns))
        if len(table) - start - 1 > MAX_ROWS:
            result.warnings.append(f"only the first {MAX_ROWS} rows were read")
        return _without_mirrored_ties(result)
    first = " | ".join(table[0][:8])
    if format:
        expected = _expected(TABLE_FORMATS[format].vocab(), sorted(TABLE_FORMATS[format].needed))
        raise ListError(f"the columns of a {format} list were not found (expected {expected}); "
                        f"the first row reads: {first}")
    raise ListError("the columns were not recognised: a GAOK-style list needs 자치단체/지자체, 국가, 도시 "
                    "(or local government, country, city); a plain CSV city_a, country_a, city_b, country_b; "
                    f"a Wikidata download item and partner. The first row reads: {first}")


def _without_mirrored_ties(result: PartnerList) -> PartnerList:
    """Wikidata records a tie on one side, or on both: the second record of one pair is the same tie."""
    seen: dict[frozenset, int] = {}
    rows = []
    for row in result.rows:
        key = frozenset(filter(None, (row.qid_a, row.qid_b))) if row.qid_a and row.qid_b else None
        if key is not None and key in seen:
            result.warnings.append(f"row {row.number} is the tie of row {seen[key]} recorded on the other side")
            continue
        if key is not None:
            seen[key] = row.number
        rows.append(row)
    result.rows = rows
    return result


# ------------------------------------------------------------------ SPARQL JSON
def _sparql_table(data: bytes) -> list[list[str]]:
    """The Wikidata Query Service's JSON download as a table: head.vars, then one row per binding."""
    try:
        document = json.loads(_decode(data))
    except json.JSONDecodeError as error:
        raise ListError(f"the file is not valid JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(document, dict) or not isinstance(document.get("results"), dict) \
            or not isinstance(document["results"].get("bindings"), list):
        raise ListError("the JSON is not a SPARQL result: it needs results.bindings, a list "
                        "(download \"JSON\" from the Wikidata Query Service)")
    bindings = document["results"]["bindings"]
    head = document.get("head") if isinstance(document.get("head"), dict) else {}
    variables = head.get("vars") if isinstance(head.get("vars"), list) else None
    if variables is None or not all(isinstance(name, str) for name in variables):
        variables = list(dict.fromkeys(name for binding in bindings if isinstance(binding, dict) for name in binding))
    table = [list(variables)]
    for index, binding in enumerate(bindings, start=1):
        if not isinstance(binding, dict):
            raise ListError(f"binding {index} is not an object of variables")
        row = []
        for name in variables:
            term = binding.get(name)
            if term is not None and not (isinstance(term, dict) and isinstance(term.get("value"), str)):
                raise ListError(f"binding {index}, variable {name!r}: expected {{\"type\": …, \"value\": \"…\"}}")
            row.append(_clean(term["value"]) if term else "")
        table.append(row)
    return table


def read_list(data: bytes, name: str = "list", format: str | None = None) -> PartnerList:
    """Read a partner list file. `format` is gaok, wikidata or csv; None recognises it by its columns."""
    if format is not None and format not in FORMATS:
        raise ListError(f"unknown list format {format!r}: use one of {', '.join(FORMATS)}")
    if not isinstance(data, bytes | bytearray) or not data.strip():
        raise ListError("the file is empty: no rows to compare")
    data = bytes(data)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        table = _sparql_table(data)
        return _read_table(table, name, format or "wikidata")
    return _read_table(_table_from_bytes(data), name, format)
