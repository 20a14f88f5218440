"""An alliance's (or a partnership's) progress report.

Projects by field and status, milestones met and late, meetings with their agenda
items and decisions, the yearly project lists beside the counts stated.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from amity.portfolio.activity import agreement_activity, alliance_activity
from amity.portfolio.history import year_changes
from amity.portfolio.portfolio import budget_text, lead_and_partners, member_summary, milestone_state, money
from amity.portfolio.reports.model import Report, Table
from amity.portfolio.services import projects_of
from amity.registry import models as m
from amity.registry.readable import record_name

STATUSES = m.Project.Status.values
# what milestone_state() says, as the reader reads it
MILESTONE_STATES = {"met": pgettext("milestone state", "met"), "met late": pgettext("milestone state", "met late"),
                    "late": pgettext("milestone state", "late"), "open": pgettext("milestone state", "open")}


def _status_labels() -> list[str]:
    return [str(label) for label in m.Project.Status.labels]


def _by_field(projects) -> Table:
    table = Table(_("Projects by field and status"), [_("Field"), *_status_labels(), _("total")])
    counts: dict[str, dict[str, int]] = {}
    for project in projects:
        row = counts.setdefault(project.field.name if project.field else _("(no field)"), dict.fromkeys(STATUSES, 0))
        row[project.status] += 1
    for name, row in sorted(counts.items()):
        table.rows.append([name, *row.values(), sum(row.values())])
    if counts:
        totals = [sum(row[status] for row in counts.values()) for status in STATUSES]
        table.rows.append([_("All fields"), *totals, sum(totals)])
    return table


def progress_report(owner, year: int | None = None, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    projects = list(projects_of(owner))
    project_table = Table(_("Projects"), [_("Project"), _("Field"), _("Lead"), _("Partners"), _("Status"), _("Start"),
                                          _("End"), _("Budget shares")], empty=_("No projects recorded."))
    milestones = Table(_("Milestones"), [_("Project"), _("Milestone"), _("Due"), _("Done"), _("Progress"), _("State")],
                       note=_("met: done; met late: done after its due date; late: not done and past its due date "
                              "(a partial due date is due by its last day)."), empty=_("No milestones recorded."))
    states: dict[str, int] = {}
    for project in projects:
        lead, partners = lead_and_partners(project)
        project_table.rows.append([project.name, project.field.name if project.field else None, lead, partners,
                                   project.get_status_display(), project.start, project.end,
                                   budget_text(project) or None])
        for milestone in project.milestones.all():
            if year and not ((milestone.due and milestone.due.year == year) or (milestone.done and milestone.done.year == year)):
                continue
            state = milestone_state(milestone, today)
            states[state] = states.get(state, 0) + 1
            milestones.rows.append([project.name, milestone.name, milestone.due, milestone.done,
                                    f"{milestone.progress}%", MILESTONE_STATES.get(state, state)])

    meetings = Table(_("Meetings"), [_("Date"), _("Type"), _("Title"), _("Where"), _("Attendance"), _("Agenda items"),
                                     _("Decisions")], empty=_("No meetings recorded."))
    engagements = owner.engagements.select_related("place").prefetch_related("agenda_items__decisions").order_by("date", "id")
    for engagement in engagements:
        if year and not (engagement.date and engagement.date.year == year):
            continue
        items = list(engagement.agenda_items.all())
        meetings.rows.append([engagement.date, engagement.get_type_display(), engagement.title or str(engagement),
                              record_name(engagement.place) if engagement.place_id else engagement.venue or None,
                              engagement.attendance, len(items), sum(len(i.decisions.all()) for i in items)])

    versions = Table(_("Project list by year"), [_("Year"), _("Stated"), _("Kept"), _("Continued"), _("New"),
                                                 _("Finished"), _("Dropped"), _("No longer listed"), _("Source")],
                     note=_("Stated: the count an article or official gave; kept: the project records on that year's "
                            "list."), empty=_("No yearly project lists recorded."))
    for change in year_changes(owner):
        versions.rows.append([change.year.year, change.stated, change.kept, len(change.continued), len(change.new),
                              len(change.finished), len(change.dropped), len(change.gone), change.year.source or None])

    indicator = (alliance_activity([owner], today) if isinstance(owner, m.Alliance)
                 else agreement_activity(m.Agreement.objects.filter(pk=owner.pk), today))[0]
    summary = Table(_("Summary"), [_("Figure"), _("Value")], rows=[
        [_("Projects"), len(projects)],
        *[[_("Projects %(status)s") % {"status": label.lower()}, sum(p.status == status for p in projects)]
          for status, label in zip(STATUSES, _status_labels(), strict=True)],
        [_("Milestones met"), states.get("met", 0) + states.get("met late", 0)],
        [_("Milestones met late"), states.get("met late", 0)], [_("Milestones late"), states.get("late", 0)],
        [_("Meetings"), len(meetings.rows)],
        [_("Last contact"), indicator.last_contact], [_("Dormant"), _("yes") if indicator.dormant else _("no")],
    ], note=indicator.rule)
    members = Table(_("Members"), [_("Member"), _("Leads"), _("Partner in"), _("Budget shares")],
                    rows=[[row["member"], row["lead"], row["partner"], money(row["budget"]) or None]
                          for row in member_summary(projects)], empty=_("No project members recorded."))
    name = record_name(owner) if isinstance(owner, m.Alliance) else (owner.title or str(owner))
    cities = _member_cities(owner)
    title = (_("%(name)s progress report %(year)s") % {"name": name, "year": year} if year
             else _("%(name)s progress report") % {"name": name})
    return Report(title=title,
                  subtitle=" / ".join(getattr(owner, "aliases", [])[:1]) or "",
                  tables=[summary, cities, _by_field(projects), project_table, members, milestones, meetings, versions])


def _member_cities(owner) -> Table:
    """The alliance's members (an agreement's parties), with when they joined or left."""
    table = Table(_("Member cities"), [_("Member"), _("Country"), _("Joined"), _("Left")], empty=_("No members recorded."))
    if isinstance(owner, m.Alliance):
        rows = owner.members.select_related("place", "organization").order_by("joined", "id")
        table.rows = [[record_name(member.place or member.organization), (member.place.country_code if member.place_id else
                       member.organization.country_code) or None, member.joined, member.left] for member in rows]
    else:
        table.rows = [[record_name(party.place or party.organization), (party.place.country_code if party.place_id else
                       party.organization.country_code) or None, None, None]
                      for party in owner.parties.select_related("place", "organization")]
    return table
