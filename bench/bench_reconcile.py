"""Reconcile benchmark: how fast a large partner list is compared, and the network written.

Into an empty database (a temporary SQLite file, or a fresh PostgreSQL database with
--postgres URL) with the reference places: N agreements between Korean local governments and
world cities, then a GAOK-style list of N rows naming the Korean side in Hangul (70% the same
ties, 10% with another type, 20% ties Amity lacks) compared with it, and the network written
as GraphML.

    python bench/bench_reconcile.py [--rows 1000] [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import sys
import tempfile
import time
import uuid


def _database(url: str | None) -> None:
    os.environ["AMITY_HOME"] = tempfile.mkdtemp(prefix="amity-bench-")
    if not url:
        os.environ.pop("DATABASE_URL", None)
        return
    import psycopg

    name = f"amity_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name


def _hangul(place) -> str:
    """The Korean name as GAOK lists write it: a district with its city ("부산광역시 중구")."""
    name = next((a for a in place.aliases if any("\uac00" <= ch <= "\ud7a3" for ch in a)), place.name)
    parent = place.parent
    return f"{_hangul(parent)} {name}" if parent is not None and parent.kind != "country" else name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--postgres", metavar="URL")
    args = parser.parse_args()
    _database(args.postgres)
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    from amity.commands.setup import django_setup, init_database

    django_setup()
    init_database(verbose=False)
    from amity.reconcile.compare import compare
    from amity.reconcile.lists import read_list
    from amity.reconcile.network import build_network, to_graphml
    from amity.registry import models as m
    from amity.registry import services

    rng = random.Random(14)
    korean = list(m.Place.objects.filter(country_code="KR", kr_admin_code__gt="").exclude(kind="country")
                  .select_related("parent__parent"))
    foreign = list(m.Place.objects.exclude(country_code="KR").exclude(kind="country")
                   .filter(population__gt=200_000).order_by("-population")[:3000])
    pairs = list({(rng.choice(korean).pk, rng.choice(foreign).pk) for _ in range(args.rows * 2)})[:args.rows]
    places = {p.pk: p for p in korean + foreign}
    started = time.perf_counter()
    rows = []
    for index, (a, b) in enumerate(pairs):
        kind, date = rng.choice(["sister_city", "friendship_city"]), f"{rng.randint(1985, 2024)}-0{rng.randint(1, 9)}"
        listed_kind = kind if index % 10 != 1 else ("friendship_city" if kind == "sister_city" else "sister_city")
        if index % 5:  # one row in five is a tie Amity lacks
            agreement = services.create(m.Agreement, actor="bot:bench", type=kind, signed_date=date, status="signed")
            for pk in (a, b):
                services.create(m.AgreementParty, actor="bot:bench", agreement=agreement, place=places[pk])
        rows.append([index + 1, _hangul(places[a]), places[b].country_code, places[b].name,
                     "자매결연" if listed_kind == "sister_city" else "우호협력", date.replace("-", ".")])
    print(f"registry: {m.Agreement.objects.count()} agreements in {time.perf_counter() - started:.1f} s")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["연번", "자치단체", "국가", "도시", "구분", "체결일"])
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")

    started = time.perf_counter()
    listed = read_list(data, "bench.csv")
    read_s = time.perf_counter() - started
    comparison = compare(listed)
    compare_s = time.perf_counter() - started - read_s
    print(f"list: {len(listed.rows)} rows read in {read_s:.2f} s; compared in {compare_s:.1f} s "
          f"({len(listed.rows) / compare_s:.0f} rows/s)")
    print("  " + ", ".join(comparison.summary()))
    unmatched = [row for row in comparison.rows if row.category == "only in the list" and row.agreement is None
                 and (row.place_a is None or row.place_b is None)]
    print(f"  of which a place was not found: {len(unmatched)}" + "".join(f"\n    {row.reason}" for row in unmatched[:5]))
    started = time.perf_counter()
    network = build_network()
    text = to_graphml(network)
    print(f"network: {len(network.nodes)} nodes, {len(network.edges)} edges, {len(text) // 1024} KiB of GraphML "
          f"in {time.perf_counter() - started:.1f} s")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
