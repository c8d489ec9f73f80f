"""The TimeML evaluator: parsing .tml files and scoring DATE expressions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.evaluate.timeml import evaluate_timeml, read_tml, score, strip_tags
from eventcoder.model import Article, ArticleMeta, Span, TimeExpr
from eventcoder.settings import Settings

FOLDER = Path(__file__).parents[1] / "fixtures" / "dates" / "timeml"


@pytest.fixture(scope="module")
def doc():
    return read_tml(FOLDER / "wire-sample.tml")


def test_dct_is_the_date_of_the_creation_time(doc):
    assert doc.dct == date(1998, 2, 13)


def test_offsets_point_into_the_tag_free_text(doc):
    assert "<" not in doc.text and "& Howard" in doc.text
    for timex in doc.timexes:
        assert doc.text[timex.start:timex.end] == timex.text
    assert [t.text for t in doc.dates] == ["Friday", "next year", "Two days ago", "last week",
                                           "March 1997", "now"]


def test_strip_tags_keeps_text_between_tags():
    text, timexes = strip_tags('a <TIMEX3 type="DATE" value="1999">next year</TIMEX3> b')
    assert text == "a next year b"
    assert (timexes[0].start, timexes[0].end, timexes[0].value) == (2, 11, "1999")


def test_read_tml_rejects_a_file_without_text(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="no <TEXT>"):
        read_tml(bad)


def _predict(doc, *found: tuple[str, str | None]) -> Article:
    exprs = []
    for text, value in found:
        start = doc.text.index(text)
        exprs.append(TimeExpr(Span(start, start + len(text), text), value, "day"))
    return Article(ArticleMeta(doc.id, published=doc.dct), doc.text, dates=tuple(exprs))


def test_score_counts_relaxed_strict_and_value(doc):
    article = _predict(doc, ("Friday", "1998-02-13"), ("a referendum next year", "1999"),
                       ("Two days", "1998-02-10"), ("two weeks", "P2W"), ("CANBERRA", None))
    report = score([(doc, article)])
    assert report["counts"] == {"gold": 6, "predicted": 4}  # the duration is not a DATE
    assert report["relaxed"]["precision"] == 0.75 and report["relaxed"]["recall"] == 0.5
    assert report["strict"]["precision"] == 0.25
    assert report["value"]["precision"] == 0.5 and report["value"]["recall"] == 0.333


def test_evaluate_runs_the_real_stage(doc):
    report = evaluate_timeml(FOLDER, Settings())
    assert report["counts"]["gold"] == 6
    assert report["value"]["recall"] >= 0.8
    assert report["relaxed"]["precision"] >= 0.8
