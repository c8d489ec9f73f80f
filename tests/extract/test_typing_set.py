"""Floors on the project's own typing set (tests/fixtures/typing/sentences.tsv).

The set is written for eventcoder from the ACLED 2023 and PLOVER 2020 codebooks
(see tests/fixtures/typing/README.md): one sentence a row with its expected ACLED
sub-event type (empty: no ACLED event), PLOVER type and actor1/actor2 text
("-": not checked). It is scored as the CASE and PLOVER sets are: the ACLED
prediction is the first ACLED-coded event, the PLOVER prediction the best event.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from eventcoder.evaluate.case import predict_sub_type
from eventcoder.evaluate.plover import actor_matches, predict
from eventcoder.model import Article
from eventcoder.ontology.acled import ACLED_SUB_TYPES

SET = Path(__file__).parents[1] / "fixtures" / "typing" / "sentences.tsv"


def _rows() -> list[dict[str, str]]:
    with SET.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def scored(code: Callable[..., Article]) -> dict[str, list[bool]]:
    """Per-row hits of each figure over the rows that check it."""
    hits: dict[str, list[bool]] = {"sub": [], "none": [], "plover": [], "actor1": [], "actor2": []}
    for row in _rows():
        article = code(row["text"], None)
        gold_sub = row["acled_sub_event_type"] or None
        hits["sub" if gold_sub else "none"].append(predict_sub_type(article) == gold_sub)
        if row["plover"] != "-":
            guess = predict(article, row["plover"])
            hits["plover"].append(guess.plover == row["plover"])
            for role, found in (("actor1", guess.actor1), ("actor2", guess.actor2)):
                if row[role] != "-":
                    hits[role].append(actor_matches(found[:1], [row[role]]))
    return hits


def _rate(hits: list[bool]) -> float:
    return sum(hits) / len(hits)


def test_set_covers_every_acled_sub_type() -> None:
    subs = {row["acled_sub_event_type"] for row in _rows()}
    assert set(ACLED_SUB_TYPES) <= subs
    assert len(_rows()) >= 150


def test_acled_sub_types_floor(scored: dict[str, list[bool]]) -> None:
    assert _rate(scored["sub"]) >= 0.75


def test_no_acled_event_floor(scored: dict[str, list[bool]]) -> None:
    assert _rate(scored["none"]) >= 0.80


def test_plover_type_floor(scored: dict[str, list[bool]]) -> None:
    assert _rate(scored["plover"]) >= 0.75


def test_actor_floors(scored: dict[str, list[bool]]) -> None:
    assert _rate(scored["actor1"]) >= 0.70
    assert _rate(scored["actor2"]) >= 0.50
