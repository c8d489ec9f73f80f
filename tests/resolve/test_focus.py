"""Source focus: keys, learning a profile without labels, the JSON file, telling names."""

from __future__ import annotations

import pytest

from eventcoder.errors import ResourceError
from eventcoder.model import Place, Span
from eventcoder.resolve.focus import (
    Focus,
    SourceProfile,
    learn_profile,
    load_profile,
    save_profile,
    source_key,
    telling,
)
from eventcoder.resolve.gazetteer import load_gazetteer
from eventcoder.settings import Settings


def place(text: str, admin1: str | None, country: str = "US", feature: str = "city",
          lat: float | None = 1.0, lon: float | None = 2.0) -> Place:
    return Place(Span(0, len(text), text), text, None, lat, lon, country, feature, admin1)


def test_source_key_is_the_domain_without_www():
    assert source_key("www.TheTownTalk.com") == "thetowntalk.com"
    assert source_key(None, "http://www.example.org/a/b?c=1") == "example.org"
    assert source_key("paper.example", "http://other.example/") == "paper.example"
    assert source_key(None, None) is None and source_key("  ") is None


def test_learns_the_state_most_articles_name_and_its_town():
    tn = [place("Paris", "Tennessee"), place("Tennessee", "Tennessee", feature="admin1")]
    articles = [("paper.example", tn), ("paper.example", tn[:1]),
                ("paper.example", [place("Atlanta", "Georgia")])]
    focus = learn_profile(articles).focus("www.paper.example")
    assert focus == Focus("US", "Tennessee", "Paris", 1.0, 2.0)


def test_no_focus_without_agreement():
    articles = [("wire.example", [place("Paris", "Tennessee")]),
                ("wire.example", [place("Lyon", "Auvergne-Rhone-Alpes", "FR")]),
                ("wire.example", [place("Osaka", "Osaka", "JP")])]
    assert learn_profile(articles).focus("wire.example") is None


def test_a_country_is_the_focus_when_no_state_is():
    articles = [("gazette.example", [place("Haifa", "Haifa", "IL")]),
                ("gazette.example", [place("Eilat", "Southern District", "IL")]),
                ("gazette.example", [place("Jerusalem", None, "IL", "country")])]
    assert learn_profile(articles).focus("gazette.example") == Focus("IL")


def test_associative_places_do_not_vote():
    egyptian = Place(Span(0, 8, "Egyptian"), "Egypt", 357994, 27.0, 30.0, "EG", "country",
                     associative=True)
    articles = [("x.example", [egyptian]), ("x.example", [egyptian])]
    assert len(learn_profile(articles)) == 0


def test_profile_file_round_trip(tmp_path):
    profile = SourceProfile({"paper.example": Focus("US", "Ohio", "Dublin", 40.1, -83.1)})
    path = tmp_path / "sources.json"
    save_profile(profile, path)
    assert load_profile(path).focus(None, "https://www.paper.example/x") == Focus(
        "US", "Ohio", "Dublin", 40.1, -83.1)


def test_bad_profile_file_says_what_to_give(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"paper.example": {"state": "Ohio"}}', encoding="utf-8")
    with pytest.raises(ResourceError, match="mapping domains"):
        load_profile(path)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings())


def resolved(gaz, text: str) -> Place:
    entry = gaz.resolve(text)
    return Place(Span(0, len(text), text), entry.name, entry.geonameid, entry.lat, entry.lon,
                 entry.country_code, entry.feature, entry.admin1)


@pytest.mark.parametrize("name", ["Tennessee", "Chattanooga", "Louisiana"])
def test_names_that_tell_their_state(gaz, name):
    assert telling(resolved(gaz, name), gaz)


@pytest.mark.parametrize("name", ["Paris", "Athens", "Henry County", "Dublin City"])
def test_names_that_need_context(gaz, name):
    assert not telling(resolved(gaz, name), gaz)


def test_a_state_named_like_a_country_tells_its_state(gaz):
    """Georgia resolved as the US state (the article's country told it from the country)
    votes for Georgia: the Atlanta and Augusta papers' focus."""
    georgia = gaz.candidates("Georgia")
    state = next(e for e in georgia if e.feature == "admin1")
    assert georgia[0].feature == "country"  # the country is the likelier reading alone
    place = Place(Span(0, 7, "Georgia"), state.name, None, state.lat, state.lon, "US",
                  "admin1", "Georgia")
    assert telling(place, gaz)
    articles = [("ga-paper.example", [place]), ("ga-paper.example", [place])]
    assert learn_profile(articles, gaz).focus("ga-paper.example").admin1 == "Georgia"
