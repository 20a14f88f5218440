"""Korean dates, resolved against the publication date by the rules the English reader uses.

2023년 3월 29일 / 2023.09.01 are full dates; 2016년 6월 a month; 2005년 a year; 2월 4일 the latest
such day not after publication (the next one when the sentence speaks of what is to come);
27일 / 지난 4일 / 오는 15일 that day of the publication month (or the month before / after);
지난 3월, 오는 10월, 작년 10월, 다음 달 1일; 올해, 내년, 지난해 the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from .. import vocab
from ..dates import resolve


@dataclass(frozen=True)
class KoDate:
    start: int
    end: int
    value: str
    precision: int  # 3 day, 2 month, 1 year


@cache
def _words() -> dict:
    return vocab.load("ko", "dates")


@cache
def _pattern() -> re.Pattern[str]:
    years = "|".join(sorted(map(re.escape, _words()["years"]), key=len, reverse=True))
    months = "|".join(sorted(map(re.escape, _words()["months"]), key=len, reverse=True))
    return re.compile(
        r"(?P<full>(?P<year>(?:19|20)\d\d)\s*년\s*(?P<m>1[0-2]|0?[1-9])\s*월\s*(?P<d>[0-3]?\d)\s*일)"
        r"|(?P<dotted>(?P<dy>(?:19|20)\d\d)[.\-/]\s?(?P<dm>1[0-2]|0[1-9])[.\-/]\s?(?P<dd>[0-3]\d)(?!\d))"
        r"|(?P<ym>(?P<ymy>(?:19|20)\d\d)\s*년\s*(?P<ymm>1[0-2]|0?[1-9])\s*월)"
        rf"|(?P<md>(?:(?P<mdrel>지난|오는|{years}|{months})\s*)?(?P<mdm>1[0-2]|0?[1-9])\s*월\s*(?P<mdd>[0-3]?\d)\s*일(?!\s*(?:간|동안|째)))"
        rf"|(?P<mon>(?:(?P<monrel>지난|오는|{years})\s*)?(?P<monm>1[0-2]|0?[1-9])\s*월(?!\s*\d))"
        rf"|(?P<day>(?:(?P<dayrel>지난|오는|{months})\s*)?(?<![\d박.∼~-])(?<!박\s)(?P<dayd>[0-3]?\d)(?:[∼~\-][0-3]?\d)?\s*일(?:[∼~\-]\d+일)?(?!\s*(?:간|동안|째|자로|만에)))"
        r"|(?P<yr>(?:지난\s*)?(?P<yry>(?:19|20)\d\d)\s*년(?!\s*(?:간|동안|째|만)))"
        rf"|(?P<relyear>{years})"
    )


def find_dates(text: str, start: int, end: int, published: date | None, future: bool) -> list[KoDate]:
    out: list[KoDate] = []
    for m in _pattern().finditer(text, start, end):
        value, precision = _value(m, published, future)
        if value:
            out.append(KoDate(m.start(), m.end(), value, precision))
    return out


class _Match:
    """Named groups in the shape `amity.extract.dates.resolve` reads."""

    def __init__(self, **groups: str) -> None:
        self._groups = groups

    def groupdict(self) -> dict[str, str]:
        return self._groups


def _value(m: re.Match[str], published: date | None, future: bool) -> tuple[str | None, int]:
    g = m.groupdict()
    w = _words()
    if g["full"]:
        return resolve("iso", _Match(year=g["year"], m=g["m"], d=g["d"]), published, future), 3
    if g["dotted"]:
        return resolve("iso", _Match(year=g["dy"], m=g["dm"], d=g["dd"]), published, future), 3
    if g["ym"]:
        return f"{int(g['ymy']):04d}-{int(g['ymm']):02d}", 2
    if g["yr"]:
        return g["yry"], 1
    if published is None:
        return None, 0
    if g["relyear"]:
        return str(published.year + w["years"][g["relyear"]]), 1
    if g["md"]:
        month, day, rel = int(g["mdm"]), int(g["mdd"]), g["mdrel"]
        if rel in w["years"]:
            return _iso(published.year + w["years"][rel], month, day), 3
        if rel in w["months"]:  # 다음 달 1일
            y, mo = _shift_month(published, w["months"][rel])
            return _iso(y, mo, day), 3
        return _month_day(published, month, day, future if rel is None else rel == "오는"), 3
    if g["mon"]:
        month, rel = int(g["monm"]), g["monrel"]
        if rel in w["years"]:
            return f"{published.year + w['years'][rel]:04d}-{month:02d}", 2
        ahead = future if rel is None else rel == "오는"
        year = published.year
        if ahead and month < published.month:
            year += 1
        elif not ahead and month > published.month:
            year -= 1
        return f"{year:04d}-{month:02d}", 2
    if g["day"]:
        rel = g["dayrel"]
        if rel in w["months"]:
            y, mo = _shift_month(published, w["months"][rel])
            return _iso(y, mo, int(g["dayd"])), 3
        if rel == "오는" or (rel is None and future):
            return _next_day(published, int(g["dayd"])), 3
        return resolve("nth", _Match(day=g["dayd"]), published, False), 3
    return None, 0


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _shift_month(published: date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 + months
    return index // 12, index % 12 + 1


def _month_day(published: date, month: int, day: int, future: bool) -> str | None:
    for year in ((published.year, published.year + 1) if future else (published.year, published.year - 1)):
        value = _iso(year, month, day)
        if value and ((value >= published.isoformat()) if future else (value <= published.isoformat())):
            return value
    return None


def _next_day(published: date, day: int) -> str | None:
    """오는 15일: that day of this month, or of next month when it has passed."""
    if day >= published.day:
        return _iso(published.year, published.month, day)
    y, m = _shift_month(published, 1)
    return _iso(y, m, day)
