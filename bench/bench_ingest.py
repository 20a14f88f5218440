"""Ingest benchmark and end-to-end check of issue 4's "done when".

Into an empty database (a temporary SQLite file, or a fresh PostgreSQL database
with --postgres URL): ingest the seed articles and the dev set through the ingest
chain, accept every claim, then report counts, speed, memory, and whether the
registry holds what it must.

    python bench/bench_ingest.py                     # SQLite
    python bench/bench_ingest.py --postgres postgresql://postgres@127.0.0.1:5432/postgres
    python bench/bench_ingest.py --copies 20         # a larger batch (varied reissues of the same texts)
    python bench/bench_ingest.py --copies 20 --writers 2 --postgres …   # two `amity ingest` processes at once

Ingest speed is reported for the whole run and for its second half ("warm": the
place-name index and caches filled); accept speed for `amity review accept --all`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _database(args) -> str | None:
    os.environ["AMITY_HOME"] = tempfile.mkdtemp(prefix="amity-bench-")
    if not args.postgres:
        os.environ.pop("DATABASE_URL", None)
        return None
    import psycopg

    name = f"amity_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.postgres, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.postgres.rsplit("/", 1)[0] + "/" + name
    return name


def _inputs(copies: int) -> list[dict]:
    records = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        records.append({"id": path.name, "text": path.read_text(encoding="utf-8"), "published": None})
    for line in (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        records.append({"id": item["id"], "text": item["text"], "published": item.get("published"),
                        "url": item.get("url")})
    base = list(records)
    for copy in range(1, copies):
        records += [{**r, "id": f"{r['id']}#{copy}", "text": f"{r['text']}\n(Press release reissue {copy}.)"}
                    for r in base]
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="PostgreSQL server URL (a fresh database is created and dropped)")
    parser.add_argument("--copies", type=int, default=1, help="ingest each text this many times, varied")
    parser.add_argument("--writers", type=int, default=0,
                        help="ingest with this many `amity ingest` processes at once (default: in this process)")
    parser.add_argument("--workers", type=int, default=1, help="with --writers: extraction processes per writer")
    parser.add_argument("--ingest-only", action="store_true", help="time ingest only (no accept-all, no checks)")
    args = parser.parse_args()
    if not (SHARED / "eval" / "dev.jsonl").exists():
        print(f"needs {SHARED}/eval/dev.jsonl and seeds", file=sys.stderr)
        return 2
    created_db = _database(args)
    from amity.commands.setup import django_setup, init_database

    django_setup()
    from django.db import connection

    try:
        init_database(verbose=False)
        return run(_inputs(args.copies), connection.vendor, args)
    finally:
        if created_db:
            connection.close()
            import psycopg

            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{created_db}" WITH (FORCE)')


# CPU seconds the ingest took (this process, or the writer processes together): on a shared
# machine wall-clock documents/s says as much about the load as about the code.
_CPU: dict[str, float] = {}


def _ingest_in_process(records: list[dict]) -> tuple[int, int, float, float]:
    from amity.review.intake import ingest_document
    from amity.sources.inputs import IncomingDocument

    new = known = 0
    _CPU["start"] = time.process_time()
    start = time.perf_counter()
    half = None
    for number, record in enumerate(records):
        if number == len(records) // 2:
            half = time.perf_counter()
        result = ingest_document(IncomingDocument(record["id"], text=record["text"], url=record.get("url"),
                                                  published=record.get("published")), actor="bot:bench")
        new += result.created
        known += not result.created
    end = time.perf_counter()
    _CPU["seconds"] = time.process_time() - _CPU["start"]
    return new, known, end - start, end - (half or start)


def _ingest_with_processes(records: list[dict], writers: int, workers: int) -> tuple[int, int, float, float]:
    """`writers` real `amity ingest` processes at once, each on its share of a JSONL file."""
    import subprocess

    from amity.sources.models import Document

    folder = Path(tempfile.mkdtemp(prefix="amity-bench-parts-"))
    parts = []
    for writer in range(writers):
        part = folder / f"part-{writer}.jsonl"
        part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[writer::writers]),
                        encoding="utf-8")
        parts.append(part)
    command = [sys.executable, "-m", "amity.cli", "ingest", "--quiet", "--workers", str(workers)]
    import resource

    start = time.perf_counter()
    processes = [subprocess.Popen([*command, str(part)], stdout=subprocess.DEVNULL) for part in parts]
    codes = [process.wait() for process in processes]
    seconds = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    _CPU["seconds"] = children.ru_utime + children.ru_stime
    if any(codes):
        print(f"an ingest process failed: exit codes {codes}", file=sys.stderr)
    new = Document.objects.count()
    return new, len(records) - new, seconds, seconds


def run(records: list[dict], vendor: str, args) -> int:
    import resource

    from amity.registry import models as m
    from amity.review.bulk import accept_pending
    from amity.review.models import Decision, MergeCandidate
    from amity.sources.models import Claim, Document

    if args.writers:
        new, known, ingest_seconds, warm_seconds = _ingest_with_processes(records, args.writers, args.workers)
    else:
        new, known, ingest_seconds, warm_seconds = _ingest_in_process(records)
    ingest_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    pending = Claim.objects.filter(status=Claim.Status.PENDING).count()
    if args.ingest_only:
        print(json.dumps({"database": vendor, "inputs": len(records), "documents": Document.objects.count(),
                          "claims": Claim.objects.count(), "ingest": f"{args.writers or 'in-process'} writer(s)",
                          "ingest documents/s": round(new / ingest_seconds, 1),
                          "ingest documents/s, second half (warm)": round(
                              (len(records) - len(records) // 2) / warm_seconds, 1) if not args.writers else None,
                          "ingest documents per CPU-second": round(new / _CPU["seconds"], 1),
                          "load average (1 min) at the end": os.getloadavg()[0],
                          "peak memory (MB)": ingest_rss}, indent=1))
        return 0
    start = time.perf_counter()
    print(f"ingest: {new} new documents in {ingest_seconds:.1f} s", file=sys.stderr)
    accepted, failed = accept_pending(actor="user:bench")
    accept_seconds = time.perf_counter() - start
    accept_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    same_event = sum("same event as engagement" in " ".join(d.effects.get("notes", []))
                     for d in Decision.objects.filter(action="accept"))

    report = {
        "database": vendor,
        "inputs": len(records),
        "documents": Document.objects.count(),
        "documents already known (duplicates avoided)": known,
        "claims": Claim.objects.count(),
        "claims accepted": Claim.objects.filter(status="accepted").count(),
        "claims that need an edit first": failed,
        "records": {name: model.objects.count() for name, model in [
            ("places (non-reference)", m.Place.objects.exclude(source="reference").model),
            ("people", m.Person), ("organizations", m.Organization), ("engagements", m.Engagement),
            ("agreements", m.Agreement), ("alliances", m.Alliance), ("follow-ups", m.FollowUp)]},
        "engagement reports merged into an existing engagement": same_event,
        "merge candidates": MergeCandidate.objects.count(),
        "ingest": f"{args.writers} writer process(es), {args.workers} extraction worker(s) each"
                  if args.writers else "in this process",
        "ingest documents/s": round(new / ingest_seconds, 1) if ingest_seconds else None,
        "ingest documents/s, second half (warm)": round((len(records) - len(records) // 2) / warm_seconds, 1)
        if warm_seconds and not args.writers else None,
        "ingest seconds": round(ingest_seconds, 2),
        "ingest documents per CPU-second": round(new / _CPU["seconds"], 1),
        "load average (1 min) at the end of ingest": os.getloadavg()[0],
        "peak memory after ingest (MB, this process)": ingest_rss,
        "pending claims before accept-all": pending,
        "accept-all claims/s": round(accepted / accept_seconds, 1) if accept_seconds else None,
        "accept-all seconds": round(accept_seconds, 2),
        "peak memory after accept-all (MB)": accept_rss,
    }
    report["records"]["places (non-reference)"] = m.Place.objects.exclude(source="reference").count()
    print(json.dumps(report, indent=1, ensure_ascii=False))
    checks = done_when_checks()
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


def done_when_checks() -> dict[str, bool]:
    from amity.registry import models as m
    from amity.review.evidence import claims_for

    checks = {}
    busan = m.Place.objects.get(kr_admin_code="26000")
    koper = m.Place.objects.filter(name="Koper", country_code="SI").first()
    agreements = m.Agreement.objects.filter(parties__place=busan).filter(parties__place=koper).distinct()
    checks["Busan lists Koper as friendship city since 2023-06-22"] = any(
        a.type == "friendship_city" and str(a.signed_date) == "2023-06-22" for a in agreements)
    meeting = m.Engagement.objects.filter(date="2023-10-13", participants__person__name__in=[
        "Heong-jun Park", "Park Heong-joon"]).filter(participants__person__name="Jernej Muller").distinct().first()
    checks["2023-10-13 meeting of Mayor Park and Ambassador Muller cites its sentence"] = bool(
        meeting and any("held a meeting" in c.evidence_sentence() for c in claims_for(meeting)))
    alliance = m.Alliance.objects.filter(name="Haeoreum Alliance").first()
    members = sorted(x.place.name for x in alliance.members.all() if x.place) if alliance else []
    checks["Haeoreum Alliance of Pohang, Ulsan, Gyeongju, established 2016-06"] = bool(
        alliance and members == ["Gyeongju", "Pohang", "Ulsan"] and str(alliance.established) == "2016-06")
    workshop = m.Engagement.objects.filter(date="2024-09-27", type="workshop").first()
    checks["2024-09-27 workshop in Gyeongju with its attendance"] = bool(
        workshop and workshop.place and workshop.place.name == "Gyeongju" and workshop.attendance == 120)
    parks = [p for p in m.Person.objects.all() if any(n in p.all_names for n in (
        "Heong-jun Park", "Park Heong-joon", "Park Hyung-jun"))]
    checks["Mayor Park under every spelling is one person"] = len(parks) == 1
    tsuyoshi = [p for p in m.Person.objects.all() if "Oscar Tsuyoshi" in p.all_names]
    checks["Consul General Oscar Tsuyoshi is one person"] = len(tsuyoshi) == 1
    return checks


if __name__ == "__main__":
    sys.exit(main())
