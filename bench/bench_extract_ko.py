"""Benchmark Korean extraction (`amity.extract` on 보도자료) in one process.

Generates N synthetic Korean press releases of 1-2 KB (UTF-8) from templates written for this
benchmark (real local governments and partner cities, invented officials), then reports the
one-off load of the Korean name tables apart from the per-document speed, and the memory the
Korean reader adds to the process (RSS after loading minus before).

    .venv/bin/python bench/bench_extract_ko.py [--docs 1000] [--seed 7] [--jsonl FILE]

With --jsonl, documents are read from a JSONL file ({"text", "published"}) instead.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time

KR = [("부산", "시"), ("울산", "시"), ("대구", "시"), ("포항", "시"), ("경주", "시"), ("창원", "시"), ("평창", "군"),
      ("함양", "군"), ("거창", "군"), ("진천", "군"), ("강서", "구"), ("수성", "구"), ("여수", "시"), ("순천", "시")]
FOREIGN = [("미국", "시애틀"), ("일본", "후쿠오카"), ("중국", "선양"), ("베트남", "호찌민"), ("슬로베니아", "코페르"),
           ("몽골", "울란바토르"), ("러시아", "블라디보스토크"), ("필리핀", "마닐라"), ("인도네시아", "자카르타")]
NAMES = ["김민호", "이지우", "박서연", "최현우", "정수진", "강재원", "조은지", "윤동현", "장하은", "임도윤"]
FOREIGN_NAMES = ["안나 노박", "켄지 다나카", "리 웨이", "마리아 산토스", "장 뒤퐁", "한스 베버"]
TITLE = {"시": "시장", "군": "군수", "구": "구청장"}
TOPICS = ["관광", "문화예술", "청소년 교류", "항만물류", "스마트시티", "농업", "체육", "경제 통상"]
OUTLETS = ["남해일보", "동부뉴스", "한빛신문", "새누리타임즈"]

TEMPLATES = [
    "{kr}{suf}, {country} {city}시와 {tie} 체결\n{topic1}·{topic2} 분야 교류 확대 기대\n\n"
    "[{outlet} {reporter} 기자] {kr}{suf}은(는) {day}일 {kr}{suf}청 대회의실에서 {country} {city}시와 {tie} 협약식을 "
    "가졌다고 밝혔다.\n\n협약식에는 {mayor} {kr}{title}과(와) {envoy} {city}시장 등 양 도시 관계자 {n}여 명이 참석했다.\n\n"
    "▲ {kr}{suf}과(와) {city}시 관계자들이 협약 후 기념촬영을 하고 있다. <사진제공={kr}{suf}>\n\n"
    "양 도시는 이번 협약을 통해 {topic1}, {topic2}, {topic3} 등 다양한 분야에서 교류를 확대하기로 했다.\n\n"
    "{mayor_f} {title}은(는) \"{city}시와의 교류가 두 도시 시민 모두에게 도움이 되길 바란다\"고 말했다.\n\n"
    "한편 {kr}{suf}은(는) 오는 {month}월 {city}시에 대표단을 파견할 예정이다.\n\nⓒ {outlet} 무단전재 및 재배포 금지\n",
    "{mayor} {kr}{title}, 주부산 {country} 총영사 접견\n\n{kr}=뉴스 {reporter} 기자 = {mayor} {kr}{title}은(는) 지난 {day}일 "
    "{kr}{suf}청 접견실에서 {envoy} 주부산 {country} 총영사를 만나 {topic1} 분야 협력 방안을 논의했다.\n\n"
    "{envoy} 총영사는 지난 {month}월 부임한 이후 처음으로 {kr}{suf}을(를) 예방했다.\n\n"
    "이 자리에서 두 사람은 {kr}{suf}과(와) {city}시의 {tie} 체결 {years}주년을 맞아 {topic2} 교류를 강화하기로 했다.\n\n"
    "{mayor_f} {title}은(는) \"내년에는 {city}시와 함께 {topic3} 포럼을 열 계획\"이라고 밝혔다.\n",
    "{kr}·{kr2}·{kr3} 3개 시 {alliance}동맹, 실무 워크숍 개최\n\n{kr}{suf}은(는) {kr2}, {kr3}과(와) 함께 구성한 "
    "{alliance}동맹이 {day}일 {kr2}에서 공동 워크숍을 열었다고 밝혔다.\n\n이번 워크숍에는 3개 시 공무원과 "
    "연구원 등 {n}여 명이 참석해 {topic1}, {topic2} 분야 공동사업 추진 상황을 점검했다.\n\n"
    "{alliance}동맹은 {year}년 {month}월 출범했으며 {projects}개 공동협력사업을 추진하고 있다.\n\n"
    "{kr}{suf} 관계자는 \"회원 도시 간 협력을 더욱 강화해 나가겠다\"고 말했다.\n\n{kr}={reporter} 기자\n",
]
EXTRA = [
    "양측은 앞서 {year}년 우호교류 의향서를 교환한 이후 {topic1} 분야 공무원 상호 방문을 이어왔다.\n",
    "{kr}{suf}은(는) 현재 {n2}개국 {n3}개 도시와 자매·우호도시 관계를 맺고 있다.\n",
    "이번 교류를 계기로 두 도시는 {topic2} 전문가 교류와 청소년 홈스테이 프로그램도 추진하기로 했다.\n",
]


def _josa(text: str) -> str:
    """Pick 은/는, 이/가, 을/를, 과/와 by whether the word before ends in a consonant (written as 은(는) in the templates)."""
    import re

    def pick(m: re.Match[str]) -> str:
        word, with_final, without = m.group(1), m.group(2), m.group(3)
        last = word[-1]
        has_final = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
        return word + (with_final if has_final else without)

    return re.sub(r"([가-힣]+)(은|이|을|과)\((는|가|를|와)\)", pick, text)


def make_docs(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        (kr, suf), (kr2, _), (kr3, _) = rng.sample(KR, 3)
        country, city = rng.choice(FOREIGN)
        topics = rng.sample(TOPICS, 3)
        mayor = rng.choice(NAMES)
        year = rng.randint(2005, 2022)
        fields = dict(kr=kr, suf=suf, kr2=kr2, kr3=kr3, country=country, city=city, mayor=mayor, mayor_f=mayor[0],
                      title=TITLE[suf], envoy=rng.choice(FOREIGN_NAMES), reporter=rng.choice(NAMES),
                      outlet=rng.choice(OUTLETS), tie=rng.choice(["자매결연", "우호협력도시 협약", "업무협약"]),
                      day=rng.randint(1, 28), month=rng.randint(1, 12), n=rng.randint(20, 150), years=rng.randint(2, 30),
                      year=year, projects=rng.randint(5, 40), n2=rng.randint(5, 15), n3=rng.randint(10, 30),
                      alliance=rng.choice(["해오름", "동해안", "남해안", "내륙"]),
                      topic1=topics[0], topic2=topics[1], topic3=topics[2])
        text = _josa(rng.choice(TEMPLATES).format(**fields))
        target = 1024 + rng.randint(0, 900)
        while len(text.encode("utf-8")) < target:
            text += "\n" + _josa(rng.choice(EXTRA).format(**fields))
        docs.append((text, f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    return docs


def rss_mb() -> float:
    """Current resident memory from /proc (Linux), else the peak."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jsonl", help="read documents from this JSONL file instead of generating them")
    args = ap.parse_args(argv)
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            docs = [(r["text"], r.get("published")) for r in map(json.loads, f) if r.get("text")]
    else:
        docs = make_docs(args.docs, args.seed)
    sizes = [len(t.encode("utf-8")) for t, _ in docs]

    from amity.extract import extract
    from amity.extract.korean.names import warm_up

    before = rss_mb()
    t0 = time.perf_counter()
    warm_up()
    extract(docs[0][0], published=docs[0][1])  # the first article also loads the vocabulary files
    load_s = time.perf_counter() - t0
    added = rss_mb() - before

    t1, c1 = time.perf_counter(), time.process_time()
    counts = {"places": 0, "people": 0, "events": 0, "agreements": 0, "alliances": 0}
    for text, published in docs:
        result = extract(text, published=published)
        for slot in counts:
            counts[slot] += len(getattr(result, slot))
    elapsed, cpu = time.perf_counter() - t1, time.process_time() - c1
    print(f"documents:          {len(docs)} ({min(sizes)}-{max(sizes)} bytes, mean {sum(sizes) / len(sizes):.0f})")
    print(f"Korean names load:  {load_s:.2f} s (once per process, only when a Korean article is read)")
    print(f"memory added:       {added:.0f} MB (RSS after loading the Korean names minus before)")
    print(f"extraction:         {elapsed:.2f} s  ->  {len(docs) / elapsed:.0f} documents/s "
          f"({1000 * elapsed / len(docs):.1f} ms/document)")
    print(f"CPU time:           {cpu:.2f} s  ->  {len(docs) / cpu:.0f} documents/s of CPU")
    print(f"peak memory (RSS):  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"found:              {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
