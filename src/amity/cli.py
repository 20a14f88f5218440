"""The `amity` command.

`amity extract` stays pure Python (no Django, no database) so it starts fast; the
other sub-commands set Django up first.
"""

from __future__ import annotations

import argparse
import os
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="amity", description="Amity: the registry of city-to-city cooperation.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("extract", help="read press releases and print what they state (JSON); see `amity extract -h`")
    sub.add_parser("init", help="create or migrate the database and load reference data")

    serve = sub.add_parser("serve", help="run the web server (gunicorn) on 127.0.0.1:8000")
    demo = sub.add_parser("demo", help="init, load demo records and a demo admin, then serve")
    for command in (serve, demo):
        command.add_argument("--bind", default=os.environ.get("AMITY_BIND", "127.0.0.1:8000"))
        command.add_argument("--workers", type=int, default=None)
    demo.add_argument("--no-serve", action="store_true", help="load the demo and stop")

    export = sub.add_parser("export", help="export every table (dump), or the registry as readable JSON or CSV")
    export.add_argument("file", nargs="?", help="where to write (the same as -o)")
    export.add_argument("--format", choices=["dump", "registry", "json", "csv"], default="dump",
                        help="dump: every table, for `amity import` into a new database (default); "
                             "registry (or json): the records as readable JSON to merge into any installation; "
                             "csv: one file per record type")
    export.add_argument("-o", "--output", help="file (dump, registry) or folder (csv); stdout by default")

    imp = sub.add_parser("import", help="import an export file: a dump into a new database, or registry JSON; "
                                        "all or nothing")
    imp.add_argument("file", help="the file, or - for standard input")
    imp.add_argument("--actor", default="bot:import", help="who the change log names (default bot:import)")

    history = sub.add_parser("history", help="the change log of one record")
    history.add_argument("model", help="record type, e.g. agreement, place, person")
    history.add_argument("id", help="database id or uid")
    history.add_argument("--raw", action="store_true", help="stored before/after values as JSON (ids, not names)")

    ingest = sub.add_parser("ingest", help="store press releases (files, folders, JSONL, - for stdin) as claims")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    ingest.add_argument("--dask", metavar="ADDRESS",
                        help="extract on a Dask cluster (tcp://host:8786), or local[:N] to start N local workers")
    ingest.add_argument("--actor", default="bot:ingest")
    ingest.add_argument("--progress", action="store_true", help="show the progress bar even when not on a terminal")
    ingest.add_argument("--quiet", action="store_true", help="do not list documents already known")

    from amity.commands.review import add_parser as add_review_parser

    add_review_parser(sub, default_actor=f"user:{os.environ.get('USER') or 'cli'}")

    from amity.commands.backup import add_parser as add_backup_parser

    add_backup_parser(sub)

    from amity.commands.accounts import add_parser as add_accounts_parser

    add_accounts_parser(sub)

    from amity.portfolio.cli import add_parser as add_portfolio_parser

    add_portfolio_parser(sub)

    from amity.commands.reconcile import add_parser as add_reconcile_parser

    add_reconcile_parser(sub)

    sub.add_parser("manage", help="Django's manage.py commands (e.g. `amity manage createsuperuser`)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        from amity.extract.cli import main as extract_main

        return extract_main(argv[1:])
    if argv and argv[0] == "manage":
        from amity.commands.setup import django_setup

        django_setup()
        from django.core.management import execute_from_command_line

        execute_from_command_line(["amity manage", *argv[1:]])
        return 0

    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0

    from amity.commands.setup import django_setup

    django_setup()
    from amity.commands import accounts, backup, ingest, registry, review, server

    handlers = {"init": registry.init, "export": registry.export, "import": registry.import_,
                "history": registry.history,
                "ingest": ingest.ingest, "review": review.review, "serve": server.serve, "demo": server.demo,
                "user": accounts.user, "token": accounts.token,
                "backup": backup.backup, "restore": backup.restore}
    if args.command in ("report", "sheet"):
        from amity.portfolio.cli import run as portfolio_command

        handlers[args.command] = portfolio_command
    if args.command in ("reconcile", "coverage", "network"):
        from amity.commands.reconcile import run as reconcile_command

        handlers[args.command] = reconcile_command
    from django.db import DatabaseError

    if args.command not in _BEFORE_INIT and not _initialised():
        # before any prompt, server start or copy: `serve` would answer 500 on every page,
        # `backup` would copy an empty file, `user create` would ask for a password first
        print("amity: the database has no Amity tables yet: run `amity init` first", file=sys.stderr)
        return 1
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except DatabaseError as error:
        if args.command in ("init", "demo") or not _tables_missing(error):
            raise
        print("amity: the database has no Amity tables yet: run `amity init` first "
              f"({error.__class__.__name__}: {str(error).splitlines()[0]})", file=sys.stderr)
        return 1


_BEFORE_INIT = {"init", "demo", "restore"}  # the commands that make (or bring back) the tables


def _initialised() -> bool:
    """Whether `amity init` has made the tables (the migrations' own table and the registry's)."""
    from django.db import connection

    tables = set(connection.introspection.table_names())
    return {"django_migrations", "registry_place"} <= tables


def _tables_missing(error: Exception) -> bool:
    """SQLite says "no such table", PostgreSQL 'relation "…" does not exist'."""
    message = str(error)
    return "no such table" in message or ("relation" in message and "does not exist" in message)


if __name__ == "__main__":
    sys.exit(main())
