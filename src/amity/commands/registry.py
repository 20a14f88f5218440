"""`amity init`, `amity export`, `amity import`, `amity history`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from amity.commands.setup import fail, init_database


def init(args) -> int:
    init_database()
    return 0


def export(args) -> int:
    from amity.transfer import export_csv, export_registry

    output = args.output or args.file
    if args.format == "csv":
        if not output:
            return fail("CSV export writes one file per record type: give a folder with -o")
        paths = export_csv(Path(output))
        print(f"Wrote {len(paths)} CSV files to {output}", file=sys.stderr)
        return 0
    if args.format == "dump":
        return _export_dump(output)
    text = json.dumps(export_registry(), ensure_ascii=False, indent=1)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
        print(f"Wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text + "\n")
    return 0


def _export_dump(output: str | None) -> int:
    from amity.transfer.dump import write_dump

    if not output:
        write_dump(sys.stdout)
        return 0
    partial = Path(f"{output}.partial")
    with partial.open("w", encoding="utf-8") as handle:
        counts = write_dump(handle)
    partial.replace(output)  # never leave a half-written dump under the real name
    print(f"Wrote {sum(counts.values())} rows of {len(counts)} tables to {output} "
          "(no password hashes, API tokens or sessions: see its first line)", file=sys.stderr)
    return 0


def import_(args) -> int:
    from amity.transfer import ImportFailed, import_registry, read_import_file

    try:
        stream = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115 (closed below)
    except OSError as error:
        return fail(f"{args.file}: {'no such file' if isinstance(error, FileNotFoundError) else error.strerror}"
                    "\nNothing was imported.")
    with stream:
        first = stream.readline(1024 * 1024)
        if _is_dump(first):
            return _import_dump(first, stream, args.file)
        name = "standard input" if args.file == "-" else args.file
        try:
            data = read_import_file(_Rejoined(first, stream), name)
        except ImportFailed as error:
            return fail(f"{error}\nNothing was imported.")
    try:
        counts = import_registry(data, actor=args.actor)
    except ImportFailed as error:
        return fail(f"{args.file}: {error}\nNothing was imported.")
    summary = ", ".join(f"{count} {section}" for section, count in counts.items() if count) or "nothing new"
    print(f"Imported {summary}.")
    return 0


class _Rejoined:
    """The first line, already read to tell a dump from registry JSON, put back before the rest."""

    def __init__(self, first: bytes, rest):
        self.first, self.rest = first, rest

    def read(self, size: int) -> bytes:
        return self.first + self.rest.read(max(size - len(self.first), 0))


def _is_dump(first: bytes) -> bool:
    from amity.transfer.load import is_dump_header

    return first.lstrip().startswith(b"{") and is_dump_header(first)


def _import_dump(first: bytes, stream, name: str) -> int:
    import io

    from amity.transfer import ImportFailed
    from amity.transfer.load import restore_dump

    text = io.TextIOWrapper(stream, encoding="utf-8", errors="strict")
    try:
        counts = restore_dump(_chain(first.decode("utf-8"), text), name)
    except ImportFailed as error:
        return fail(f"{error}\nNothing was imported.")
    except UnicodeDecodeError as error:
        return fail(f"{name}: not UTF-8 text ({error.reason})\nNothing was imported.")
    print(f"Restored {sum(counts.values())} rows of {len(counts)} tables from {name}. Users have no password "
          "until one is set (`amity manage changepassword USERNAME`); issue API tokens anew.")
    return 0


def _chain(first: str, rest):
    yield first
    yield from rest


def history(args) -> int:
    from django.apps import apps
    from django.core.exceptions import ValidationError

    from amity.core.models import history_of
    from amity.registry.readable import history_changes

    try:
        model = apps.get_model("registry", args.model)
    except LookupError:
        try:
            model = apps.get_model("sources", args.model)
        except LookupError:
            return fail(f"unknown record type {args.model!r}")
    lookup = {"uid": args.id} if "-" in args.id else {"pk": args.id}
    try:
        obj = model.objects.get(**lookup)
    except (model.DoesNotExist, ValueError, ValidationError):
        return fail(f"no {args.model} with id {args.id!r}")
    for entry in history_of(obj).select_related("content_type").order_by("time", "id"):
        print(f"{entry.time:%Y-%m-%d %H:%M:%S} {entry.actor:<20} {entry.action:<6} {entry.object_repr}")
        if args.raw:
            changes = entry.after if entry.action == "create" else {
                key: [(entry.before or {}).get(key), (entry.after or {}).get(key)] for key in entry.changed_fields}
            if changes:
                print(f"    {json.dumps(changes, ensure_ascii=False, default=str)}")
            continue
        for field, before, after in history_changes(entry):  # the history tab's names and dates
            print(f"    {field}: {after}" if entry.action == "create" else f"    {field}: {before} → {after}")
    return 0
