"""Vocabulary as data: one folder per language under `lang/`, read by the rules.

`lang/<code>/<name>.json` holds the words a language's rules use (triggers, title words,
organization heads, agreement wordings, stop-words, month names, designators …). Rules ask
for them by name; adding a wording or a language is a change to these files plus tests.
Files are read once per process and cached.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(language: str, name: str) -> Any:
    """The parsed `lang/<language>/<name>.json`; a missing file is a programming error (raises)."""
    path = resources.files(__package__).joinpath("lang", language, f"{name}.json")
    return json.loads(path.read_text("utf-8"))


def languages() -> list[str]:
    """The languages that have a vocabulary folder."""
    root = resources.files(__package__).joinpath("lang")
    return sorted(entry.name for entry in root.iterdir() if entry.is_dir() and not entry.name.startswith("_"))
