"""Portfolio writes. Each goes through amity.registry.services (validated, logged)."""

from __future__ import annotations

from django.db import transaction

from amity.core.partialdate import PartialDate
from amity.portfolio.models import AgendaItem, Decision, PortfolioEntry, PortfolioYear
from amity.registry import models as m
from amity.registry import services


def owner_filter(owner) -> dict:
    return {"alliance": owner} if isinstance(owner, m.Alliance) else {"agreement": owner}


def projects_of(owner):
    return (m.Project.objects.filter(**owner_filter(owner))
            .select_related("field").prefetch_related("members__place", "members__organization", "milestones"))


def record_year(owner, year: int, *, statuses: dict[int, str] | None = None, stated_count: int | None = None,
                source: str = "", notes: str = "", actor: str | None = None) -> PortfolioYear:
    """Keep the project list of `year`: project id -> status that year (default: current statuses).

    Recording a year again replaces its list; projects no longer listed are removed from it.
    """
    if statuses is None:
        statuses = {p.pk: p.status for p in projects_of(owner)}
    with transaction.atomic():
        existing = PortfolioYear.objects.filter(year=year, **owner_filter(owner)).first()
        values = {"stated_count": stated_count, "source": source, "notes": notes}
        if existing is None:
            portfolio_year = services.create(PortfolioYear, year=year, actor=actor, **owner_filter(owner), **values)
        else:
            portfolio_year = services.update(existing, actor=actor, **values)
        entries = {entry.project_id: entry for entry in portfolio_year.entries.all()}
        for project_id, entry in entries.items():
            if project_id not in statuses:
                services.delete(entry, actor=actor)
        for project in m.Project.objects.filter(pk__in=statuses, **owner_filter(owner)):
            entry = entries.get(project.pk)
            if entry is None:
                services.create(PortfolioEntry, portfolio_year=portfolio_year, project=project,
                                status=statuses[project.pk], actor=actor)
            elif entry.status != statuses[project.pk]:
                services.update(entry, status=statuses[project.pk], actor=actor)
    return portfolio_year


def add_agenda_item(engagement: m.Engagement, title: str, *, summary: str = "", project=None,
                    actor: str | None = None) -> AgendaItem:
    number = (engagement.agenda_items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return services.create(AgendaItem, engagement=engagement, number=number, title=title, summary=summary,
                           project=project, actor=actor)


def decide(agenda_item: AgendaItem, text: str, *, outcome: str = Decision.Outcome.ADOPTED,
           follow_ups: list[dict] | tuple = (), actor: str | None = None) -> Decision:
    """Record a decision; each follow-up (action, due, owner_place …) is created on the meeting.

    All in one transaction: a follow-up that fails validation leaves no decision behind.
    """
    engagement = agenda_item.engagement
    with transaction.atomic():
        created = []
        for values in follow_ups:
            values = dict(values)
            values["due"] = PartialDate.coerce(values.get("due"))
            project = values.pop("project", None) or agenda_item.project
            created.append(services.create(m.FollowUp, engagement=engagement, project=project, actor=actor, **values))
        return services.create(Decision, agenda_item=agenda_item, text=text, outcome=outcome,
                               follow_ups=created, actor=actor)
