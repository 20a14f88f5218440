"""Reading CSV and XLSX files into numbered rows of text, with clear file-level errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


class FileProblem(ValueError):
    """The file as a whole cannot be read (not the fault of one row)."""


@dataclass
class Sheet:
    columns: list[str]                      # normalised header names
    rows: list[tuple[int, dict[str, str]]]  # (spreadsheet row number, column -> text)


def normalise_header(text: str, aliases: dict[str, str]) -> str:
    key = re.sub(r"[\s\-/]+", "_", str(text or "").strip().lower()).strip("_")
    return aliases.get(key, key)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(data: bytes) -> str:
    # Spreadsheets saved by Korean Excel are often CP949, not UTF-8.
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem("the CSV file is neither UTF-8 nor CP949 (Korean Excel) text")


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise FileProblem("this is not a CSV text file (it contains binary data)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(data: bytes, sheet_names: tuple[str, ...]) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(f"this is not a readable XLSX workbook ({error.__class__.__name__})") from None
    lowered = {name.lower(): name for name in book.sheetnames}
    name = next((lowered[n.lower()] for n in sheet_names if n.lower() in lowered), book.sheetnames[0])
    rows = [[_cell_text(value) for value in row] for row in book[name].iter_rows(values_only=True)]
    book.close()
    return rows


def read_sheet(filename: str, data: bytes, aliases: dict[str, str], sheet_names: tuple[str, ...] = ()) -> Sheet:
    if not data:
        raise FileProblem("the file is empty")
    if len(data) > MAX_BYTES:
        raise FileProblem(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    name = (filename or "").lower()
    if name.endswith(".xlsx") or data[:2] == b"PK":
        rows = _xlsx_rows(data, sheet_names)
    elif name.endswith((".csv", ".txt", ".tsv")) or not name:
        rows = _csv_rows(data)
    else:
        raise FileProblem("upload a .csv or .xlsx file")
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(str(c).strip() for c in row)]
    if not numbered:
        raise FileProblem("the file has no rows")
    header_number, header = numbered[0]
    columns = [normalise_header(cell, aliases) for cell in header]
    body = numbered[1:]
    if len(body) > MAX_ROWS:
        raise FileProblem(f"the file has {len(body)} rows; at most {MAX_ROWS} are read at once")
    records = []
    for number, row in body:
        values = {}
        for index, column in enumerate(columns):
            if column and index < len(row):
                values[column] = str(row[index]).strip()
        records.append((number, values))
    return Sheet(columns=[c for c in columns if c], rows=records)
