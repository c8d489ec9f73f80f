"""Discourse rules of the ``dates`` stage (issue 5), through the real spaCy pipeline.

The fixture article was written for these tests; its publication date is Thursday
1989-10-26.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventcoder.extract.dates import Dates, is_set, resolve_anaphora
from eventcoder.extract.timenorm import year_norm
from eventcoder.model import Article, ArticleMeta, Span, TimeExpr
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "dates" / "discourse-1989-10-26.txt"


@pytest.fixture(scope="module")
def found() -> dict[str, str | None]:
    text = FIXTURE.read_text(encoding="utf-8")
    settings = Settings()
    article = Article(ArticleMeta("discourse", published=date(1989, 10, 26)), text)
    dated = Dates(settings)(article, nlp(settings)(text))
    return {e.span.text: e.value for e in dated.dates}


def test_anaphors_resolve_against_the_time_last_talked_about(found):
    assert found["the following year"] == "1996"  # after "May 22, 1995"
    assert found["that year"] == "1996"  # the year just talked about
    assert found["The following month"] == "1995-06"  # the last month named is May 1995


def test_end_point_takes_no_tense_hint(found):
    assert found["mid-November"] == "1989-11"  # "gave ... until": the coming one
    assert found["Feb. 1"] == "1990-02-01"  # "effective Feb. 1" in a past sentence


def test_clock_time_makes_a_timeml_time(found):
    assert found["noon Thursday"] == "1989-10-26T12:00"
    assert "Thursday" not in found


def test_sets_are_not_dates(found):
    assert not any("Tuesday" in text for text in found)


def test_comparison_period_is_the_quarter_a_year_before(found):
    assert found["the third quarter"] == "1989-Q3"
    assert found["the corresponding period last year"] == "1988-Q3"


def test_the_year_is_the_anchor_year_but_not_a_fiscal_period(found):
    assert found["the year"] == "1989"
    assert list(found).count("the year") == 1  # "the year ended Sept. 30" is a duration


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("leaves each Thursday", 12, 20, True),
    ("on Tuesday nights", 3, 10, True),
    ("on Mondays", 3, 9, True),
    ("every July", 6, 10, True),
    ("on Thursday morning", 3, 11, False),
    ("on Tuesday, they left", 3, 10, False),
])
def test_is_set(text, start, end, expected):
    assert is_set(text, start, end) is expected


def _expr(text: str, start: int, value: str | None) -> TimeExpr:
    span = Span(start, start + len(text), text)
    return TimeExpr(span, value, "year", None, None)


def test_anaphor_without_reference_in_reach_keeps_its_own_reading():
    far = _expr("1995", 0, "1995")
    anaphor = TimeExpr(Span(5000, 5018, "the following year"), "1990", "year",
                       year_norm(1990).first, year_norm(1990).last)
    assert resolve_anaphora([far, anaphor])[1].value == "1990"


def test_previous_day_anaphor_counts_back_from_the_reference():
    day = TimeExpr(Span(0, 6, "Jan. 1"), "1990-01-01", "day", date(1990, 1, 1), date(1990, 1, 1))
    anaphor = _expr("the previous day", 20, None)
    resolved = resolve_anaphora([day, anaphor])[1]
    assert resolved.value == "1989-12-31" and resolved.first == date(1989, 12, 31)
