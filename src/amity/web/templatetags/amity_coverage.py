"""{% coverage_card place %}: a place's coverage statement, each figure with its counting rule."""

from django import template

from amity.reconcile.coverage import coverage

register = template.Library()


@register.inclusion_tag("web/coverage.html")
def coverage_card(target):
    return {"statement": coverage(target)}
