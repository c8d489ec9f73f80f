"""Local readings in the places stage: county lists, and towns named like countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, ArticleMeta
from eventcoder.resolve.focus import Focus, SourceProfile
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "geo"
PROFILE = SourceProfile({"local.example": Focus("US", "Minnesota"),
                         "athens.example": Focus("US", "Georgia")})


def places(name: str, source: str | None):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    article = Article(ArticleMeta(id=name, source=source), text)
    return PlacesStage(Settings(), PROFILE)(article, nlp(Settings())(text)).places


@pytest.fixture(scope="module")
def county_list():
    return {p.span.text: p for p in places("county-list-local.txt", "athens.example")}


def test_a_county_list_gives_counties(county_list):
    assert county_list["Oconee"].name == "Oconee County"
    assert county_list["Walton"].name == "Walton County"
    assert {county_list[n].admin1 for n in ("Oconee", "Walton")} == {"Georgia"}


def test_a_country_name_is_the_home_states_town_in_local_news():
    found = {p.span.text: p for p in places("county-list-local.txt", "local.example")}
    assert (found["Jordan"].feature, found["Jordan"].admin1) == ("city", "Minnesota")


def test_a_country_name_stays_the_country_when_the_article_is_abroad():
    found = {p.span.text: p for p in places("jordan-abroad.txt", "local.example")}
    assert (found["Jordan"].feature, found["Jordan"].country_code) == ("country", "JO")
