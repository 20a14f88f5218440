"""The coverage statement of a report's place as a table: each figure next to its counting rule."""

from __future__ import annotations

import datetime as dt

from amity.portfolio.reports.model import Table
from amity.reconcile.coverage import coverage
from amity.registry import models as m


def coverage_table(place: m.Place, as_of: dt.date | None = None) -> Table:
    statement = coverage(place, as_of=as_of)
    rows = [[figure.label, f"{figure.count} of {figure.total}" if figure.total else figure.count, figure.rule]
            for figure in statement.figures]
    rows.append(["no recent engagement", len(statement.quiet), statement.quiet_rule])
    note = " ".join([f"As of {statement.as_of.isoformat()}; {statement.sources}.", *statement.last_list])
    return Table("Coverage: what these figures count", ["Figure", "Count", "Counting rule"], rows, note=note)
