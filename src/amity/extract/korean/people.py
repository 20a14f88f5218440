"""People in Korean text: a name written before its title, the title often fused with its place.

- 박형준 부산시장 / 김영록 전라남도지사 / 심규언 동해시장: name, then place + title in one word;
- 김기영 경남도 기조실장 / 김태우 서울 강서구청장: the place as a word of its own before the title;
- 디나라 케멜로바 주한 키르기스스탄대사 / 꾸징치 주광주중국총영사: foreign names in Hangul (several
  words), posting prefixes (주한 = to Korea, 주광주 = posted in Gwangju) and the country represented;
- (의장 평창군수 심재국) / (구청장 이성헌): the title before the name, inside brackets;
- 서춘수 군수 / 황태진 의장: the title alone belongs to the article's own local government;
- 김 구청장 / 이 총영사: later mentions of someone already named;
- 서종협 기자: a reporter, of the outlet the article names.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import vocab
from ..context import Context, CountryCand, OrgCand, PersonCand, PlaceCand
from .names import korean_names, prefix_match
from .organizations import _org_kind, add_org, publisher
from .places import mention_known_place, place_named, state
from .words import WORD_CACHE, Word, is_hangul, split_particle

# The Latin or Chinese form written right after a Hangul name: 코페르(Koper), 꾸징치(顧景奇)
_BRACKETED = re.compile(r"\s?\(([A-Z][A-Za-z.'\- ]{1,40}|[\u4e00-\u9fff]{2,8})\)")
_ORDINAL = re.compile(r"^(?:제?\d+대|제\d+기)$")


@cache
def _titles() -> dict:
    return vocab.load("ko", "titles")


@cache
def _title_words() -> list[str]:
    return sorted(_titles()["titles"], key=len, reverse=True)


@cache
def _families() -> tuple[set[str], set[str]]:
    names = vocab.load("ko", "family_names")["family_names"]
    return {n for n in names if len(n) == 1}, {n for n in names if len(n) == 2}


def _korean_name(word: str) -> bool:
    """홍길동, 남궁민수: a family name and a two-syllable given name."""
    single, double = _families()
    if not is_hangul(word) or word in _titles()["not_names"] or word[-1] in "의를을와과에서께":
        return False  # 지역의, 기관의: a noun with its particle, not a given name
    # two-syllable words (주민 대표, 관계 국장) are far more often nouns than given names of one syllable
    return (len(word) == 3 and word[0] in single) or (len(word) == 4 and word[:2] in double)


def _foreign_word(word: str, ctx: Context, i: int) -> bool:
    st = state(ctx)
    return (is_hangul(word) and 1 <= len(word) <= 5 and split_particle(word)[1] in _NAME_ENDINGS and i not in st.place_of_word
            and i not in st.country_of_word and word not in _titles()["not_names"] and _split_title(word)[0] is None
            and _org_kind(word) is None and not word.endswith(_VERB_ENDINGS))


# Syllables that are particles but also end foreign names (다나카, 요시다, 러이): not a sign of a particle here.
_NAME_ENDINGS = ("", "이", "가", "도", "서", "나", "만")
_COUNCIL_WORDS = ("시의회", "군의회", "구의회", "도의회")

# Word endings of verbs and connectives (했다, 하며, 따르면, 이뤄져), never the end of a name.
_VERB_ENDINGS = ("했다", "한다", "된다", "있다", "이다", "였다", "었다", "았다", "겠다", "진다", "난다", "고", "며", "서", "해", "한",
                 "된", "던", "면", "져", "어", "쪽")


@lru_cache(maxsize=WORD_CACHE)
def _split_title(stem: str) -> tuple[str | None, str]:
    for t in _title_words():
        if stem.endswith(t):
            return t, stem[: -len(t)]
    return None, ""


def find_people(ctx: Context) -> None:
    st = state(ctx)
    ws = st.words
    for i, w in enumerate(ws):
        stem, _ = split_particle(w.text)
        title, prefix = _split_title(stem)
        if title is None:
            continue
        if title == "기자" and _korean_name(prefix):  # 한호수기자: the byline without a space
            _add_person(ctx, (w.start, w.start + len(prefix)), title, None, None, None)
            continue
        of, to, posted = _of_from_prefix(ctx, prefix, title, w.start)
        if isinstance(of, str) and _org_kind(of):  # 자매도시연합회장: the organization is inside the title word
            of = add_org(ctx, of, _org_kind(of) or "other", w.start, w.start + len(of))
        if prefix and of is None and to is None and _org_kind(prefix + "회") is None and not _department(prefix):
            continue  # 전통시장, 대회장: not a title after all
        j = _skip_bracketed(ctx, ws, i)
        while j >= 0 and ctx.text[ws[j].end:ws[j + 1].start].strip() in ("", ")") and (
                ws[j].text in _titles()["modifiers"] or _ORDINAL.match(ws[j].text) or ws[j].text in _titles()["posting_prefixes"]):
            if ws[j].text in _titles()["posting_prefixes"]:
                to = _titles()["posting_prefixes"][ws[j].text]
            j -= 1
        while j >= 0 and _adjacent(ctx, ws, j, i):  # 김기영 경남도 기조실장, 김병내 광주 남구청장, 주한 ○○ 대사
            if ws[j].text in _COUNCIL_WORDS and of is None:  # 김선화 시의회 의장: the council of the article's city
                of = _default_of(ctx, title, "") or None
                j -= 1
                continue
            before = _org_at(ctx, ws[j]) or st.place_of_word.get(j) or st.country_of_word.get(j)
            whole = before is not None and (isinstance(before, OrgCand) or _covers(before, ws[j]))
            if not whole:
                break
            if isinstance(of, OrgCand) and isinstance(before, PlaceCand) and of.name.find(" ") < 0:
                of.name = ctx.text[ws[j].start:ws[j].end] + " " + of.name  # 칠곡군 탁구협회장
            of = of if of is not None else before
            j -= 1
            if j >= 0 and ws[j].text in _titles()["posting_prefixes"]:
                to = _titles()["posting_prefixes"][ws[j].text]
                j -= 1
            elif j >= 0 and ws[j].text.startswith("주") and prefix_match(ws[j].text[1:], korean_names().places):
                posted_name = prefix_match(ws[j].text[1:], korean_names().places) or ""  # 주부산 몽골 총영사
                posted = mention_known_place(ctx, posted_name, ws[j].start + 1, ws[j].start + 1 + len(posted_name))
                to = "KR"
                j -= 1
        name_span = _name_before(ctx, ws, j, i)
        if name_span is None:
            name_span = _name_after(ctx, ws, i)
        if name_span is None:
            _later_mention(ctx, ws, i, title)
            continue
        k = next((n for n, x in enumerate(ws) if x.start == name_span[0]), 0)
        if of is None and k > 0 and ctx.text[ws[k - 1].end:ws[k].start] == " ":
            # 당진시 김홍장 시장, 박린성 문화체육관광국 응웬 쑤언 쭝 부국장: the place or office written before the name
            before = _org_at(ctx, ws[k - 1]) or st.place_of_word.get(k - 1)
            if before is not None and (isinstance(before, OrgCand) or _covers(before, ws[k - 1])):
                of = before
        _add_person(ctx, name_span, title, of, to, posted)
        while k > 0 and ctx.text[ws[k - 1].end:ws[k].start].strip() in ("·", "ㆍ", ",") and _korean_name(ws[k - 1].text):
            k -= 1  # 강현철·임규연 시의원
            _add_person(ctx, (ws[k].start, ws[k].end), title, of, to, posted)


def _skip_bracketed(ctx: Context, ws: list[Word], i: int) -> int:
    """Index of the word before title i, past a bracketed Latin or Chinese form (안나 노박(Anna Novak) 시장)."""
    before = ctx.text[max(0, ws[i].start - 45):ws[i].start].rstrip()
    if not before.endswith(")") or "(" not in before:
        return i - 1
    opening = ws[i].start - 45 + before.rindex("(") if ws[i].start >= 45 else before.rindex("(")
    j = i - 1
    while j >= 0 and ws[j].start > opening:
        j -= 1
    return j


def _department(prefix: str) -> bool:
    """행정(국장), 기획조정(실장), 당서기(장): the office inside the organization."""
    return is_hangul(prefix) and 1 <= len(prefix) <= 6


def _adjacent(ctx: Context, ws: list[Word], j: int, i: int) -> bool:
    return ctx.text[ws[j].end:ws[j + 1].start].strip() in ("",) and j + 1 <= i


def _covers(item: object, w: Word) -> bool:
    """Does a mention of the place or country cover the whole word (경남도, not 경남도와)?"""
    return any(s == w.start and e == w.end for s, e in getattr(item, "mentions", ()))


def _org_at(ctx: Context, w: Word) -> OrgCand | None:
    for org in ctx.organizations:
        for s, e in org.mentions:
            if s <= w.start and w.start + len(w.stem) <= e:
                return org
    return None


def _of_from_prefix(ctx: Context, prefix: str, title: str, start: int) -> tuple[object | None, str | None, PlaceCand | None]:
    """부산(시장), 전라남도(지사), 주광주중국(총영사), 자매도시연합(회장), 발레호(시장)."""
    if not prefix:
        return None, None, None
    names = korean_names()
    if prefix.startswith("주") and len(prefix) > 2:  # posting prefix: 주부산 / 주광주중국 / 주한
        rest = prefix[1:]
        place_name = prefix_match(rest, names.places)
        posted = mention_known_place(ctx, place_name, start + 1, start + 1 + len(place_name)) if place_name else None
        after = rest[len(place_name):] if place_name else rest.removeprefix("한")
        country = prefix_match(after, names.countries) if after else None
        if country:
            to = "KR"
            return _country(ctx, country), to, posted
    place = place_named(ctx, prefix)
    if place is None:
        for suffix in ("시", "군", "구", "도"):
            place = place or place_named(ctx, prefix + suffix)
    if place is not None:
        return place, None, None
    country = names.countries.get(prefix)
    if country:
        return _country(ctx, prefix), None, None
    if title in _titles()["org_heads"] or title.endswith("회장"):
        org_name = prefix + ("회" if title == "회장" else "")
        kind = _org_kind(org_name)
        if kind:
            org = next((o for o in ctx.organizations if o.name.replace(" ", "") == org_name), None)
            return org or org_name, None, None
    return None, None, None


def _country(ctx: Context, name: str) -> CountryCand | str:
    code = korean_names().countries.get(name)
    cand = ctx.countries.get(code) if code else None
    return cand if cand is not None else name


def _name_before(ctx: Context, ws: list[Word], j: int, i: int) -> tuple[int, int] | None:
    if j < 0 or ctx.text[ws[j].end:ws[j + 1].start].strip() not in ("", ")"):
        if j >= 0 and ctx.text[ws[j].end:ws[j + 1].start].strip().startswith("("):
            pass
        else:
            return None
    if j < 0:
        return None
    word = ws[j].text
    st = state(ctx)
    if j in st.place_of_word or j in st.country_of_word:
        return None
    # 홍길동 is one word; a two-syllable 유키 after 다나카 is the end of a foreign name
    foreign_before = (len(word) == 2 and j >= 1 and ctx.text[ws[j - 1].end:ws[j].start] == " "
                      and _foreign_word(ws[j - 1].text, ctx, j - 1) and not _korean_name(ws[j - 1].text))
    if _korean_name(word) and not foreign_before:
        return ws[j].start, ws[j].end
    if not _foreign_word(word, ctx, j):
        return None
    first = j
    while first - 1 >= 0 and j - first < 2 and ctx.text[ws[first - 1].end:ws[first].start] == " " and _foreign_word(
            ws[first - 1].text, ctx, first - 1):
        first -= 1
    name = ctx.text[ws[first].start:ws[j].end]
    if len(name.replace(" ", "")) < 2 or (first == j and len(word) < 3 and not _BRACKETED.match(ctx.text, ws[j].end)):
        return None  # one short word is a name only with its written form beside it: 왕리(王力)
    return ws[first].start, ws[j].end


def _name_after(ctx: Context, ws: list[Word], i: int) -> tuple[int, int] | None:
    """(구청장 이성헌), (의장 평창군수 심재국): a title inside brackets, then the name."""
    if i + 1 >= len(ws) or ws[i].text != ws[i].stem:
        return None
    if "(" not in ctx.text[max(0, ws[i].start - 12):ws[i].start]:
        return None
    nxt = ws[i + 1]
    if ctx.text[ws[i].end:nxt.start] != " " or not _korean_name(nxt.stem):
        return None
    if i + 2 < len(ws) and _split_title(ws[i + 2].stem)[0] and ctx.text[nxt.end:ws[i + 2].start] == " ":
        return None  # (회장 박원순 서울시장): the title after the name is his own
    return nxt.start, nxt.start + len(nxt.stem)


def _later_mention(ctx: Context, ws: list[Word], i: int, title: str) -> None:
    """김 구청장, 이 총영사: one syllable of a family name before a title names someone already found."""
    j = i - 1
    if j < 0 or len(ws[j].text) != 1 or ctx.text[ws[j].end:ws[i].start] != " ":
        return
    family = ws[j].text
    english = _titles()["titles"][title]
    candidates = [p for p in ctx.people if p.name.startswith(family) and p.title_raw and p.title_raw.endswith(title)]
    candidates = candidates or [p for p in ctx.people if p.name.startswith(family) and p.title == english]
    if len(candidates) == 1:
        candidates[0].mentions.append((ws[j].start, ws[i].start + len(ws[i].stem)))
        candidates[0].aliases.append(f"{family} {title}")


def _add_person(ctx: Context, span: tuple[int, int], title: str, of: object | None, to: str | None,
                posted: PlaceCand | None) -> None:
    name = ctx.text[span[0]:span[1]]
    english = _titles()["titles"][title]
    if of is None:
        of = _default_of(ctx, title, name)
    person = next((p for p in ctx.people if p.name == name), None)
    if person is None:
        person = PersonCand(name, span, title=english, title_raw=title)
        if " " not in name and is_hangul(name) and _korean_name(name):
            single, double = _families()
            family = name[:2] if name[:2] in double else name[0]
            person.family_name, person.given_name = family, name[len(family):]
        ctx.people.append(person)
    elif person.title in (None, "Reporter") and english != "Reporter":
        person.title, person.title_raw = english, title
    person.mentions.append(span)
    written = _BRACKETED.match(ctx.text, span[1])
    if written and written.group(1).strip() not in person.aliases:  # 꾸징치(顧景奇), 안나 노박(Anna Novak)
        person.aliases.append(written.group(1).strip())
    if person.of is None and of is not None:
        person.of_obj = of if not isinstance(of, str) else None
        person.of = of if isinstance(of, str) else getattr(of, "name", None)
    if to and person.to is None:
        person.to = to


def _default_of(ctx: Context, title: str, name: str) -> object | None:
    """A title without its place: the article's own local government of that level, or the outlet for a reporter."""
    if title == "기자":
        return publisher(ctx)
    t = _titles()
    if title not in t["local_government"]:
        return None
    st = state(ctx)
    foreign = " " in name or not _korean_name(name)
    if foreign:
        ranked = [p for p in ctx.places if p.country not in (None, "KR") and p.mentions]
        return max(ranked, key=lambda p: (p.kind == "city", len(p.mentions)), default=None)
    level = t["level_of_title"].get(title)
    if level and level in st.main:
        return st.main[level]
    for kind in ("county", "city", "district", "province"):
        if kind in st.main:
            return st.main[kind]
    return None
