"""Gunicorn hooks for `amity serve` (passed with --config python:amity.commands.gunicorn_hooks)."""

from __future__ import annotations

import time


def _gazetteer_loaded() -> bool:
    from amity.extract import gazetteer

    return getattr(gazetteer, "_INSTANCE", None) is not None


def post_worker_init(worker) -> None:
    """Each worker loads the gazetteer before its first request (it takes about 5 s), so the first
    preview a user asks for is not the one that waits. Tests and CLI commands never run this."""
    from amity.extract.gazetteer import get_gazetteer

    started = time.perf_counter()
    get_gazetteer()
    worker.log.info("amity: worker %s loaded the gazetteer in %.1f s", worker.pid, time.perf_counter() - started)


def pre_request(worker, req) -> None:
    """At debug level (`GUNICORN_CMD_ARGS=--log-level=debug`), whether the gazetteer was ready when a request came."""
    worker.log.debug("amity: worker %s gazetteer loaded before %s %s: %s", worker.pid, req.method, req.path,
                     _gazetteer_loaded())
