"""`amity backup FILE` / `amity restore FILE`: the whole database, byte for byte.

On SQLite this is SQLite's online backup (the server may keep running: the copy is a
consistent snapshot, WAL included). On PostgreSQL it is pg_dump's custom format and
pg_restore, when those programs are installed; otherwise the command says so. Unlike
`amity export` (every table as JSON Lines, to read or move to a new installation, without
password hashes, tokens or sessions), a backup holds everything, secrets included, and
restores over an existing database.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from amity.commands.setup import fail


def _database():
    from django.db import connection

    return connection


def _postgres_url(connection) -> str:
    settings = connection.settings_dict
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "localhost"
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgresql://{user}{password}{'@' if user else ''}{host}{port}/{settings['NAME']}"


def _run_pg_tool(name: str, arguments: list[str], yourself: str) -> str | None:
    """Run pg_dump or pg_restore; the error to show, or None when it worked."""
    tool = shutil.which(name)
    if tool is None:
        return (f"{name} is not installed: install PostgreSQL's client programs (Debian: postgresql-client), "
                f"or {yourself}")
    result = subprocess.run([tool, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        return f"{name} failed: {result.stderr.strip()[:2000]}"
    return None


def backup(args) -> int:
    connection = _database()
    target = Path(args.file)
    if target.exists() and not args.overwrite:
        return fail(f"{target} exists; give --overwrite to replace it")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = connection.connection
        target.unlink(missing_ok=True)
        if source.in_transaction:
            # SQLite's backup API waits forever on a source that holds an open write transaction
            # (a command run inside atomic(), a test): copy what this connection sees instead.
            target.write_bytes(source.serialize())
        else:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
        print(f"Backed up the SQLite database to {target} ({target.stat().st_size // 1024} KB).")
        return 0
    if connection.vendor == "postgresql":
        error = _run_pg_tool("pg_dump", ["--format=custom", "--no-owner", f"--file={target}", _postgres_url(connection)],
                             "run pg_dump --format=custom yourself; `amity export` writes every table as JSON Lines")
        if error:
            return fail(error)
        print(f"Backed up the PostgreSQL database to {target} (pg_dump custom format).")
        return 0
    return fail(f"backups of {connection.vendor} databases are not supported")


def _is_amity_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            source.close()
    except (OSError, sqlite3.DatabaseError):
        return False
    return {"django_migrations", "registry_place", "review_decision"} <= names


def _has_data(connection) -> bool:
    from django.db.utils import DatabaseError

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sources_document")
            documents = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM auth_user")
            return bool(documents or cursor.fetchone()[0])
    except DatabaseError:
        return False  # no tables yet


def restore(args) -> int:
    connection = _database()
    source = Path(args.file)
    if not source.is_file():
        return fail(f"{source}: no such file")
    if _has_data(connection) and not args.replace:
        return fail("the database already holds users or documents; give --replace to overwrite all of it "
                    "with the backup (make a backup of it first)")
    if connection.vendor == "sqlite":
        if not _is_amity_sqlite(source):
            return fail(f"{source} is not a backup made by `amity backup` (an Amity SQLite database)")
        connection.ensure_connection()
        backup_copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            backup_copy.backup(connection.connection)
        finally:
            backup_copy.close()
        print(f"Restored the database from {source}. Run `amity init` if the backup is from an older version.")
        return 0
    if connection.vendor == "postgresql":
        connection.close()
        error = _run_pg_tool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction",
                                            f"--dbname={_postgres_url(connection)}", str(source)],
                             "run pg_restore --clean yourself")
        if error:
            return fail(error)
        print(f"Restored the PostgreSQL database from {source}.")
        return 0
    return fail(f"restoring {connection.vendor} databases is not supported")


def add_parser(sub) -> None:
    backup_parser = sub.add_parser("backup", help="copy the whole database to FILE (SQLite online backup / pg_dump)")
    backup_parser.add_argument("file")
    backup_parser.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    restore_parser = sub.add_parser("restore", help="replace the whole database with a backup FILE")
    restore_parser.add_argument("file")
    restore_parser.add_argument("--replace", action="store_true",
                                help="overwrite a database that already holds users or documents")
