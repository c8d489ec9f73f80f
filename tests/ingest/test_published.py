"""Publication dates in every accepted shape, and never today's date by default."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.ingest.published import date_from_name, parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-01-07", date(2022, 1, 7)),
        ("2022-01-07T23:30:00+06:00", date(2022, 1, 7)),
        ("2022-01-07T10:00:00Z", date(2022, 1, 7)),
        ("2022-01-07T10:00:00.123456", date(2022, 1, 7)),
        ("Fri, 07 Jan 2022 01:30:00 +0600", date(2022, 1, 7)),
        ("Fri, 07 Jan 2022 10:00:00 GMT", date(2022, 1, 7)),
        (date(2022, 1, 7), date(2022, 1, 7)),
        (datetime(2022, 1, 7, 12), date(2022, 1, 7)),
        (time.struct_time((2022, 1, 7, 0, 0, 0, 4, 7, 0)), date(2022, 1, 7)),
        (None, None),
        ("", None),
    ],
)
def test_accepted_shapes(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["next tuesday", "07/01/2022", "2022-02-30", 1641513600, []])
def test_unreadable_values_give_none_and_a_warning(value, caplog):
    assert parse_published(value, origin="corpus.jsonl:4") is None
    assert "corpus.jsonl:4" in caplog.text


def test_blank_value_gives_none_quietly(caplog):
    assert parse_published("   ") is None
    assert caplog.text == ""


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_dates_round_trip(day):
    assert parse_published(day.isoformat()) == day


@given(
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_datetimes_keep_the_publishers_local_day(moment, offset_minutes):
    aware = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    assert parse_published(aware.isoformat()) == moment.date()
    assert parse_published(format_datetime(aware)) == moment.date()


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("kazakhstan-2022-01-07", date(2022, 1, 7)),
        ("2022-01-07", date(2022, 1, 7)),
        ("report_2021-12-31", date(2021, 12, 31)),
        ("report-2022-13-45", None),
        ("2022-01-07-kazakhstan", None),
        ("kazakhstan", None),
        ("id12022-01-07", None),
    ],
)
def test_date_from_name(stem, expected):
    assert date_from_name(stem) == expected
