"""Reading press releases from files, folders, JSONL and standard input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text", ""}
MAX_BYTES = 20 * 1024 * 1024
# Korean sites still publish in EUC-KR / CP949; UTF-8 is tried first.
ENCODINGS = ("utf-8-sig", "cp949")


@dataclass
class InputItem:
    source: str  # file path, "path:line" or "stdin"
    text: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    error: str | None = None


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, why not)."""
    if b"\x00" in data[:4096]:
        return None, "binary data, not text"
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            continue
    return None, "not text in UTF-8 or EUC-KR/CP949"


def _jsonl(lines: Iterator[str], source: str) -> Iterator[InputItem]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputItem(where, error=f"malformed JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputItem(where, error="a JSONL record needs a text field")
            continue
        label = f"{where} ({record['id']})" if record.get("id") else where
        yield InputItem(label, record["text"], _str(record.get("url")), _str(record.get("title")),
                        _str(record.get("published")))


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _file(path: Path) -> Iterator[InputItem]:
    try:
        if path.stat().st_size > MAX_BYTES:
            yield InputItem(str(path), error=f"larger than {MAX_BYTES // 2**20} MB")
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputItem(str(path), error=error.strerror or str(error))
        return
    text, why = decode(data)
    if text is None:
        yield InputItem(str(path), error=why)
    elif path.suffix.lower() == ".jsonl":
        yield from _jsonl(iter(text.splitlines()), str(path))
    else:
        yield InputItem(str(path), text, title=None)


def read_inputs(paths: list[str]) -> Iterator[InputItem]:
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            text, why = decode(data)
            if text is None:
                yield InputItem("stdin", error=why)
            elif text.lstrip().startswith("{"):
                yield from _jsonl(iter(text.splitlines()), "stdin")
            else:
                yield InputItem("stdin", text)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (child.suffix.lower() in TEXT_SUFFIXES | {".jsonl"}) \
                        and not child.name.startswith("."):
                    yield from _file(child)
        elif path.exists():
            yield from _file(path)
        else:
            yield InputItem(name, error="no such file or folder")
