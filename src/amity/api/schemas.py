"""Request and response schemas made from the registry models, so the two cannot drift.

References to other records are their integer ids, except cooperation fields, which are
referred to by their code ("port", "tourism"). Partial dates are ISO text.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from django.db import models
from ninja import Schema
from pydantic import BeforeValidator, ConfigDict, create_model, model_validator
from pydantic import Field as Spec

from amity.api.types import VISIBLE, BodyId, PartialDateText, TimeText, json_integer, required_text, text
from amity.core.fields import PartialDateField
from amity.registry.countries import country_names
from amity.registry.models import Field as CooperationField
from amity.registry.models.places import validate_country_code, validate_wikidata_id

# Column ranges, so an out-of-range number is a 422 and never a database error.
_INT_RANGES = (
    (models.PositiveSmallIntegerField, 0, 32767),
    (models.PositiveIntegerField, 0, 2147483647),
    (models.SmallIntegerField, -32768, 32767),
    (models.BigIntegerField, -(2**63), 2**63 - 1),
    (models.IntegerField, -2147483648, 2147483647),
)
_COORDINATES = {"latitude": 90, "longitude": 180}
FieldCode = text(40, pattern=r"^[-a-zA-Z0-9_]+$")


def editable_fields(model: type[models.Model], exclude: tuple[str, ...] = ()) -> list[models.Field]:
    """The fields a client may set (the record's own columns and many-to-many fields)."""
    skip = {"id", "uid", "created", "updated", *exclude}
    fields = [f for f in model._meta.concrete_fields if f.name not in skip and f.editable]
    return fields + [f for f in model._meta.many_to_many if f.name not in skip]


def shown_fields(model: type[models.Model], exclude: tuple[str, ...] = ()) -> list[models.Field]:
    skip = {"id", "uid", "created", "updated", *exclude}
    fields = [f for f in model._meta.concrete_fields if f.name not in skip]
    return fields + [f for f in model._meta.many_to_many if f.name not in skip]


# Every text this matches passes Django's URLValidator, which the record checks after the schema: host
# labels of letters, digits and inner hyphens, a letter top-level domain, then a path, query or fragment.
WEB_ADDRESS = rf"^https?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?\.)+[A-Za-z]{{2,63}}(?:[/?#]{VISIBLE}*)?$"


def _input_type(field: models.Field) -> Any:
    if field.many_to_many:
        return list[FieldCode]
    if field.is_relation:
        return FieldCode if field.related_model is CooperationField else BodyId
    if isinstance(field, PartialDateField):
        return PartialDateText
    if field.choices:
        return Literal[tuple(value for value, _ in field.flatchoices)]
    if validate_country_code in field.validators:  # the schema lists the codes the record accepts
        return Literal[("", *sorted(country_names()))]
    if validate_wikidata_id in field.validators:
        return text(field.max_length, pattern=r"^(Q[1-9][0-9]*)?$")
    if isinstance(field, models.JSONField):  # name variants: each one something other than spaces
        return list[required_text(200)]
    # Strict: a JSON boolean is not a number, nor 1 a boolean (the schema says so, and so does the server).
    if isinstance(field, models.BooleanField):
        return Annotated[bool, Spec(strict=True)]
    for kind, low, high in _INT_RANGES:
        if isinstance(field, kind):
            return Annotated[int, Spec(ge=low, le=high, strict=True), BeforeValidator(json_integer)]  # 5.0 is 5
    if isinstance(field, models.FloatField):
        limit = _COORDINATES.get(field.name)
        bounds = {"ge": -limit, "le": limit} if limit else {}
        return Annotated[float, Spec(allow_inf_nan=False, strict=True, **bounds)]
    if isinstance(field, models.DecimalField):
        digits = field.max_digits - field.decimal_places
        return Annotated[Decimal, Spec(max_digits=field.max_digits, decimal_places=field.decimal_places,
                                       allow_inf_nan=False, lt=Decimal(10) ** digits, gt=-Decimal(10) ** digits)]
    if isinstance(field, models.TimeField):
        return TimeText
    if isinstance(field, models.URLField):
        return text(field.max_length, pattern=WEB_ADDRESS)
    if isinstance(field, models.SlugField):
        return text(field.max_length, pattern=r"^[-a-zA-Z0-9_]+$")
    if isinstance(field, models.CharField | models.TextField):
        return text(field.max_length) if field.blank else required_text(field.max_length)
    raise TypeError(f"no API type for {field!r}")


def _output_type(field: models.Field) -> Any:
    if field.many_to_many:
        return list[str]
    if field.is_relation:
        kind = str if field.related_model is CooperationField else int
    elif isinstance(field, PartialDateField | models.DecimalField | models.CharField | models.TextField):
        kind = str
    elif isinstance(field, models.JSONField):
        kind = list[str]
    elif isinstance(field, models.BooleanField):
        kind = bool
    elif isinstance(field, models.IntegerField):
        kind = int
    elif isinstance(field, models.FloatField):
        kind = float
    elif isinstance(field, models.TimeField):
        kind = str
    else:
        raise TypeError(f"no API type for {field!r}")
    return kind | None if field.null or isinstance(field, PartialDateField) else kind


def _required(field: models.Field) -> bool:
    return not (field.blank or field.null or field.has_default() or field.many_to_many)


def _default(field: models.Field):
    if field.many_to_many or isinstance(field, models.JSONField):
        return Spec(default_factory=list)
    if field.has_default() and not callable(field.default):
        return field.default
    return None if field.null or not isinstance(field, models.CharField | models.TextField) else ""


class InputSchema(Schema):
    """A request body: a JSON object, never a string, a list or null."""

    # Patterns are checked with Python's re, the engine schema-driven clients (and fuzzers) use.
    model_config = ConfigDict(regex_engine="python-re")

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values: Any, handler, info):  # replaces Schema's object-to-dict reading
        if not isinstance(values, dict):
            raise ValueError(f"the body must be a JSON object, not {_json_kind(values)}")
        return handler(values)


def _json_kind(value: Any) -> str:
    return {type(None): "null", bool: "a boolean", str: "a string", list: "a list", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _naming(names: tuple[str, ...]) -> list[dict]:
    """One JSON Schema alternative per reference: that one given, as an id."""
    return [{"required": [name], "properties": {name: {"type": "integer"}}} for name in names]


def choice_rule(names: tuple[str, ...], only_one: bool) -> dict:
    """A create's rule that a part names one of `names` (only_one: exactly one), as the model's clean() does."""
    return {"oneOf" if only_one else "anyOf": _naming(names)}


def at_most_one_rule(names: tuple[str, ...]) -> dict:
    """A change's rule that it names at most one of `names` (which one the record has is not the schema's to say)."""
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    return {"not": {"anyOf": [{"required": [a, b], "properties": {a: {"type": "integer"}, b: {"type": "integer"}}}
                              for a, b in pairs]}}


def _check_choice(names: tuple[str, ...], only_one: bool, partial: bool = False):
    def check(values):
        given = [name for name in names if getattr(values, name, None) is not None]
        if (not given and not partial) or (only_one and len(given) > 1):
            raise ValueError(f"give {'exactly one' if only_one else 'at least one'} of {', '.join(names)}")
        return values
    return model_validator(mode="after")(check)


def input_schema(model: type[models.Model], name: str, *, partial: bool, exclude: tuple[str, ...] = (),
                 one_of: tuple[str, ...] = (), only_one: bool = False):
    """The body of a create (required fields required) or of a PATCH (every field optional).

    one_of: a create names at least one of these references (only_one: exactly one); the schema
    says so and the body is checked before the record is.
    """
    base = InputSchema
    validators = {}
    if one_of and (not partial or only_one):
        rule = at_most_one_rule(one_of) if partial else choice_rule(one_of, only_one)
        config = ConfigDict(regex_engine="python-re", json_schema_extra=rule)
        base = type(f"{name}Base", (InputSchema,), {"model_config": config, "__module__": __name__})
        validators = {"check_choice": _check_choice(one_of, only_one, partial)}
    fields = {}
    for field in editable_fields(model, exclude):
        kind = _input_type(field)
        if field.null and not field.many_to_many:
            kind = kind | None
        if partial:
            fields[field.name] = (kind, None)
        elif _required(field):
            fields[field.name] = (kind, ...)
        else:
            fields[field.name] = (kind, _default(field))
    return create_model(name, __base__=base, __validators__=validators, **fields)


def output_schema(model: type[models.Model], name: str, *, exclude: tuple[str, ...] = (),
                  nested: dict[str, Any] | None = None):
    fields: dict[str, Any] = {"id": (int, ...), "label": (str, ...)}
    if any(f.name == "uid" for f in model._meta.concrete_fields):
        fields.update(uid=(UUID, ...), created=(dt.datetime, ...), updated=(dt.datetime, ...))
    for field in shown_fields(model, exclude):
        fields[field.name] = (_output_type(field), ...)
    for key, schema in (nested or {}).items():
        fields[key] = (list[schema], ...)
    return create_model(name, __base__=Schema, **fields)


def page_schema(item: type[Schema], name: str):
    return create_model(name, __base__=Schema, count=(int, ...), limit=(int, ...), offset=(int, ...),
                        items=(list[item], ...))


def value_of(obj: models.Model, field: models.Field):
    """A field's value as the API shows it."""
    if field.many_to_many:
        return sorted(item.code for item in getattr(obj, field.name).all())
    if field.is_relation:
        if field.related_model is CooperationField:
            target = getattr(obj, field.name)
            return None if target is None else target.code
        return getattr(obj, field.attname)
    value = getattr(obj, field.attname)
    if isinstance(field, PartialDateField):
        return None if value is None else value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    return value
