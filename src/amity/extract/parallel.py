"""Extraction of many documents at once: a local process pool or a Dask distributed cluster.

Workers get plain values ({"text", "published", "url", "title"}) and return plain results
(the extraction's `to_dict()`, or {"error": ...}); they never see a database. Results
stream back in order of completion, with back-pressure: at most `in_flight` documents are
out at any time, so an input of any length is read lazily and memory stays flat.
Imports no Django (so `amity extract --jsonl … --dask` runs without a database).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from itertools import islice
from multiprocessing import get_context
from typing import Any, TypeVar

Item = TypeVar("Item")


def extract_plain(values: dict) -> dict:
    """One extraction from plain values to a plain result; reports instead of raising."""
    from amity.extract import extract

    try:
        return extract(values["text"], published=values.get("published"), url=values.get("url"),
                       title=values.get("title")).to_dict()
    except Exception as error:  # the extractor promises not to raise; report it if it ever does
        return {"error": f"{type(error).__name__}: {error}"}


def _warm_up() -> bool:
    """Load the gazetteer once per worker, before the first document."""
    extract_plain({"text": "Warm-up."})
    return True


def stream_pool(items: Iterable[Item], values: Callable[[Item], dict], workers: int,
                in_flight: int | None = None) -> Iterator[tuple[Item, dict]]:
    """(item, result) pairs from a local process pool, in order of completion."""
    limit = in_flight or workers * 4
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_warm_up) as pool:
        pending: dict = {}
        source = iter(items)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < limit:
                item = next(source, None)
                if item is None:
                    exhausted = True
                else:
                    pending[pool.submit(extract_plain, values(item))] = item
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                item = pending.pop(future)
                try:
                    yield item, future.result()
                except Exception as error:  # a worker process died: say so, keep going
                    yield item, {"error": f"worker failed: {type(error).__name__}: {error}"}


@contextmanager
def dask_client(address: str):
    """A client of the Dask cluster at `address` ("tcp://host:8786"), or of a LocalCluster started
    here for "local" / "local:N" (N worker processes, one thread each)."""
    from dask.distributed import Client, LocalCluster

    if address == "local" or address.startswith("local:"):
        count = int(address.partition(":")[2] or os.cpu_count() or 1)
        with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


def stream_dask(client, items: Iterable[Item], values: Callable[[Item], dict], in_flight: int | None = None,
                retries: int = 2) -> Iterator[tuple[Item, dict]]:
    """(item, result) pairs computed on a Dask cluster, in order of completion.

    A worker that dies takes no document with it: the scheduler hands its tasks to another
    worker, and a task that fails is retried `retries` times before it is reported."""
    from dask.distributed import as_completed

    limit = in_flight or max(8, 4 * max(1, len(client.scheduler_info().get("workers", {}))))
    source = iter(items)
    owner: dict[str, Item] = {}

    def submit(item) -> Any:
        future = client.submit(extract_plain, values(item), pure=False, retries=retries)
        owner[future.key] = item
        return future

    first = [submit(item) for item in islice(source, limit)]
    running = as_completed(first)
    for future in running:
        item = owner.pop(future.key)
        try:
            result = future.result()
        except Exception as error:  # retried and still failing (e.g. KilledWorker): report it
            result = {"error": f"{type(error).__name__}: {error}"}
        future.release()
        yield item, result
        following = next(source, None)
        if following is not None:
            running.add(submit(following))
