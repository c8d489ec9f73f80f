"""Scoring ACLED sub-event typing on a small CASE-format file written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.evaluate.case import (
    CASE_TO_ACLED,
    evaluate_case,
    predict_sub_type,
    read_case,
    score_case,
)
from eventcoder.model import Article, ArticleMeta, Event, Span
from eventcoder.ontology.acled import ACLED_SUB_TYPES
from eventcoder.settings import Settings

GOLD = Path(__file__).parent.parent / "fixtures" / "evaluate" / "mini-case.tsv"


def _event(start: int, sub_type: str | None, plover: str = "ASSAULT") -> Event:
    trigger = Span(start, start + 4, "word")
    return Event(f"e{start}", trigger, Span(0, 100, ""), plover,
                 acled_event_type=ACLED_SUB_TYPES[sub_type] if sub_type else None,
                 acled_sub_event_type=sub_type)


def _article(*events: Event) -> Article:
    return Article(ArticleMeta(id="a"), "x" * 100, events=events)


def test_mapping_covers_the_25_acled_sub_types_and_5_outside():
    inside = {v for v in CASE_TO_ACLED.values() if v is not None}
    assert inside == set(ACLED_SUB_TYPES)
    assert len(CASE_TO_ACLED) == 30
    assert CASE_TO_ACLED["PROPERTY_DISTRUCT"] == "Looting/property destruction"
    assert CASE_TO_ACLED["DIPLO"] is None


def test_reads_snippets_and_labels():
    items = read_case(GOLD)
    assert [i.id for i in items][:2] == ["10", "12"]
    assert len(items) == 8
    assert items[0].sub_type == "Arrests"
    assert '"early resumption"' in items[5].text  # quotes are text, not TSV quoting
    assert [i.label for i in read_case(GOLD, limit=3)] == ["ARREST", "PEACE_PROTEST",
                                                           "REM_EXPLOS"]


def test_unknown_label_names_the_line_and_the_labels(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tEventSnippet\tSubType\n1\tTroops fired on a crowd.\tSHOOTING\n",
                   encoding="utf-8")
    with pytest.raises(ResourceError, match=r"bad.tsv:2: unknown CASE label 'SHOOTING'"):
        read_case(bad)


def test_missing_column_says_what_to_give(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\tlabel\n1\tTroops fired on a crowd.\tATTACK\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="lacks column"):
        read_case(bad)


def test_prediction_is_the_first_acled_event_by_trigger_offset():
    # events given out of order; the non-ACLED event at offset 2 is passed over
    article = _article(_event(50, "Attack"), _event(2, None, "ACCUSE"), _event(20, "Grenade"))
    assert predict_sub_type(article) == "Grenade"
    assert predict_sub_type(_article(_event(2, None, "CONSULT"))) is None
    assert predict_sub_type(_article()) is None


def test_scores_a_hand_built_case():
    labels = ["PEACE_PROTEST", "PEACE_PROTEST", "ARREST", "ARREST", "ARMED_CLASH",
              "DIPLO", "NATURAL_DISASTER"]
    predicted = ["Peaceful protest", "Peaceful protest", "Arrests", None,
                 "Government regains territory", None, "Other"]
    scores = score_case(labels, predicted)
    # Peaceful protest F1 1.0; Arrests P 1 R 1/2 F1 2/3; Armed clash F1 0.
    # Government regains territory and Other are predicted but absent from gold: not averaged.
    assert scores["macro_f1"] == round((1 + 2 / 3 + 0) / 3, 4)
    assert list(scores["per_class"]) == ["Armed clash", "Peaceful protest", "Arrests"]
    assert scores["per_class"]["Arrests"]["recall"] == 0.5
    assert scores["accuracy"] == round(4 / 7, 4)
    assert scores["accuracy_acled"] == 0.6
    assert scores["event_type_accuracy_acled"] == 0.8  # clash vs regains: both Battles
    assert scores["non_acled_accuracy"] == 0.5
    assert scores["non_acled_by_label"]["NATURAL_DISASTER"] == {"support": 1, "correct": 0}
    pairs = {(c["gold"], c["predicted"]) for c in scores["top_confusions"]}
    assert pairs == {("Arrests", "no ACLED event"), ("no ACLED event", "Other"),
                     ("Armed clash", "Government regains territory")}


def test_perfect_predictions_score_one():
    labels = ["GRENADE", "ORG_CRIME", "SUIC_BOMB"]
    scores = score_case(labels, [CASE_TO_ACLED[label] for label in labels])
    assert scores["macro_f1"] == scores["accuracy"] == scores["non_acled_accuracy"] == 1.0
    assert scores["top_confusions"] == []


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="one prediction per gold snippet"):
        score_case(["ARREST"], [])


def test_evaluates_the_pipeline_on_the_file():
    scores = evaluate_case(GOLD, Settings())
    assert (scores["snippets"], scores["acled_snippets"], scores["non_acled_snippets"]) == (8, 4, 4)
    assert set(scores["per_class"]) == {"Arrests", "Peaceful protest",
                                        "Remote explosive/landmine/IED", "Armed clash"}
    assert sum(r["support"] for r in scores["non_acled_by_label"].values()) == 4
    assert scores["rejected"] == 0
    assert 0.0 <= scores["macro_f1"] <= 1.0
    assert scores["per_class"]["Arrests"]["true_positives"] == 1  # "Police arrested 14 ..."
