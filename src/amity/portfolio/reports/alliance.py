"""An alliance's (or a partnership's) progress report.

Projects by field and status, milestones met and late, meetings with their agenda
items and decisions, the yearly project lists beside the counts stated.
"""

from __future__ import annotations

import datetime as dt

from amity.portfolio.activity import agreement_activity, alliance_activity
from amity.portfolio.history import year_changes
from amity.portfolio.portfolio import budget_text, lead_and_partners, member_summary, milestone_state, money
from amity.portfolio.reports.model import Report, Table
from amity.portfolio.services import projects_of
from amity.registry import models as m

STATUSES = [value for value, _ in m.Project.Status.choices]


def _by_field(projects) -> Table:
    table = Table("Projects by field and status", ["Field", *STATUSES, "total"])
    counts: dict[str, dict[str, int]] = {}
    for project in projects:
        row = counts.setdefault(project.field.name if project.field else "(no field)", dict.fromkeys(STATUSES, 0))
        row[project.status] += 1
    for name, row in sorted(counts.items()):
        table.rows.append([name, *row.values(), sum(row.values())])
    if counts:
        totals = [sum(row[status] for row in counts.values()) for status in STATUSES]
        table.rows.append(["All fields", *totals, sum(totals)])
    return table


def progress_report(owner, year: int | None = None, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    projects = list(projects_of(owner))
    project_table = Table("Projects", ["Project", "Field", "Lead", "Partners", "Status", "Start", "End", "Budget shares"],
                          empty="No projects recorded.")
    milestones = Table("Milestones", ["Project", "Milestone", "Due", "Done", "Progress", "State"],
                       note="met: done; met late: done after its due date; late: not done and past its due date "
                            "(a partial due date is due by its last day).", empty="No milestones recorded.")
    states: dict[str, int] = {}
    for project in projects:
        lead, partners = lead_and_partners(project)
        project_table.rows.append([project.name, project.field.name if project.field else None, lead, partners,
                                   project.status, project.start, project.end, budget_text(project) or None])
        for milestone in project.milestones.all():
            if year and not ((milestone.due and milestone.due.year == year) or (milestone.done and milestone.done.year == year)):
                continue
            state = milestone_state(milestone, today)
            states[state] = states.get(state, 0) + 1
            milestones.rows.append([project.name, milestone.name, milestone.due, milestone.done,
                                    f"{milestone.progress}%", state])

    meetings = Table("Meetings", ["Date", "Type", "Title", "Where", "Attendance", "Agenda items", "Decisions"],
                     empty="No meetings recorded.")
    engagements = owner.engagements.select_related("place").prefetch_related("agenda_items__decisions").order_by("date", "id")
    for engagement in engagements:
        if year and not (engagement.date and engagement.date.year == year):
            continue
        items = list(engagement.agenda_items.all())
        meetings.rows.append([engagement.date, engagement.get_type_display(), engagement.title or str(engagement),
                              engagement.place.name if engagement.place_id else engagement.venue or None,
                              engagement.attendance, len(items), sum(len(i.decisions.all()) for i in items)])

    versions = Table("Project list by year", ["Year", "Stated", "Kept", "Continued", "New", "Finished", "Dropped",
                                              "No longer listed", "Source"],
                     note="Stated: the count an article or official gave; kept: the project records on that year's list.",
                     empty="No yearly project lists recorded.")
    for change in year_changes(owner):
        versions.rows.append([change.year.year, change.stated, change.kept, len(change.continued), len(change.new),
                              len(change.finished), len(change.dropped), len(change.gone), change.year.source or None])

    indicator = (alliance_activity([owner], today) if isinstance(owner, m.Alliance)
                 else agreement_activity(m.Agreement.objects.filter(pk=owner.pk), today))[0]
    summary = Table("Summary", ["Figure", "Value"], rows=[
        ["Projects", len(projects)],
        *[[f"Projects {status}", sum(p.status == status for p in projects)] for status in STATUSES],
        ["Milestones met", states.get("met", 0) + states.get("met late", 0)],
        ["Milestones met late", states.get("met late", 0)], ["Milestones late", states.get("late", 0)],
        ["Meetings", len(meetings.rows)],
        ["Last contact", indicator.last_contact], ["Dormant", "yes" if indicator.dormant else "no"],
    ], note=indicator.rule)
    members = Table("Members", ["Member", "Leads", "Partner in", "Budget shares"],
                    rows=[[row["member"], row["lead"], row["partner"], money(row["budget"]) or None]
                          for row in member_summary(projects)], empty="No project members recorded.")
    name = owner.name if isinstance(owner, m.Alliance) else (owner.title or str(owner))
    cities = _member_cities(owner)
    return Report(title=f"{name} progress report" + (f" {year}" if year else ""),
                  subtitle=" / ".join(getattr(owner, "aliases", [])[:1]) or "",
                  tables=[summary, cities, _by_field(projects), project_table, members, milestones, meetings, versions])


def _member_cities(owner) -> Table:
    """The alliance's members (an agreement's parties), with when they joined or left."""
    table = Table("Member cities", ["Member", "Country", "Joined", "Left"], empty="No members recorded.")
    if isinstance(owner, m.Alliance):
        rows = owner.members.select_related("place", "organization").order_by("joined", "id")
        table.rows = [[str(member.place or member.organization), (member.place.country_code if member.place_id else
                       member.organization.country_code) or None, member.joined, member.left] for member in rows]
    else:
        table.rows = [[str(party.place or party.organization), (party.place.country_code if party.place_id else
                       party.organization.country_code) or None, None, None]
                      for party in owner.parties.select_related("place", "organization")]
    return table
