"""Small display helpers for portfolio pages (all output escaped by the template engine)."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from amity.core.partialdate import PartialDate
from amity.registry.readable import record_name

register = template.Library()


@register.filter
def pd(value) -> str:
    """A partial date for people: "June 2016" / "2016년 6월" ("—" when unknown)."""
    if not value:
        return "—"
    try:
        date = PartialDate.coerce(value)
    except ValueError:
        return str(value)
    if (get_language() or "").startswith("ko"):
        return " ".join(f"{n}{unit}" for n, unit in ((date.year, "년"), (date.month, "월"), (date.day, "일")) if n)
    return date.display()


@register.filter
def named(record) -> str:
    """A record's name as the reader reads it: a place's Korean alias (부산, not Busan) in a Korean session."""
    return record_name(record) if record is not None else ""
