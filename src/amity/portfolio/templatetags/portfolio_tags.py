"""Small display helpers for portfolio pages (all output escaped by the template engine)."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from amity.core.partialdate import PartialDate

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
