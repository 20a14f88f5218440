"""Reading an export file back in: all or nothing, with errors that name record and field.

References between records are written as keys: the `id` of another record in the
file, the uid of a record already in the registry, or a natural key of reference
data: `iso:SI` (a country), `kr:26000` (a Korean local government), `geonames:3197378`
(a world city), or `place:Koper@SI` (a place by name or alias in a country).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from amity.core.actor import acting_as
from amity.core.fields import PartialDateField
from amity.core.partialdate import InvalidPartialDate
from amity.registry import models as m
from amity.registry.lookup import places_named
from amity.registry.reference import reference_uid
from amity.transfer.spec import FORMAT, SPECS, Spec

FILE_NAMESPACE = uuid.UUID("0b5e2c1e-8f0e-4b8a-9d59-64f4f3d7a1c2")


class ImportFailed(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, location: str, message: str):
        self.location, self.message = location, message
        super().__init__(f"{location}: {message}")


MAX_DEPTH = 32  # an export nests a few levels (a team's members in an alliance); deeper is not an export


def max_import_bytes() -> int:
    """The largest file `amity import` reads (AMITY_IMPORT_MAX_MB, default 20 MB)."""
    return getattr(settings, "AMITY_IMPORT_MAX_BYTES", 20 * 1024 * 1024)


def read_import_file(source: str | Path | BinaryIO, name: str = "") -> object:
    """Read and parse an import file (a path, or a binary stream such as stdin) within the size limit."""
    limit = max_import_bytes()
    name = name or str(source)
    try:
        if isinstance(source, str | Path):
            if Path(source).stat().st_size > limit:
                raise ImportFailed(name, _too_big(limit))
            raw = Path(source).read_bytes()
        else:
            raw = source.read(limit + 1)
    except FileNotFoundError:
        raise ImportFailed(name, "no such file") from None
    except OSError as error:
        raise ImportFailed(name, error.strerror or str(error)) from None
    if len(raw) > limit:
        raise ImportFailed(name, _too_big(limit))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(name, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(name, f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ImportFailed(name, f"nested too deeply (an export file nests at most {MAX_DEPTH} levels)") from None
    if _depth(data) > MAX_DEPTH:
        raise ImportFailed(name, f"nested too deeply (an export file nests at most {MAX_DEPTH} levels)")
    return data


def _too_big(limit: int) -> str:
    return (f"the file is larger than the import limit of {limit // (1024 * 1024)} MB "
            "(set AMITY_IMPORT_MAX_MB to raise it)")


def _depth(value, level: int = 0) -> int:
    """How deeply lists and objects nest (stops counting past MAX_DEPTH)."""
    if level > MAX_DEPTH or not isinstance(value, list | dict):
        return level
    children = value.values() if isinstance(value, dict) else value
    return max((_depth(child, level + 1) for child in children), default=level + 1)


def _expected_type(field: models.Field) -> tuple[tuple[type, ...], str]:
    """The JSON types a column's value may have in an export file, and how to say it."""
    if isinstance(field, models.JSONField):
        return (list,), "a list of texts"
    if isinstance(field, models.BooleanField):
        return (bool,), "true or false"
    if isinstance(field, models.IntegerField):
        return (int,), "a whole number"
    if isinstance(field, models.FloatField | models.DecimalField):
        return (int, float, str) if isinstance(field, models.DecimalField) else (int, float), "a number"
    if isinstance(field, PartialDateField):
        return (str,), "a date text such as \"2016\", \"2016-06\" or \"2016-06-22\""
    return (str,), "a text"


def check_value_type(model: type, name: str, value, where: str) -> None:
    """A wrong JSON type is an error naming the record and field, never stored as its str()."""
    if value is None:
        return
    types, description = _expected_type(model._meta.get_field(name))
    wrong = not isinstance(value, types) or (isinstance(value, bool) and bool not in types)
    if not wrong and types == (list,):
        wrong = not all(isinstance(item, str) for item in value)
    if wrong:
        raise ImportFailed(f"{where}.{name}", f"must be {description}, got {json.dumps(value)[:60]}")
    # PostgreSQL cannot store NUL (SQLite would keep it): the same refusal on both engines.
    if any("\x00" in text for text in (value if isinstance(value, list) else [value]) if isinstance(text, str)):
        raise ImportFailed(f"{where}.{name}", "must not contain NUL characters (\\u0000)")


class _Importer:
    def __init__(self) -> None:
        self.by_id: dict[tuple[type, str], object] = {}
        self.counts: dict[str, int] = {}

    # -- references ----------------------------------------------------------
    def resolve(self, model: type, key, where: str):
        if key is None or key == "":
            return None
        if not isinstance(key, str | int):
            raise ImportFailed(where, f"a reference must be a text key, got {key!r}")
        key = str(key)
        if (model, key) in self.by_id:
            return self.by_id[(model, key)]
        found = self._lookup(model, key)
        if found is None:
            raise ImportFailed(where, f"{model._meta.verbose_name} {key!r} does not exist "
                                      "(not in this file, nor in the registry)")
        return found

    def _lookup(self, model: type, key: str):
        if model is m.Field:
            return m.Field.objects.filter(code=key).first()
        if model is m.Place:
            scheme, _, value = key.partition(":")
            if scheme in ("iso", "kr", "geonames") and value:
                return m.Place.objects.filter(uid=reference_uid(key)).first()
            if scheme == "place" and "@" in value:
                return _place_by_name(*value.rsplit("@", 1))
        try:
            uid = uuid.UUID(key)
        except ValueError:
            return None
        return model.objects.filter(uid=uid).first()

    # -- records -------------------------------------------------------------
    def import_section(self, spec: Spec, records, where: str, parent=None) -> None:
        if records is None:
            return
        if not isinstance(records, list):
            raise ImportFailed(where, "must be a list of records")
        for index, record in enumerate(records):
            label = f"{where}[{index}]"
            if not isinstance(record, dict):
                raise ImportFailed(label, "must be an object")
            if record.get("id") not in (None, ""):
                label += f" (id {record['id']!r})"
            self.import_record(spec, record, label, parent)

    def import_record(self, spec: Spec, record: dict, where: str, parent) -> None:
        known = {"id", *spec.fields, *spec.refs, *spec.many, *(part.section for part in spec.parts)}
        if unknown := sorted(set(record) - known):
            raise ImportFailed(where, f"unknown field(s): {', '.join(unknown)}")
        obj = self._existing_reference_place(spec, record, where) or spec.model()
        is_new = obj.pk is None
        if is_new:
            self._assign_uid(spec, obj, record, where)
        for name in spec.fields:
            if name in record:
                check_value_type(spec.model, name, record[name], where)
                setattr(obj, name, _none_to_blank(spec.model, name, record[name]))
        for name, target in spec.refs.items():
            if name in record:
                setattr(obj, name, self.resolve(target, record[name], f"{where}.{name}"))
        if parent is not None:
            setattr(obj, spec.parent_fk, parent)
        self._validate(obj, where)
        obj.save()
        for name, target in spec.many.items():
            if name in record:
                values = record[name] or []
                if not isinstance(values, list):
                    raise ImportFailed(f"{where}.{name}", "must be a list")
                getattr(obj, name).set(
                    [self.resolve(target, key, f"{where}.{name}[{i}]") for i, key in enumerate(values)])
        if record.get("id") not in (None, ""):
            self.by_id[(spec.model, str(record["id"]))] = obj
        self.counts[spec.section] = self.counts.get(spec.section, 0) + is_new
        for part in spec.parts:
            self.import_section(part, record.get(part.section), f"{where}.{part.section}", obj)

    def _existing_reference_place(self, spec: Spec, record: dict, where: str):
        """A reference place in the file updates the gazetteer's entry instead of duplicating it."""
        key = str(record.get("id") or "")
        if spec.model is not m.Place or key.partition(":")[0] not in ("iso", "kr", "geonames"):
            return None
        place = m.Place.objects.filter(uid=reference_uid(key)).first()
        if place is None:
            raise ImportFailed(where, f"reference place {key!r} is not in the gazetteer (run `amity init`)")
        return place

    def _assign_uid(self, spec: Spec, obj, record: dict, where: str) -> None:
        key = record.get("id")
        if key in (None, ""):
            return
        if (spec.model, str(key)) in self.by_id:
            raise ImportFailed(where, f"duplicate: id {key!r} appears twice in the file")
        if spec.model is m.Place and str(key).startswith(("iso:", "kr:", "geonames:")):
            return
        try:
            uid = uuid.UUID(str(key))
        except ValueError:
            uid = uuid.uuid5(FILE_NAMESPACE, f"{spec.section}:{key}")
        if spec.model.objects.filter(uid=uid).exists():
            raise ImportFailed(where, f"duplicate: a {spec.model._meta.verbose_name} with id {key!r} "
                                      "is already in the registry")
        obj.uid = uid

    @staticmethod
    def _validate(obj, where: str) -> None:
        try:
            obj.full_clean(validate_unique=True)
        except ValidationError as error:
            details = error.message_dict if hasattr(error, "error_dict") else {"record": error.messages}
            field, messages = next(iter(details.items()))
            location = where if field == "__all__" else f"{where}.{field}"
            raise ImportFailed(location, "; ".join(messages)) from None
        except (InvalidPartialDate, TypeError, ValueError) as error:
            raise ImportFailed(where, str(error)) from None


def _place_by_name(name: str, country: str):
    found = places_named(name, country)
    return found[0] if found else None


def _none_to_blank(model: type, name: str, value):
    field = model._meta.get_field(name)
    if value is None and not field.null and hasattr(field, "max_length") and field.max_length:
        return ""
    return value


def import_registry(data, *, actor: str = "bot:import") -> dict[str, int]:
    """Import a parsed export file in one transaction; returns new records per section."""
    if not isinstance(data, dict):
        raise ImportFailed("file", "the top level must be a JSON object")
    if data.get("format", FORMAT) != FORMAT:
        raise ImportFailed("file.format", f"expected {FORMAT!r}, got {data.get('format')!r}")
    known = {"format", "version", "amity", "exported", "fields", *(spec.section for spec in SPECS)}
    if unknown := sorted(set(data) - known):
        raise ImportFailed("file", f"unknown section(s): {', '.join(unknown)}")
    importer = _Importer()
    with acting_as(actor), transaction.atomic():
        for index, record in enumerate(data.get("fields") or []):
            _import_field(record, f"fields[{index}]")
        for spec in SPECS:
            importer.import_section(spec, data.get(spec.section), spec.section)
    return importer.counts


def _import_field(record, where: str) -> None:
    if not isinstance(record, dict) or not record.get("id") or not record.get("name"):
        raise ImportFailed(where, "a field needs an id (its code) and a name")
    field, _ = m.Field.objects.get_or_create(code=record["id"], defaults={"name": record["name"]})
    field.name, field.name_ko = record["name"], record.get("name_ko", "")
    try:
        field.full_clean()
    except ValidationError as error:
        raise ImportFailed(where, "; ".join(error.messages)) from None
    field.save()
