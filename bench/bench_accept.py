"""Benchmark `amity review accept --all`: claims/s, queries per claim and peak memory.

Into an empty database (a temporary SQLite file, or a fresh PostgreSQL database with
--postgres URL) it stores generated press releases (bench_extract's templates: real
gazetteer cities, invented officials), extracted but not linked or accepted, so the
review queue holds N pending claims. Then it runs `amity review accept --all` in a
child process and reports that process's speed, peak RSS and database queries.

    python bench/bench_accept.py --docs 200                      # SQLite
    python bench/bench_accept.py --docs 200 --postgres postgresql://postgres@127.0.0.1:5432/postgres
    python bench/bench_accept.py --docs 200 --docs 800           # two queue sizes: is memory flat?
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import make_docs  # noqa: E402 - the same generated releases as the extraction benchmark


def _fresh_database(postgres: str | None) -> dict:
    env = {**os.environ, "AMITY_HOME": tempfile.mkdtemp(prefix="amity-bench-accept-")}
    env.pop("DATABASE_URL", None)
    if postgres:
        import psycopg

        name = f"amity_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(postgres, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = postgres.rsplit("/", 1)[0] + "/" + name
        env["AMITY_BENCH_DB"] = name
    return env


def _drop_database(postgres: str | None, env: dict) -> None:
    if postgres and env.get("AMITY_BENCH_DB"):
        import psycopg

        with psycopg.connect(postgres, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{env["AMITY_BENCH_DB"]}" WITH (FORCE)')


def build_queue(docs: int, seed: int) -> int:
    """Store `docs` generated releases and their pending claims (no linking, no auto-accept)."""
    from amity.commands.setup import django_setup, init_database

    django_setup()
    init_database(verbose=False)
    from amity.core.actor import acting_as
    from amity.extract import EXTRACTOR_VERSION
    from amity.extract.parallel import extract_plain
    from amity.sources.claims import drafts_from_extraction
    from amity.sources.models import Claim, Document

    with acting_as("bot:bench"):
        for number, (text, published) in enumerate(make_docs(docs, seed)):
            text = f"{text}\n(Release {number}.)"
            extraction = extract_plain({"text": text, "published": published, "url": None, "title": None})
            document = Document.objects.create(text=text, published=published, language="en",
                                               extracted_with=EXTRACTOR_VERSION)
            Claim.objects.bulk_create([
                Claim(document=document, slot=d.slot, key=d.key, local_id=d.local_id, label=d.label[:300],
                      value=d.value, evidence=d.evidence, extractor_version=EXTRACTOR_VERSION,
                      confidence=d.confidence, explanation=d.explanation)
                for d in drafts_from_extraction(extraction)])
    return Claim.objects.filter(status=Claim.Status.PENDING).count()


def child() -> int:
    """`amity review accept --all` in this process, counting its database queries."""
    from amity.commands.setup import django_setup

    django_setup()
    from django.db import connection

    from amity.cli import main as amity
    from amity.sources.models import Claim

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    pending = Claim.objects.filter(status=Claim.Status.PENDING).count()
    start, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count), open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            code = amity(["review", "accept", "--all", "--actor", "user:bench"])
        finally:
            sys.stdout = stdout
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    accepted = Claim.objects.filter(status=Claim.Status.ACCEPTED).count()
    print(json.dumps({"exit": code, "pending": pending, "accepted": accepted, "seconds": seconds,
                      "cpu_seconds": cpu, "queries": queries, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
    return 0


def measure(docs: int, args) -> dict:
    env = _fresh_database(args.postgres)
    try:
        here = [sys.executable, __file__, "--seed", str(args.seed)]
        built = subprocess.run([*here, "--build", str(docs)], env=env, check=True, stdout=subprocess.PIPE, text=True)
        pending = int(built.stdout.strip().splitlines()[-1])
        run = subprocess.run([*here, "--child"], env=env, check=True, stdout=subprocess.PIPE, text=True)
        result = json.loads(run.stdout.strip().splitlines()[-1])
    finally:
        _drop_database(args.postgres, env)
    return {"database": "postgresql" if args.postgres else "sqlite", "documents": docs, "pending claims": pending,
            "accepted": result["accepted"], "seconds": round(result["seconds"], 2),
            "claims/s": round(result["accepted"] / result["seconds"], 1) if result["seconds"] else None,
            # the accepting process's own CPU time (the database server's not counted): steadier on a busy machine
            "claims per CPU-s": round(result["accepted"] / result["cpu_seconds"], 1) if result["cpu_seconds"] else None,
            "queries per claim": round(result["queries"] / max(result["accepted"], 1), 1),
            "peak RSS of accept (MB)": result["rss_mb"], "load": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, action="append", help="releases in the queue (repeat for sizes)")
    parser.add_argument("--postgres", help="PostgreSQL server URL (a fresh database is created and dropped)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        print(build_queue(args.build, args.seed))
        return 0
    if args.child:
        return child()
    for docs in args.docs or [200]:
        print(json.dumps(measure(docs, args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
