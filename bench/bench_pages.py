"""Page speed at scale: build a large registry, serve it with gunicorn, time the pages.

The registry is written directly in bulk (not by running the extractor on every
article): documents are generated from press-release templates written here, with
real place names from the shipped gazetteer, each with about ten claims; people,
agreements, engagements and alliances tie the same places together. The built
database is cached (one SQLite file per size), so a second run only serves and times.

    python bench/bench_pages.py --documents 2000          # quick
    python bench/bench_pages.py                           # 100,000 documents, about 1,000,000 claims
    python bench/bench_pages.py --documents 20000 --rebuild

Then `amity serve` (gunicorn, one worker) answers `--requests` sequential requests per
page (served alone: one request at a time), after a few warm-up requests, and the
script reports p50/p95 in milliseconds, the status codes and the page size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CACHE = Path(os.environ.get("AMITY_BENCH_CACHE", Path.home() / ".cache" / "amity-bench-pages"))
BATCH = 5000
GOAL_MS = 100

TOPICS = ["tourism", "culture", "trade", "education", "port logistics", "youth exchange", "smart city", "health"]
TITLES = ["Mayor", "Deputy Mayor", "Governor", "Director", "Ambassador", "Consul General", "Chairman"]
GIVEN = ["Min-jun", "Seo-yeon", "Ji-ho", "Hana", "Tomas", "Maria", "Kenji", "Aiko", "Luca", "Elena", "Omar",
         "Priya", "Jonas", "Sofia", "Wei", "Lin", "Pedro", "Ana", "Ivan", "Olga"]
FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Novak", "Rossi", "Tanaka", "Sato", "Garcia", "Silva", "Muller",
          "Kowalski", "Nguyen", "Chen", "Wang", "Ivanov", "Haddad", "Sharma", "Jensen"]

# Press-release shapes (written for this benchmark): a visit, a signing, a forum, a follow-up.
TEMPLATES = [
    "{host} Mayor {host_person} welcomed a delegation from {guest} led by {guest_title} {guest_person} on {date}. "
    "The two cities discussed {topic} cooperation and agreed to hold a joint festival next spring. "
    "\"Our friendship grows every year,\" said {host_person}, recalling the sister city agreement signed in {year}.",
    "{host} and {guest} signed a memorandum of understanding on {topic} at {host} City Hall on {date}. "
    "{host_person} and {guest_person} signed on behalf of their cities, and officials from both sides "
    "will meet again next year to review the programme.",
    "Delegates from {host}, {guest} and {third} met in {host} on {date} for the annual forum of the "
    "{alliance}. Sessions covered {topic}; {guest_title} {guest_person} of {guest} gave the keynote.",
    "A youth orchestra from {guest} performed in {host} on {date} as part of a {topic} exchange. "
    "{host_person}, Mayor of {host}, thanked the visitors and invited students from {third} to join next year.",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


BIG_TABLES = ["sources_document", "sources_claim", "search_searchentry", "registry_engagement",
              "registry_engagementparticipant", "registry_person", "registry_position"]


def _insert(model, objs) -> None:
    """Rows written with one prepared INSERT run by executemany (Django's bulk_create compiles a
    statement per 50 rows on SQLite and prepares every value through the ORM: ten times slower)."""
    from django.db import connection

    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and getattr(objs[0], f.attname) is None)]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = (f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    rows = [tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields) for obj in objs]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start:start + BATCH])


class _BulkLoad:
    """While a build runs (SQLite): no journal, no fsync, a large cache, and the secondary indexes
    and the full-text trigger of the big tables dropped — they are built once after the data."""

    def __enter__(self):
        from django.db import connection

        self.sqlite = connection.vendor == "sqlite"
        if not self.sqlite:
            return self
        with connection.cursor() as cursor:
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-262144", "temp_store=MEMORY"):
                cursor.execute(f"PRAGMA {pragma}")
            marks = ", ".join(["%s"] * len(BIG_TABLES))
            cursor.execute(f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                           f"AND sql IS NOT NULL AND tbl_name IN ({marks})", BIG_TABLES)
            self.dropped = cursor.fetchall()
            for kind, name, _ in self.dropped:
                cursor.execute(f"DROP {kind.upper()} {connection.ops.quote_name(name)}")
        return self

    def __exit__(self, *exc):
        from django.db import connection

        if not self.sqlite:
            return
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for _, _, sql in self.dropped:
                cursor.execute(sql)
            for table in ("search_fts", "search_fts_records"):  # the full-text indexes, from the entries
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            cursor.execute("ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        print(f"  indexes, full-text index and statistics built in {time.perf_counter() - started:.1f} s", flush=True)


class Builder:
    """Writes a registry of `documents` articles with bulk inserts (no change log: generated data)."""

    def __init__(self, documents: int, seed: int = 13):
        self.size = documents
        self.rng = random.Random(seed)

    def build(self) -> dict:
        from django.db import transaction

        from amity.registry import models as m

        started = time.perf_counter()
        cities = list(m.Place.objects.filter(kind=m.Place.Kind.CITY, population__isnull=False)
                      .exclude(latitude=None).order_by("-population")[:600])
        if len(cities) < 50:
            raise SystemExit("the gazetteer holds too few cities; run `amity init` first")
        self.cities = cities
        self.busiest = cities[0]  # the largest city takes part in far more than its share
        with _BulkLoad():
            with transaction.atomic():
                people = self._people()
                agreements = self._agreements()
                alliances = self._alliances()
                self._engagements(people, agreements, alliances)
                documents, claims = self._documents(people)
                indexed = self._index()
        return {"documents": documents, "claims": claims, "people": len(people), "agreements": len(agreements),
                "engagements": m.Engagement.objects.count(), "indexed": indexed, "busiest_place": self.busiest.pk,
                "busiest_name": self.busiest.name, "build_seconds": round(time.perf_counter() - started, 1)}

    def _city(self, bias: float = 0.08):
        return self.busiest if self.rng.random() < bias else self.rng.choice(self.cities)

    def _people(self):
        from amity.registry import models as m

        count = max(50, self.size // 20)
        people = [m.Person(name=f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)} {i}",
                           given_name=self.rng.choice(GIVEN), family_name=self.rng.choice(FAMILY))
                  for i in range(count)]
        _insert(m.Person, people)
        people = list(m.Person.objects.order_by("id"))
        positions = [m.Position(person=p, title=self.rng.choice(TITLES), of_place=self._city(),
                                known_from=_date(self.rng)[:4]) for p in people]
        _insert(m.Position, positions)
        return people

    def _agreements(self):
        from amity.registry import models as m

        count = max(20, self.size // 40)
        statuses = [m.Agreement.Status.SIGNED, m.Agreement.Status.RENEWED, m.Agreement.Status.UPGRADED]
        agreements = [m.Agreement(type=self.rng.choice(["sister_city", "friendship_city", "mou"]),
                                  title=f"Cooperation agreement {i}", signed_date=_date(self.rng),
                                  status=self.rng.choice(statuses)) for i in range(count)]
        _insert(m.Agreement, agreements)
        agreements = list(m.Agreement.objects.order_by("id"))
        parties = []
        for agreement in agreements:
            first, second = self._city(0.1), self.rng.choice(self.cities)
            parties += [m.AgreementParty(agreement=agreement, place=first),
                        m.AgreementParty(agreement=agreement, place=second)]
        _insert(m.AgreementParty, parties)
        return agreements

    def _alliances(self):
        from amity.registry import models as m

        alliances = [m.Alliance(name=f"{self.rng.choice(TOPICS).title()} Cities Network {i}", established=_date(self.rng)[:4])
                     for i in range(max(5, self.size // 2500))]
        _insert(m.Alliance, alliances)
        alliances = list(m.Alliance.objects.order_by("id"))
        members = [m.AllianceMember(alliance=a, place=place) for a in alliances for place in self._member_places()]
        _insert(m.AllianceMember, members)
        return alliances

    def _member_places(self):
        chosen = {city.pk: city for city in self.rng.sample(self.cities, 12)}
        chosen[self.busiest.pk] = self.busiest
        return list(chosen.values())

    def _engagements(self, people, agreements, alliances):
        from amity.registry import models as m

        count = max(100, self.size // 5)
        types = [value for value, _ in m.Engagement.Type.choices]
        engagements = []
        for i in range(count):
            engagements.append(m.Engagement(
                type=self.rng.choice(types), title=f"{self.rng.choice(TOPICS).title()} meeting {i}",
                date=_date(self.rng), place=self._city(),
                agreement=self.rng.choice(agreements) if self.rng.random() < 0.2 else None,
                alliance=self.rng.choice(alliances) if self.rng.random() < 0.1 else None))
        _insert(m.Engagement, engagements)
        participants = []
        for engagement in m.Engagement.objects.only("id").iterator(chunk_size=BATCH):
            participants.append(m.EngagementParticipant(engagement=engagement, place=self._city(), role="host"))
            for person in self.rng.sample(people, 2):
                participants.append(m.EngagementParticipant(engagement=engagement, person=person, role="guest"))
        _insert(m.EngagementParticipant, participants)

    def _article(self, i: int, people) -> tuple[dict, list[dict]]:
        host, guest, third = self._city(), self.rng.choice(self.cities), self.rng.choice(self.cities)
        host_person, guest_person = self.rng.choice(people).name, self.rng.choice(people).name
        date = _date(self.rng)
        values = {"host": host.name, "guest": guest.name, "third": third.name, "host_person": host_person,
                  "guest_person": guest_person, "guest_title": self.rng.choice(TITLES), "date": date,
                  "year": self.rng.randint(1990, 2015), "topic": self.rng.choice(TOPICS),
                  "alliance": f"{self.rng.choice(TOPICS).title()} Cities Network"}
        text = self.rng.choice(TEMPLATES).format(**values) + f"\n(Release {i}.)"
        document = {"text": text, "title": f"{host.name} and {guest.name}: {values['topic']} cooperation",
                    "published": date, "url": f"https://news.example.org/{host.country_code.lower()}/{i}"}
        claims = []
        for slot, label, value in (
            ("place", host.name, {"name": host.name, "country": host.country_code}),
            ("place", guest.name, {"name": guest.name, "country": guest.country_code}),
            ("place", third.name, {"name": third.name, "country": third.country_code}),
            ("country", host.country_code, {"code": host.country_code}),
            ("country", guest.country_code, {"code": guest.country_code}),
            ("person", host_person, {"name": host_person, "title": "Mayor", "of": host.name}),
            ("person", guest_person, {"name": guest_person, "title": values["guest_title"], "of": guest.name}),
            ("organization", f"{host.name} City Hall", {"name": f"{host.name} City Hall", "kind": "government"}),
            ("engagement", f"visit to {host.name} ({date})", {"type": "visit", "date": date, "place": host.name}),
            ("follow_up", "joint festival next spring", {"action": "hold a joint festival"}),
        ):
            start = max(text.find(label), 0)
            claims.append({"slot": slot, "label": label[:300], "value": value,
                           "evidence": [{"start": start, "end": start + len(label), "text": label}]})
        return document, claims

    def _documents(self, people) -> tuple[int, int]:
        from amity.sources.models import Claim, Document, text_checksum

        pending_from = int(self.size * 0.8)  # the newest fifth still waits for review
        documents = claims = 0
        for start in range(0, self.size, BATCH):
            batch = [self._article(i, people) for i in range(start, min(self.size, start + BATCH))]
            rows = [Document(checksum=text_checksum(d["text"]), extracted_with="bench", language="en", **d)
                    for d, _ in batch]
            _insert(Document, rows)
            saved = dict(Document.objects.filter(checksum__in=[r.checksum for r in rows])
                         .values_list("checksum", "pk"))
            claim_rows = []
            for offset, (row, (_, items)) in enumerate(zip(rows, batch, strict=True)):
                status = Claim.Status.PENDING if start + offset >= pending_from else Claim.Status.ACCEPTED
                for n, item in enumerate(items):
                    key = hashlib.sha256(f"{item['slot']}|{item['label']}|{n}".encode()).hexdigest()
                    claim_rows.append(Claim(document_id=saved[row.checksum], key=key, local_id=f"c{n}",
                                            extractor_version="bench", confidence=round(self.rng.uniform(0.4, 0.99), 2),
                                            status=status, **item))
            _insert(Claim, claim_rows)
            documents += len(rows)
            claims += len(claim_rows)
            print(f"  {documents} documents, {claims} claims", flush=True)
        return documents, claims

    def _index(self) -> int:
        """The search index, as `rebuild` fills it (a chunk of records and their parts at a time)."""
        from amity.search.service import rebuild

        return rebuild()


def _session_cookie() -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user_model = get_user_model()
    user = user_model.objects.filter(username="bench").first() or user_model.objects.create_superuser(
        "bench", "bench@example.org", "bench-pages-password")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def _pages(info: dict) -> list[tuple[str, str]]:
    return [
        ("dashboard", "/"),
        ("place page (busiest)", f"/places/{info['busiest_place']}/"),
        ("search 'cooperation'", "/search/?q=cooperation"),
        ("review inbox", "/review/"),
        *[(f"API {name}", f"/api/v1/{name}") for name in
          ("engagements", "people", "places", "agreements", "documents", "claims")],
    ]


def _wait_until_up(base: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server stopped before it answered")
        try:
            urllib.request.urlopen(base + "/accounts/login/", timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit("the server did not answer")


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the server's workers (Linux /proc; 0 elsewhere): a figure that a busy machine
    does not inflate the way it inflates wall-clock times."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK") if total else 0.0


def _workers(master: int) -> list[int]:
    try:
        return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return []


def _time_page(base: str, path: str, cookie: str, requests: int, warmup: int = 3, workers: list[int] = ()) -> dict:
    times, statuses, size = [], {}, 0
    cpu_before = 0.0
    for n in range(warmup + requests):
        if n == warmup:
            cpu_before = _cpu_seconds(workers)
        request = urllib.request.Request(base + path, headers={"Cookie": f"sessionid={cookie}"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                body, status = response.read(), response.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        elapsed = (time.perf_counter() - started) * 1000
        if n >= warmup:
            times.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
            size = len(body)
    cpu = (_cpu_seconds(workers) - cpu_before) * 1000 / requests if workers else None
    times.sort()
    return {"p50": statistics.median(times), "p95": times[max(0, int(len(times) * 0.95) - 1)],
            "cpu_ms": cpu, "statuses": statuses, "bytes": size}


def serve_and_time(home: Path, info: dict, requests: int, workers: int) -> list[dict]:
    cookie = _session_cookie()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "AMITY_HOME": str(home)}
    command = [sys.executable, "-m", "amity.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(base, process)
        print(f"server up in {time.perf_counter() - started:.1f} s (gunicorn, {workers} worker(s))")
        results = []
        pids = _workers(process.pid)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
              "cpu = the worker's CPU time per request (not inflated by other processes)")
        for name, path in _pages(info):
            result = {"page": name, "path": path, **_time_page(base, path, cookie, requests, workers=pids)}
            results.append(result)
            mark = "ok" if result["p95"] <= GOAL_MS and set(result["statuses"]) == {200} else "MISS"
            cpu = f"cpu {result['cpu_ms']:6.1f} ms" if result["cpu_ms"] is not None else ""
            print(f"  {name:24} p50 {result['p50']:7.1f} ms  p95 {result['p95']:7.1f} ms  {cpu}  "
                  f"{result['bytes'] / 1024:7.1f} KB  {result['statuses']}  {mark}", flush=True)
        return results
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000, help="articles to generate (about 10 claims each)")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if cached")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args()

    home = CACHE / f"documents-{args.documents}"
    marker = home / "built.json"
    if (args.rebuild or not marker.exists()) and home.exists():  # a build cut short is started again
        for name in ("amity.sqlite3", "amity.sqlite3-wal", "amity.sqlite3-shm", "built.json"):
            (home / name).unlink(missing_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    os.environ["AMITY_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    from amity.commands.setup import django_setup, init_database

    django_setup()
    init_database(verbose=False)  # also applies migrations added since the database was cached
    if marker.exists():
        info = json.loads(marker.read_text())
        print(f"cached registry: {home} ({info['documents']} documents, {info['claims']} claims; "
              f"built in {info['build_seconds']} s)")
    else:
        print(f"building {args.documents} documents in {home} …", flush=True)
        info = Builder(args.documents).build()
        marker.write_text(json.dumps(info))
        print(f"built: {info}")
    if args.build_only:
        return 0
    from django.db import connections

    connections.close_all()
    results = serve_and_time(home, info, args.requests, args.workers)
    if args.json:
        Path(args.json).write_text(json.dumps({"info": info, "results": results}, indent=2))
    misses = [r["page"] for r in results if r["p95"] > GOAL_MS or set(r["statuses"]) != {200}]
    print(f"goal p95 <= {GOAL_MS} ms and every answer 200: {'met' if not misses else 'missed by ' + ', '.join(misses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
