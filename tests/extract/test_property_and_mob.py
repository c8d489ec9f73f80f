"""Looting, arson and mob violence where the lexicon used to find no event.

Sentences written for these tests from the ACLED 2023 codebook's definitions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventcoder.evaluate.case import predict_sub_type
from eventcoder.model import Article

CASES = [
    ("Dozens of men went on a looting spree in the township overnight.",
     "Looting/property destruction"),
    ("Several shops owned by migrants were torched in the market town on Monday.",
     "Looting/property destruction"),
    ("A suspected thief was set ablaze by an angry mob in the village on Friday.",
     "Mob violence"),
    ("The district has seen a resurgence of mob violence against the Muslim minority.",
     "Mob violence"),
    ("Libya's rival governments conducted an exchange of prisoners on Monday.", "Agreement"),
    ("The president said he had reached an agreement with the mutinous soldiers to end the "
     "mutiny.", "Agreement"),
    ("Activists staged a die-in outside the parliament on Saturday.", "Peaceful protest"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_acled_sub_type(code: Callable[..., Article], text: str, sub_type: str) -> None:
    assert predict_sub_type(code(text)) == sub_type


def test_a_team_of_vigilantes_is_not_sport(code: Callable[..., Article]) -> None:
    article = code("A team of vigilantes repelled armed herdsmen who attacked their village.")
    assert predict_sub_type(article) is not None


def test_a_sports_report_stays_out(code: Callable[..., Article]) -> None:
    article = code("The striker's late goal sealed the league title for the team on Sunday.")
    assert predict_sub_type(article) is None

