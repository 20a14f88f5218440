"""Writing the registry out: JSON (re-importable) and CSV (one table per record type)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from amity import __version__
from amity.core.models import ChangeLog, json_value
from amity.registry import models as m
from amity.transfer.spec import FORMAT, SPECS, VERSION, Spec, record_key


def _changed_reference_place_ids() -> set[int]:
    """Reference places someone has edited since `amity init` (they have change-log rows)."""
    place_type = ContentType.objects.get_for_model(m.Place)
    return set(ChangeLog.objects.filter(content_type=place_type).values_list("object_id", flat=True))


def _queryset(spec: Spec):
    queryset = spec.model.objects.all().order_by("pk")
    if spec.model is m.Place:
        queryset = queryset.exclude(source=m.Place.Source.REFERENCE) | queryset.filter(
            source=m.Place.Source.REFERENCE, pk__in=_changed_reference_place_ids()
        )
        queryset = queryset.order_by("pk")
    return queryset


def _record(obj, spec: Spec) -> dict:
    record = {"id": record_key(obj)}
    for name in spec.fields:
        value = json_value(getattr(obj, name))
        record[name] = str(value) if hasattr(value, "as_tuple") else value
    for name in spec.refs:
        target = getattr(obj, name)
        record[name] = None if target is None else record_key(target)
    for name in spec.many:
        record[name] = sorted(record_key(item) for item in getattr(obj, name).all())
    for part in spec.parts:
        related = part.model.objects.filter(**{part.parent_fk: obj}).order_by("pk")
        record[part.section] = [_record(item, part) for item in related]
    return record


def export_registry() -> dict:
    """The whole registry as one JSON-ready dict (reference places only where edited)."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "amity": __version__,
        "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "fields": [{"id": f.code, "name": f.name, "name_ko": f.name_ko} for f in m.Field.objects.order_by("code")],
    }
    for spec in SPECS:
        data[spec.section] = [_record(obj, spec) for obj in _queryset(spec)]
    return data


def _flatten(records: list[dict], spec: Spec, tables: dict[str, list[dict]], prefix: str, parent_id=None):
    rows = tables.setdefault(prefix, [])
    for record in records:
        row = {"parent_id": parent_id} if parent_id is not None else {}
        for key, value in record.items():
            if any(part.section == key for part in spec.parts):
                continue
            row[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        rows.append(row)
        for part in spec.parts:
            _flatten(record.get(part.section, []), part, tables, f"{prefix}_{part.section}", record["id"])


def export_csv(folder: Path) -> list[Path]:
    """One CSV per record type (parts in their own tables with a parent_id column)."""
    data = export_registry()
    tables: dict[str, list[dict]] = {"fields": data["fields"]}
    for spec in SPECS:
        _flatten(data[spec.section], spec, tables, spec.section)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables.items():
        path = folder / f"{name}.csv"
        columns = list(dict.fromkeys(key for row in rows for key in row)) or ["id"]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written
