"""Scoring PLOVER typing and actors on small gold-standard-format records written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.evaluate.plover import (
    OLD_TO_CURRENT,
    PloverRecord,
    Prediction,
    actor_matches,
    best_event,
    evaluate_plover,
    predict,
    read_plover,
    score_plover,
)
from eventcoder.model import Actor, Article, ArticleMeta, Event, Span
from eventcoder.ontology.acled import PLOVER_EVENTS
from eventcoder.settings import Settings

GOLD = Path(__file__).parent.parent / "fixtures" / "evaluate" / "mini-plover-gsr.json"
TEXT = "Eritrean troops shelled Ethiopian positions and the army said it was ready."


def _span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text), text)


def _event(trigger: str, plover: str, *actors: Actor) -> Event:
    return Event(trigger, _span(trigger), Span(0, len(TEXT), TEXT), plover, actors=actors)


def test_mapping_lands_on_current_plover_types():
    assert len(OLD_TO_CURRENT) == 18
    assert {new for new, _ in OLD_TO_CURRENT.values()} <= set(PLOVER_EVENTS)
    assert OLD_TO_CURRENT["DISAPPROVE"][0] == "ACCUSE"
    assert OLD_TO_CURRENT["FIGHT"][0] == "ASSAULT"
    assert OLD_TO_CURRENT["DEMAND"][0] == "REQUEST"
    assert all(why for _, why in OLD_TO_CURRENT.values())


def test_reads_records_skipping_documentation():
    records = read_plover(GOLD)
    assert [r.label for r in records] == ["DISAPPROVE", "FIGHT", "AGREE", "DEMAND", "INVESTIGATE"]
    assert [r.plover for r in records] == ["ACCUSE", "ASSAULT", "AGREE", "REQUEST", "ACCUSE"]
    agree = records[2]
    assert agree.sources == ("Peru", "Ecuador") and agree.targets == ()  # target "" is none
    assert records[4].targets == ()  # no target key
    assert len(read_plover(GOLD, limit=2)) == 2


def test_unknown_event_label_is_named(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "X-1", "event": "FIGHTS", "text": "Troops fought."}]',
                   encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown event 'FIGHTS'"):
        read_plover(bad)


def test_unreadable_file_says_what_to_give(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": ', encoding="utf-8")
    with pytest.raises(ResourceError, match="JSON list"):
        read_plover(bad)


def test_actor_match_is_case_insensitive_containment_either_way():
    assert actor_matches(["Eritrean troops"], ["eritrean  TROOPS along the border"])
    assert actor_matches(["the Eritrean troops"], ["Eritrean troops"])
    assert actor_matches(["it", "Military Forces of Eritrea"], ["Eritrea"])  # canonical name
    assert not actor_matches(["Ethiopian positions"], ["Eritrean troops"])
    assert actor_matches(["U.S."], ["the U.S. envoy"])
    assert not actor_matches(["set"], ["Jewish settlers"])  # whole words only
    assert not actor_matches(["", " - "], ["Eritrea"])  # a text without words never matches
    assert not actor_matches([], ["Eritrea"])


def test_best_event_prefers_the_gold_type_then_the_first():
    said = _event("said", "ACCUSE")
    shelled = _event("shelled", "ASSAULT")
    article = Article(ArticleMeta(id="a"), TEXT, events=(said, shelled))
    assert best_event(article, "ASSAULT") is shelled
    assert best_event(article, "CONSULT") is shelled  # first by trigger offset
    assert best_event(Article(ArticleMeta(id="b"), TEXT), "ASSAULT") is None


def test_prediction_carries_span_text_and_canonical_name():
    troops = Actor("actor1", _span("Eritrean troops"), "Military Forces of Eritrea")
    article = Article(ArticleMeta(id="a"), TEXT, events=(_event("shelled", "ASSAULT", troops),))
    prediction = predict(article, "ASSAULT")
    assert prediction == Prediction("ASSAULT", ("Eritrean troops", "Military Forces of Eritrea"))


def test_scores_hand_built_predictions():
    records = [
        PloverRecord("1", "", "FIGHT", ("Eritrean troops",), ("Ethiopian positions",)),
        PloverRecord("2", "", "DISAPPROVE", ("Lithuania",), ("Belarus",)),
        PloverRecord("3", "", "AGREE", ("Peru", "Ecuador")),
        PloverRecord("4", "", "DEMAND", ("dockworkers",), ("port authority",)),
    ]
    predictions = [
        Prediction("ASSAULT", ("Eritrean troops", "Military Forces of Eritrea"),
                   ("positions", "Ethiopian positions")),
        Prediction("ASSAULT", ("Vilnius", "Government of Lithuania"), ("Minsk", "Minsk")),
        Prediction("AGREE", ("Peru and Ecuador", "Peru and Ecuador")),
        Prediction(),  # no event: wrong type, actors missed
    ]
    scores = score_plover(records, predictions)
    assert scores["type_accuracy"] == 0.5 and scores["coverage"] == 0.75
    assert scores["records_with_source"] == 4 and scores["actor1_match"] == 0.75
    assert scores["actor1_match_text"] == 0.5  # "Vilnius" matches only through its name
    assert scores["records_with_target"] == 3 and scores["actor2_match"] == round(1 / 3, 4)
    assert scores["per_type"]["REQUEST"] == {"support": 1, "correct": 0, "accuracy": 0.0,
                                             "no_event": 1}
    assert scores["top_confusions"] == [{"gold": "ACCUSE", "predicted": "ASSAULT", "count": 1}]


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="one prediction per record"):
        score_plover([PloverRecord("1", "", "AGREE")], [])


def test_evaluates_the_pipeline_on_the_file():
    scores = evaluate_plover(GOLD, Settings())
    assert scores["records"] == 5 and scores["rejected"] == 0
    assert scores["records_with_source"] == 5 and scores["records_with_target"] == 3
    assert sum(t["support"] for t in scores["per_type"].values()) == 5
    assert 0.0 < scores["coverage"] <= 1.0
    for name in ("type_accuracy", "actor1_match", "actor2_match"):
        assert 0.0 <= scores[name] <= 1.0
