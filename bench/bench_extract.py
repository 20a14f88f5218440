"""Benchmark `amity.extract` on one process.

Generates N synthetic press releases of 1-2 KB from templates (real city names,
invented officials), then reports the gazetteer load time (start-up) apart from
the per-document speed, and the peak memory of the process.

    .venv/bin/python bench/bench_extract.py [--docs 1000] [--seed 7] [--jsonl FILE] [--long CHARS]

With --jsonl, documents are read from a JSONL file ({"text", "published"}) instead. Then the time
must be linear in length: one text of --long characters (default 100,000) is read three ways —
varied (generated releases one after another), repetitive (one release repeated) and one sentence
repeated without a line break — and each should take about as long as the others.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time

KR_CITIES = ["Busan", "Ulsan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Suwon", "Changwon", "Pohang",
             "Gyeongju", "Jeonju", "Cheongju", "Chuncheon", "Gimhae", "Yeosu", "Mokpo", "Gangneung", "Andong"]
FOREIGN = [("Koper", "Slovenia", "Slovenian"), ("Fukuoka", "Japan", "Japanese"), ("Shanghai", "China", "Chinese"),
           ("Da Nang", "Vietnam", "Vietnamese"), ("Seattle", "the United States", "American"),
           ("Lyon", "France", "French"), ("Hamburg", "Germany", "German"), ("Cebu", "the Philippines", "Filipino"),
           ("Osaka", "Japan", "Japanese"), ("Qingdao", "China", "Chinese"), ("Perth", "Australia", "Australian"),
           ("Lima", "Peru", "Peruvian"), ("Gdansk", "Poland", "Polish"), ("Izmir", "Turkey", "Turkish")]
FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
GIVEN = ["Min-ho", "Ji-woo", "Seo-yeon", "Hyun-woo", "Soo-jin", "Jae-won", "Eun-ji", "Dong-hyun", "Ha-eun"]
FOREIGN_NAMES = ["Anna Novak", "Kenji Tanaka", "Li Wei", "Maria Santos", "Jean Dupont", "Hans Weber",
                 "Nguyen Van An", "Tomasz Kowalski", "Emily Clark", "Carlos Ruiz"]
TOPICS = ["smart city development", "port logistics", "tourism", "cultural exchanges", "youth education",
          "renewable energy", "public health", "urban regeneration", "trade and investment", "sports exchanges"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]

TEMPLATES = [
    "{kr} Mayor {mayor} met {envoy}, the {title} of {country} to Korea, at City Hall on {weekday} at {hour} a.m. "
    "The two discussed cooperation between {kr} and {city} in {t1}, {t2} and {t3}.\n\n"
    "Mayor {mayor_family} recalled the friendship city agreement between {kr} and {city} signed on {month} {day}, "
    "{year}, and said the two cities had worked together closely since then.\n\n"
    "{title} {envoy_family} thanked the city for its hospitality and said the {demonym} government hopes to expand "
    "exchanges in {t4}. He also visited the {kr} Port Authority and the {kr} Institute of Science and Technology.\n\n"
    "Mayor {mayor_family} expressed his hope to invite a delegation from {city} to {kr} next year, and the two sides "
    "agreed to hold a joint forum on {t5} in {month2}.\n",
    "The {alliance} Alliance, consisting of the three cities of {kr}, {kr2} and {kr3}, held a working-level "
    "workshop at the Grand Hotel in {kr2} on the {nth}th.\n"
    "The event, attended by more than {n} officials, featured a keynote lecture and presentations on joint projects.\n"
    "{mayor}, Director of the Regional Policy Division at the {kr} Research Institute, gave the keynote on {t1}.\n"
    "The alliance was established in {month} {year} and is promoting {projects} projects across {fields} fields, "
    "including {t2} and {t3}.\n"
    "An official from {kr} City said the workshop would strengthen cooperation among the member cities and "
    "speed up joint projects in {t4} and {t5}.\n"
    "© The {kr} Daily(www.example.kr). All rights reserved.\n",
    "{kr} City signed a sister city agreement with {city}, {country}, on {month} {day}, {year}. {kr} Mayor {mayor} "
    "and {city} Mayor {envoy} signed the agreement at {kr} City Hall in a ceremony attended by about {n} guests.\n\n"
    "Under the agreement, the two cities will cooperate in {t1}, {t2} and {t3}. The two cities will also sign a "
    "memorandum of understanding on {t4} next year.\n\n"
    "{city} becomes {kr}'s {nth}th sister city. {kr} has had friendship ties with {demonym} cities since {year0}.\n\n"
    "Mayor {mayor_family} said the partnership would open new opportunities for companies and young people in "
    "both cities, especially in {t5}.\n",
]


EXTRA = [
    "Officials from both sides reviewed the results of earlier exchange programs in {t1} and agreed to share "
    "best practices in {t2}. City officials said more than {n} residents had taken part in joint events.\n",
    "{kr} has expanded its international network in recent years, working with partner cities in Asia, Europe "
    "and the Americas on {t3}. The city plans to host an international conference on {t4} in {month2}.\n",
    "The delegation also toured the {kr} Convention Center and the city's new innovation district, where local "
    "companies presented projects in {t5}. \"We hope this visit will open a new chapter,\" an official said.\n",
    "According to the city, the cooperation program will run for three years and cover {t2}, {t3} and {t5}, with "
    "a working group meeting twice a year to review progress and prepare new joint projects.\n",
]


def make_docs(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        kr, kr2, kr3 = rng.sample(KR_CITIES, 3)
        city, country, demonym = rng.choice(FOREIGN)
        t = rng.sample(TOPICS, 5)
        year = rng.randint(2005, 2023)
        fam, giv = rng.choice(FAMILY), rng.choice(GIVEN)
        envoy = rng.choice(FOREIGN_NAMES)
        fields = dict(
            kr=kr, kr2=kr2, kr3=kr3, city=city, country=country, demonym=demonym, mayor=f"{fam} {giv}",
            mayor_family=fam, envoy=envoy, envoy_family=envoy.split()[-1],
            title=rng.choice(["Ambassador", "Consul General"]), weekday=rng.choice(WEEKDAYS),
            hour=rng.randint(9, 11), month=rng.choice(MONTHS), month2=rng.choice(MONTHS), day=rng.randint(1, 28),
            year=year, year0=year - rng.randint(3, 20), nth=rng.randint(4, 28), n=rng.randint(30, 300),
            projects=rng.randint(5, 40), fields=rng.randint(2, 7), alliance=rng.choice(["Haean", "Donghae", "Namhae",
                                                                                          "Seohae", "Baekdu"]),
            t1=t[0], t2=t[1], t3=t[2], t4=t[3], t5=t[4],
        )
        text = rng.choice(TEMPLATES).format(**fields)
        while len(text.encode("utf-8")) < 1024 + rng.randint(0, 700):
            text += "\n" + rng.choice(EXTRA).format(**fields)
        published = f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append((text, published))
    return docs


def long_texts(chars: int, seed: int) -> dict[str, str]:
    """Texts of `chars` characters: varied, repetitive, and one sentence repeated on one line."""
    docs = make_docs(max(10, chars // 1000), seed)
    varied = "\n\n".join(text for text, _ in docs)
    while len(varied) < chars:
        varied += "\n\n" + varied
    unit = docs[0][0] + "\n\n"
    sentence = ("Busan Mayor Kim Min-ho met Koper Mayor Anna Novak at City Hall on June 3, 2023 and signed a "
                "sister city agreement with Koper, Slovenia. ")
    return {"varied": varied[:chars], "repetitive": (unit * (chars // len(unit) + 1))[:chars],
            "one line": (sentence * (chars // len(sentence) + 1))[:chars]}


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jsonl", help="read documents from this JSONL file instead of generating them")
    ap.add_argument("--long", type=int, default=100_000, help="characters of the long texts (0: skip them)")
    args = ap.parse_args(argv)

    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            docs = [(r["text"], r.get("published")) for r in map(json.loads, f) if r.get("text")]
    else:
        docs = make_docs(args.docs, args.seed)
    sizes = [len(t.encode("utf-8")) for t, _ in docs]

    t0 = time.perf_counter()
    from amity.extract import extract, warm_up

    import_s = time.perf_counter() - t0
    load_s = warm_up()

    t1 = time.perf_counter()
    c1 = time.process_time()
    counts = {"places": 0, "people": 0, "events": 0, "agreements": 0}
    for text, published in docs:
        result = extract(text, published=published)
        for slot in counts:
            counts[slot] += len(getattr(result, slot))
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - c1

    print(f"documents:          {len(docs)} ({min(sizes)}-{max(sizes)} bytes, mean {sum(sizes) / len(sizes):.0f})")
    print(f"import:             {import_s:.2f} s")
    print(f"gazetteer load:     {load_s:.2f} s (once per process)")
    print(f"extraction:         {elapsed:.2f} s  ->  {len(docs) / elapsed:.0f} documents/s "
          f"({1000 * elapsed / len(docs):.1f} ms/document)")
    print(f"CPU time:           {cpu:.2f} s  ->  {len(docs) / cpu:.0f} documents/s of CPU "
          "(the figure that holds on a busy machine)")
    print(f"peak memory (RSS):  {peak_rss_mb():.0f} MB")
    print(f"found:              {counts}")
    if args.long:
        for name, text in long_texts(args.long, args.seed).items():
            c0 = time.process_time()
            extract(text, published="2024-01-01")
            print(f"long text, {name + ':':12s}{len(text):,} characters in {time.process_time() - c0:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
