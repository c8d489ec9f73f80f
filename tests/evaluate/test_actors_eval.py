"""Scoring actor1/actor2 on annotated sentences (the project's own JSON lines format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.evaluate.actors import (
    ActorRecord,
    evaluate_actors,
    read_actor_records,
    score_actors,
)
from eventcoder.evaluate.plover import Prediction
from eventcoder.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "actors"


def test_reads_records_and_skips_blank_lines() -> None:
    records = read_actor_records(FIXTURES / "mini-actors.jsonl")
    assert [r.plover for r in records] == ["AGREE", "SANCTION", "PROTEST"]
    assert records[2].target is None
    assert records[1].line == 2


def test_a_line_without_type_is_an_error_naming_the_line() -> None:
    with pytest.raises(ResourceError, match=r"bad-actors.jsonl:1"):
        read_actor_records(FIXTURES / "bad-actors.jsonl")


def test_scores_with_the_plover_match_rule() -> None:
    records = [
        ActorRecord(1, "t", "AGREE", "Portugal", "Morocco"),
        ActorRecord(2, "t", "AGREE", "the Estonian government", None),
    ]
    predictions = [
        Prediction("AGREE", ("Portugal's fleet", "Portugal"), ("Lisbon", "Lisbon")),
        Prediction("AGREE", ("Estonian", "Estonia"), ()),  # "Estonian" is a word of the gold
    ]
    scores = score_actors(records, predictions)
    assert scores["actor1_match"] == 1.0
    assert scores["records_with_target"] == 1
    assert scores["actor2_match"] == 0.0
    assert scores["per_type"]["AGREE"]["actor2"] == {"support": 1, "match": 0.0}
    assert [(m["line"], m["role"], m["coded"]) for m in scores["misses"]] == [
        (1, "actor2", ["Lisbon", "Lisbon"])
    ]


def test_one_prediction_per_record() -> None:
    with pytest.raises(ValueError, match="one prediction per record"):
        score_actors([ActorRecord(1, "t", "AGREE")], [])


def test_codes_the_sentences_end_to_end(settings: Settings) -> None:
    scores = evaluate_actors(FIXTURES / "mini-actors.jsonl", settings)
    assert scores["records"] == 3
    assert scores["records_with_source"] == 3
    assert scores["actor1_match"] >= 2 / 3
    assert scores["actor2_match"] == 1.0
