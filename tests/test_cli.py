"""The `amity` command as a user runs it: a real process, a real data folder."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

AMITY = [sys.executable, "-m", "amity.cli"]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("amity-home")
    env = {**os.environ, "AMITY_HOME": str(home)}
    env.pop("DATABASE_URL", None)  # the CLI tests use the embedded default
    result = subprocess.run([*AMITY, "init"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Reference data added" in result.stdout
    return env


def run(env, *args, stdin=None):
    return subprocess.run([*AMITY, *args], env=env, capture_output=True, text=True, timeout=300, input=stdin)


def test_init_is_repeatable_and_creates_sqlite_in_wal_mode(home):
    assert run(home, "init").returncode == 0
    import sqlite3

    connection = sqlite3.connect(Path(home["AMITY_HOME"]) / "amity.sqlite3")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("SELECT count(*) FROM registry_place WHERE kind='country'").fetchone()[0] >= 249


def test_malformed_json_is_refused_with_location(home, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"people": [ {"name": "x",, } ]}')
    result = run(home, "import", str(bad))
    assert result.returncode != 0
    assert "malformed JSON at line 1" in result.stderr and "Traceback" not in result.stderr


def test_import_error_names_record_and_exits_non_zero(home, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"people": [{"id": "p1", "name": "Kim", "country_code": "ZZ"}]}))
    result = run(home, "import", str(bad))
    assert result.returncode == 1
    assert "people[0] (id 'p1').country_code" in result.stderr and "Nothing was imported" in result.stderr


def test_binary_and_missing_files(home, tmp_path):
    binary = tmp_path / "blob.json"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    assert "not UTF-8" in run(home, "import", str(binary)).stderr
    assert "no such file" in run(home, "import", str(tmp_path / "nope.json")).stderr


def test_demo_export_import_and_history(home, tmp_path):
    assert run(home, "demo", "--no-serve").returncode == 0
    exported = run(home, "export", "--format", "registry")
    data = json.loads(exported.stdout)
    assert any(a["name"] == "Haeoreum Alliance" for a in data["alliances"])
    csv_dir = tmp_path / "csv"
    assert run(home, "export", "--format", "csv", "-o", str(csv_dir)).returncode == 0
    assert (csv_dir / "agreements_parties.csv").read_text().count("\n") == 3
    again = run(home, "import", "-", stdin=exported.stdout)
    assert again.returncode == 1 and "duplicate" in again.stderr
    engagement = next(e for e in data["engagements"] if e["type"] == "workshop")
    history = run(home, "history", "engagement", engagement["id"])
    assert "bot:demo" in history.stdout and "create" in history.stdout


ARTICLES = Path(__file__).resolve().parents[1] / "src" / "amity" / "demo" / "articles"  # press releases written for Amity


def test_ingest_then_review_in_the_terminal(home, tmp_path):
    # (`amity demo` has already ingested the demo articles as they are: these copies differ)
    jsonl = tmp_path / "batch.jsonl"
    text = (ARTICLES / "daejeon_finland_meeting_2.txt").read_text() + "\nContact: international relations division."
    signing = tmp_path / "signing.txt"
    signing.write_text((ARTICLES / "gwangju_signing.txt").read_text() + "\nContact: international relations division.")
    jsonl.write_text(json.dumps({"id": "a1", "text": text, "published": "2025-03-12"}) + "\n{broken\n")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = run(home, "ingest", str(signing), str(jsonl), str(binary))
    assert result.returncode == 0, result.stderr
    assert "documents: 2 new, 0 already known, 2 failed" in result.stdout
    assert "malformed JSON" in result.stdout and "binary data" in result.stdout
    again = run(home, "ingest", "-", stdin=signing.read_text())
    assert "0 new, 1 already known" in again.stdout and "already known" in again.stderr

    listing = run(home, "review", "list", "--slot", "agreement", "--document", str(_document_id(home)))
    assert "sister_city" in listing.stdout
    claim_id = int(listing.stdout.split()[0])
    shown = run(home, "review", "show", str(claim_id))
    assert "evidence:" in shown.stdout and "Sendai" in shown.stdout
    accepted = run(home, "review", "accept", str(claim_id), "--actor", "user:minji")
    assert accepted.returncode == 0 and "accepted 1 claim" in accepted.stdout
    twice = run(home, "review", "accept", str(claim_id))
    assert twice.returncode == 1 and "not pending" in twice.stdout
    log = run(home, "review", "log").stdout.splitlines()
    decision_id = int(log[0].split()[0])
    assert "user:minji" in log[0]
    undone = run(home, "review", "undo", str(decision_id), "--actor", "user:minji")
    assert undone.returncode == 0 and "undid decision" in undone.stdout
    assert run(home, "review", "show", "999999").returncode == 1
    rules = run(home, "review", "rules", "linked-places", "--slot", "place", "--min-confidence", "0.9",
                "--require-link", "--enable")
    assert "on   linked-places: place" in rules.stdout


def test_serve_runs_a_production_server(home):
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([*AMITY, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"], env=home,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/login/", timeout=2) as response:
                    body = response.read().decode()
                    headers = response.headers
                break
            except OSError:
                time.sleep(0.2)
        assert "Amity" in body
        assert "gunicorn" in headers.get("Server", "")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_ingest_with_a_worker_pool(home, tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for number, source in enumerate(sorted(ARTICLES.glob("*.txt"))):
        (folder / f"{number}.txt").write_text(source.read_text() + f"\nWorker pool copy {number}.\n")
    result = run(home, "ingest", str(folder), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert f"documents: {number + 1} new, 0 already known, 0 failed" in result.stdout


def _document_id(home) -> int:
    import sqlite3

    connection = sqlite3.connect(Path(home["AMITY_HOME"]) / "amity.sqlite3")
    rows = connection.execute("SELECT id, text FROM sources_document ORDER BY id").fetchall()
    return next(row[0] for row in rows if "international relations division" in row[1] and "Sendai" in row[1])
