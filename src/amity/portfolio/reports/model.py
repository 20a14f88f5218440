"""A report as plain tables, independent of the output format."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from amity.core.partialdate import PartialDate


def cell_text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@dataclass
class Table:
    heading: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""
    empty: str = "None recorded."

    def text_rows(self) -> list[list[str]]:
        return [[cell_text(value) for value in row] for row in self.rows]


@dataclass
class Report:
    title: str
    subtitle: str = ""
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))

    @property
    def slug(self) -> str:
        return re.sub(r"[^A-Za-z0-9]+", "-", self.title).strip("-").lower() or "report"
