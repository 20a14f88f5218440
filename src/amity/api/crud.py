"""Builds the list/retrieve/create/update/delete/history routes of one registry type.

A Resource describes a record type (its filters and parts); `build_router` turns it into
a ninja Router. Writes go through amity.registry.services with the caller as actor.
"""

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from ninja import Path, Query, Router, Schema, Status
from pydantic import Field as Spec
from pydantic import create_model

from amity.api import access
from amity.api.errors import ERRORS, MergedAway, Moved
from amity.api.history import HistoryEntry, history_entries
from amity.api.schemas import input_schema, output_schema, page_schema, shown_fields, value_of
from amity.api.types import MAX_ID, PartialDateText, Text
from amity.core.partialdate import PartialDate
from amity.registry import services
from amity.registry.models import Field as CooperationField
from amity.review.merge import survivor_of


@dataclass(frozen=True)
class Filter:
    type: Any
    apply: Callable[[QuerySet, Any], QuerySet]
    description: str = ""
    joins: bool = False  # follows a to-many relation, so rows may repeat


PARTY = ("place", "organization")  # a party, member or partner is one place or one organization


@dataclass(frozen=True)
class Part:
    """A part of a record edited through its whole: an agreement's parties, a project's milestones."""

    model: type[models.Model]
    parent_fk: str
    parts: tuple["Part", ...] = ()
    # (whole, values, actor) -> part; default services.create
    create: Callable[[models.Model, dict, str], models.Model] | None = None
    # the references a new part names at least one of (only_one: exactly one), as its clean() says
    one_of: tuple[str, ...] = ()
    only_one: bool = False

    @property
    def key(self) -> str:
        return self.model._meta.get_field(self.parent_fk).remote_field.related_name

    def serialize(self, obj) -> dict:
        return serialize(obj, shown_fields(self.model, (self.parent_fk,)), self.parts)


@dataclass(frozen=True)
class Resource:
    model: type[models.Model]
    path: str
    search: tuple[str, ...] = ("name", "aliases")
    filters: dict[str, Filter] = field(default_factory=dict)
    date_field: str | None = None
    parts: tuple[Part, ...] = ()
    select: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name

    def queryset(self) -> QuerySet:
        queryset = self.model.objects.all()
        if self.select:
            queryset = queryset.select_related(*self.select)
        # parts first: a lookup such as "parties__place" then reuses the parts' own queryset
        prefetch = [name for part in self.parts for name in _part_prefetch(part)]
        prefetch += [*self.prefetch, *[f.name for f in self.model._meta.many_to_many]]
        return queryset.prefetch_related(*prefetch)

    def get(self, pk: int) -> models.Model:
        obj = self.queryset().filter(pk=pk).first()
        if obj is None:
            survivor = survivor_of(self.model._meta.label_lower, pk)
            if survivor is not None:
                raise MergedAway(str(self.label), pk, survivor)
            raise Http404(f"no {self.label} with id {pk}")
        return obj

    def serialize(self, obj) -> dict:
        return serialize(obj, shown_fields(self.model), self.parts)


def _part_prefetch(part: Part, prefix: str = "") -> list[Prefetch]:
    # A part's label names what it points at (a participant's person, place or organization):
    # join those in, or a page of records makes one query per part.
    pointers = [f.name for f in part.model._meta.concrete_fields
                if f.many_to_one and f.name != part.parent_fk]
    # parts are listed in the order they were added unless the model orders them (PostgreSQL
    # returns a join in any order)
    ordering = part.model._meta.ordering or ["pk"]
    queryset = part.model.objects.select_related(*pointers).order_by(*ordering)
    names = [Prefetch(f"{prefix}{part.key}", queryset=queryset)]
    for sub in part.parts:
        names += _part_prefetch(sub, f"{prefix}{part.key}__")
    return names


def serialize(obj, fields: list[models.Field], parts: tuple[Part, ...] = ()) -> dict:
    data = {"id": obj.pk, "label": str(obj)}
    if hasattr(obj, "uid"):
        data.update(uid=obj.uid, created=obj.created, updated=obj.updated)
    for model_field in fields:
        data[model_field.name] = value_of(obj, model_field)
    for part in parts:
        data[part.key] = [part.serialize(item) for item in getattr(obj, part.key).all()]
    return data


def resolve(model: type[models.Model], values: dict) -> dict:
    """Turn ids (and field codes) in a request body into the records they name."""
    errors = {}
    for name, value in list(values.items()):
        model_field = model._meta.get_field(name)
        if not model_field.is_relation or value is None:
            continue
        target = model_field.related_model
        if model_field.many_to_many:
            found = {item.code: item for item in CooperationField.objects.filter(code__in=value)}
            missing = sorted(set(value) - set(found))
            if missing:
                errors[name] = f"unknown field code(s): {', '.join(missing)}"
            values[name] = list(found.values())
            continue
        lookup = {"code": value} if target is CooperationField else {"pk": value}
        values[name] = target.objects.filter(**lookup).first()
        if values[name] is None:
            errors[name] = f"no {target._meta.verbose_name} with {'code' if target is CooperationField else 'id'} {value!r}"
    if errors:
        raise ValidationError(errors)
    return values


def unsaved(model: type[models.Model], values: dict) -> models.Model:
    """The record a create would make, not yet saved (its many-to-many values left out)."""
    return model(**{name: value for name, value in values.items() if not model._meta.get_field(name).many_to_many})


def date_overlaps(name: str, start: PartialDate | None, end: PartialDate | None) -> Q:
    """Records whose partial date may fall within [start, end] (ISO text compares as dates)."""
    condition = Q()
    if start is not None:
        text = start.isoformat()
        # "2016" < "2016-06" as text, yet the year 2016 overlaps June 2016: keep the prefixes.
        condition &= Q(**{f"{name}__gte": text}) | Q(**{f"{name}__in": [text[:4], text[:7]]})
    if end is not None:
        condition &= Q(**{f"{name}__lte": end.latest.isoformat()})
    return condition


def text_search(fields: tuple[str, ...], value: str) -> Q:
    condition = Q()
    escaped = json.dumps(value)[1:-1]  # JSON lists are stored with \\u escapes on SQLite
    for name in fields:
        condition |= Q(**{f"{name}__icontains": value})
        if name in ("aliases", "demonyms") and escaped != value:
            condition |= Q(**{f"{name}__icontains": escaped})
    return condition


def filter_schema(resource: Resource):
    fields: dict[str, Any] = {
        "q": (Text | None, Spec(None, description="text in the name or aliases")),
        "limit": (int, Spec(50, ge=1, le=500)),
        "offset": (int, Spec(0, ge=0, le=MAX_ID)),
    }
    if resource.date_field:
        fields["date_from"] = (PartialDateText | None, Spec(None, description=f"{resource.date_field} from"))
        fields["date_to"] = (PartialDateText | None, Spec(None, description=f"{resource.date_field} until"))
    for name, spec in resource.filters.items():
        fields[name] = (spec.type | None, Spec(None, description=spec.description))
    return create_model(f"{resource.model.__name__}Filters", __base__=Schema, **fields)


def apply_filters(resource: Resource, queryset: QuerySet, filters) -> QuerySet:
    values = filters.model_dump()
    joined = False
    if values.get("q"):
        queryset = queryset.filter(text_search(resource.search, values["q"]))
        joined = any("__" in name for name in resource.search)
    if resource.date_field and (values.get("date_from") or values.get("date_to")):
        start, end = PartialDate.coerce(values.get("date_from")), PartialDate.coerce(values.get("date_to"))
        queryset = queryset.filter(date_overlaps(resource.date_field, start, end))
    for name, spec in resource.filters.items():
        if values.get(name) is not None:
            queryset = spec.apply(queryset, values[name])
            joined = joined or spec.joins
    # DISTINCT only when needed: it makes counting the 30,000 reference places slow.
    return queryset.distinct() if joined else queryset


def build_router(resource: Resource, tag: str) -> Router:
    model, name = resource.model, resource.model.__name__
    router = Router(tags=[tag])
    nested = {part.key: part_output(part) for part in resource.parts}
    Out = output_schema(model, name, nested=nested)
    Create = input_schema(model, f"{name}Create", partial=False)
    Patch = input_schema(model, f"{name}Patch", partial=True)
    Filters = filter_schema(resource)
    Page = page_schema(Out, f"{name}Page")
    plural = resource.path.replace("-", "_")
    single = model._meta.model_name

    @router.get("", response={200: Page, **ERRORS}, operation_id=f"list_{plural}",
                summary=f"List {model._meta.verbose_name_plural}")
    def list_records(request, filters: Query[Filters]):
        access.require_view(request)
        queryset = apply_filters(resource, resource.queryset(), filters)
        items = queryset[filters.offset:filters.offset + filters.limit]
        return {"count": queryset.count(), "limit": filters.limit, "offset": filters.offset,
                "items": [resource.serialize(obj) for obj in items]}

    @router.get("/{id}", response={200: Out, 302: Moved, **ERRORS}, operation_id=f"get_{single}",
                summary=f"One {resource.label}")
    def retrieve(request, id: int = Path(..., ge=1, le=MAX_ID)):
        access.require_view(request)
        return resource.serialize(resource.get(id))

    @router.post("", response={201: Out, **ERRORS}, operation_id=f"create_{single}",
                 summary=f"Create a {resource.label}")
    def create(request, payload: Create):
        access.require_view(request)
        access.require_edit(request)
        values = resolve(model, payload.model_dump(exclude_unset=True))
        access.require_edit(request, unsaved(model, values))
        with transaction.atomic():
            obj = services.create(model, actor=access.actor(request), **values)
            access.require_edit(request, resource.get(obj.pk))
        return Status(201, resource.serialize(resource.get(obj.pk)))

    @router.patch("/{id}", response={200: Out, **ERRORS}, operation_id=f"update_{single}",
                  summary=f"Change a {resource.label} (only the fields sent)")
    def update(request, payload: Patch, id: int = Path(..., ge=1, le=MAX_ID)):
        access.require_view(request)
        obj = resource.get(id)
        access.require_edit(request, obj)
        values = resolve(model, payload.model_dump(exclude_unset=True))
        access.require_change(request, obj, values)
        with transaction.atomic():
            services.update(obj, actor=access.actor(request), **values)
            access.require_edit(request, resource.get(id))
        return resource.serialize(resource.get(id))

    @router.delete("/{id}", response={204: None, **ERRORS}, operation_id=f"delete_{single}",
                   summary=f"Delete a {resource.label}")
    def delete(request, id: int = Path(..., ge=1, le=MAX_ID)):
        access.require_view(request)
        obj = resource.get(id)
        access.require_edit(request, obj)
        services.delete(obj, actor=access.actor(request))
        return Status(204, None)

    @router.get("/{id}/history", response={200: list[HistoryEntry], 302: Moved, **ERRORS},
                operation_id=f"history_of_{single}", summary=f"Change log of a {resource.label} and its parts")
    def history(request, id: int = Path(..., ge=1, le=MAX_ID)):
        access.require_view(request)
        return history_entries(resource.get(id))

    for part in resource.parts:
        add_part_routes(router, resource.get, part, f"{single}_{part.key}")
    return router


@functools.cache
def part_output(part: Part):
    nested = {sub.key: part_output(sub) for sub in part.parts}
    return output_schema(part.model, part.model.__name__, exclude=(part.parent_fk,), nested=nested)


def add_part_routes(router: Router, get_whole: Callable[[int], models.Model], part: Part, op: str):
    """POST /{id}/<parts>, PATCH and DELETE /{id}/<parts>/{part_id}: editing a part edits its whole."""
    model, segment = part.model, part.key.replace("_", "-")
    name = model.__name__
    Out = part_output(part)
    Create = input_schema(model, f"{name}Create", partial=False, exclude=(part.parent_fk,),
                          one_of=part.one_of, only_one=part.only_one)
    Patch = input_schema(model, f"{name}Patch", partial=True, exclude=(part.parent_fk,),
                         one_of=part.one_of, only_one=part.only_one)
    label = model._meta.verbose_name

    def load(request, id: int, part_id: int | None = None):
        access.require_view(request)
        whole = get_whole(id)
        access.require_edit(request, whole)  # editing a part is editing its whole
        if part_id is None:
            return whole, None
        obj = model.objects.filter(pk=part_id, **{part.parent_fk: whole}).first()
        if obj is None:
            raise Http404(f"no {label} with id {part_id} in this record")
        return whole, obj

    def done(request, whole, obj):
        access.require_edit(request, get_whole(whole.pk))
        return part.serialize(model.objects.get(pk=obj.pk))

    @router.post(f"/{{id}}/{segment}", response={201: Out, **ERRORS}, operation_id=f"add_{op}",
                 summary=f"Add a {label}")
    def add(request, payload: Create, id: int = Path(..., ge=1, le=MAX_ID)):
        whole, _ = load(request, id)
        values = resolve(model, payload.model_dump(exclude_unset=True))
        with transaction.atomic():
            if part.create:
                obj = part.create(whole, values, access.actor(request))
            else:
                obj = services.create(model, actor=access.actor(request), **{part.parent_fk: whole}, **values)
            return Status(201, done(request, whole, obj))

    @router.patch(f"/{{id}}/{segment}/{{part_id}}", response={200: Out, **ERRORS}, operation_id=f"update_{op}",
                  summary=f"Change a {label}")
    def change(request, payload: Patch, id: int = Path(..., ge=1, le=MAX_ID),
               part_id: int = Path(..., ge=1, le=MAX_ID)):
        whole, obj = load(request, id, part_id)
        values = resolve(model, payload.model_dump(exclude_unset=True))
        with transaction.atomic():
            services.update(obj, actor=access.actor(request), **values)
            return done(request, whole, obj)

    @router.delete(f"/{{id}}/{segment}/{{part_id}}", response={204: None, **ERRORS}, operation_id=f"remove_{op}",
                   summary=f"Remove a {label}")
    def remove(request, id: int = Path(..., ge=1, le=MAX_ID), part_id: int = Path(..., ge=1, le=MAX_ID)):
        whole, obj = load(request, id, part_id)
        with transaction.atomic():
            services.delete(obj, actor=access.actor(request))
            access.require_edit(request, get_whole(whole.pk))  # removing a part must not hand the whole away
        return Status(204, None)

