"""Engagements, agreements and alliances in Korean text, sentence by sentence.

An engagement is a sentence that names one (협약식, 간담회, 방문, 기념식 …) and says it happened or
will happen (열렸다, 개최했다, 방문해, 열린다, 할 예정이다); what is said inside quotation marks is
someone speaking, not an occasion. Its date is the sentence's date (or that of the sentence it
continues with 이날), resolved against the publication date; 할 예정이다 / 하기로 했다 make it
planned. An agreement is a sentence naming an instrument (자매결연, 우호협력도시, 업무협약, 양해각서,
의향서 …) as signed, existing or planned, between the places it names and the article's own city.
"""

from __future__ import annotations

import re
from datetime import date as date_cls
from datetime import timedelta
from functools import cache

from .. import vocab
from ..context import AgreementCand, AllianceCand, Context, EventCand, PlaceCand
from .dates import KoDate, find_dates
from .places import state

_QUOTED = re.compile(r"[\"“][^\"“”]{0,600}[\"”]|'[^'\n]{0,80}'|‘[^’\n]{0,80}’")
_ATTENDANCE = re.compile(r"(?:약\s*)?(\d[\d,]*)\s*여?\s*명")
_TIME = re.compile(r"(오전|오후)\s*(1[0-2]|0?[1-9])\s*시(?:\s*([0-5]?\d)\s*분)?")
_CAPTION = re.compile(r"^\s*(?:▲|\[사진|<사진|사진=|\(사진)")
# "24일 봉화군에 따르면", "…했다고 2일 밝혔다": the day the news was given, not the day of the occasion
_ANNOUNCED = re.compile(r"\s*(?:[가-힣]+(?:에|의)\s*따르면|밝혔다|전했다|말했다|알렸다)")
_TYPE_ORDER = ["signing", "festival", "ceremony", "conference", "workshop", "exhibition", "meeting", "visit", "exchange"]


@cache
def _ev() -> dict:
    return vocab.load("ko", "events")


@cache
def _ag() -> dict:
    return vocab.load("ko", "agreements")


@cache
def _triggers() -> list[tuple[str, str]]:
    return sorted(_ev()["triggers"].items(), key=lambda kv: len(kv[0]), reverse=True)


@cache
def _agreement_words() -> list[tuple[str, str]]:
    return sorted(_ag()["types"].items(), key=lambda kv: len(kv[0]), reverse=True)


def _unquoted(text: str) -> str:
    """The sentence with what people are quoted as saying blanked out (same length)."""
    return _QUOTED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1]
                       if m.group(0)[0] in "\"“" else m.group(0), text)


def _planned(sentence: str) -> bool:
    return any(w in sentence for w in _ev()["planned"])


@cache
def _alternation(words: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    return re.compile("|".join(re.escape(w) for w, _ in words)), dict(words)


def _find_all(sentence: str, words: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches of the vocabulary words in the sentence (the longest word at each place)."""
    pattern, codes = _alternation(tuple(words))
    return [(m.start(), m.end(), codes[m.group(0)]) for m in pattern.finditer(sentence)]


def _best_date(dates: list[KoDate]) -> str | None:
    if not dates:
        return None
    top = max(d.precision for d in dates)
    return next(d.value for d in dates if d.precision == top)


def find_events(ctx: Context) -> None:
    text = ctx.text
    last_date: str | None = None
    for start, end in ctx.sentences:
        raw = text[start:end]
        sentence = _unquoted(raw)
        future = _planned(sentence)
        body = not _CAPTION.match(raw) and sentence.rstrip().endswith(("다.", "다", "요."))
        all_dates = find_dates(sentence, 0, len(sentence), ctx.published, future)
        dates = [d for d in all_dates if not _ANNOUNCED.match(sentence, d.end)]
        announced = False
        if not dates and last_date is None and all_dates:  # 체결했다고 2일 밝혔다: with nothing else, that day
            dates, announced = all_dates, True
        day = next((d.value for d in dates if d.precision == 3), None)
        if day:
            last_date = day
        if not dates and last_date and not future:  # 협약식에는 … 참석했다: the occasion of the sentence before
            announced = True  # a borrowed date gives way like an announced one
            shift = next((n for w, n in vocab.load("ko", "dates")["days"].items() if n and w in sentence), 0)
            dates.append(KoDate(0, 0, _shift_day(last_date, shift), 3))  # 전날 울산에 도착했다
        if not body:
            continue
        found = _find_all(sentence, _triggers())
        if not found or not any(w in sentence for w in _ev()["happening"]):
            continue
        kinds = {code for _, _, code in found}
        # 방문해 … 논의했다: talks held on a visit make it a visit; a courtesy call (예방, 접견) stays a meeting
        if "visit" in kinds and all(sentence[a:b] in _ev()["weak_meeting"] for a, b, code in found if code == "meeting"):
            kinds.discard("meeting")
        kind = min(kinds, key=_TYPE_ORDER.index)
        date = _best_date(dates)
        if date is None and not future and kind in ("visit", "exchange"):
            continue  # 교류를 이어왔다: a history, not an occasion
        if any(w in sentence for w in _ev()["not_occasion"]) and (date is None or len(date) == 4):
            continue
        if date and len(date) == 4 and ctx.published and date != str(ctx.published.year):
            continue  # 지난 1994년 처음 개최해: the history of a series, not this occasion
        event = EventCand(kind, (start, end), date=date, planned=future, evidence=[(start, end)])
        event.announced = announced  # type: ignore[attr-defined]
        event.participants = [item for _, item in ctx.entities_in(start, end)
                              if getattr(item, "kind", None) != "media" and getattr(item, "title", None) != "Reporter"]
        event.participants = list({id(p): p for p in event.participants}.values())
        event.place = _event_place(ctx, start, end)
        clock = _TIME.search(sentence)
        if clock:  # 오후 2시 30분 -> 14:30
            hour = int(clock.group(2)) % 12 + (12 if clock.group(1) == "오후" else 0)
            event.time = f"{hour:02d}:{int(clock.group(3) or 0):02d}"
        m = _ATTENDANCE.search(sentence)
        if m:
            event.attendance = int(m.group(1).replace(",", ""))
        _merge_event(ctx, event)
        if "visit" in kinds and kind == "signing":  # 디안시를 찾은 대표단은 … 협약을 맺었다: the trip, and the signing on it
            visit = EventCand("visit", (start, end), date=date, planned=future, evidence=[(start, end)],
                              participants=list(event.participants), place=event.place)
            _merge_event(ctx, visit)
    drop_announced_duplicates(ctx)


def drop_announced_duplicates(ctx: Context) -> None:
    """"…협약을 맺었다고 14일 밝혔다" then "지난 13일 … 협약을 맺었다": one signing, on the 13th."""
    dated = {(e.type) for e in ctx.events if not getattr(e, "announced", False) and e.date}
    ctx.events = [e for e in ctx.events if not (getattr(e, "announced", False) and e.type in dated)]


def _shift_day(iso: str, days: int) -> str:
    if not days or len(iso) != 10:
        return iso
    return (date_cls.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _event_place(ctx: Context, start: int, end: int) -> PlaceCand | None:
    """부산시청 영상회의실에서 -> 부산; 만달레이시를 방문해 -> 만달레이."""
    st = state(ctx)
    for i, w in enumerate(st.words):
        if w.start < start or w.end > end or i not in st.place_of_word:
            continue
        rest = w.text[len(w.stem):] if w.text != w.stem else ""
        if "에서" in w.text or rest in ("를", "을") or re.search(r"(?:시청|군청|도청|구청)", w.text):
            return st.place_of_word[i]
    for word, kind in (("시청", "city"), ("군청", "county"), ("구청", "district"), ("도청", "province")):
        if word in ctx.text[start:end] and kind in st.main:
            return st.main[kind]
    return None


def _merge_event(ctx: Context, event: EventCand) -> None:
    for other in ctx.events:
        same = other.type == event.type or {other.type, event.type} == {"meeting", "conference"}
        if same and other.date == event.date:
            if event.type == "conference":
                other.type = "conference"
            other.participants.extend(p for p in event.participants if p not in other.participants)
            other.evidence.extend(event.evidence)
            other.place = other.place or event.place
            other.attendance = other.attendance or event.attendance
            return
    ctx.events.append(event)


# ------------------------------------------------------------------ agreements

def find_agreements(ctx: Context) -> None:
    text = ctx.text
    st = state(ctx)
    own = _own_place(ctx)
    for start, end in ctx.sentences:
        sentence = _unquoted(text[start:end])
        found = _find_all(sentence, _agreement_words())
        if not found or (start, end) == ctx.sentences[0] and sentence == ctx.title:
            continue  # the headline repeats what the body says
        found = _drop_ties_naming_an_mou(sentence, found)
        signed = any(w in sentence for w in _ag()["signed"])
        existing = any(w in sentence for w in _ag()["existing"])
        planned = any(w in sentence for w in _ag()["planned"])
        if not (signed or existing or planned):
            continue
        dates = find_dates(sentence, 0, len(sentence), ctx.published, planned)
        others = [p for p in _places_in(ctx, start, end) if p is not own]
        in_orgs = [span for o in ctx.organizations for span in o.mentions]
        for s, _e, kind in found:
            if any(sentence[_e:_e + len(x)] == x for x in _ag()["not_agreement"]):
                continue
            if any(a <= start + s and start + _e <= b for a, b in in_orgs):
                continue  # 자매도시연합회: the word is part of an organization's name
            signers = [o for o in _orgs_in(ctx, start, start + s)]
            if len(signers) >= 2:  # 울산대학교와 VSB 공과대학 간 업무협약: the organizations sign it
                _merge_agreement(ctx, AgreementCand(kind, signers, (start, end), date=_best_date(dates) if signed else None,
                                                    planned=planned and not signed, evidence=[(start, end)]))
                continue
            date = _best_date(dates) if signed or planned else _year_before(dates, s)
            # 6개 도시와 자매결연을 맺고 있다: one tie with each; a signing is one instrument among all its parties
            pairwise = len(others) > 1 and kind in ("sister_city", "friendship_city") and not signed
            parties_sets = [[own, p] for p in others] if pairwise else [[x for x in (own, *others) if x is not None]]
            for parties in parties_sets:
                if len(parties) < 2:
                    parties = parties + [o for o in _orgs_in(ctx, start, end)][:2 - len(parties)]
                if len(parties) < 2 and ctx.agreements:  # 두 지역은 … 자매결연을 체결하기로 했다: the partners just named
                    parties = list(ctx.agreements[-1].parties)
                _merge_agreement(ctx, AgreementCand(kind, parties, (start, end), date=date,
                                                    planned=planned and not signed, evidence=[(start, end)]))
    _drop_plain_duplicates(ctx)
    del st


def _orgs_in(ctx: Context, start: int, end: int) -> list:
    found = [(min(s for s, _ in o.mentions if start <= s < end), o) for o in ctx.organizations
             if o.kind not in ("media", "alliance") and any(start <= s < end for s, _ in o.mentions)]
    return [o for _, o in sorted(found, key=lambda x: x[0])]


def _year_before(dates: list[KoDate], pos: int) -> str | None:
    """2005년 자매결연을 맺은: the date written right before the instrument."""
    before = [d for d in dates if d.end <= pos and pos - d.end <= 12]
    return before[-1].value if before else None


def _drop_ties_naming_an_mou(sentence: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """우호협력도시 양해각서, 자매결연 활성화 업무협약: the instrument signed is the MOU."""
    out = []
    for n, (s, e, kind) in enumerate(found):
        nxt = found[n + 1] if n + 1 < len(found) else None
        if kind in ("sister_city", "friendship_city") and nxt and nxt[2] == "mou" and nxt[0] - e <= 8:
            continue
        out.append((s, e, kind))
    return out


def _own_place(ctx: Context) -> PlaceCand | None:
    """The article's own local government: the first one written as the subject (화성시가, 함양군에 따르면)."""
    st = state(ctx)
    for i, w in enumerate(st.words[:120]):
        place = st.place_of_word.get(i)
        if place is None or place.country != "KR" or place.kind == "province":
            continue
        rest = w.text[len(ctx.text[w.start:max(e for s, e in place.mentions if s == w.start)]):] if any(
            s == w.start for s, _ in place.mentions) else ""
        if rest in ("은", "는", "이", "가") or (rest == "에" and ctx.text[w.end:w.end + 4] == " 따르면"):
            return place
    ranked = [p for p in ctx.places if p.country == "KR" and p.kind != "province"]
    ranked = ranked or [p for p in ctx.places if p.country == "KR"]
    return max(ranked, key=lambda p: (len(p.mentions), -p.mentions[0][0]), default=None)


def _places_in(ctx: Context, start: int, end: int) -> list[PlaceCand]:
    """Places in the sentence that act as parties: not a province written only to qualify the next name (경남 거창군)."""
    st = state(ctx)
    out: list[PlaceCand] = []
    for i, w in enumerate(st.words):
        if w.start < start or w.end > end or i not in st.place_of_word:
            continue
        place = st.place_of_word[i]
        if ctx.text[w.end:w.end + 1] == "=" or ctx.text[w.end:w.end + 2] == " =":
            continue  # [경기=새날신문 …]: the byline's region is where the reporter files from
        nxt = st.place_of_word.get(i + 1)
        if nxt is not None and nxt is not place and w.text == ctx.text[w.start:w.end] and ctx.text[w.end:st.words[i + 1].start] == " ":
            continue
        if place not in out:
            out.append(place)
    return out


def _merge_agreement(ctx: Context, agreement: AgreementCand) -> None:
    key = {id(p) for p in agreement.parties}
    for other in ctx.agreements:
        theirs = {id(p) for p in other.parties}
        if other.type == agreement.type and (theirs == key or len(key) < 2 and key <= theirs):
            other.date = other.date or agreement.date
            other.planned = other.planned and agreement.planned
            other.evidence.extend(agreement.evidence)
            return
    ctx.agreements.append(agreement)


def _drop_plain_duplicates(ctx: Context) -> None:
    """A bare 협약 that only refers back to a named instrument between the same parties is not another one."""
    named = [a for a in ctx.agreements if a.type not in ("business_agreement", "other")]
    keep = []
    for a in ctx.agreements:
        parties = {id(p) for p in a.parties}
        if a.type in ("business_agreement", "other") and any({id(p) for p in n.parties} & parties for n in named):
            continue
        keep.append(a)
    ctx.agreements = keep


# ------------------------------------------------------------------ alliances

_FOUNDED = re.compile(r"출범(?!\s*\d)|발족|창립|설립|결성|체결|창설|처음 개최")


def find_alliances(ctx: Context) -> None:
    words = vocab.load("ko", "organizations")["alliance_words"]
    kinds = set(vocab.load("ko", "organizations")["alliance_kinds"])
    for org in ctx.organizations:
        if org.kind != "alliance" and (org.kind not in kinds or not any(w in org.name for w in words)):
            continue
        org.is_alliance = True
        alliance = AllianceCand(org)
        members: list[PlaceCand] = []
        for s, _e in org.mentions:
            sent = ctx.sentence_of(s)
            sentence = ctx.text[sent[0]:sent[1]]
            places = [p for p in _places_in(ctx, *sent) if p.kind != "province" or p.country == "KR"]
            if len(places) >= 2 and not members:
                members = places
            founded = _FOUNDED.search(sentence)
            if alliance.established is None and founded:
                # the date written closest before the founding word (2004년 12월 9일에 출범한 협의회)
                dates = [d for d in find_dates(sentence, 0, len(sentence), ctx.published, False)
                         if d.end <= founded.start() and founded.start() - d.end <= 40]
                alliance.established = dates[-1].value if dates else None
            alliance.evidence.append(sent)
        alliance.members = members
        ctx.alliances.append(alliance)
