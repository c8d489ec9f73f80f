"""The pure normaliser: a table of real phrasings plus hypothesis properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.extract.timenorm import NARRATIVE, UNANCHORED, normalise

SEED = date(2022, 1, 7)  # the seed article (a Friday)
WIRE = date(1998, 2, 13)  # a TimeBank-style wire story (a Friday)
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TABLE = [
    # (text, anchor, tense, value, precision)
    ("Two days ago", SEED, "past", "2022-01-05", "day"),
    ("the early 1980s", None, None, "198", "year"),
    ("the mid-1990s", None, None, "199", "year"),
    ("the nineties", WIRE, None, "199", "year"),
    ("the current fiscal year", WIRE, None, "1998", "year"),
    ("year-end", WIRE, None, "1998", "year"),
    ("the near term", WIRE, None, "FUTURE_REF", "year"),
    ("the 1988 second quarter", WIRE, None, "1988-Q2", "month"),
    ("first two quarters of 1990", None, None, "1990-H1", "month"),
    ("third-quarter", date(1989, 10, 26), "future", "1989-Q3", "month"),
    ("first quarter", date(1989, 10, 26), "future", "1990-Q1", "month"),
    ("January 2", SEED, "past", "2022-01-02", "day"),
    ("January 7", SEED, None, "2022-01-07", "day"),
    ("On January 5", SEED, "past", "2022-01-05", "day"),
    ("December 30", date(2022, 1, 2), "past", "2021-12-30", "day"),
    ("2 January 2022", None, None, "2022-01-02", "day"),
    ("Jan. 5", SEED, None, "2022-01-05", "day"),
    ("Sept. 30, 1989", None, None, "1989-09-30", "day"),
    ("Wednesday, January 5", SEED, "past", "2022-01-05", "day"),
    ("1/5/2022", None, None, "2022-01-05", "day"),
    ("10/27/89", None, None, "1989-10-27", "day"),
    ("1998", None, None, "1998", "year"),
    ("fiscal 1989", None, None, "1989", "year"),
    ("the 1990s", None, None, "199", "year"),
    ("nineteen ninety-six", None, None, "1996", "year"),
    ("last month", SEED, None, "2021-12", "month"),
    ("in March", SEED, "past", "2021-03", "month"),
    ("in March", SEED, "future", "2022-03", "month"),
    ("March 1998", None, None, "1998-03", "month"),
    ("July last year", WIRE, None, "1997-07", "month"),
    ("mid-March", SEED, None, "2022-03", "month"),
    ("on Wednesday", SEED, "past", "2022-01-05", "day"),
    ("Friday", WIRE, "past", "1998-02-13", "day"),  # the publication day itself
    ("Friday", WIRE, "future", "1998-02-13", "day"),
    ("Tuesday", WIRE, "future", "1998-02-17", "day"),
    ("next Friday", WIRE, None, "1998-02-20", "day"),
    ("last Friday", WIRE, None, "1998-02-06", "day"),
    ("yesterday", SEED, None, "2022-01-06", "day"),
    ("today", SEED, None, "2022-01-07", "day"),
    ("tomorrow", SEED, None, "2022-01-08", "day"),
    ("last week", SEED, None, "2021-W52", "week"),
    ("this week", SEED, None, "2022-W01", "week"),
    ("last week", WIRE, None, "1998-W06", "week"),
    ("earlier this month", SEED, None, "2022-01", "month"),
    ("last year", SEED, None, "2021", "year"),
    ("next year", WIRE, "future", "1999", "year"),
    ("next month", SEED, None, "2022-02", "month"),
    ("overnight", SEED, None, "2022-01-06TNI", "day"),
    ("on Monday night", SEED, "past", "2022-01-03TNI", "day"),
    ("this morning", SEED, None, "2022-01-07TMO", "day"),
    ("Tuesday evening", SEED, "past", "2022-01-04TEV", "day"),
    ("last summer", SEED, None, "2021-SU", "month"),
    ("this summer", SEED, None, "2022-SU", "month"),
    ("the summer of 1998", None, None, "1998-SU", "month"),
    ("the third quarter", date(1989, 10, 27), "past", "1989-Q3", "month"),
    ("third-quarter", date(1989, 10, 27), None, "1989-Q3", "month"),
    ("the year-earlier third quarter", date(1989, 10, 27), None, "1988-Q3", "month"),
    ("the latest quarter", date(1989, 10, 27), None, "1989-Q3", "month"),
    ("the second half of 1999", None, None, "1999-H2", "month"),
    ("Q3 2021", None, None, "2021-Q3", "month"),
    ("from 2 to 5 January", SEED, "past", "2022-01-02", "day"),
    ("January 2-5", SEED, "past", "2022-01-02", "day"),
    ("three weeks ago", SEED, None, "2021-W50", "week"),
    ("a year ago", SEED, None, "2021", "year"),
    ("twenty-five years ago", SEED, None, "1997", "year"),
    ("several years ago", SEED, None, "PAST_REF", "year"),
    ("recent years", SEED, None, "PAST_REF", "year"),
    ("now", SEED, None, "PRESENT_REF", "day"),
    ("currently", SEED, None, "PRESENT_REF", "day"),
    ("soon", SEED, None, "FUTURE_REF", "year"),
    ("the past three days", SEED, None, "P3D", "day"),
    ("the weekend", SEED, "past", "2021-W52-WE", "week"),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "value", "precision"), TABLE)
def test_table_of_real_phrasings(text, anchor, tense, value, precision):
    norm = normalise(text, anchor, tense=tense)
    assert norm is not None, text
    assert (norm.value, norm.precision) == (value, precision)


def test_range_bounds_cover_every_day():
    norm = normalise("from 2 to 5 January", SEED, tense="past")
    assert (norm.first, norm.last) == (date(2022, 1, 2), date(2022, 1, 5))


def test_duration_bounds_reach_back_from_the_anchor():
    norm = normalise("the past three days", SEED)
    assert (norm.first, norm.last, norm.timex_type) == (date(2022, 1, 4), SEED, "DURATION")


def test_overnight_spans_the_night_before_publication():
    norm = normalise("overnight", SEED)
    assert (norm.first, norm.last, norm.timex_type) == (date(2022, 1, 6), SEED, "TIME")


@pytest.mark.parametrize("text", ["two days ago", "yesterday", "on Wednesday", "last week",
                                  "January 2", "in March", "the third quarter", "now"])
def test_relative_without_anchor_is_unresolved_with_reason(text):
    norm = normalise(text, None)
    assert norm is not None and norm.reason is not None
    if norm.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        assert norm.value is None and norm.reason == UNANCHORED


def test_narrative_relative_is_unresolved_not_guessed():
    for text in ("two days later", "the next day"):
        norm = normalise(text, SEED)
        assert norm.first is None and norm.last is None and norm.reason == NARRATIVE
    assert normalise("the next day", SEED).value is None


@pytest.mark.parametrize(("text", "value"), [("two days later", "P2D"),
                                             ("a few weeks later", "PXW"),
                                             ("three years after", "P3Y")])
def test_narrative_offset_is_a_timeml_duration(text, value):
    norm = normalise(text, SEED)
    assert norm.value == value and norm.timex_type == "DURATION" and norm.reason == NARRATIVE


@pytest.mark.parametrize("text", ["35 years old", "the age of 12", "", "Reuters", "5 percent"])
def test_non_dates_are_none(text):
    assert normalise(text, SEED) is None


# --------------------------------------------------------------------- properties

days = st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 10, 31))
tenses = st.sampled_from([None, "past", "present", "future"])


@given(days)
def test_iso_round_trip(day):
    norm = normalise(day.isoformat(), None)
    assert norm.value == day.isoformat() and norm.first == norm.last == day


@given(days)
def test_written_dates_round_trip(day):
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    assert normalise(text, None).value == day.isoformat()
    us = f"{day.month}/{day.day}/{day.year}"
    assert normalise(us, None).value == day.isoformat()


@given(st.integers(1900, 2099), st.integers(1, 12))
def test_month_bounds_end_on_the_last_day(year, month):
    norm = normalise(f"{MONTH_NAMES[month - 1]} {year}", None)
    assert norm.first == date(year, month, 1)
    assert (norm.last + timedelta(days=1)).day == 1 and norm.last.month == month


@given(st.integers(1901, 2099), tenses)
def test_feb_29_lands_on_a_leap_year(year, tense):
    norm = normalise("Feb. 29", date(year, 6, 1), tense=tense)
    assert norm.first.month == 2 and norm.first.day == 29
    assert abs(norm.first.year - year) <= 4


@given(days, tenses)
def test_day_without_year_is_near_the_anchor(anchor, tense):
    target = anchor + timedelta(days=-3)
    norm = normalise(f"{MONTH_NAMES[target.month - 1]} {target.day}", anchor, tense=tense)
    assert norm.first == target  # crosses year ends: 2 January -> "December 30" last year


@given(days, st.sampled_from(WEEKDAY_NAMES), tenses)
def test_weekday_is_that_weekday_within_a_week(anchor, name, tense):
    norm = normalise(f"on {name}", anchor, tense=tense)
    assert norm.first.weekday() == WEEKDAY_NAMES.index(name)
    assert abs((norm.first - anchor).days) < 7
    assert (norm.first <= anchor) if tense != "future" else (norm.first >= anchor)


@given(days, st.integers(1, 30), st.sampled_from(["day", "week", "month", "year"]))
def test_units_ago_contain_the_day_that_many_units_back(anchor, count, unit):
    norm = normalise(f"{count} {unit}s ago", anchor)
    assert norm.first <= anchor and norm.last <= anchor
    if unit in ("day", "week"):
        back = anchor - timedelta(days=count * (7 if unit == "week" else 1))
        assert norm.first <= back <= norm.last


@given(days)
def test_relative_words_never_use_the_clock(anchor):
    assert normalise("yesterday", anchor).first == anchor - timedelta(days=1)
    assert normalise("last year", anchor).value == str(anchor.year - 1)
