"""Bare US county names ("Douglas", "Oconee") and the source's home state in resolution."""

from __future__ import annotations

import pytest

from eventcoder.resolve.gazetteer import ResolveContext, load_gazetteer
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings())


def test_bare_county_names_are_indexed_apart(gaz):
    assert {e.admin1 for e in gaz.county_names("Oconee")} == {"Georgia", "South Carolina"}
    assert all(e.feature == "admin2" for e in gaz.county_names("Otter Tail"))
    # not a candidate for detection: bare county names are mostly surnames
    assert not gaz.known("Oconee")
    assert all(e.country_code != "US" or e.feature != "admin2" for e in gaz.candidates("Lincoln"))


def test_a_bare_county_name_resolves_in_the_home_state(gaz):
    minnesota = gaz.resolve("Minnesota")
    local = ResolveContext(frozenset({"US"}), (minnesota,), ("US", "Minnesota"))
    entry = gaz.resolve("Douglas", local)
    assert (entry.name, entry.admin1) == ("Douglas County", "Minnesota")


def test_the_home_state_beats_a_state_the_article_only_names(gaz):
    indiana, kentucky = gaz.resolve("Indiana"), gaz.resolve("Kentucky")
    named = ResolveContext(frozenset({"US"}), (indiana, kentucky))
    assert gaz.resolve("Boone County", named).admin1 == "Kentucky"  # the larger Boone County
    home = ResolveContext(frozenset({"US"}), (indiana, kentucky), ("US", "Indiana"))
    assert gaz.resolve("Boone County", home).admin1 == "Indiana"
