"""B-cubed and adjusted Rand index against hand-computed values."""

from __future__ import annotations

import pytest

from eventcoder.evaluate.clusters import adjusted_rand_index, bcubed

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}


def test_perfect_clustering() -> None:
    assert bcubed(GOLD, GOLD)["f1"] == 1.0
    assert adjusted_rand_index(GOLD, GOLD) == 1.0


def test_all_in_one_cluster() -> None:
    scores = bcubed(dict.fromkeys(GOLD, 0), GOLD)
    assert scores["recall"] == 1.0
    assert scores["precision"] == pytest.approx((2 * 2 / 5 + 3 * 3 / 5) / 5)
    assert adjusted_rand_index(dict.fromkeys(GOLD, 0), GOLD) == 0.0


def test_ari_of_a_known_example() -> None:
    predicted = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    # contingency [[2,0],[1,2]]: index 2, a=4, b=4, expected 1.6, max 4 -> 0.4/2.4
    assert adjusted_rand_index(predicted, GOLD) == pytest.approx(0.4 / 2.4)
