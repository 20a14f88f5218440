"""`amity export`: every table of Amity's record as JSON Lines, restorable exactly.

Line 1 is a header (format, version, applied migrations, what is left out and why); every
other line is one row: `["registry.place", {"id": 3, "name": "Koper", ...}]` with the
column values as stored (ids, timestamps to the microsecond, foreign keys as ids). One row a
line lets `amity import` stream a file of any size instead of holding it whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import TextIO
from uuid import UUID

from django.db import connection, models
from django.db.migrations.recorder import MigrationRecorder

from amity import __version__
from amity.transfer.tables import LEFT_OUT, PASSWORDS_LEFT_OUT, dumped_models, natural_keys, natural_target

DUMP_FORMAT = "amity-dump"
DUMP_VERSION = 1
_PLAIN = (str, int, float, bool)


def applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def header() -> dict:
    return {
        "format": DUMP_FORMAT,
        "version": DUMP_VERSION,
        "amity": __version__,
        "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "migrations": applied_migrations(),
        "left_out": {**LEFT_OUT, "auth.user.password": PASSWORDS_LEFT_OUT},
    }


def _encoder(field: models.Field, naturals: dict[str, dict[int, list[str]]]):
    """How one column's stored value is written as JSON."""
    if isinstance(field, models.JSONField):
        return None  # already JSON
    if target := natural_target(field):
        return naturals[target].get
    if field.attname == "password" and field.model._meta.label_lower == "auth.user":
        return lambda value: ""

    def encode(value):
        if value is None or isinstance(value, _PLAIN):
            return value
        if isinstance(value, dt.datetime | dt.date | dt.time):
            return value.isoformat()  # full precision: DjangoJSONEncoder would cut microseconds
        if isinstance(value, Decimal | UUID):
            return str(value)
        prepared = field.get_prep_value(value)  # e.g. a partial date -> "2016-06"
        return prepared if isinstance(prepared, _PLAIN) else str(prepared)

    return encode


def dump_rows() -> Iterator[tuple[str, dict]]:
    """(table label, row) for every row of every dumped table, in id order."""
    naturals = {label: natural_keys(label) for label in ("contenttypes.contenttype", "auth.permission")}
    for model in dumped_models():
        fields = list(model._meta.concrete_fields)
        names = [field.attname for field in fields]
        encoders = [_encoder(field, naturals) for field in fields]
        # values_list, not model instances: a registry row's from_db() snapshots it for the change log
        for values in model._base_manager.order_by("pk").values_list(*names).iterator(chunk_size=2000):
            yield model._meta.label_lower, {
                name: value if encode is None or value is None else encode(value)
                for name, encode, value in zip(names, encoders, values, strict=True)}


def write_dump(out: TextIO) -> dict[str, int]:
    """Write the whole record to `out`; returns the rows written per table."""
    counts: dict[str, int] = {}
    out.write(json.dumps(header(), ensure_ascii=False) + "\n")
    for label, row in dump_rows():
        out.write(json.dumps([label, row], ensure_ascii=False, separators=(",", ":")) + "\n")
        counts[label] = counts.get(label, 0) + 1
    return counts
