"""Reading quantities as ACLED codes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.extract.numbers import parse_number

WORDS = {1: "one", 2: "two", 7: "seven", 13: "thirteen", 20: "twenty", 40: "forty", 90: "ninety"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("18", 18), ("1,200", 1200), ("two", 2), ("twenty-one", 21), ("one hundred", 100),
        ("three hundred and five", 305), ("dozens", 12), ("tens", 10), ("hundreds", 100),
        ("thousands", 1000), ("a dozen", 12), ("several", 3), ("two thousand", 2000),
        ("10-15", 10), ("10 to 15", 10), ("between 10 and 15", 10), ("five or six", 5),
    ],
)
def test_numbers(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "police", "many more", "the"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.sampled_from(sorted(WORDS)), st.sampled_from(sorted(WORDS)))
def test_hundreds_and_units_add(hundreds: int, unit: int) -> None:
    text = f"{WORDS[hundreds]} hundred and {WORDS[unit]}"
    assert parse_number(text) == hundreds * 100 + unit


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_range_gives_its_lower_bound(low: int, width: int) -> None:
    assert parse_number(f"{low}-{low + width}") == low
    assert parse_number(f"between {low} and {low + width}") == low
