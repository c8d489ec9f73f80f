"""PLOVER typing of verbal and non-violent events by the trigger lexicon.

The sentences of tests/fixtures/events/verbal-sentences.tsv were written for these
tests from the CAMEO verb dictionaries and the PLOVER 2020 types; each names the
type its first event must have.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from eventcoder.model import Article

ROWS = Path(__file__).parents[1] / "fixtures" / "events" / "verbal-sentences.tsv"


def _rows() -> list[tuple[str, str]]:
    with ROWS.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["plover"], row["text"]) for row in reader]


def _types(article: Article) -> list[str]:
    return [e.plover for e in sorted(article.events, key=lambda e: e.trigger.start)]


@pytest.mark.parametrize(("plover", "text"), _rows())
def test_first_event_has_the_cameo_type(
    code: Callable[..., Article], plover: str, text: str
) -> None:
    assert _types(code(text))[:1] == [plover]


def test_agreed_complement_is_not_a_separate_event(code: Callable[..., Article]) -> None:
    article = code("The rebels agreed to withdraw from the town by Friday.")
    assert _types(article) == ["AGREE"]


def test_urged_complement_is_not_a_separate_event(code: Callable[..., Article]) -> None:
    article = code("The bishops urged the gunmen to release the hostages.")
    assert _types(article) == ["REQUEST"]


def test_refused_complement_is_not_a_separate_event(code: Callable[..., Article]) -> None:
    article = code("The junta refused to release the detained journalists.")
    assert _types(article) == ["REJECT"]


def test_vow_to_use_force_is_a_threat(code: Callable[..., Article]) -> None:
    article = code("The militia leader vowed to storm the city.")
    assert _types(article) == ["THREATEN"]


def test_vow_of_help_stays_an_agreement(code: Callable[..., Article]) -> None:
    article = code("The prime minister vowed to rebuild the flooded schools before the rains.")
    assert _types(article)[:1] == ["AGREE"]


def test_decided_withdrawal_is_the_withdrawal(code: Callable[..., Article]) -> None:
    article = code("The government decided to withdraw its troops from the disputed island.")
    assert _types(article) == ["RETREAT"]


def test_asserted_attack_is_not_a_threat(code: Callable[..., Article]) -> None:
    article = code("Gunmen attacked a police post in the town on Monday, killing two officers.")
    assert "THREATEN" not in _types(article)
    assert _types(article)[0] == "ASSAULT"
