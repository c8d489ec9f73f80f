"""Detection rules of the places stage (issue 4, fourth round) on written sentences:
adjectives of places, datelines after the date, delegates' counties, lists of streets and
the public bodies of big towns."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extract.places import PlacesStage, adjective_of
from eventcoder.model import Article, ArticleMeta
from eventcoder.resolve.gazetteer import load_gazetteer
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURE = Path(__file__).parent.parent / "fixtures" / "geo" / "detection-round4.txt"


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


@pytest.mark.parametrize(("word", "place"), [
    ("Ohioans", "Ohio"), ("Floridian", "Florida"), ("Ontarians", "Ontario"),
    ("Texan", "Texas"), ("Dagestani", "Dagestan"), ("Londoner", "London"),
    ("South Ossetian", "South Ossetia"), ("Abkhaz", "Abkhazia"), ("European", "Europe"),
])
def test_adjective_names_its_place(word, place):
    assert adjective_of(word, load_gazetteer(Settings())) == place


@pytest.mark.parametrize("word", ["Brian", "Adrian", "Susan", "Christian", "Republican",
                                  "Megan", "Logan", "Martian"])
def test_first_names_and_common_adjectives_name_no_place(word):
    assert adjective_of(word, load_gazetteer(Settings())) is None


def test_people_of_a_state_are_associative_places(lines):
    found = lines[0]
    assert {"Ohioans", "Floridians", "Texans"} <= found.keys()
    assert all(found[w].associative for w in ("Ohioans", "Floridians", "Texans"))
    assert found["Ohioans"].admin1 == "Ohio" and found["Texans"].country_code == "US"


def test_adjective_of_a_region_is_associative_and_never_a_location(lines):
    found = lines[1]
    assert found["South Ossetian"].associative and found["South Ossetian"].feature == "region"
    assert found["Abkhaz"].associative and found["Londoners"].name == "London"


def test_dateline_after_the_date_is_found(lines):
    assert lines[2]["NEWARK"].country_code == "US"


def test_delegate_county_after_party_letter(lines):
    braxton = lines[3]["Braxton"]
    assert braxton.feature == "admin2" and braxton.admin1 == "West Virginia"


def test_names_listed_before_plural_street_word_are_streets(lines):
    found = lines[4]
    assert {"Culver", "Charter", "Williams", "Cranberry"} <= found.keys()
    assert all(found[n].feature == "site" and found[n].lat is None
               for n in ("Culver", "Charter", "Williams", "Cranberry"))


def test_big_town_public_body_names_the_town_but_small_town_school_does_not(lines):
    assert "Vancouver" in lines[5]
    assert "Lipscomb" not in lines[5]


def test_first_names_are_not_adjectives_of_places(lines):
    assert not {"Brian", "Megan", "Ryan"} & lines[6].keys()


def test_short_saint_resolves_to_the_spelt_out_town(lines):
    place = lines[7].get("St. Cloud")
    assert place is None or place.name == "Saint Cloud"
