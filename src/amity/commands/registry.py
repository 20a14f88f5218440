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

    if args.format == "csv":
        if not args.output:
            return fail("CSV export writes one file per record type: give a folder with -o")
        paths = export_csv(Path(args.output))
        print(f"Wrote {len(paths)} CSV files to {args.output}", file=sys.stderr)
        return 0
    text = json.dumps(export_registry(), ensure_ascii=False, indent=1)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text + "\n")
    return 0


def import_(args) -> int:
    from amity.transfer import ImportFailed, import_registry, read_import_file

    try:
        data = read_import_file(sys.stdin.buffer, "standard input") if args.file == "-" else read_import_file(args.file)
    except ImportFailed as error:
        return fail(f"{error}\nNothing was imported.")
    try:
        counts = import_registry(data, actor=args.actor)
    except ImportFailed as error:
        return fail(f"{args.file}: {error}\nNothing was imported.")
    summary = ", ".join(f"{count} {section}" for section, count in counts.items() if count) or "nothing new"
    print(f"Imported {summary}.")
    return 0


def history(args) -> int:
    from django.apps import apps
    from django.core.exceptions import ValidationError

    from amity.core.models import history_of

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
    for entry in history_of(obj).order_by("time", "id"):
        changes = entry.after if entry.action == "create" else {
            key: [(entry.before or {}).get(key), (entry.after or {}).get(key)] for key in entry.changed_fields}
        print(f"{entry.time:%Y-%m-%d %H:%M:%S} {entry.actor:<20} {entry.action:<6} {entry.object_repr}")
        if changes:
            print(f"    {json.dumps(changes, ensure_ascii=False, default=str)}")
    return 0
