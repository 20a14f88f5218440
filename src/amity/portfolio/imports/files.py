"""Import and export entry points: read a file, plan, and write tables back out."""

from __future__ import annotations

import csv
import io

from amity.portfolio.imports import partners, projects
from amity.portfolio.imports.common import Preview, RowError
from amity.portfolio.imports.reading import FileProblem, Sheet, read_sheet

KINDS = {"projects": projects, "partners": partners}
SHEETS = {"projects": ("Projects",), "partners": ("Partners",)}


def read(kind: str, filename: str, data: bytes) -> Sheet:
    return read_sheet(filename, data, KINDS[kind].ALIASES, SHEETS[kind])


def plan(kind: str, sheet: Sheet, target, may_write=None) -> Preview:
    planner = projects.plan_projects if kind == "projects" else partners.plan_partners
    return planner(sheet, target, may_write)


def plan_file(kind: str, filename: str, data: bytes, target, may_write=None) -> Preview:
    try:
        sheet = read(kind, filename, data)
    except FileProblem as problem:
        return Preview(kind, errors=[RowError(0, "—", str(problem))])
    return plan(kind, sheet, target, may_write)


def export(kind: str, target, fmt: str = "xlsx") -> bytes:
    columns, rows = KINDS[kind].export_rows(target)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read Korean text
    from openpyxl import Workbook

    from amity.portfolio.reports.xlsx import write_table

    book = Workbook()
    sheet = book.active
    sheet.title = SHEETS[kind][0]
    write_table(sheet, columns, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
