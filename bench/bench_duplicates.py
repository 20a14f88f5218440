"""Duplicate finder benchmark: speed, and how many planted duplicates it finds.

Into an empty SQLite database (or a fresh PostgreSQL one with --postgres URL): generate people
with Korean names (Hangul syllables drawn at random), write each in Revised Romanization, and
for a share of them plant a second record of the same person spelt another way (an other
usual romanisation of each syllable, the other name order, or Hangul); add organizations
with planted variants ("… Consulate" / "… Consulate General", word order swapped). Then run
the finder and report seconds, recall on planted pairs and pairs it proposes that were not
planted (two generated people whose Hangul names are one are counted apart: they are namesakes
no finder can tell apart).

    python bench/bench_duplicates.py --people 2000 --organizations 500
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid

GIVEN = "민준서연지현우성영수진호희형재은경동상윤혜석섭철태용정훈락나"
FAMILIES = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민"


def _database(args) -> None:
    os.environ["AMITY_HOME"] = tempfile.mkdtemp(prefix="amity-bench-dupes-")
    if not args.postgres:
        os.environ.pop("DATABASE_URL", None)
        return
    import psycopg

    name = f"amity_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.postgres, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = args.postgres.rsplit("/", 1)[0] + "/" + name


def _spell(syllable: str, rng: random.Random, usual: bool) -> str:
    from amity.extract.romanize import _table, decompose

    table = _table()
    parts = []
    for part, index in zip(("initials", "vowels", "finals"), decompose(syllable), strict=True):
        options = [written for written, weight in table[part][index] if weight >= 0.8] or [table[part][index][0][0]]
        parts.append(options[0] if usual else rng.choice(options))
    return "".join(parts)


def _latin(family: str, given: str, rng: random.Random, usual: bool, family_first: bool) -> str:
    from amity.extract.romanize import _table

    spellings = [w for w, weight in _table()["family_names"][family] if weight >= 0.8]
    family_latin = (spellings[0] if usual else rng.choice(spellings)).capitalize()
    given_latin = "-".join(_spell(s, rng, usual) for s in given).capitalize()
    return f"{family_latin} {given_latin}" if family_first else f"{given_latin} {family_latin}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--organizations", type=int, default=500)
    parser.add_argument("--planted", type=float, default=0.1, help="share of records given a second spelling")
    parser.add_argument("--postgres")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    _database(args)
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from amity.registry import models as m
    from amity.review import duplicates

    rng = random.Random(args.seed)
    people, hangul_of, planted = [], {}, set()
    for _ in range(args.people):
        family, given = rng.choice(FAMILIES), rng.choice(GIVEN) + rng.choice(GIVEN)
        person = m.Person(name=_latin(family, given, rng, usual=True, family_first=True))
        people.append((person, family + given))
    variants = []
    for index in rng.sample(range(len(people)), int(len(people) * args.planted)):
        hangul = people[index][1]
        how = rng.choice(["spelling", "order", "hangul"])
        name = (hangul if how == "hangul" else
                _latin(hangul[0], hangul[1:], rng, usual=how == "order", family_first=how == "spelling"))
        variants.append((index, m.Person(name=name)))
    m.Person.objects.bulk_create([p for p, _ in people] + [v for _, v in variants])
    for person, hangul in people:
        hangul_of[person.pk] = hangul
    for index, variant in variants:
        hangul_of[variant.pk] = people[index][1]
        planted.add(frozenset((people[index][0].pk, variant.pk)))

    countries = ["China", "Japan", "Vietnam", "Mongolia", "Russia", "Slovenia", "Finland", "Peru", "Chile", "Kenya"]
    cities = ["Busan", "Ulsan", "Daejeon", "Gwangju", "Incheon", "Pohang", "Gyeongju", "Suwon", "Jeonju", "Mokpo"]
    bodies = ["Consulate", "Trade Office", "Cultural Center", "Chamber of Commerce", "Tourism Office"]
    orgs, org_planted = [], set()
    for i in range(args.organizations):
        name = f"{rng.choice(countries)} {rng.choice(bodies)} in {rng.choice(cities)} {i}"
        orgs.append(m.Organization(name=name))
    twins = []
    for org in rng.sample(orgs, int(len(orgs) * args.planted)):
        words = org.name.split(" in ")
        twins.append((org, m.Organization(name=words[0] + " General in " + words[1])))
    m.Organization.objects.bulk_create(orgs + [t for _, t in twins])
    org_planted = {frozenset((a.pk, b.pk)) for a, b in twins}

    for kind, expected in (("person", planted), ("organization", org_planted)):
        started = time.perf_counter()
        found = duplicates.find([kind])
        seconds = time.perf_counter() - started
        pairs = {frozenset((f.left.pk, f.right.pk)) for f in found}
        hit = len(pairs & expected)
        extra = pairs - expected
        namesakes = sum(1 for p in extra if kind == "person" and len({hangul_of[pk] for pk in p}) == 1)
        records = m.Person.objects.count() if kind == "person" else m.Organization.objects.count()
        print(f"{kind}: {records} records, {seconds:.2f} s ({records / seconds:.0f} records/s); planted {len(expected)}, "
              f"found {hit} (recall {hit / max(1, len(expected)):.3f}); {len(extra)} other pairs proposed "
              f"({namesakes} same Hangul name, {len(extra) - namesakes} different people)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
