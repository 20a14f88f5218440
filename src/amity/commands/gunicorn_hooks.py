"""Gunicorn hooks for `amity serve` (passed with --config python:amity.commands.gunicorn_hooks)."""

from __future__ import annotations


def post_worker_init(worker) -> None:
    """Each worker loads the gazetteer before its first request (it takes about 5 s), so the first
    preview a user asks for is not the one that waits. Tests and CLI commands never run this."""
    from amity.extract.gazetteer import get_gazetteer

    get_gazetteer()
