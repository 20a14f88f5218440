"""Small display helpers for portfolio pages (all output escaped by the template engine)."""

from __future__ import annotations

from django import template

from amity.core.partialdate import PartialDate

register = template.Library()


@register.filter
def pd(value) -> str:
    """A partial date for people: "2016", "June 2016", "22 June 2016" ("—" when unknown)."""
    if not value:
        return "—"
    try:
        return PartialDate.coerce(value).display()
    except ValueError:
        return str(value)


@register.filter
def yesno_dormant(activity) -> str:
    return "dormant" if activity.dormant else "active"
