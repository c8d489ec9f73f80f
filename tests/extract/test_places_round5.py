"""Places rules of the third session (issue 4, fifth round) on written sentences: a country
named like a state of the article's country, the EU, hamlets named like firms, and a
hamlet with its state after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, ArticleMeta
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURE = Path(__file__).parent.parent / "fixtures" / "geo" / "detection-round5.txt"


@pytest.fixture(scope="module")
def lines():
    stage = PlacesStage(Settings())
    stage.warm_up()
    model = nlp(Settings())
    found = []
    for number, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines()):
        article = Article(ArticleMeta(id=str(number)), line)
        found.append({p.span.text: p for p in stage(article, model(line)).places})
    return found


def test_georgia_beside_us_places_is_the_state_and_atlanta_its_capital(lines):
    places = lines[0]
    assert (places["Georgia"].feature, places["Georgia"].country_code) == ("admin1", "US")
    assert places["Atlanta"].admin1 == "Georgia"  # not Atlanta, Texas (pop. 5,600)


def test_georgia_beside_tbilisi_is_the_country(lines):
    places = lines[1]
    assert (places["Georgia"].feature, places["Georgia"].country_code) == ("country", "GE")


def test_eu_is_the_european_union_not_a_french_town(lines):
    eu = [p for text, p in lines[2].items() if text == "EU"]
    assert eu and eu[0].name == "European Union" and eu[0].feature == "region"


def test_a_hamlet_named_like_a_firm_is_not_a_place(lines):
    assert "Stevens" not in lines[3]  # Stevens, Pennsylvania has 612 people


def test_a_hamlet_with_its_state_after_it_is_found(lines):
    swansea = lines[4]["Swansea"]  # 891 people: in cities500, not in cities1000
    assert (swansea.country_code, swansea.admin1) == ("US", "South Carolina")


def test_a_name_in_a_country_bordering_those_named_is_near_them(lines):
    gaza = lines[5]["Gaza"]  # Gaza City, not Mozambique's Gaza province (larger)
    assert gaza.country_code == "PS"


def test_neighbours_are_symmetric() -> None:
    from eventcoder.resolve.gazetteer_build import country_neighbours

    near = country_neighbours()
    assert "PS" in near["IL"] and "IL" in near["PS"]  # countryinfo lists only one way
    assert {"CA", "MX"} <= near["US"]
