"""Read-side helpers for a project portfolio: lead and partners, budget shares, milestone states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from amity.registry import models as m


def member_name(member: m.ProjectMember) -> str:
    return str(member.place or member.organization)


def lead_and_partners(project: m.Project) -> tuple[str, str]:
    members = list(project.members.all())
    lead = "; ".join(member_name(x) for x in members if x.role == m.ProjectMember.Role.LEAD)
    partners = "; ".join(member_name(x) for x in members if x.role != m.ProjectMember.Role.LEAD)
    return lead, partners


def budget_text(project: m.Project) -> str:
    """"Pohang (KR)=1000000 KRW; Ulsan (KR)=500000 KRW" — the import reads the same form."""
    parts = []
    for member in project.members.all():
        if member.budget_share is not None:
            amount = member.budget_share
            text = f"{amount.quantize(Decimal(1))}" if amount == amount.to_integral() else f"{amount:f}"
            parts.append(f"{member_name(member)}={text}" + (f" {member.budget_currency}" if member.budget_currency else ""))
    return "; ".join(parts)


def milestone_state(milestone: m.Milestone, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if milestone.done:
        if milestone.due and milestone.done.earliest > milestone.due.latest:
            return "met late"
        return "met"
    if milestone.due and milestone.due.latest < today:
        return "late"
    return "open"


def member_summary(projects) -> list[dict]:
    """Per member: projects led, projects as partner, budget shares summed per currency."""
    rows: dict[str, dict] = {}
    for project in projects:
        for member in project.members.all():
            row = rows.setdefault(member_name(member), {"member": member_name(member), "lead": 0, "partner": 0,
                                                        "budget": {}})
            row["lead" if member.role == m.ProjectMember.Role.LEAD else "partner"] += 1
            if member.budget_share is not None:
                row["budget"][member.budget_currency] = row["budget"].get(member.budget_currency, Decimal(0)) \
                    + member.budget_share
    return [rows[name] for name in sorted(rows)]


def money(totals: dict[str, Decimal]) -> str:
    return "; ".join(f"{amount:,.0f} {currency}".strip() if amount == amount.to_integral()
                     else f"{amount:,.2f} {currency}".strip() for currency, amount in sorted(totals.items()))
