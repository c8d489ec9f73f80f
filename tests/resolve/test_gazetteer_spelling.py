"""Short generic words of town names ("St.", "Mt.", "Ft.") are spelt out when resolving."""

from __future__ import annotations

import pytest

from eventcoder.resolve.gazetteer import load_gazetteer
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings())


@pytest.mark.parametrize(("short", "name"), [("St. Cloud", "Saint Cloud"),
                                             ("Mt. Pleasant", "Mount Pleasant"),
                                             ("Ft. Worth", "Fort Worth")])
def test_short_word_resolves_to_the_spelt_out_name(gaz, short, name):
    assert gaz.resolve(short).name == name


def test_spelt_out_name_is_not_a_main_name_for_detection(gaz):
    # detection keeps its caution: "St. Michael's" is mostly a school or a church
    assert gaz.has_primary("Saint Michael") and not gaz.has_primary("St. Michael")
    assert gaz.resolve("St. Michael").name == "Saint Michael"
