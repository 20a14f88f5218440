"""Bulk capture on Dask: extraction documents/s with 1 and 2 workers, and the single writer's ceiling.

    python bench/bench_dask.py                         # LocalClusters of 1 and 2 worker processes
    python bench/bench_dask.py --copies 10             # more documents (varied reissues of the dev texts)
    python bench/bench_dask.py --scheduler tcp://host:8786   # a real cluster (its workers need `pip install amity`)

Extraction runs on the workers (plain values in, plain results out, in order of completion
with bounded work in flight); the writer is one process storing results. The writer's
ceiling is measured by storing extractions computed beforehand into a fresh SQLite
database (or PostgreSQL with --postgres URL): bulk capture runs at the lower of the two.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import bench_ingest  # noqa: E402  (run from the repository: bench/ is on the path)


def _extraction_rate(records: list[dict], address: str) -> float:
    from amity.extract.parallel import dask_client, stream_dask

    def values(record):
        return {"text": record["text"], "published": record.get("published"), "url": record.get("url"),
                "title": None}

    with dask_client(address) as client:
        client.wait_for_workers(1)
        list(stream_dask(client, records[:4], values))  # workers load the gazetteer once
        start = time.perf_counter()
        done = sum(1 for _ in stream_dask(client, records, values))
        return done / (time.perf_counter() - start)


def _writer_ceiling(records: list[dict], args) -> float:
    created_db = bench_ingest._database(args)
    from amity.commands.setup import django_setup, init_database

    django_setup()
    from django.db import connection

    try:
        init_database(verbose=False)
        from amity.extract.parallel import extract_plain
        from amity.review.intake import finish
        from amity.sources.ingest import extraction_values, prepare
        from amity.sources.inputs import IncomingDocument

        states = []
        for record in records:
            state = prepare(IncomingDocument(record["id"], text=record["text"], url=record.get("url"),
                                             published=record.get("published")), actor="bot:bench")
            state.extraction = extract_plain(extraction_values(state))
            states.append(state)
        finish(states[0])  # the place-name index fills on first use
        start = time.perf_counter()
        for state in states[1:]:
            finish(state)
        return (len(states) - 1) / (time.perf_counter() - start)
    finally:
        if created_db:
            connection.close()
            import psycopg

            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{created_db}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=4, help="each dev text this many times, varied")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of LocalClusters")
    parser.add_argument("--postgres", help="measure the writer on PostgreSQL (server URL)")
    args = parser.parse_args()
    records = bench_ingest._inputs(args.copies)
    report = {"documents": len(records)}
    if args.scheduler:
        report["extraction documents/s on the cluster"] = round(_extraction_rate(records, args.scheduler), 1)
    else:
        for workers in (1, 2):
            report[f"extraction documents/s, {workers} local worker(s)"] = round(
                _extraction_rate(records, f"local:{workers}"), 1)
    report["single writer's ceiling, documents/s"] = round(_writer_ceiling(records, args), 1)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
