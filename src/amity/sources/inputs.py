"""Reading press releases: one reader and one decoder for every door.

The CLI (files, folders, JSONL, standard input), the web form and the API all turn
what they receive into an `IncomingDocument` and hand it to the ingest chain
(`amity.sources.chain`). Inputs are read lazily, one at a time, so a JSONL file of
any length is read in constant memory. This module imports no Django, so extraction
workers (a process pool or a Dask cluster) can use it too.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from amity.core.partialdate import InvalidPartialDate, PartialDate

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # one limit for every door (a press release is a few KB)
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# More control bytes (NUL and the like) than this share of the first 4 KB: a binary file,
# not text with a stray NUL.
BINARY_CONTROL_SHARE = 0.05
CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32)])
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UnreadableInput(ValueError):
    """The input cannot be read as a press release; the message says why."""


@dataclass
class IncomingDocument:
    """One document arriving through any door, before it is stored."""

    source: str  # where it came from, for messages: a path, "path:line (id)", "stdin", "upload x.pdf"
    door: str = "cli"  # cli, web or api
    text: str | None = None  # already text (JSON bodies, pasted text, JSONL records)
    data: bytes | None = None  # or raw bytes still to decode (files, uploads)
    name: str = ""  # file name: its suffix says HTML or PDF
    url: str | None = None
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set by the reader when the input cannot even be read


# -- decoding ------------------------------------------------------------------------------------


def decode(data: bytes, name: str = "") -> tuple[str, list[str]]:
    """The text of a file's bytes and warnings about how it was read; raises UnreadableInput."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableInput(f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB")
    if not data.strip():
        raise UnreadableInput("the file is empty")
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        return pdf_text(data), []
    text, warnings = _decode_text(data)
    if suffix in HTML_SUFFIXES:
        text = html_text(text)
    return text, warnings


def _decode_text(data: bytes) -> tuple[str, list[str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), []
    head = data[:4096]
    if len(head) - len(head.translate(None, CONTROL_BYTES)) > BINARY_CONTROL_SHARE * len(head):
        raise UnreadableInput("binary data (many control bytes such as NUL), not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        korean = data.decode("cp949")  # a superset of EUC-KR, still used by Korean city sites
        if _mostly_hangul(korean):
            return korean, []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not UTF-8: read as Windows-1252 (Western European); check accents"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not UTF-8: read as Latin-1; check accents"]


def _mostly_hangul(text: str) -> bool:
    """CP949 accepts many byte pairs of Western text too; real Korean text is mostly Hangul."""
    wide = [ch for ch in text if ord(ch) > 127]
    hangul = sum(1 for ch in wide if "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e")
    return bool(wide) and hangul >= 0.6 * len(wide)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    except Exception as error:  # a damaged PDF raises many kinds (zlib, struct, index, recursion…)
        raise UnreadableInput(f"the PDF cannot be read ({type(error).__name__}: {error})") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise UnreadableInput("the PDF has no text layer (a scan?); paste its text instead")
    return text


def looks_like_html_page(text: str) -> bool:
    return text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))


def html_text(text: str) -> str:
    from amity.extract.text import strip_html

    plain, _ = strip_html(text)
    lines = [line.strip() for line in plain.splitlines()]
    paragraphs, blank = [], False
    for line in lines:  # at most one empty line between paragraphs
        if line or not blank:
            paragraphs.append(line)
        blank = not line
    return "\n".join(paragraphs).strip()


# -- normalising (every door, also for text that never was bytes) ------------------------------


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Text ready to store: no NUL characters (PostgreSQL refuses them), \\n line endings, HTML pages as text."""
    warnings = []
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        warnings.append(f"removed {nuls} NUL character{'s' if nuls > 1 else ''} (not text; a damaged file?)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html_page(text):
        text = html_text(text)
    return text, warnings


def published_date(value) -> PartialDate | None:
    """The one reading of a declared publication date: "2025", "2025-03", "2025-03-14",
    an ISO timestamp ("2025-03-14T09:00:00+09:00") or a date. Anything else is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = value.strip()[:10]
    try:
        return PartialDate.parse(value)
    except InvalidPartialDate:
        return None


def extraction_date(published: PartialDate | None) -> str | None:
    """What the extractor is told: only a full day resolves relative dates ("on Friday")."""
    return published.isoformat() if published is not None and published.day else None


# -- reading paths (the CLI door) ---------------------------------------------------------------


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def jsonl_record(line: str | bytes, where: str, door: str = "cli") -> IncomingDocument | None:
    """One JSONL line as a document (None for a blank line)."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", errors="replace")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return IncomingDocument(where, door, error=f"malformed JSON ({error.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return IncomingDocument(where, door, error="a JSONL record needs a text field")
    label = f"{where} ({record['id']})" if isinstance(record.get("id"), str | int) else where
    return IncomingDocument(label, door, text=record["text"], url=_str(record.get("url")),
                            title=_str(record.get("title")), published=_str(record.get("published")))


def _jsonl_lines(lines: Iterable[bytes], source: str) -> Iterator[IncomingDocument]:
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_DOCUMENT_BYTES:
            yield IncomingDocument(f"{source}:{number}", error=f"line larger than {MAX_DOCUMENT_BYTES // 2**20} MB")
            continue
        item = jsonl_record(line, f"{source}:{number}")
        if item is not None:
            yield item


def _file(path: Path) -> Iterator[IncomingDocument]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as lines:  # line by line: constant memory for any length
                yield from _jsonl_lines(lines, str(path))
        except OSError as error:
            yield IncomingDocument(str(path), error=error.strerror or str(error))
        return
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            yield IncomingDocument(str(path), error=f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB")
            return
        data = path.read_bytes()
    except OSError as error:
        yield IncomingDocument(str(path), error=error.strerror or str(error))
        return
    yield IncomingDocument(str(path), data=data, name=path.name)


def _stdin() -> Iterator[IncomingDocument]:
    stream = sys.stdin.buffer
    first = stream.readline()
    if first.lstrip().startswith(b"{"):
        yield from _jsonl_lines(_chain_lines(first, stream), "stdin")
    else:
        yield IncomingDocument("stdin", data=first + stream.read(MAX_DOCUMENT_BYTES + 1), name="stdin")


def _chain_lines(first: bytes, rest) -> Iterator[bytes]:
    yield first
    yield from rest


def read_paths(paths: Iterable[str]) -> Iterator[IncomingDocument]:
    """Documents from files, folders (recursively), JSONL files and "-" (standard input), lazily.

    A file of a kind Amity does not read is reported as skipped, never passed over in silence."""
    for name in paths:
        if name == "-":
            yield from _stdin()
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in DOCUMENT_SUFFIXES | JSONL_SUFFIXES:
                    yield from _file(child)
                else:
                    yield IncomingDocument(str(child), error=f"skipped: {child.suffix or 'this'} files are not read "
                                                             "(text, Markdown, HTML, PDF or JSONL)")
        elif path.exists():
            yield from _file(path)
        else:
            yield IncomingDocument(name, error="no such file or folder")
