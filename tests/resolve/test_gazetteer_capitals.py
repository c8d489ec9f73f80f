"""National capitals against same-named states of their country."""

from __future__ import annotations

import pytest

from eventcoder.resolve.gazetteer import ResolveContext, load_gazetteer
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings())


def test_bare_washington_is_the_capital(gaz):
    assert gaz.resolve("Washington").admin1 == "District of Columbia"


def test_the_state_wins_when_the_article_names_its_towns(gaz):
    seattle = gaz.resolve("Seattle")
    entry = gaz.resolve("Washington", ResolveContext(frozenset({"US"}), (seattle,)))
    assert entry.feature == "admin1"


def test_washington_state_is_still_the_state(gaz):
    assert gaz.resolve("Washington state").feature == "admin1"
