"""Input value types shared by the schemas: safe text, partial dates, ids.

Text is checked here because PostgreSQL refuses NUL characters and lone surrogates;
catching them in validation turns what would be a database error into a 422.
"""

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from amity.core.partialdate import InvalidPartialDate, PartialDate

MAX_ID = 2**63 - 1  # the largest id a BigAutoField can hold


def _storable(value):
    if not isinstance(value, str):
        return value  # the type check that follows says what is wrong
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from error
    return value


def _partial_date(value: str) -> str:
    try:
        parsed = PartialDate.parse(value)
    except InvalidPartialDate as error:
        raise ValueError(str(error)) from error
    if not re.fullmatch(PARTIAL_DATE_PATTERN, value):  # what the schema promises, exactly
        raise ValueError(f"{value!r}: write dates as YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed.isoformat()


def _time(value: str) -> str:
    dt.time.fromisoformat(value)  # the pattern already holds; this is the model's own parser
    return value


# Digits are [0-9] in every pattern: Python's \d also takes other scripts' digits, ECMAScript's does not.
# A local time of day ("10:00", "10:00:00"); no zone: the engagement's place gives it.
TimeText = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", examples=["10:00"]),
                     AfterValidator(_time)]


# A character that is not white space in either regex dialect, and not NUL: Python's \s (the server's)
# also counts U+001C-U+001F and U+0085 as space, ECMAScript's (a JSON Schema client's) also U+FEFF.
VISIBLE = r"[^\s\x00\x1c-\x1f\x85\ufeff]"
SPACE = r"[\s\x1c-\x1f\x85\ufeff]"
NO_NUL = r"^[^\x00]*$"  # the schema says what _storable refuses (PostgreSQL cannot store NUL)
# spaces, then something visible (SPACE and VISIBLE never overlap, so a regex runs in linear time)
NOT_BLANK = rf"^{SPACE}*{VISIBLE}[^\x00]*$"


def text(max_length: int | None = None, **kwargs) -> type:
    """A text field, with the database column's maximum length when it has one.

    A pattern given here must refuse NUL itself; without one, the pattern is NO_NUL.
    """
    kwargs.setdefault("pattern", NO_NUL)
    # checked before the pattern, so a NUL is called a NUL (not "must not be blank")
    return Annotated[str, Field(max_length=max_length, **kwargs), BeforeValidator(_storable)]


Text = text()


def required_text(max_length: int | None = None) -> type:
    """A text a record cannot do without (a name, a title): something other than spaces."""
    return text(max_length, min_length=1, pattern=NOT_BLANK)


# The schema's pattern accepts exactly the dates the server does (years 0001-9999, real months,
# the days each month has, 29 February in leap years), so clients and fuzzers can trust it.
_YEAR = r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH = r"(0[1-9]|1[0-2])"
_MONTH_DAY = r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
_LEAP_YEAR = r"([0-9][0-9](0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
PARTIAL_DATE_PATTERN = rf"^({_YEAR}(-{_MONTH})?|{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"

PartialDateText = Annotated[
    str,
    # The pattern is in the schema; the server checks the same with readable messages (_partial_date).
    Field(json_schema_extra={"pattern": PARTIAL_DATE_PATTERN}, examples=["2016", "2016-06", "2016-06-22"],
          description="a partial date: YYYY, YYYY-MM or YYYY-MM-DD"),
    AfterValidator(_partial_date),
]

Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def json_integer(value):
    """A JSON integer, as JSON Schema counts them: 5 and 5.0, never true, "5" or 5.5."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# In a JSON body an id is a JSON integer: true is not the id 1, nor "5" the id 5 (query strings are text).
# (The Field comes first: after a BeforeValidator pydantic writes its bounds as "ge"/"le", which
# JSON Schema does not know, instead of "minimum"/"maximum".)
BodyId = Annotated[int, Field(ge=1, le=MAX_ID, strict=True), BeforeValidator(json_integer)]
