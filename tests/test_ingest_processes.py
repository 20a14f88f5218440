"""Real `amity ingest` processes: killed half-way, run again, and run twice at once.

Each test gets its own database (a SQLite file, or a fresh PostgreSQL database when
the suite runs on PostgreSQL), initialised with `amity init` like a user would.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.engine

ARTICLES = Path(__file__).resolve().parents[1] / "src" / "amity" / "demo" / "articles"  # press releases written for Amity
AMITY = [sys.executable, "-m", "amity.cli"]


def _write_batch(folder: Path, count: int) -> Path:
    """`count` distinct press releases, written from the fixture articles."""
    folder.mkdir()
    sources = sorted(ARTICLES.glob("*.txt"))
    for number in range(count):
        text = sources[number % len(sources)].read_text(encoding="utf-8")
        (folder / f"release-{number:04d}.txt").write_text(f"{text}\nPress release no. {number}.\n", encoding="utf-8")
    return folder


@pytest.fixture
def database(tmp_path):
    """Environment for a CLI process with its own, initialised database; and a query function."""
    env = {**os.environ, "AMITY_HOME": str(tmp_path / "home")}
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = f"amity_cli_{uuid.uuid4().hex[:10]}"
        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name

        def query(sql):
            with psycopg.connect(env["DATABASE_URL"]) as connection:
                return connection.execute(sql).fetchone()[0]
    else:
        env.pop("DATABASE_URL", None)
        name = None

        def query(sql):
            connection = sqlite3.connect(tmp_path / "home" / "amity.sqlite3", timeout=30)
            try:
                return connection.execute(sql).fetchone()[0]
            finally:
                connection.close()

    subprocess.run([*AMITY, "init"], env=env, check=True, capture_output=True, timeout=600)
    yield env, query
    if name:
        import psycopg

        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _consistent(query, expected_documents: int) -> None:
    assert query("SELECT count(*) FROM sources_document") == expected_documents
    # every stored document was stored whole: extracted, with its claims
    assert query("SELECT count(*) FROM sources_document WHERE extracted_with = ''") == 0
    assert query("SELECT count(*) FROM sources_document d WHERE NOT EXISTS "
                 "(SELECT 1 FROM sources_claim c WHERE c.document_id = d.id)") == 0
    assert query("SELECT count(*) FROM (SELECT document_id, slot, key FROM sources_claim "
                 "GROUP BY document_id, slot, key HAVING count(*) > 1) dupes") == 0


def test_a_killed_batch_leaves_whole_documents_and_a_rerun_completes_it(database, tmp_path):
    env, query = database
    batch = _write_batch(tmp_path / "batch", 300)
    process = subprocess.Popen([*AMITY, "ingest", str(batch), "--quiet"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        try:
            if query("SELECT count(*) FROM sources_document") >= 20:
                break
        except Exception:
            pass  # the tables are busy or not visible yet
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be killed; make it larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = query("SELECT count(*) FROM sources_document")
    assert 0 < stored < 300
    _consistent(query, stored)

    rerun = subprocess.run([*AMITY, "ingest", str(batch), "--quiet"], env=env, capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{300 - stored} new, {stored} already known" in rerun.stdout
    _consistent(query, 300)


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="two writers at once is a PostgreSQL deployment")
def test_two_ingest_processes_at_once_lose_and_duplicate_nothing(database, tmp_path):
    env, query = database
    batch = _write_batch(tmp_path / "batch", 120)
    processes = [subprocess.Popen([*AMITY, "ingest", str(batch), "--quiet"], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [process.communicate(timeout=600) for process in processes]
    assert all(process.returncode == 0 for process in processes), outputs
    _consistent(query, 120)
    claims_once = query("SELECT count(*) FROM sources_claim")
    again = subprocess.run([*AMITY, "ingest", str(batch), "--quiet"], env=env, capture_output=True, text=True)
    assert "0 new, 120 already known" in again.stdout
    assert query("SELECT count(*) FROM sources_claim") == claims_once
