"""Reading an uploaded press release: the ingest chain's one decoder (any common encoding, HTML, PDF)."""

from __future__ import annotations

from amity.sources.inputs import MAX_DOCUMENT_BYTES, UnreadableInput, decode, normalise_text

MAX_UPLOAD = MAX_DOCUMENT_BYTES

UnreadableUpload = UnreadableInput  # the message says why


def read_upload(name: str, data: bytes) -> tuple[str, list[str]]:
    """The text of an uploaded file and warnings about how it was read (e.g. NUL characters removed)."""
    text, warnings = decode(data, name)
    text, cleaned = normalise_text(text)
    return text.strip(), warnings + cleaned
