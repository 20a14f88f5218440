"""`amity import` of a dump (`amity export`): every table back, ids and timestamps as they were.

Only into an empty database (one `amity init` made: reference places, cooperation fields and
their change-log rows, which the dump's own copies replace). The whole file goes in one
transaction: a bad line leaves the database as it was. Rows are inserted as stored, as Django's
loaddata does: no save(), no signals, no auto_now, so nothing is stamped anew or logged twice;
the review log's triggers refuse UPDATE and DELETE only, so its rows insert like any other.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from amity.registry.models import Place
from amity.transfer.dump import DUMP_FORMAT, DUMP_VERSION, applied_migrations
from amity.transfer.importer import MAX_DEPTH, ImportFailed
from amity.transfer.tables import NATURAL, dumped_models, natural_keys, natural_target

BATCH = 500
# What `amity init` writes into a new database; a restore replaces it with the dump's rows.
INIT_TABLES = ("core.changelog", "registry.field", "registry.place")


def is_dump_header(line: bytes | str) -> bool:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == DUMP_FORMAT


def _parse(line: str, where: str):
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise ImportFailed(where, f"malformed JSON at column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ImportFailed(where, f"nested too deeply (more than {MAX_DEPTH} levels)") from None


def _check_header(line: str, name: str) -> None:
    data = _parse(line, f"{name} line 1")
    if not isinstance(data, dict) or data.get("format") != DUMP_FORMAT:
        raise ImportFailed(f"{name} line 1", "not an `amity export` dump (no amity-dump header)")
    if data.get("version") != DUMP_VERSION:
        raise ImportFailed(f"{name} line 1", f"dump version {data.get('version')!r}; this Amity reads {DUMP_VERSION}")
    theirs, ours = set(data.get("migrations") or []), set(applied_migrations())
    if theirs != ours:
        newer, older = sorted(theirs - ours), sorted(ours - theirs)
        detail = (f"the file has migrations this database lacks ({', '.join(newer[:3])}): run `amity init` "
                  "with the Amity that wrote it") if newer else (
                  f"this database has migrations the file lacks ({', '.join(older[:3])}): restore it with the "
                  "Amity version that wrote it, then upgrade")
        raise ImportFailed(f"{name} line 1", f"the dump was made by another version of Amity's tables; {detail}")


def _require_empty(tables: dict[str, type]) -> None:
    """Refuse to mix a dump with existing records: ids would collide and history would interleave."""
    held = [label for label, model in tables.items()
            if label not in INIT_TABLES and model._base_manager.exists()]
    if Place.objects.exclude(source=Place.Source.REFERENCE).exists():
        held.append("registry.place")
    if held:
        raise ImportFailed("database", f"not empty ({', '.join(sorted(held)[:5])} hold rows): a dump restores "
                                       "only into a new database made by `amity init` (use `amity restore` for "
                                       "a backup over an existing one)")


def _clear_init_rows(tables: dict[str, type]) -> None:
    with connection.cursor() as cursor:
        for label in INIT_TABLES:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(tables[label]._meta.db_table)}")


class _TableLoader:
    """Turns dumped rows of one table back into column values and inserts them in batches."""

    def __init__(self, model: type, ids_by_natural: dict[str, dict[tuple, int]]):
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = {field.attname for field in self.fields}
        self.ids_by_natural = ids_by_natural
        self.is_user = model._meta.label_lower == "auth.user"
        quote = connection.ops.quote_name
        # The stored values go in as they are, as loaddata's raw save: no save(), no signals, no auto_now.
        self.sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in self.fields)}) "
                    f"VALUES ({', '.join(['%s'] * len(self.fields))})")
        self.pending: list[list] = []
        self.count = 0

    def add(self, row, where: str) -> None:
        if not isinstance(row, dict):
            raise ImportFailed(where, "a row must be an object of column values")
        if unknown := sorted(set(row) - self.columns):
            raise ImportFailed(where, f"unknown column(s) of {self.model._meta.label_lower}: {', '.join(unknown)}")
        if self.is_user:
            row = {**row, "password": make_password(None)}  # the dump holds no hashes: an unusable password
        self.pending.append([self._value(field, row, where) for field in self.fields])
        if len(self.pending) >= BATCH:
            self.flush()

    def _value(self, field: models.Field, row: dict, where: str):
        if field.attname not in row:
            raise ImportFailed(where, f"column {field.attname} is missing")
        value = row[field.attname]
        if value is None:
            return None
        if target := natural_target(field):
            found = self.ids_by_natural[target].get(tuple(value) if isinstance(value, list) else ())
            if found is None:
                raise ImportFailed(f"{where}.{field.attname}", f"no {target} named {value!r} in this database")
            return found
        try:
            python = value if isinstance(field, models.JSONField) else field.to_python(value)
            return field.get_db_prep_save(python, connection)
        except (ValidationError, TypeError, ValueError) as error:
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise ImportFailed(f"{where}.{field.attname}", message) from None

    def flush(self) -> None:
        if self.pending:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.pending)
            self.count += len(self.pending)
            self.pending = []


def _rows(lines: Iterator[str], name: str) -> Iterator[tuple[str, object, str]]:
    for number, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        item = _parse(line, where)
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            raise ImportFailed(where, 'a row line must be ["app.table", {column: value, ...}]')
        yield item[0], item[1], f"{where} ({item[0]})"


def restore_dump(lines: Iterable[str], name: str = "dump") -> dict[str, int]:
    """Load a dump into an empty database, all or nothing; returns the rows restored per table."""
    lines = iter(lines)
    _check_header(next(lines, ""), name)
    tables = {model._meta.label_lower: model for model in dumped_models()}
    ids_by_natural = {label: {tuple(key): pk for pk, key in natural_keys(label).items()} for label in NATURAL}
    loaders: dict[str, _TableLoader] = {}
    try:
        with transaction.atomic():
            _require_empty(tables)
            _clear_init_rows(tables)
            for label, row, where in _rows(lines, name):
                if label not in tables:
                    raise ImportFailed(where, f"no table {label!r} in this Amity")
                loader = loaders.get(label) or loaders.setdefault(label, _TableLoader(tables[label], ids_by_natural))
                loader.add(row, where)
            for loader in loaders.values():
                loader.flush()
            _reset_sequences(list(tables.values()))
            # Foreign keys are checked at commit on both engines; check now so a broken file
            # gets a message instead of an IntegrityError at the end.
            connection.check_constraints(table_names=[model._meta.db_table for model in tables.values()])
    except DatabaseError as error:
        raise ImportFailed(name, f"the database refused the rows: {str(error).strip()[:300]}") from None
    return {label: loader.count for label, loader in sorted(loaders.items())}


def _reset_sequences(models_: list[type]) -> None:
    """Next ids continue after the restored ones (PostgreSQL sequences; SQLite tracks this itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
