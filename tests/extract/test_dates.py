"""The ``dates`` stage on real articles, through the real spaCy pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventcoder.extract.dates import Dates, time_for_sentence
from eventcoder.extract.timenorm import UNANCHORED
from eventcoder.model import Article, ArticleMeta, Span
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "dates"
SEED_TEXT = (Path(__file__).parents[1] / "fixtures" / "extract" / "kazakhstan-2022-01-07.txt"
             ).read_text(encoding="utf-8")


def run(text: str, published: date | None) -> Article:
    settings = Settings()
    article = Article(ArticleMeta("test", published=published), text)
    return Dates(settings)(article, nlp(settings)(text))


@pytest.fixture(scope="module")
def seed() -> Article:
    return run(SEED_TEXT, date(2022, 1, 7))


@pytest.fixture(scope="module")
def wire() -> Article:
    text = (FIXTURES / "wire-1998-02-13.txt").read_text(encoding="utf-8")
    return run(text, date(1998, 2, 13))


def values(article: Article) -> dict[str, str | None]:
    return {e.span.text: e.value for e in article.dates}


def test_seed_article_dates(seed):
    found = values(seed)
    assert found["Two days ago"] == "2022-01-05"
    assert found["January 2"] == "2022-01-02"
    assert found["January 7"] == "2022-01-07"
    assert found["January 5"] == "2022-01-05"


def test_spans_are_evidence_sorted_and_disjoint(seed):
    for expr in seed.dates:
        assert seed.text[expr.span.start:expr.span.end] == expr.span.text
    starts = [e.span.start for e in seed.dates]
    assert starts == sorted(starts)
    for left, right in zip(seed.dates, seed.dates[1:], strict=False):
        assert left.span.end <= right.span.start


@pytest.mark.parametrize(("text", "value"), [
    ("Friday", "1998-02-13"),  # past tense, the publication day itself
    ("next year", "1999"),
    ("Monday night", "1998-02-09TNI"),
    ("Two days ago", "1998-02-11"),
    ("last week", "1998-W06"),
    ("March 1997", "1997-03"),
    ("Feb. 2, 1998", "1998-02-02"),
    ("Tuesday", "1998-02-17"),  # "will reconvene on Tuesday": future
    ("the second half of 1999", "1999-H2"),
    ("the 1990s", "199"),
    ("last summer", "1997-SU"),
    ("now", "PRESENT_REF"),
    ("1901", "1901"),
])
def test_wire_story_values(wire, text, value):
    assert values(wire)[text] == value


def test_without_publication_date_relative_ones_say_why():
    article = run("Two days ago, protesters gathered. The law passed on 2 January 2022.", None)
    found = {e.span.text: e for e in article.dates}
    assert found["Two days ago"].value is None
    assert found["Two days ago"].reason == UNANCHORED
    assert found["2 January 2022"].value == "2022-01-02"


def test_non_dates_are_left_out():
    article = run("The 35-year-old man gave 5 percent of his 200 sheep away.", date(2022, 1, 7))
    assert article.dates == ()


def test_time_for_sentence_keeps_only_that_sentence(seed):
    start = seed.text.index("Protests in Kazakhstan began")
    end = seed.text.index(".", start) + 1
    inside = time_for_sentence(seed, Span(start, end, seed.text[start:end]))
    assert [e.value for e in inside] == ["2022-01-02"]


def test_stage_declares_its_fields():
    assert (Dates.name, Dates.reads, Dates.adds) == ("dates", ("text",), ("dates",))


def test_quarter_context_reads_comparisons_and_anaphora() -> None:
    text = ("Profit rose in the second quarter to $5 million from $4 million a year earlier. "
            "Year-earlier sales were flat. The quarter was strong, and the 1988 period weak.")
    found = values(run(text, date(1989, 10, 26)))
    assert found["the second quarter"] == "1989-Q2"
    assert found["a year earlier"] == "1988-Q2"
    assert found["Year-earlier"] == "1988-Q2"  # not a year before the year before
    assert found["The quarter"] == "1989-Q2"
    assert found["the 1988 period"] == "1988-Q2"


def test_a_planned_weekday_is_ahead() -> None:
    text = "The talks, set to resume Monday in Belfast, were suspended on Monday."
    found = [(e.span.text, e.value) for e in run(text, date(1998, 3, 22)).dates]
    assert found == [("Monday", "1998-03-23"), ("Monday", "1998-03-16")]
