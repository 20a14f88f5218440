"""Import of a project list: project, field, status, start, end, lead, partners, budget shares."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from amity.portfolio.imports.common import (
    PlannedRow,
    Preview,
    RowError,
    RowFailed,
    find_place,
    parse_budget,
    parse_choice,
    parse_date,
    parse_field,
)
from amity.portfolio.imports.reading import Sheet
from amity.portfolio.portfolio import budget_text, lead_and_partners
from amity.portfolio.services import owner_filter, projects_of, record_year
from amity.registry import models as m
from amity.registry import services

COLUMNS = ["project", "field", "status", "start", "end", "lead", "partners", "budget", "description"]
REQUIRED = ["project"]
ALIASES = {
    "name": "project", "project_name": "project", "title": "project", "사업명": "project", "사업": "project",
    "분야": "field", "상태": "status", "시작": "start", "start_date": "start", "종료": "end", "end_date": "end",
    "lead_member": "lead", "주관": "lead", "주관기관": "lead", "partner_members": "partners", "참여": "partners",
    "budget_shares": "budget", "예산": "budget", "설명": "description", "notes": "description",
}
KOREAN_STATUS = {"제안": "proposed", "계획": "proposed", "추진": "active", "추진중": "active", "진행": "active",
                 "완료": "completed", "중단": "dropped", "취소": "dropped"}


def owner_places(owner) -> list[m.Place]:
    rows = owner.members.all() if isinstance(owner, m.Alliance) else owner.parties.all()
    return [row.place for row in rows.select_related("place") if row.place_id]


def _members(values: dict[str, str], preferred) -> list[dict]:
    members: dict[int, dict] = {}
    for column, role in (("lead", m.ProjectMember.Role.LEAD), ("partners", m.ProjectMember.Role.PARTNER)):
        for name in filter(None, (n.strip() for n in values.get(column, "").split(";"))):
            place = find_place(name, column, preferred)
            if place.pk in members:
                raise RowFailed(column, f"{place} is named twice")
            members[place.pk] = {"place": place, "role": role, "budget_share": None, "budget_currency": ""}
    for who, amount, currency in parse_budget(values.get("budget", ""), "budget"):
        place = find_place(who, "budget", preferred)
        if place.pk not in members:
            raise RowFailed("budget", f"{place} has a budget share but is neither lead nor partner")
        members[place.pk].update(budget_share=amount, budget_currency=currency)
    return list(members.values())


def _plan_row(number: int, values: dict[str, str], owner, existing: dict, preferred) -> PlannedRow:
    name = values.get("project", "").strip()
    if not name:
        raise RowFailed("project", "is empty: every row needs the project's name")
    fields = {
        "name": name,
        "field": parse_field(values.get("field", ""), "field"),
        "status": parse_choice(values.get("status", ""), "status", m.Project.Status.choices, KOREAN_STATUS,
                               default=m.Project.Status.ACTIVE),
        "start": parse_date(values.get("start", ""), "start"),
        "end": parse_date(values.get("end", ""), "end"),
        "description": values.get("description", ""),
    }
    if fields["start"] and fields["end"] and fields["end"].latest < fields["start"].earliest:
        raise RowFailed("end", "ends before it starts")
    members = _members(values, preferred)
    project = existing.get(name.lower())
    plan = PlannedRow(number, "create", name, values={"fields": fields, "members": members, "project": project})
    lead = "; ".join(str(x["place"]) for x in members if x["role"] == "lead")
    plan.details = [f"{fields['field'] or 'no field'}", fields["status"], f"lead: {lead or '—'}"]
    if project is not None:
        changed = [key for key, value in fields.items() if key != "name" and getattr(project, key) != value]
        desired = {(x["place"].pk, x["role"], x["budget_share"], x["budget_currency"]) for x in members}
        current = {(x.place_id, x.role, x.budget_share, x.budget_currency) for x in project.members.all()}
        if desired != current:
            changed.append("members")
        plan.action = "update" if changed else "unchanged"
        if changed:
            plan.details.append("changes: " + ", ".join(changed))
    return plan


def plan_projects(sheet: Sheet, owner, may_write: Callable[[set[int]], bool] | None = None) -> Preview:
    preview = Preview("projects")
    missing = [column for column in REQUIRED if column not in sheet.columns]
    if missing:
        preview.errors.append(RowError(1, ", ".join(missing), "required column missing (columns: "
                                       + ", ".join(COLUMNS) + ")"))
        return preview
    unknown = [c for c in sheet.columns if c not in COLUMNS]
    if unknown:
        preview.notes.append("Columns ignored: " + ", ".join(unknown))
    existing = {p.name.lower(): p for p in projects_of(owner)}
    preferred = owner_places(owner)
    seen: dict[str, int] = {}
    for number, values in sheet.rows:
        try:
            plan = _plan_row(number, values, owner, existing, preferred)
        except RowFailed as error:
            preview.errors.append(RowError(number, error.column, error.message))
            continue
        key = plan.label.lower()
        if key in seen:
            preview.errors.append(RowError(number, "project", f"{plan.label!r} is already on row {seen[key]}"))
            continue
        seen[key] = number
        places = {x["place"].pk for x in plan.values["members"]}
        if plan.values["project"] is not None:
            places |= {x.place_id for x in plan.values["project"].members.all() if x.place_id}
        if may_write is not None and places and not may_write(places):
            preview.errors.append(RowError(number, "lead", "outside your editing scope: none of its members "
                                           "is a place you may edit"))
            continue
        preview.rows.append(plan)
    return preview


def _sync_members(project: m.Project, members: list[dict], actor: str) -> None:
    current = {member.place_id: member for member in project.members.all() if member.place_id}
    wanted = {x["place"].pk: x for x in members}
    for place_id, member in current.items():
        if place_id not in wanted:
            services.delete(member, actor=actor)
    for place_id, values in wanted.items():
        member = current.get(place_id)
        if member is None:
            services.create(m.ProjectMember, project=project, actor=actor, **values)
        elif (member.role, member.budget_share, member.budget_currency) != (
                values["role"], values["budget_share"], values["budget_currency"]):
            services.update(member, role=values["role"], budget_share=values["budget_share"],
                            budget_currency=values["budget_currency"], actor=actor)


def apply_projects(preview: Preview, owner, *, actor: str, year: int | None = None,
                   stated_count: int | None = None, source: str = "") -> dict[str, int]:
    """Write a clean preview in one transaction; optionally keep it as the project list of `year`."""
    if not preview.ok:
        raise ValueError("the preview has errors; nothing was written")
    statuses = {}
    with transaction.atomic():
        for plan in preview.rows:
            project, fields = plan.values["project"], plan.values["fields"]
            if project is None:
                project = services.create(m.Project, actor=actor, **owner_filter(owner), **fields)
            elif plan.action == "update":
                project = services.update(project, actor=actor, **fields)
            if plan.action != "unchanged":
                _sync_members(project, plan.values["members"], actor)
            statuses[project.pk] = fields["status"]
        if year:
            record_year(owner, year, statuses=statuses, stated_count=stated_count, source=source, actor=actor)
    return {"created": preview.count("create"), "updated": preview.count("update"),
            "unchanged": preview.count("unchanged")}


def export_rows(owner) -> tuple[list[str], list[list]]:
    """The project list in the import's own columns (so an export imports back unchanged)."""
    rows = []
    for project in projects_of(owner):
        lead, partners = lead_and_partners(project)
        rows.append([project.name, project.field.code if project.field else "", project.status,
                     project.start.isoformat() if project.start else "", project.end.isoformat() if project.end else "",
                     lead, partners, budget_text(project), project.description])
    return COLUMNS, rows
