"""Reading an uploaded press release: plain text (any common encoding), HTML or PDF."""

from __future__ import annotations

import io

MAX_UPLOAD = 5 * 1024 * 1024


class UnreadableUpload(ValueError):
    """The file cannot be read as a press release; the message says why."""


def decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableUpload("this looks like a binary file, not text")
    for encoding in ("utf-8-sig", "utf-16", "cp949", "euc-kr"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as error:  # pragma: no cover - pypdf is a dependency
        raise UnreadableUpload("PDF support needs the pypdf package") from error
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UnreadableUpload(f"the PDF cannot be read ({error})") from error
    return "\n\n".join(page.strip() for page in pages if page.strip())


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file."""
    if len(data) > MAX_UPLOAD:
        raise UnreadableUpload(f"the file is larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    if not data.strip():
        raise UnreadableUpload("the file is empty")
    lower = name.lower()
    if lower.endswith(".pdf") or data.startswith(b"%PDF"):
        text = pdf_text(data)
        if not text.strip():
            raise UnreadableUpload("the PDF has no text layer (a scan?); paste the text instead")
        return text
    text = decode_text(data)
    if lower.endswith((".html", ".htm")) or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        from amity.extract.text import strip_html

        text, _ = strip_html(text)
        text = "\n".join(line.strip() for line in text.splitlines())
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
    return text.strip()
