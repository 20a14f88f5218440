"""PartialDate: a date known to the year, the month or the day.

Articles say "June 2016", "next year" or "on June 22"; the registry keeps exactly
what is known, no more. Stored as ISO text ("2016", "2016-06", "2016-06-22"),
which also sorts correctly as text in every database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class InvalidPartialDate(ValueError):
    """The text is not a valid year, year-month or full date."""


@total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidPartialDate(f"year {self.year} is out of range 1-9999")
        if self.month is None and self.day is not None:
            raise InvalidPartialDate("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidPartialDate(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidPartialDate(
                    f"day {self.day} does not exist in {calendar.month_name[self.month]} {self.year}"
                )

    # -- construction ------------------------------------------------------
    @classmethod
    def parse(cls, value: str | dt.date | PartialDate) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or take a date)."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise InvalidPartialDate(f"expected text like 2016, 2016-06 or 2016-06-22, got {value!r}")
        match = _ISO.match(value.strip())
        if not match:
            raise InvalidPartialDate(f"{value!r} is not a date like 2016, 2016-06 or 2016-06-22")
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls(year, month, day)

    @classmethod
    def coerce(cls, value) -> PartialDate | None:
        """None and "" stay None; anything else is parsed."""
        if value is None or value == "":
            return None
        return cls.parse(value)

    # -- properties --------------------------------------------------------
    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> dt.date:
        """The first day this partial date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this partial date may stand for."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def contains(self, other: PartialDate | dt.date) -> bool:
        other = PartialDate.parse(other)
        return self.earliest <= other.earliest and other.latest <= self.latest

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """Human form: "2016", "June 2016", "22 June 2016"."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    # Ordering: a less precise date sorts before the more precise dates it contains,
    # matching the order of the stored ISO text ("2016" < "2016-06" < "2016-06-01").
    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return self.isoformat()
