"""Normalisation rules added for issue 5 (TimeML TIMEX3), on sentences written here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.extract.timenorm import WEEKDAYS, normalise

ANCHOR = date(1989, 10, 26)  # a Thursday
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize(("text", "anchor", "tense", "value"), [
    ("10 p.m. Wednesday", ANCHOR, "past", "1989-10-25T22:00"),
    ("at noon Thursday", ANCHOR, "past", "1989-10-26T12:00"),
    ("midnight Friday", ANCHOR, "future", "1989-10-27T24:00"),
    ("5 p.m. EST, Nov. 6", ANCHOR, "future", "1989-11-06T17:00"),
    ("mid-afternoon yesterday", ANCHOR, "past", "1989-10-25TAF"),
    ("7:30 a.m. on Monday", ANCHOR, "past", "1989-10-23T07:30"),
    ("next year's first quarter", ANCHOR, "future", "1990-Q1"),
    ("last year's second half", ANCHOR, None, "1988-H2"),
    ("coming quarters", ANCHOR, "future", "FUTURE_REF"),
    ("future years", ANCHOR, None, "FUTURE_REF"),
    ("that year", ANCHOR, "past", "1989"),
    ("the preceding month", ANCHOR, "past", "1989-09"),
    ("earlier in the year", ANCHOR, "past", "1989"),
    ("later in the day", ANCHOR, "past", "1989-10-26"),
    ("the corresponding period last year", ANCHOR, None, "1988"),
    ("last year's quarter", ANCHOR, None, "1988"),
    ("20th century", ANCHOR, None, "19"),
])
def test_rule_table(text, anchor, tense, value):
    norm = normalise(text, anchor, tense=tense)
    assert norm is not None and norm.value == value


def test_clock_time_is_a_timex_time_bounded_by_its_day():
    norm = normalise("10 p.m. Wednesday", ANCHOR, tense="past")
    assert norm.timex_type == "TIME"
    assert norm.first == norm.last == date(1989, 10, 25)


@pytest.mark.parametrize("text", ["noon", "10 p.m.", "noon March"])
def test_clock_time_without_a_day_is_no_date(text):
    assert normalise(text, ANCHOR, tense="past") is None


def test_clock_time_on_a_relative_day_needs_an_anchor():
    norm = normalise("noon Thursday", None)
    assert norm.value is None and norm.reason is not None


def test_day_anaphor_without_reference_is_left_to_the_text():
    assert normalise("that day", ANCHOR).value is None
    assert normalise("the same day", ANCHOR).reason is not None


def test_future_quarters_have_month_precision():
    assert normalise("coming quarters", ANCHOR).precision == "month"


@given(anchor=st.dates(date(1950, 1, 1), date(2050, 12, 31)),
       hour=st.integers(1, 12), minute=st.integers(0, 59), pm=st.booleans(),
       name=st.sampled_from(DAY_NAMES), tense=st.sampled_from(["past", "future", None]))
def test_clock_on_a_weekday_keeps_the_weekday_and_the_hour(anchor, hour, minute, pm, name,
                                                           tense):
    text = f"{hour}:{minute:02d} {'p.m.' if pm else 'a.m.'} {name}"
    norm = normalise(text, anchor, tense=tense)
    day, clock = norm.value.split("T")
    assert date.fromisoformat(day).weekday() == WEEKDAYS[name[:3].lower()]
    assert abs(date.fromisoformat(day) - anchor) < timedelta(days=7)
    assert clock == f"{hour % 12 + 12 * pm:02d}:{minute:02d}"


@given(anchor=st.dates(date(1950, 1, 1), date(2050, 12, 31)),
       yrel=st.sampled_from([("last", -1), ("this", 0), ("next", 1)]),
       number=st.integers(1, 4))
def test_numbered_quarter_of_a_relative_year(anchor, yrel, number):
    word = ["first", "second", "third", "fourth"][number - 1]
    norm = normalise(f"{yrel[0]} year's {word} quarter", anchor)
    assert norm.value == f"{anchor.year + yrel[1]}-Q{number}"
    assert norm.first.month == 3 * number - 2 and norm.last.month == 3 * number
