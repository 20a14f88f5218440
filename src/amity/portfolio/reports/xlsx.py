"""A report as an Excel workbook: a sheet per table, real numbers where they are numbers."""

from __future__ import annotations

import io
import re

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from amity.portfolio.reports.model import Report, cell_text

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(heading: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", heading)[:28].strip() or "Sheet"
    title, n = base, 2
    while title in taken:
        title, n = f"{base[:25]} {n}", n + 1
    taken.add(title)
    return title


def _cell(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    return cell_text(value) if value not in (None, "") else None


def write_table(sheet, columns, rows) -> None:
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":
                # Text from an article or a person that starts with "=" stays text, never a formula.
                cell.data_type = "s"
                cell.quotePrefix = True
    for index, column in enumerate(columns, start=1):
        width = max([len(str(column)), *(len(cell_text(row[index - 1])) for row in rows)] or [8])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = "A2"


def report_xlsx(report: Report) -> bytes:
    book = Workbook()
    cover = book.active
    cover.title = _sheet_title(_("Report"), set())
    cover.append([report.title])
    cover["A1"].font = Font(bold=True, size=14)
    if report.subtitle:
        cover.append([report.subtitle])
    cover.append([_("Generated %(time)s") % {"time": report.generated.isoformat()}])
    for note in report.notes:
        cover.append([note])
    taken = {cover.title}
    for table in report.tables:
        sheet = book.create_sheet(_sheet_title(table.heading, taken))
        write_table(sheet, table.columns, table.rows)
        if table.note:
            sheet.append([])
            sheet.append([table.note])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
