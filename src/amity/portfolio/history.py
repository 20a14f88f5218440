"""How a project list changed from year to year.

For each recorded year: which projects continued from the previous recorded year,
which are new, which finished (completed) or were dropped — either marked so that
year, or no longer on the list — and the count an article stated beside the number
of records kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amity.portfolio.models import PortfolioYear
from amity.registry.models import Project

ENDED = {Project.Status.COMPLETED, Project.Status.DROPPED}


@dataclass
class YearChange:
    year: PortfolioYear
    continued: list = field(default_factory=list)
    new: list = field(default_factory=list)
    finished: list = field(default_factory=list)    # marked completed this year
    dropped: list = field(default_factory=list)     # marked dropped this year
    gone: list = field(default_factory=list)        # on last year's list, missing from this one

    @property
    def kept(self) -> int:
        """Records kept for the year: every project on its list."""
        return len(self.continued) + len(self.new) + len(self.finished) + len(self.dropped)

    @property
    def running(self) -> int:
        return len(self.continued) + len(self.new)

    @property
    def stated(self) -> int | None:
        return self.year.stated_count

    @property
    def gap(self) -> int | None:
        """Stated minus kept: how many projects the records are missing (negative: more kept)."""
        return None if self.stated is None else self.stated - self.kept


def portfolio_years(owner):
    field_name = "alliance" if owner.__class__.__name__ == "Alliance" else "agreement"
    return (PortfolioYear.objects.filter(**{field_name: owner})
            .prefetch_related("entries__project__field").order_by("year"))


def year_changes(owner) -> list[YearChange]:
    changes: list[YearChange] = []
    previous: dict[int, str] = {}     # project id -> status in the previous recorded year
    previous_projects: dict[int, Project] = {}
    for year in portfolio_years(owner):
        change = YearChange(year)
        current = {}
        for entry in year.entries.all():
            current[entry.project_id] = entry.project
            was_running = entry.project_id in previous and previous[entry.project_id] not in ENDED
            if entry.status == Project.Status.COMPLETED:
                change.finished.append(entry.project)
            elif entry.status == Project.Status.DROPPED:
                change.dropped.append(entry.project)
            elif was_running:
                change.continued.append(entry.project)
            else:
                change.new.append(entry.project)
        change.gone = [previous_projects[pk] for pk, status in previous.items()
                       if pk not in current and status not in ENDED]
        for bucket in (change.continued, change.new, change.finished, change.dropped, change.gone):
            bucket.sort(key=lambda project: project.name)
        previous = {entry.project_id: entry.status for entry in year.entries.all()}
        previous_projects = current
        changes.append(change)
    return changes
