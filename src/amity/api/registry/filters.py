"""List filters shared by several record types."""

from typing import Literal

from django.db.models import Q

from amity.api.crud import Filter
from amity.api.schemas import FieldCode
from amity.api.types import Id, text

Country = text(2, pattern=r"^[A-Za-z]{2}$")


def choice(model, name: str, path: str | None = None) -> Filter:
    values = tuple(value for value, _ in model._meta.get_field(name).flatchoices)
    return Filter(Literal[values], lambda qs, v: qs.filter(**{path or name: v}), f"only this {name}")


def country(*paths: str) -> Filter:
    def apply(queryset, value):
        condition = Q()
        for path in paths:
            condition |= Q(**{path: value.upper()})
        return queryset.filter(condition)

    return Filter(Country, apply, "ISO 3166-1 alpha-2 country code, e.g. KR", _joins(paths))


def record(*paths: str, what: str) -> Filter:
    """Records related to the one with this id (through any of `paths`)."""

    def apply(queryset, value):
        condition = Q()
        for path in paths:
            condition |= Q(**{path: value})
        return queryset.filter(condition)

    return Filter(Id, apply, f"id of a {what}", _joins(paths))


def field(path: str) -> Filter:
    return Filter(FieldCode, lambda qs, v: qs.filter(**{path: v}), "cooperation field code, e.g. port",
                  _joins((path,)))


def _joins(paths) -> bool:
    return any("__" in path for path in paths)
