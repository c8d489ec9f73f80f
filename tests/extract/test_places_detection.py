"""Detection rules of the places stage (issue 4, second round) on real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, ArticleMeta
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURE = Path(__file__).parent.parent / "fixtures" / "geo" / "detection-local.txt"


@pytest.fixture(scope="module")
def lines():
    stage = PlacesStage(Settings())
    stage.warm_up()
    model = nlp(Settings())
    found = []
    for number, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines()):
        article = Article(ArticleMeta(id=str(number)), line)
        found.append([p for p in stage(article, model(line)).places if not p.associative])
    return found


def texts(places) -> set[str]:
    return {p.span.text for p in places}


def test_legislator_home_town_after_party_letter(lines):
    assert "Elbow Lake" in texts(lines[0])


def test_names_listed_before_a_plural_area_word(lines):
    assert {"Walton", "Clay", "Jackson"} <= texts(lines[1])


def test_model_year_makes_a_car_not_a_town(lines):
    assert "Cadillac" not in texts(lines[2])


def test_a_building_after_the_is_not_a_town(lines):
    assert "White House" not in texts(lines[3])


def test_continent_and_region_are_named_without_a_point(lines):
    found = {p.span.text: p for p in lines[4]}
    assert found["Europe"].geonameid == 6255148
    assert found["Middle East"].name == "Middle East"
    assert all(found[n].feature == "region" and found[n].country_code is None
               and found[n].lat is not None
               for n in ("Europe", "Middle East"))  # a point, but never an event's location


def test_river_is_found_by_its_generic_word(lines):
    river = next(p for p in lines[5] if p.span.text == "Neches River")
    assert river.feature == "site" and river.lat is None
