"""The comparison as rows with their reasons: a CSV or XLSX file a person can sort and filter."""

from __future__ import annotations

import csv
from pathlib import Path

from amity.reconcile.compare import ComparedRow, Comparison

COLUMNS = ["category", "list row", "list city a", "list country a", "list city b", "list country b", "list type",
           "list date", "list end", "Amity place a", "Amity place b", "Amity agreement", "Amity type",
           "Amity date", "Amity status", "reason"]


def report_row(row: ComparedRow) -> list:
    listed, agreement = row.row, row.agreement
    return [
        row.category, listed.number if listed else "",
        *((listed.city_a, listed.country_a, listed.city_b, listed.country_b, listed.type, listed.date, listed.end)
          if listed else [""] * 7),
        str(row.place_a or ""), str(row.place_b or ""),
        agreement.pk if agreement else "", agreement.type if agreement else "",
        str(agreement.signed_date or "") if agreement else "", agreement.status if agreement else "",
        row.reason,
    ]


def write_report(comparison: Comparison, path: str | Path) -> Path:
    """CSV unless the name ends in .xlsx."""
    path = Path(path)
    rows = [report_row(row) for row in comparison.rows]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "comparison"
        sheet.append(COLUMNS)
        for row in rows:
            sheet.append(row)
        summary = workbook.create_sheet("summary")
        for line in comparison.summary():
            summary.append(line.split(": ", 1))
        workbook.save(path)
        return path
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path
