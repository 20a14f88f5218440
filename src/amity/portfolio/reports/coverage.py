"""The coverage statement of a report's place as a table: each figure next to its counting rule."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from amity.portfolio.reports.model import Table
from amity.reconcile.coverage import coverage
from amity.registry import models as m


def _figure_label(label: str) -> str:
    """The statement names its per-status figures by the status code; the reader sees the status's label."""
    return m.Agreement.Status(label).label if label in m.Agreement.Status.values else label


def coverage_table(place: m.Place, as_of: dt.date | None = None) -> Table:
    statement = coverage(place, as_of=as_of)
    rows = [[_figure_label(figure.label),
             _("%(count)s of %(total)s") % {"count": figure.count, "total": figure.total} if figure.total
             else figure.count, figure.rule]
            for figure in statement.figures]
    rows.append([_("no recent engagement"), len(statement.quiet), statement.quiet_rule])
    note = " ".join([_("As of %(date)s; %(sources)s.") % {"date": statement.as_of.isoformat(), "sources": statement.sources},
                     *statement.last_list])
    return Table(_("Coverage: what these figures count"), [_("Figure"), _("Count"), _("Counting rule")], rows, note=note)
