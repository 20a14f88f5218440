#!/usr/bin/env python3
"""Compile every translation catalog (`src/amity/**/locale/*/LC_MESSAGES/django.po`) to its `.mo`.

The `.po` files are the translations' only source: edit them with any PO tool (Poedit,
Lokalize, a text editor), then run `make messages` (this script). It needs no GNU gettext:
Babel, a dependency of Amity, reads and writes the catalogs. `--check` compiles in memory and
fails when a committed `.mo` is out of date with its `.po` (the test suite runs it).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

SRC = Path(__file__).resolve().parents[1] / "src" / "amity"


def catalogs() -> list[Path]:
    return sorted(SRC.glob("**/locale/*/LC_MESSAGES/django.po"))


def compiled(po_path: Path) -> bytes:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parents[1].name)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for po_path in catalogs():
        mo_path = po_path.with_suffix(".mo")
        data = compiled(po_path)
        if check:
            if not mo_path.exists() or mo_path.read_bytes() != data:
                stale.append(mo_path)
            continue
        mo_path.write_bytes(data)
        print(f"compiled {mo_path.relative_to(SRC.parent.parent)}")
    if stale:
        print("out of date (run `make messages`):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
