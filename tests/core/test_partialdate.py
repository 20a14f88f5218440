import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amity.core.partialdate import InvalidPartialDate, PartialDate


@pytest.mark.parametrize("text,precision,display", [
    ("2016", "year", "2016"),
    ("2016-06", "month", "June 2016"),
    ("2023-06-22", "day", "22 June 2023"),
])
def test_parse_precision_and_display(text, precision, display):
    value = PartialDate.parse(text)
    assert value.precision == precision
    assert value.display() == display
    assert value.isoformat() == text


@pytest.mark.parametrize("text", ["2016-13", "2023-02-30", "2023-6-1", "June 2016", "", "20160", "2016-00"])
def test_invalid_dates_are_refused_with_a_reason(text):
    with pytest.raises(InvalidPartialDate) as error:
        PartialDate.parse(text)
    assert str(error.value)


def test_february_30_names_the_problem():
    with pytest.raises(InvalidPartialDate, match="day 30 does not exist in February 2023"):
        PartialDate.parse("2023-02-30")


def test_leap_day_is_valid_only_in_leap_years():
    assert PartialDate.parse("2024-02-29").day == 29
    with pytest.raises(InvalidPartialDate):
        PartialDate.parse("2023-02-29")


def test_ordering_puts_coarser_dates_first_and_matches_text_order():
    values = [PartialDate.parse(t) for t in ["2023-06-22", "2016", "2023", "2016-06", "2023-06", "2016-06-01"]]
    assert [v.isoformat() for v in sorted(values)] == ["2016", "2016-06", "2016-06-01", "2023", "2023-06", "2023-06-22"]
    assert sorted(values) == sorted(values, key=lambda v: v.isoformat())


def test_range_and_containment():
    june = PartialDate.parse("2016-06")
    assert june.earliest == dt.date(2016, 6, 1)
    assert june.latest == dt.date(2016, 6, 30)
    assert june.contains(dt.date(2016, 6, 15))
    assert not june.contains(PartialDate.parse("2016"))
    assert PartialDate.parse("2016").contains(june)


def test_from_date_and_coerce():
    assert PartialDate.parse(dt.date(2024, 9, 27)) == PartialDate(2024, 9, 27)
    assert PartialDate.coerce(None) is None
    assert PartialDate.coerce("") is None


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_text_round_trip_and_order_agree(day, precision):
    value = PartialDate(day.year, day.month if precision != "year" else None, day.day if precision == "day" else None)
    assert PartialDate.parse(value.isoformat()) == value
    assert value.earliest <= day <= value.latest
