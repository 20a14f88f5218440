"""`amity backup` / `amity restore`: the whole database, users, tokens and review log included."""

import json
import os
import sqlite3
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.db import connection

from amity.commands.backup import backup, restore

AMITY = [sys.executable, "-m", "amity.cli"]


@pytest.fixture
def registry(db):
    from django.contrib.auth import get_user_model

    from amity.accounts.models import ApiToken
    from amity.review import services as review
    from amity.review.intake import ingest_text

    user = get_user_model().objects.create_user("minji", password="secret-pass-1")
    ApiToken.issue(user, "laptop")
    result = ingest_text("SUWON, Sept. 9 -- Suwon Mayor Lee Jae-jun met Mayor Tran of Hue, Vietnam, at Suwon City Hall "
                         "on September 8, 2026, to discuss a cultural exchange.", actor="bot:test")
    review.reject(result.claims[0], actor="user:minji", reason="test")
    return SimpleNamespace(user=user, document=result.document)


def _rows(path, table):
    with sqlite3.connect(path) as copy:
        return copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite online backup")
def test_sqlite_backup_then_restore_into_an_empty_home(registry, tmp_path, capsys):
    target = tmp_path / "amity-backup.sqlite3"
    assert backup(SimpleNamespace(file=str(target), overwrite=False)) == 0
    assert _rows(target, "auth_user") == 1 and _rows(target, "accounts_apitoken") == 1
    assert _rows(target, "review_decision") == 1 and _rows(target, "sources_document") == 1
    assert backup(SimpleNamespace(file=str(target), overwrite=False)) == 1
    assert "--overwrite" in capsys.readouterr().err

    home = tmp_path / "home"
    env = {**os.environ, "AMITY_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([*AMITY, "restore", str(target)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    again = subprocess.run([*AMITY, "restore", str(target)], env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "--replace" in again.stderr
    exported = subprocess.run([*AMITY, "review", "log"], env=env, capture_output=True, text=True, timeout=120)
    assert "user:minji" in exported.stdout and "reject" in exported.stdout


def test_restore_refuses_what_is_not_a_backup(db, tmp_path, capsys):
    other = tmp_path / "notes.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE notes (text)").connection.commit()
    code = restore(SimpleNamespace(file=str(other), replace=True))
    if connection.vendor == "sqlite":
        assert code == 1 and "not a backup" in capsys.readouterr().err
    (tmp_path / "x.json").write_text(json.dumps({}))
    assert restore(SimpleNamespace(file=str(tmp_path / "missing"), replace=True)) == 1


def _postgres_database(url: str, name: str, create: bool = True) -> str:
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.mark.engine
@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="pg_dump / pg_restore")
def test_postgresql_backup_then_restore_into_a_new_database(tmp_path):
    """Real pg_dump and pg_restore (slow: `amity init` of a PostgreSQL database takes most of it)."""
    import psycopg

    url = os.environ["DATABASE_URL"]
    names = [f"amity_backup_src_{os.getpid()}", f"amity_backup_dst_{os.getpid()}"]
    source_url, target_url = (_postgres_database(url, name) for name in names)
    source = {**os.environ, "AMITY_HOME": str(tmp_path / "src"), "DATABASE_URL": source_url}
    target = {**os.environ, "AMITY_HOME": str(tmp_path / "dst"), "DATABASE_URL": target_url}

    def amity(env, *args):
        return subprocess.run([*AMITY, *args], env=env, capture_output=True, text=True, timeout=600)

    def counts(database_url):
        with psycopg.connect(database_url) as db:
            return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in ("auth_user", "accounts_apitoken", "sources_document", "sources_claim",
                                  "review_decision", "registry_place")}

    try:
        assert amity(source, "init").returncode == 0
        article = tmp_path / "release.txt"
        article.write_text("SUWON, Sept. 9 -- Suwon Mayor Lee Jae-jun met Mayor Tran of Hue, Vietnam, at Suwon "
                           "City Hall on September 8, 2026, to discuss a cultural exchange.\n", encoding="utf-8")
        assert amity(source, "ingest", str(article)).returncode == 0
        assert amity(source, "user", "create", "minji", "--role", "editor", "--password", "secret-pass-1").returncode == 0
        assert amity(source, "token", "create", "minji", "laptop").returncode == 0
        with psycopg.connect(source_url) as db:
            claim = db.execute("SELECT min(id) FROM sources_claim WHERE status = 'pending'").fetchone()[0]
        assert amity(source, "review", "reject", str(claim), "--actor", "user:minji").returncode == 0

        backup_file = tmp_path / "amity.pgdump"
        made = amity(source, "backup", str(backup_file))
        assert made.returncode == 0, made.stderr
        assert backup_file.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
        assert amity(source, "backup", str(backup_file)).returncode == 1  # never overwritten unasked

        restored = amity(target, "restore", str(backup_file))
        assert restored.returncode == 0, restored.stderr
        assert counts(target_url) == counts(source_url)
        assert counts(target_url)["review_decision"] == 1 and counts(target_url)["accounts_apitoken"] == 1
        assert "user:minji" in amity(target, "review", "log").stdout
        with psycopg.connect(target_url) as db, pytest.raises(psycopg.Error, match="append-only"):
            db.execute("UPDATE review_decision SET reason = 'rewritten'")
        again = amity(target, "restore", str(backup_file))
        assert again.returncode == 1 and "--replace" in again.stderr
    finally:
        for name in names:
            _postgres_database(url, name, create=False)
