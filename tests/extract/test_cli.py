"""`amity extract` in FILE and --jsonl modes, and bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extract_fixtures import MEETING, SISTER

from amity.extract.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_single_file_prints_one_object(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(MEETING, encoding="utf-8")
    assert main([str(f)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] and any(p["name"] == "Daejeon" for p in data["places"])


def test_several_files_print_json_lines(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(MEETING, encoding="utf-8")
    b.write_text(SISTER, encoding="utf-8")
    assert main([str(a), str(b), "--published", "2023-06-06"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(x)["file"] for x in lines] == [str(a), str(b)]


def test_bad_files_give_messages_not_tracebacks(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Busan café".encode("latin-1"))
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert main([str(bad), str(binary), str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "not valid UTF-8" in err and "binary" in err and "cannot read" in err
    assert "Traceback" not in err


def test_jsonl_mode(tmp_path):
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": MEETING, "gold": {"ignored": True}}),
        "{not json",
        json.dumps({"id": "b", "text": SISTER, "published": "2023-06-06", "url": "https://example.org/b"}),
        json.dumps({"id": "c"}),
    ]) + "\n", encoding="utf-8")
    assert main(["--jsonl", str(src), "-o", str(out)]) == 1
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "b", "c"]
    assert "error" in rows[1] and "error" in rows[3]
    assert rows[2]["document"]["url"] == "https://example.org/b"
    assert "places" in rows[0] and "gold" not in rows[0]


def test_jsonl_with_workers(tmp_path):
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": SISTER}) + "\n" for i in range(20)), encoding="utf-8")
    assert main(["--jsonl", str(src), "-o", str(out), "--workers", "2"]) == 0
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == list(range(20))


def test_usage_errors(capsys):
    assert main([]) == 2
    assert main(["--nope"]) == 2


def test_invalid_utf8_jsonl_through_the_command(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": 1, "text": "Busan \xff"}\n')
    proc = subprocess.run([sys.executable, "-m", "amity.extract.cli", "--jsonl", str(src)],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 1
    assert "UTF-8" in proc.stderr and "Traceback" not in proc.stderr


def test_extract_imports_no_django():
    code = ("import sys, amity.extract, amity.extract.cli; "
            "from amity.extract import extract; extract('Busan Mayor Park met Koper officials.'); "
            "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
