"""Input value types shared by the schemas: safe text, partial dates, ids.

Text is checked here because PostgreSQL refuses NUL characters and lone surrogates;
catching them in validation turns what would be a database error into a 422.
"""

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field

from amity.core.partialdate import InvalidPartialDate, PartialDate

MAX_ID = 2**63 - 1  # the largest id a BigAutoField can hold


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError("text must be valid Unicode (no lone surrogates)") from error
    return value


def _partial_date(value: str) -> str:
    try:
        return PartialDate.parse(value).isoformat()
    except InvalidPartialDate as error:
        raise ValueError(str(error)) from error


def _time(value: str) -> str:
    dt.time.fromisoformat(value)  # the pattern already holds; this is the model's own parser
    return value


Text = Annotated[str, AfterValidator(_storable)]

# A local time of day ("10:00", "10:00:00"); no zone: the engagement's place gives it.
TimeText = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$", examples=["10:00"]),
                     AfterValidator(_time)]


def text(max_length: int | None = None, **kwargs) -> type:
    """A text field, with the database column's maximum length when it has one."""
    return Annotated[str, Field(max_length=max_length, **kwargs), AfterValidator(_storable)]


PartialDateText = Annotated[
    str,
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", examples=["2016", "2016-06", "2016-06-22"],
          description="a partial date: YYYY, YYYY-MM or YYYY-MM-DD"),
    AfterValidator(_partial_date),
]

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
