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
