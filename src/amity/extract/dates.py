"""Dates and times in English text, resolved against the publication date (GUIDELINES).

Values are partial ISO strings: "2023", "2023-06" or "2023-06-22". A weekday is
the one on or before publication ("on Friday"), or the first after it when the
sentence speaks of the future; "on the 27th" is that day in the publication
month, or the month before if that day is still to come; "June 22" is the
latest June 22 not after publication; "next year" is the year after.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

from . import vocab

_MONTH_WORDS = vocab.load("en", "months")
MONTHS: dict[str, int] = {**_MONTH_WORDS["names"], **_MONTH_WORDS["abbreviations"]}
WEEKDAYS = {d: i for i, d in enumerate(_MONTH_WORDS["weekdays"])}
# Month words as written in running text (capitalised), longest first so "June" wins over "Jun".
_MONTH_ALTERNATION = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_MON = rf"(?P<mon>{_MONTH_ALTERNATION})\.?"
_WEEKDAY_ALTERNATION = "|".join(d.capitalize() for d in WEEKDAYS)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# the second day of a range ("18-21 May", "5 to 10 March"): the range is dated by its first day
_TO_DAY = r"(?:\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?)?"
_FUTURE = re.compile(r"\b(will|shall|is to|are to|plans? to|planned|is due|are due|due to|scheduled|upcoming|"
                     r"set to|next|tomorrow|going to|intends? to|expected to|would|follows|begins?|opens|is hosting|are being|invited|invites|to attend|agreed to|to hold|to host|to visit|"
                     r"about to|(?:is|are) (?:visiting|holding|attending|travell?ing))\b")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)\b(?![.:]?\d)")),
    # "07/21/2020" (or "21/07/2020" where the first number cannot be a month)
    ("num_mdy", re.compile(r"(?<![\d/.])(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    # "12.19." as Korean releases write month and day
    ("num_md", re.compile(r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\.(?P<d>[0-3]?\d)\.(?!\d)")),
    ("mdy", re.compile(rf"\b{_MON} {_DAY}(?:\s*(?:-|–|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?)?,? {_YEAR}(?!\d)")),
    ("dmy", re.compile(rf"\b{_DAY}{_TO_DAY} (?:day )?(?:of )?{_MON},? {_YEAR}(?!\d)")),
    ("my", re.compile(rf"\b{_MON},? (?:of )?{_YEAR}(?!\d)")),
    ("md", re.compile(rf"\b{_MON} {_DAY}\b(?!,? (?:19|20)\d\d)(?![\d:])")),
    ("dm", re.compile(rf"\b(?:on |from )?(?:the )?{_DAY}{_TO_DAY} (?:day )?(?:of )?{_MON}\b(?!,? (?:19|20)\d\d)")),
    ("nth_rel", re.compile(r"\bthe (?P<day>[0-3]?\d)(?:st|nd|rd|th) of (?P<rel>last|this|next) month\b", re.I)),
    ("rel_month", re.compile(r"\b(?P<rel>last|this|next) month\b", re.I)),
    ("m_rel", re.compile(rf"\b{_MON} (?P<rel>next|this|last) year\b")),
    ("rel_m", re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Ii]n|[Ss]ince) {_MON}\b(?!\.? [0-3]?\d\b|,? (?:19|20)\d\d)")),
    ("nth", re.compile(r"\b(?:on|from|since|until|by|of|to)\s(?:the\s(?:(?:morning|afternoon|evening|night)\sof\s)?)?"
                       r"the\s(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:anniversary|annual|year|time|edition|session|meeting|"
                       r"forum|congress|conference|summit|festival|century|general|national|international|world|"
                       r"popularly|consecutive|round|term|member|largest|biggest))")),
    ("weekday", re.compile(rf"\b(?P<wd>{_WEEKDAY_ALTERNATION})\b(?!,? (?:{_MONTH_ALTERNATION}|[0-3]?\d\b))")),
    ("rel_day", re.compile(r"\b(?P<rel>yesterday|tomorrow|today|the same day|that day|the previous day|the day before)\b",
                           re.I)),
    ("rel_year", re.compile(r"\b(?P<rel>next|this|last) year\b(?!['’]s)", re.I)),
    ("rel_week", re.compile(r"\b(?P<rel>this|last|next) week\b", re.I)),
    ("year", re.compile(r"(?:\b(?:in|since|from|of|by|until|for|year|early|late|mid-?)\s+|\()(?P<year>(?:19|20)\d\d)\b")),
]
_TIME = re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?![a-z])", re.I)
_TIME24 = re.compile(r"\bat (?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)\b")


_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(rf"\b(?:{_MONTH_ALTERNATION})", re.I)
# what a chunk must contain for a pattern to be worth running
_NEEDS = {"num_mdy": "digit", "num_md": "digit", "nth_rel": "digit", "rel_month": "month_word", "iso": "digit", "mdy": "digit", "dmy": "digit", "my": "digit", "md": "digit", "dm": "digit",
          "m_rel": "rel", "rel_m": "month", "nth": "digit", "weekday": "day", "rel_day": "day",
          "rel_year": "rel", "rel_week": "rel", "year": "digit"}
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# words one of which a chunk must contain (lower-cased) to hold a date; plain substring tests are many
# times faster than one case-blind alternation
_DATE_WORDS = tuple(sorted({*MONTHS, "day", "year", "week", "month", "tomorrow"}))
# what else a pattern cannot match without (a month word, a four-digit year, "/", "year"): each
# pattern is a scan of the sentence, and most sentences lack most of these
_ALSO_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("year4",), "num_mdy": ("year4", "slash"), "mdy": ("year4", "month"), "dmy": ("year4", "month"),
    "my": ("year4", "month"), "md": ("month",), "dm": ("month",), "nth_rel": ("month_word",),
    "m_rel": ("month", "year_word"), "rel_year": ("year_word",), "rel_week": ("week_word",), "year": ("year4",)}
_YEAR4 = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None
    kind: str


# Dates in an article are resolved a few years either side of its publication date, so a
# publication year near the ends of what `date` holds would overflow: such a date is refused.
PUBLISHED_YEARS = range(1000, 9900)


class PartialPublished(date):
    """A publication date that names only its month ("2023-06", "June 2023") or its year ("2023").
    It stands for the last day of that period as the reference date ("on the 27th" is June 27),
    and what is counted from the day of publication ("today", "on Friday", "yesterday") is known
    only to that period. `period` is how it is reported ("2023-06")."""

    period: str

    def __new__(cls, period: str | int, month: int | None = None, day: int | None = None) -> date:
        if not isinstance(period, str):  # date arithmetic and replace() build plain days
            return date(period, month or 1, day or 1)
        parts = [int(x) for x in period.split("-")]
        year, month = parts[0], parts[1] if len(parts) > 1 else 12
        last = (date(year, month + 1, 1) - timedelta(days=1)).day if month < 12 else 31
        self = super().__new__(cls, year, month, last)
        self.period = period
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialPublished) and other.period == self.period

    def __hash__(self) -> int:
        return hash(("partial", self.period))

    def __reduce__(self):  # pickled to Dask workers as itself, not as a plain date
        return (PartialPublished, (self.period,))


def published_text(published: date | None) -> str | None:
    """How the publication date is reported: a day, or only the month or year it names."""
    if published is None:
        return None
    return published.period if isinstance(published, PartialPublished) else published.isoformat()


# kinds resolved from the publication day, and (for a year-only date) from its month
_FROM_PUBLICATION_DAY = frozenset({"weekday", "rel_day", "rel_week"})
_FROM_PUBLICATION_MONTH = frozenset({"nth", "nth_rel", "rel_month", "md", "dm", "num_md", "rel_m"})
_MONTH_ONLY = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\.?$")
_MONTH_NAME_YEAR = re.compile(rf"^(?:{_MONTH_ALTERNATION})\.?,?\s+(\d{{4}})$", re.I)
_YEAR_ONLY = re.compile(r"^(\d{4})$")


def _partial_published(s: str) -> PartialPublished | None:
    m = _MONTH_ONLY.match(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return PartialPublished(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}")
    m = _MONTH_NAME_YEAR.match(s)
    if m:
        month = MONTHS[s.split()[0].lower().rstrip(".,")]
        return PartialPublished(f"{int(m.group(1)):04d}-{month:02d}")
    m = _YEAR_ONLY.match(s)
    return PartialPublished(m.group(1)) if m else None


def parse_published(value: object) -> tuple[date | None, str | None]:
    """Publication date from a date, datetime or string; (None, warning) when unreadable."""
    published, warning = _read_published(value)
    if published is not None and published.year not in PUBLISHED_YEARS:
        return None, f"published: year {published.year} is out of range"
    return published, warning


def _read_published(value: object) -> tuple[date | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        return None, f"published: not a date: {type(value).__name__}"
    s = value.strip()[:64]
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    try:
        partial = None if m else _partial_published(s)
        if partial is not None:
            return partial, None
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
        parsed = dateutil_parser.parse(s, default=datetime(2000, 1, 1), fuzzy=False)
        if not re.search(r"\d{4}", s):
            return None, f"published: no year in {s!r}"
        return parsed.date(), None
    except (ValueError, OverflowError, TypeError):
        return None, f"published: not a date: {s!r}"


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _latest_not_after(month: int, day: int, ref: date, future: bool) -> date | None:
    found = None
    for year in ((ref.year, ref.year + 1) if future else (ref.year, ref.year - 1)):
        d = _safe(year, month, day)
        if d is None:
            continue
        if (d >= ref) if future else (d <= ref):
            found = d
            break
    if future and found is not None and (found - ref).days > 300:
        # "will visit on September 25" in a release published on October 2: written before the
        # occasion and published after it, not an occasion a year away
        recent = _safe(found.year - 1, month, day)
        if recent is not None and 0 <= (ref - recent).days <= 45:
            return recent
    return found


_WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{_WEEKDAY_ALTERNATION}),?\s(?:the\s)?$")


def _on_its_weekday(found: date | None, m: re.Match[str], ref: date) -> date | None:
    """"Wednesday, July 7" names its year too: of the year chosen and the ones either side, the
    one where July 7 is a Wednesday (a page dated July 1 telling of a signing on Wednesday, July 7)."""
    named = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 14), m.start())
    if found is None or named is None or found.weekday() == WEEKDAYS[named.group("wd").lower()]:
        return found
    for year in (found.year + 1, found.year - 1):
        other = _safe(year, found.month, found.day)
        if other is not None and other.weekday() == WEEKDAYS[named.group("wd").lower()] and abs((other - ref).days) <= 300:
            return other
    return found


def resolve(kind: str, m: re.Match[str], published: date | None, future: bool) -> str | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe(int(g["year"]), int(g["m"]), int(g["d"]))
        return d.isoformat() if d else None
    if kind == "num_mdy":
        month, day = int(g["m"]), int(g["d"])
        d = _safe(int(g["year"]), month, day) or _safe(int(g["year"]), day, month)
        return d.isoformat() if d else None
    if kind in ("mdy", "dmy"):
        d = _safe(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
        return d.isoformat() if d else f"{int(g['year']):04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
    if kind == "my":
        return f"{int(g['year']):04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
    if kind == "year":
        return g["year"]
    if published is None:
        return None
    if isinstance(published, PartialPublished) and (
            kind in _FROM_PUBLICATION_DAY or len(published.period) == 4 and kind in _FROM_PUBLICATION_MONTH):
        return published.period  # "on Friday" in a page dated only "June 2023": some day of that June
    if kind in ("md", "dm", "num_md"):
        month = int(g["m"]) if kind == "num_md" else MONTHS[g["mon"].lower().rstrip(".")]
        d = _latest_not_after(month, int(g["d"] if kind == "num_md" else g["day"]), published, future)
        d = _on_its_weekday(d, m, published)
        return d.isoformat() if d else None
    if kind in ("nth_rel", "rel_month"):
        shift = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        first = published.replace(day=1)
        month_index = first.year * 12 + first.month - 1 + shift
        year, month = divmod(month_index, 12)
        if kind == "rel_month":
            return f"{year:04d}-{month + 1:02d}"
        d = _safe(year, month + 1, int(g["day"]))
        return d.isoformat() if d else None
    if kind == "m_rel":
        year = published.year + {"next": 1, "this": 0, "last": -1}[g["rel"].lower()]
        return f"{year:04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
    if kind == "rel_m":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        rel = g["rel"].lower()
        if rel == "next" or (future and rel not in ("last", "since") and month > published.month):
            year = published.year if month > published.month else published.year + 1
        elif rel == "this":
            year = published.year
        else:
            year = published.year if month <= published.month else published.year - 1
            if rel == "last" and month == published.month:
                year -= 1
        return f"{year:04d}-{month:02d}"
    if kind == "nth":
        day = int(g["day"])
        d = _safe(published.year, published.month, day)
        if d is None or d > published and not future:
            prev = published.replace(day=1) - timedelta(days=1)
            d = _safe(prev.year, prev.month, day)
        return d.isoformat() if d else None
    if kind == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        if future:
            delta = (target - published.weekday()) % 7
            return (published + timedelta(days=delta)).isoformat()
        delta = (published.weekday() - target) % 7
        return (published - timedelta(days=delta)).isoformat()
    if kind == "rel_day":
        rel = g["rel"].lower()
        shift = {"yesterday": -1, "tomorrow": 1, "the previous day": -1, "the day before": -1}.get(rel, 0)
        return (published + timedelta(days=shift)).isoformat()
    if kind == "rel_week":  # annotated as the year (GUIDELINES examples)
        shift = {"this": 0, "last": -7, "next": 7}[g["rel"].lower()]
        return str((published + timedelta(days=shift)).year)
    if kind == "rel_year":
        return str(published.year + {"next": 1, "this": 0, "last": -1}[g["rel"].lower()])
    return None


@functools.lru_cache(maxsize=512, typed=True)  # typed: a month-only publication date is not its last day
def find_dates(text: str, start: int, end: int, published: date | None) -> tuple[DateMention, ...]:
    """Date mentions in text[start:end], most specific first where they overlap (cached: several
    steps ask for the same sentence)."""
    chunk = text[start:end]
    low = chunk.lower()
    if not _DIGIT.search(chunk) and not any(w in low for w in _DATE_WORDS):
        return ()
    if published is None:
        # no publication date: a year written in the same sentence places "March 23" ("the 2021
        # Summit, hosted on March 23"); without one such dates stay unresolved
        years = _ANY_YEAR.findall(chunk)
        year_ref = date(int(years[0]), 12, 31) if len(set(years)) == 1 else None
    else:
        year_ref = None
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    has = {"digit": bool(_DIGIT.search(chunk)), "month": bool(_MONTH_WORD.search(chunk)),
           "day": "day" in low or "tomorrow" in low, "rel": "year" in low or "week" in low, "month_word": "month" in low,
           "year4": bool(_YEAR4.search(chunk)), "slash": "/" in chunk, "year_word": "year" in low, "week_word": "week" in low}
    for kind, pattern in _PATTERNS:
        lacks_need = not has[_NEEDS[kind]] and not (kind == "m_rel" and has["month"])
        if lacks_need or not all(has[n] for n in _ALSO_NEEDS.get(kind, ())):
            continue
        for m in pattern.finditer(chunk):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            # tense near the date decides which way a bare weekday or day is resolved
            future = bool(_FUTURE.search(low, 0, s))
            try:
                if year_ref is not None and kind in ("md", "dm"):
                    value = resolve(kind, m, year_ref, False)
                else:
                    value = resolve(kind, m, published, future)
            except (ValueError, KeyError, OverflowError):
                value = None
            taken.append((s, e))
            found.append(DateMention(start + s, start + e, value, kind))
    found.sort(key=lambda d: d.start)
    return tuple(found)


# "said on the 29th": when it was reported, not when it happened
_REPORTING = re.compile(r"\b(?:said|says|announced|reported|stated|according to [\w ]{1,30})\s(?:on\s)?$|"
                        r"\b(?:updated|posted|published|modified|date|registered)\s*:?\s*$", re.I)
# a dash with the story after it on the same line ("Jeonju, Oct. 8 — The city ..."); a subtitle that
# ends on "... ties on September 25 -" is dated by it
_DATELINE_AFTER = re.compile(r"[*)\s]*(?:-{1,2}|—|–)[ \t]+\S")
_SINCE_BEFORE = re.compile(r"\bsince\b[^,.;]*$")


def occasion_dates(text: str, start: int, end: int, published: date | None, since_is_background: bool = True) -> list:
    """The dates in text[start:end] that can date an occasion: not the reporting date ("said on the
    4th"), not a dateline ("Jeonju, Oct. 8 —"), and (unless asked) not "since ..." background."""
    out = []
    for d in find_dates(text, start, end, published):
        if not d.value:
            continue
        if _REPORTING.search(text[max(start, d.start - 25):d.start]):
            continue
        if _DATELINE_AFTER.match(text, d.end, d.end + 8):
            continue
        if since_is_background and _SINCE_BEFORE.search(text[max(start, d.start - 60):d.start]):
            continue
        out.append(d)
    return out


def find_time(text: str) -> str | None:
    m = _TIME.search(text)
    if m:
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
        return f"{hour:02d}:{int(m.group('min') or 0):02d}"
    m = _TIME24.search(text)
    if m:
        return f"{int(m.group('h')):02d}:{m.group('min')}"
    return None


SPECIFICITY = {"iso": 5, "mdy": 5, "dmy": 5, "md": 5, "dm": 5, "num_mdy": 5, "num_md": 5, "nth_rel": 4,
               "rel_month": 3, "nth": 4, "weekday": 4, "rel_day": 4,
               "my": 3, "m_rel": 3, "rel_m": 3, "year": 1, "rel_year": 1, "rel_week": 1}
