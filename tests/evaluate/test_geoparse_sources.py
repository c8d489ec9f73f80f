"""The geoparse driver fills each article's source and learns source focus from the batch."""

from __future__ import annotations

from pathlib import Path

from eventcoder.evaluate.geoparse import evaluate_geoparse, read_lgl
from eventcoder.settings import Settings

GOLD = Path(__file__).parent.parent / "fixtures" / "geo" / "mini-lgl-sources.xml"


def test_reader_fills_source_and_url():
    article, _ = next(iter(read_lgl(GOLD)))
    assert article.meta.source == "www.weakley-courier.example"
    assert article.meta.url == "http://www.weakley-courier.example/news/1"


def test_learned_focus_resolves_the_local_paris():
    learned = evaluate_geoparse(GOLD, Settings())
    assert learned["source_focuses"] == 1
    assert learned["accuracy_161km"] == 1.0


def test_without_learning_paris_is_france():
    plain = evaluate_geoparse(GOLD, Settings(), learn_sources=False)
    assert plain["source_focuses"] == 0
    assert plain["accuracy_161km"] == 0.0
