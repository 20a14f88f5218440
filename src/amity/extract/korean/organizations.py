"""Organizations in Korean text, and the outlet named in a byline or copyright line.

An organization is a word ending in an organization word (협의회, 협회, 센터, 동맹, 추진단, 대학 …),
with the words before it that belong to its name: a place (칠곡군 탁구협회), a region
(부울경 초광역 경제동맹, 중부내륙중심권 행정협력회) or the rest of a quoted name. The outlet comes
from the byline forms 【…=○○○ 기자】, [지역=매체], [매체 ○○○ 기자], a closing "/매체" line and
copyright lines (ⓒ 매체, 저작권자 © 매체).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import vocab
from ..context import Context, OrgCand
from .places import state
from .words import WORD_CACHE, Word, is_hangul, split_particle

_REGION_ENDINGS = ("권", "부울경", "영호남", "호남", "영남", "수도권")
_BRACKET_EQ = re.compile(r"[\[【(]\s*([가-힣A-Za-z0-9 ]{1,20}?)\s*=\s*([가-힣A-Za-z0-9]{2,15})(?=\s*[\]】)]|\s+[가-힣]{2,4}\s*기자)")
_BRACKET_REPORTER = re.compile(r"[\[【]\s*([가-힣A-Za-z0-9]{2,15})\s+[가-힣]{2,4}\s*(?:기자|특파원)\s*[\]】=]")
_BRACKET_LINE = re.compile(r"^\s*[\[【]\s*([가-힣A-Za-z0-9]{2,15})\s*[\]】]", re.M)
_SLASH_LINE = re.compile(r"^\s*/\s*([가-힣A-Za-z0-9]{2,15})\s*$", re.M)
_COPYRIGHT = re.compile(r"(?:ⓒ|©|저작권자\s*[©ⓒ]?)\s*([^\n\[\]<>|]{1,60}?)(?=\s*(?:[&,]|무단|\(|$|\n|\]|>))", re.M)


@cache
def _vocab() -> dict:
    return vocab.load("ko", "organizations")


@cache
def _suffixes() -> list[tuple[str, str]]:
    return sorted(_vocab()["suffixes"].items(), key=lambda kv: len(kv[0]), reverse=True)


def _is_media(name: str) -> bool:
    v = _vocab()
    return name in v["media_names"] or any(name.endswith(s) and len(name) > len(s) for s in v["media_suffixes"])


def find_organizations(ctx: Context) -> None:
    st = state(ctx)
    _find_media(ctx)
    _quoted_with_latin(ctx)
    ws = st.words
    text = ctx.text
    v = _vocab()
    ministries = set(v["ministries"])
    for i, w in enumerate(ws):
        stem, _ = split_particle(w.text)
        if _org_kind(w.text) is not None:  # 회의 ends in 의, which is also a particle
            stem = w.text
        kind = "ministry" if stem in ministries else _org_kind(stem)
        if kind is None:
            continue
        first = _name_start(ctx, ws, i, stem)
        name = text[ws[first].start:w.start + len(stem)]
        if name in v["not_organizations"] or not any("가" <= c <= "힣" for c in name):
            continue
        add_org(ctx, name, kind, ws[first].start, w.start + len(stem))


def _quoted_with_latin(ctx: Context) -> None:
    """‘시티넷(CITYNET)’: a quoted Hangul name with its Latin name in brackets is an organization;
    what the sentence calls it just before (네트워크인, 협의체인) says whether it is an alliance."""
    alliance_words = tuple(_vocab()["alliance_words"]) + ("협의체",)
    for m in _QUOTED_LATIN.finditer(ctx.text):
        name, latin = m.group(1), m.group(2).strip()
        before = ctx.text[max(0, m.start() - 12):m.start()]
        kind = "alliance" if any(w in before for w in alliance_words) else _org_kind(name) or "other"
        org = add_org(ctx, name, kind, m.start(1), m.end(1))
        if latin not in org.aliases:
            org.aliases.append(latin)


_QUOTED_LATIN = re.compile(r"[‘'\"“]([가-힣]{2,15})\(([A-Z][A-Za-z&.\- ]{1,40})\)[’'\"”]")


@lru_cache(maxsize=WORD_CACHE)
def _org_kind(stem: str) -> str | None:
    for suffix, kind in _suffixes():
        if stem.endswith(suffix):
            return kind
    return None


def _name_start(ctx: Context, ws: list[Word], i: int, stem: str) -> int:
    """Index of the first word of the organization's name ending at word i."""
    st = state(ctx)
    stop = set(_vocab()["not_modifiers"])
    first = i
    chain: list[int] = []
    for j in (i - 1, i - 2):
        if j < 0 or ctx.text[ws[j].end:ws[j + 1].start] != " ":
            break
        word = ws[j].text
        if not (is_hangul(word) or word.isascii() and word.isalpha()) or word in stop or split_particle(word)[1]:
            break
        if _org_kind(word) is not None:  # 광주지검 대구지검: two names
            break
        chain.append(j)
    for n, j in enumerate(chain, 1):
        word = ws[j].text
        if (j in st.place_of_word or word.endswith(_REGION_ENDINGS) or _quoted(ctx.text, ws[j].start, ws[i].end)
                or word.isascii() and word.isupper()):  # VSB 공과대학
            first = j
        elif n == 1 and len(stem) <= 3:  # "치매 협회": the bare word needs its modifier
            first = j
    return first


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1):start]
    return before in ("'", "‘", '"', "“", "「", "<", "《")


def add_org(ctx: Context, name: str, kind: str, start: int, end: int) -> OrgCand:
    key = name.replace(" ", "")
    for org in ctx.organizations:
        if org.name.replace(" ", "") == key or key in {a.replace(" ", "") for a in org.aliases}:
            if (start, end) not in org.mentions:
                org.mentions.append((start, end))
            return org
    # a shorter or longer spelling of one already found (부울경 경제동맹 / 부울경 초광역경제동맹)
    for org in ctx.organizations:
        other = org.name.replace(" ", "")
        same_ends = other[:3] == key[:3] and other[-2:] == key[-2:] and _subsequence(min(key, other, key=len), max(key, other, key=len))
        if len(key) >= 4 and len(other) >= 4 and org.kind == kind and (other.endswith(key) or key.endswith(other) or same_ends):
            if name not in org.aliases:
                org.aliases.append(name)
            org.mentions.append((start, end))
            return org
    org = OrgCand(name, kind, (start, end), mentions=[(start, end)], is_alliance=kind == "alliance")
    place = state(ctx).place_of_word
    for i, w in enumerate(state(ctx).words):
        if w.start == start and i in place:
            org.place = place[i]
            break
    ctx.organizations.append(org)
    return org


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _find_media(ctx: Context) -> None:
    text = ctx.text
    # the cleaner blanks "[" (Markdown links); plain text keeps the input's offsets, so read the input
    source = ctx.raw[:len(text)] if not ctx.clean.is_html else text
    found: list[tuple[str, int]] = []
    for pattern, group in ((_BRACKET_EQ, 2), (_BRACKET_REPORTER, 1), (_BRACKET_LINE, 1), (_SLASH_LINE, 1)):
        for m in pattern.finditer(source):
            name = m.group(group).strip()
            if _is_media(name):
                found.append((name, m.start(group)))
    for m in _COPYRIGHT.finditer(source):
        words = re.findall(r"[가-힣A-Za-z0-9]+", m.group(1))
        name = next((w for w in reversed(words) if _is_media(w)), None)
        if name:
            found.append((name, m.start(1) + m.group(1).rindex(name)))
    for name in _vocab()["media_names"]:
        pos = text.find(name)
        if pos >= 0 and not any(n == name for n, _ in found):
            found.append((name, pos))
    for name, pos in sorted(found, key=lambda x: x[1]):
        org = add_org(ctx, name, "media", pos, pos + len(name))
        if ctx.clean.publisher is None:
            ctx.clean.publisher = org.name


def publisher(ctx: Context) -> OrgCand | None:
    return next((o for o in ctx.organizations if o.kind == "media"), None)
