"""{% coverage_card place %}: a place's coverage statement, each figure with its counting rule.

The statement reads every engagement of the place's partnerships (thousands for a busy city): the
rendered card is kept for the registry's state, the day and the reader's language (see web.derived).
"""

import datetime as dt

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from amity.reconcile.coverage import coverage
from amity.web.derived import cached_for_state

register = template.Library()


@register.simple_tag
def coverage_card(target):
    def render() -> str:
        return render_to_string("web/coverage.html", {"statement": coverage(target)})

    key = (type(target).__name__, getattr(target, "pk", target), get_language(), dt.date.today().isoformat())
    return cached_for_state("coverage-card", render, *key)
