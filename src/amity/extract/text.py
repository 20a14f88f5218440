"""Cleaning and segmentation: page text -> article text with an offset map.

Plain text is cleaned *in place*: what is not article (a " date 2023-10-13"
prefix, a copyright line, navigation leftovers, Markdown marks) is blanked with
spaces, so offsets in the clean text are offsets in the input. HTML is reduced
to its text; `origin[i]` then gives the input offset of clean character i.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from . import vocab

MAX_CHARS = 100_000  # longer inputs are cut: press releases are a few KB

# "CHENGDU, Sept. 12 (Xinhua) --": a news agency in a dateline
_AGENCY = re.compile(r"\((" + "|".join(re.escape(a) for a in vocab.load("en", "organization_heads")["news_agencies"]) + r")\)")
_LONG_RUN = re.compile(r"\S{150,}")
_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s*")
_DATE_FORM = (r"\d{4}-\d{2}-\d{2}|\d{4}\s?[./]\s?\d{1,2}\s?[./]\s?\d{1,2}\.?|\d{1,2}[./]\d{1,2}[./]\d{4}"
              r"|(?:[A-Z][a-z]+,? )?[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}")
# "Date : 2024-10-02", "Published on 28/07/2024 | La redaction", "December 5, 2023 | 10:53 am"
_DATE_LINE = re.compile(
    r"^\s*(?:(?:release\s+date|release\s+time|date|posted(?:\s+on)?|published(?:\s+on)?|created|updated|"
    r"registered|written\s+on|time)\s*:?\s*)?"
    rf"({_DATE_FORM})(?:\s*(?:\||at|,)?\s*\d{{1,2}}:\d{{2}}\s*(?:am|pm|hrs)?)?(?:\s*\|\s*[^|]{{0,30}})?\s*$",
    re.I,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.+?)\s*(?:\(|\.|all rights|$)", re.I)
_SOURCE = re.compile(r"^\s*(?:source|as reported in)\s*:?\s*([A-Z][\w&.' -]+?)\s*(?:\(|\.\s|\.?\s*$)", re.I)
# "Source: Lady Kate Njeuma": a person credited as the source is not the publisher
_COURTESY_START = re.compile(r"^(?:Lady|Sir|Dame|Mr|Mrs|Ms|Dr|Prof|Hon)\.?\s", re.I)
_BYLINE = re.compile(r"^\s*(?:by\s+([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})|([A-Z][\w]+) Staff)\s*$")
_NAV_WORDS = {
    "news", "event", "events", "&", "and", "update", "updates", "home", "menu", "share", "print",
    "notice", "notices", "press", "release", "releases", "list", "top", "back", "next", "previous",
    "more", "login", "search", "sitemap", "skip", "content", "main", "tweet", "facebook", "email",
}
_FURNITURE = vocab.load("en", "page_furniture")
_NAV_WORDS |= set(_FURNITURE["nav_words"])
_SEPARATOR_CHARS = "|>»›/•·"  # one place for the characters a menu or breadcrumb is split on
_MENU_SEPARATORS = re.compile(r"\s*[" + re.escape(_SEPARATOR_CHARS) + r"]\s*")
_FURNITURE_PHRASES = re.compile("|".join(re.escape(p) for p in _FURNITURE["phrases"]), re.I)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp)\b", re.I)
_MONTH_WORDS = vocab.load("en", "months")
_DAY_HEADING = re.compile(r"^(?:(?:" + "|".join(_MONTH_WORDS["weekdays"]) + r"),?\s)?(?:"
                          + "|".join(sorted({*_MONTH_WORDS["names"], *_MONTH_WORDS["abbreviations"]}, key=len, reverse=True))
                          + r")\.?\s[0-3]?\d(?:st|nd|rd|th)?$", re.I)
_LABEL_AND_NUMBER = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+){0,2}\s?:?\s*\d+(?:\s+[A-Za-z]+(?: [A-Za-z]+)?\s?:?\s*\d+)*$")
_MD_MARKS = re.compile(r"^#{1,6}\s|\*\*|__|^\s*[-*+]\s(?=\S)|!?\[|\]\([^)\s]*\)", re.M)
# a whole page or a pasted fragment ("<p>…</p>", "<strong>Busan</strong>"): any of these tags means HTML
_HTML_HINT = re.compile(r"</?\s*(html|body|p|div|br|span|article|section|h[1-6]|a|table|tr|td|th|li|ul|ol|b|i|u|em|"
                        r"strong|small|sup|sub|font|img|figure|figcaption|header|footer|nav|main|aside|blockquote|"
                        r"script|style|meta|link|iframe|label|button|time|address|hr|pre|code)\b[^>]*>", re.I)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)[^>]*>|<![^>]*>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "head", "select"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
               "article", "section", "blockquote", "title", "dd", "dt", "figcaption", "hr"}

_FOLD_EXTRA = {"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-",
               "‑": "-", "\u00a0": " ", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
               "Đ": "D", "ð": "d", "Ð": "D", "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ŭ": "u"}


def fold_char(ch: str) -> str:
    """One character -> one ASCII-ish character (accents off, typographic quotes plain)."""
    if ch < "\x80":
        return ch
    if ch in _FOLD_EXTRA:
        return _FOLD_EXTRA[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base and base < "\x80" else ch


_FOLD_TABLE: dict[int, str] = {}


def fold(text: str) -> str:
    """Length-preserving accent folding, so offsets into the folded text hold for the original."""
    if text.isascii():
        return text
    for ch in set(text):
        if ch >= "\x80" and ord(ch) not in _FOLD_TABLE:
            _FOLD_TABLE[ord(ch)] = fold_char(ch)
    return text.translate(_FOLD_TABLE)


def fold_lower(text: str) -> str:
    """fold() then lower case, still one character for one."""
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


@dataclass
class CleanText:
    text: str
    origin: list[int] | None = None  # None: clean offsets are input offsets
    title: str | None = None
    publisher: str | None = None
    published_hint: str | None = None
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_input(self, pos: int) -> int:
        if self.origin is None:
            return pos
        if not self.origin:
            return 0
        if pos >= len(self.origin):
            return self.origin[-1] + 1
        return self.origin[pos]


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n":
            chars[i] = " "


def strip_html(raw: str) -> tuple[str, list[int]]:
    """Text of an HTML page without script/style/navigation, with each char's input offset."""
    out: list[str] = []
    origin: list[int] = []
    skip_depth = 0
    pos = 0

    def emit_data(start: int, end: int) -> None:
        pos = start
        for ent in _ENTITY.finditer(raw, start, end):
            for i in range(pos, ent.start()):
                out.append(" " if raw[i] in "\t\r" else raw[i])
                origin.append(i)
            for ch in html.unescape(ent.group(0)):
                out.append(ch)
                origin.append(ent.start())
            pos = ent.end()
        for i in range(pos, end):
            out.append(" " if raw[i] in "\t\r" else raw[i])
            origin.append(i)

    for m in _TAG.finditer(raw):
        if skip_depth == 0 and m.start() > pos:
            emit_data(pos, m.start())
        pos = m.end()
        name = (m.group(2) or "").lower()
        closing = m.group(1) == "/"
        if name in _SKIP_TAGS and not m.group(0).endswith("/>"):
            skip_depth = max(0, skip_depth + (-1 if closing else 1))
        elif name in _BLOCK_TAGS and skip_depth == 0:
            out.append("\n")
            origin.append(m.start())
    if skip_depth == 0 and pos < len(raw):
        emit_data(pos, len(raw))
    return "".join(out), origin


def clean(raw: str) -> CleanText:
    warnings: list[str] = []
    if len(raw) > MAX_CHARS:
        warnings.append(f"text longer than {MAX_CHARS} characters: only the start was read")
        raw = raw[:MAX_CHARS]
    origin: list[int] | None = None
    is_html = bool(_HTML_HINT.search(raw[:5000]))
    if is_html:
        raw, origin = strip_html(raw)
    raw = raw.replace("\x00", " ")
    chars = list(raw)
    published_hint = None
    publisher = None

    m = _DATE_PREFIX.match(raw)
    if m:
        published_hint = m.group(1)
        _blank(chars, m.start(), m.end())

    offset = 0
    content_lines = 0
    for line in raw.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = "".join(chars[start:end]).strip()  # after the date prefix was blanked
        if not stripped:
            continue
        if content_lines < 4 and len(stripped) < 64 and _DATE_LINE.match(stripped):
            published_hint = published_hint or _DATE_LINE.match(stripped).group(1)
            _blank(chars, start, end)
            continue
        cm = _COPYRIGHT.match(stripped)
        if cm:
            publisher = publisher or cm.group(1).strip() or None
            _blank(chars, start, end)
            continue
        sm = _SOURCE.match(stripped)
        if sm and len(stripped) < 80:
            if not _COURTESY_START.match(sm.group(1)):
                publisher = publisher or sm.group(1).strip()
            continue
        if stripped.lstrip("*#_ ").lower().startswith(("this article was translated", "photo:", "image:", "photos:")):
            _blank(chars, start, end)
            continue
        if is_furniture(stripped):
            _blank(chars, start, end)
            continue
        bm = _BYLINE.match(stripped)
        if bm and content_lines < 4:
            if bm.group(2):
                publisher = publisher or bm.group(2)
                # keep the publisher's name, drop the word "Staff"
                _blank(chars, start + line.index(" Staff"), end)
            continue
        content_lines += 1

    if publisher is None:
        am = _AGENCY.search(raw[:600])
        if am:
            publisher = am.group(1)
    text = "".join(chars)
    # Break very long runs without spaces (one-line dumps, base64): no name is that long, and
    # it keeps every pattern linear.
    text = _LONG_RUN.sub(lambda mm: " ".join(mm.group(0)[i:i + 99] for i in range(0, len(mm.group(0)), 100)), text)
    if not is_html:
        text = _MD_MARKS.sub(lambda mm: " " * len(mm.group(0)), text)
    title = _first_line_title(text)
    return CleanText(text=text, origin=origin, title=title, publisher=publisher,
                     published_hint=published_hint, is_html=is_html, warnings=warnings)


def _only_nav_words(line: str) -> bool:
    """"Business News", "News & Notice", "Text Size": a menu entry."""
    words = line.lower().replace("•", " ").split()
    return len(words) <= 4 and all(w in _NAV_WORDS for w in words)


def _menu_or_breadcrumb(line: str) -> bool:
    """"Home > News", "News | NEAR Members", "• > 자료마당": short pieces between separators."""
    if not any(c in line for c in _SEPARATOR_CHARS):
        return False  # no separator: one piece (the regular expression split below is costly on every line)
    pieces = [p for p in _MENU_SEPARATORS.split(line) if p.strip()]
    if not _MENU_SEPARATORS.search(line) or len(pieces) > 12:
        return len(pieces) > 12
    if len(pieces) == 1:  # a bullet or an arrow before one menu entry
        return line.lstrip()[:1] in "•>»›·" and (_only_nav_words(pieces[0]) or not pieces[0].isascii())
    return all(len(p.split()) <= 6 and not re.search(r"[.,;!?]$", p) for p in pieces) and (
        any(_only_nav_words(p) for p in pieces) or line.lstrip().lower().startswith("home"))


def _menu_strip(line: str) -> bool:
    """"Home Page ChengDu News International Exchanges …": a row of menu entries in one line."""
    words = line.split()
    return len(words) >= 5 and words[0].lower() == "home" and not re.search(r"[.!?]$", line)


_FURNITURE_RULES = (
    _only_nav_words,
    _menu_or_breadcrumb,
    _menu_strip,
    lambda line: len(line) < 80 and bool(_FURNITURE_PHRASES.search(line)),  # "Skip to content", "Main menu"
    lambda line: len(line) < 80 and bool(_IMAGE_FILE.search(line)) and len(line.split()) <= 6,  # "hall.jpg (85 KB)"
    # "Search : 84", "Hit 19"; not "May 14", an itinerary's day heading that dates the lines below it
    lambda line: len(line) < 40 and bool(_LABEL_AND_NUMBER.match(line)) and not _DAY_HEADING.match(line),
)


def is_furniture(line: str) -> bool:
    """Page furniture (menus, breadcrumbs, labels, image names): a line that says nothing about the
    article and would otherwise be read as names ("Business News" as an outlet)."""
    bare = line.lstrip("•·-*> \t")
    return any(rule(line) for rule in _FURNITURE_RULES) or (bare != line and bare and
                                                           any(rule(bare) for rule in _FURNITURE_RULES))


def _first_line_title(text: str) -> str | None:
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if len(s) < 200 and not s.endswith((".", ":", ";", ",")):
            return s
        return None
    return None


# ---------------------------------------------------------------- sentences

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "co", "inc", "ltd", "gov", "no", "jan", "feb", "mar", "apr",
           "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rep", "sen", "vs", "etc",
           "u.s", "u.k", "e.g", "i.e", "jr", "sr", "corp", "govt", "coun", "cllr", "a.m", "p.m"}
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Pages whose markup put each sentence in its own element lose the space between them when
# flattened ("... period.The signing ..."). A whole lower-case word, a full stop and a capitalised
# word is such a seam, a capitalised one too ("... visit to Russia.During their talks ...");
# initials ("U.S."), decimals, abbreviations ("Mrs.Kim") and domain names ("site.com",
# "www.City.go.kr": a dot before the word or after the next one) are not.
_GLUED = re.compile(r"(?<![\w.@/])(?P<word>[A-Z]?[a-z]{2,})\.(?=[A-Z]\w*\b(?![.@/]\w))")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of the clean text; each line break ends a sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        start = line_start
        for cut in _cuts(text, line, line_start):
            push_span(spans, text, start, cut)
            start = cut
        push_span(spans, text, start, line_start + len(line))
    return spans


def _cuts(text: str, line: str, line_start: int) -> list[int]:
    """Where the sentences of one line end: at punctuation and space, and at glued seams."""
    cuts = [line_start + m.end() for m in _GLUED.finditer(line) if m.group("word").lower() not in _ABBREV]
    for m in _BOUNDARY.finditer(line):
        word = re.search(r"([\w.]+)$", line[max(0, m.start() - 40): m.start()])  # not the whole line: linear time
        token = word.group(1).lower() if word else ""
        if token in _ABBREV or (len(token) == 1 and token.isalpha()):
            continue
        if re.fullmatch(r"([a-z]\.)+[a-z]", token):  # U.S. / a.m.
            if text[line_start + m.end():line_start + m.end() + 1].islower():
                continue
        cuts.append(line_start + m.end())
    return sorted(cuts)


def push_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append text[start:end] with its surrounding white space trimmed, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
