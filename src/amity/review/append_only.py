"""The review log is append-only in the database itself, not only in Decision.save().

Migration 0003 adds triggers that reject UPDATE and DELETE of review_decision rows on
SQLite and PostgreSQL, so a queryset .update(), a raw statement or a second program
cannot rewrite what was decided. Undo appends a new decision instead.

Wiping the whole database (`amity manage flush`, which the test runner also uses) is the
one exception: PostgreSQL empties tables with TRUNCATE, which row triggers do not see;
SQLite deletes rows, so its trigger asks amity_review_log_unlocked(), a function every
Amity connection registers, which says yes only inside `unlocked()`.
"""

from __future__ import annotations

import contextlib
import threading

_state = threading.local()


def _unlocked() -> int:
    return 1 if getattr(_state, "unlocked", False) else 0


@contextlib.contextmanager
def unlocked():
    """Allow deleting decisions in this thread: only for wiping the whole database."""
    before = getattr(_state, "unlocked", False)
    _state.unlocked = True
    try:
        yield
    finally:
        _state.unlocked = before


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """connection_created handler: the function the SQLite triggers ask."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("amity_review_log_unlocked", 0, _unlocked)
