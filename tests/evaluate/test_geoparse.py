"""Scoring geoparsing on a small LGL-format file written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.evaluate.geoparse import evaluate_geoparse, read_lgl
from eventcoder.settings import Settings

GOLD = Path(__file__).parent.parent / "fixtures" / "places" / "mini-lgl.xml"


def test_reads_articles_and_toponyms():
    pairs = list(read_lgl(GOLD))
    assert [a.id for a, _ in pairs] == ["1", "2"]
    article, gold = pairs[0]
    assert [article.text[g.start:g.end] for g in gold] == ["Gainesville", "Fla.", "Florida"]


def test_scores_the_places_stage():
    scores = evaluate_geoparse(GOLD, Settings())
    assert scores["articles"] == 2 and scores["gold_toponyms"] == 6
    assert scores["detection_recall"] == 1.0
    assert scores["accuracy_161km"] >= 5 / 6
    assert scores["associative_predicted"] == 1  # "Egyptian"
    assert 0 < scores["precision"] <= 1.0


def test_limit_reads_fewer_articles():
    assert evaluate_geoparse(GOLD, Settings(), limit=1)["gold_toponyms"] == 3


def test_unreadable_file_says_what_to_give(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(ResourceError, match="LGL-format"):
        list(read_lgl(bad))
