"""New rows of one model in one statement, without the ORM's per-value machinery.

`bulk_create` sends every value of every row through the field's whole preparing path and
builds the statement anew each time: for a document's claims (about 14 rows of 18 values) that
was the largest part of storing a document. Here each field's way to prepare a value is chosen
once — text, numbers and ids of their plain type as they are, JSON through the backend's own
adapter, anything else through the field as `bulk_create` does — and the rows go in as one
`INSERT … RETURNING` per batch the backend allows. Backends that cannot return the new ids
from such an insert use `bulk_create`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, models
from django.utils import timezone

_PLAIN = {models.CharField: str, models.TextField: str, models.FloatField: float,
          models.IntegerField: int, models.ForeignKey: int}


def _preparer(field: models.Field) -> Callable:
    """`field.get_db_prep_save`, answered at once for the values it would return unchanged."""
    prepare = field.get_db_prep_save
    if isinstance(field, models.JSONField):
        adapt, encoder = connection.ops.adapt_json_value, field.encoder
        return lambda value: None if value is None else adapt(value, encoder)
    if isinstance(field, models.DateField):  # DateTimeField too: every row has the same stamp
        last = [object(), None]

        def same_as_last(value):
            if value is not last[0]:
                last[:] = [value, prepare(value, connection)]
            return last[1]
        return same_as_last
    plain = next((kind for base, kind in _PLAIN.items() if isinstance(field, base)), None)
    if plain is None:
        return lambda value: prepare(value, connection)
    return lambda value: value if value is None or type(value) is plain else prepare(value, connection)


def _stamp(objs: list[models.Model], fields: list[models.Field]) -> None:
    """What `pre_save` does for new rows: `auto_now` and `auto_now_add` times (one time for all rows)."""
    now = timezone.now()
    stamped = [field for field in fields if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)]
    for obj in objs:
        for field in stamped:
            setattr(obj, field.attname, now)


def insert_rows(objs: list[models.Model]) -> None:
    """Insert new, unsaved instances of one model and set their primary keys, as `bulk_create` would."""
    if not objs:
        return
    model = type(objs[0])
    if not connection.features.can_return_rows_from_bulk_insert:
        model.objects.bulk_create(objs)
        return
    meta, quote = model._meta, connection.ops.quote_name
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    _stamp(objs, fields)
    prepares = [(field.attname, _preparer(field)) for field in fields]
    row = f"({', '.join(['%s'] * len(fields))})"
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) VALUES "
    size = max(1, connection.ops.bulk_batch_size(fields, objs))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            batch = objs[start:start + size]
            params = [prepare(getattr(obj, name)) for obj in batch for name, prepare in prepares]
            cursor.execute(f"{head}{', '.join([row] * len(batch))} RETURNING {quote(meta.pk.column)}", params)
            for obj, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding, obj._state.db = False, connection.alias
