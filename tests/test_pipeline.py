"""Assembling pipelines: stages are checked before anything runs."""

from __future__ import annotations

import pickle

import pytest

from eventcoder.errors import PipelineError
from eventcoder.pipeline import DEFAULT_STAGES, Pipeline, check_order
from eventcoder.settings import Settings


def test_default_pipeline_is_consistent() -> None:
    assert [c.name for c in check_order(DEFAULT_STAGES)] == list(DEFAULT_STAGES)


def test_unknown_stage_lists_the_available_ones() -> None:
    with pytest.raises(PipelineError, match=r"available: .*places"):
        check_order(["sentences", "nonsense"])


def test_missing_input_is_reported() -> None:
    with pytest.raises(PipelineError, match=r"reads .*events"):
        check_order(["sentences", "actors"])


def test_pipeline_pickles_for_workers() -> None:
    pipeline = Pipeline.build(Settings())
    clone = pickle.loads(pickle.dumps(pipeline))
    assert [s.name for s in clone.stages] == list(DEFAULT_STAGES)


def test_failing_stage_rejects_the_article_not_the_batch(code, monkeypatch) -> None:
    from eventcoder.extract import counts

    def broken(article, doc):
        raise ValueError("boom")

    monkeypatch.setattr(counts, "count_events", broken)
    article = code("Police arrested 35 protesters in Minsk on Sunday.")
    assert article.rejected.reason == "extraction_failed"
    assert "boom" in article.rejected.detail
