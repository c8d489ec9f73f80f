"""The places stage on real sentences, through the real spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, ArticleMeta
from eventcoder.pipeline import REGISTRY
from eventcoder.resolve.gazetteer import haversine_km
from eventcoder.resources import nlp
from eventcoder.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "places"


@pytest.fixture(scope="module")
def stage():
    stage = PlacesStage(Settings())
    stage.warm_up()
    return stage


@pytest.fixture(scope="module")
def model():
    return nlp(Settings())


def places_of(name: str, stage, model):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    article = Article(ArticleMeta(id=name), text)
    return stage(article, model(text)).places


@pytest.fixture(scope="module")
def seed(stage, model):
    return places_of("kazakhstan-2022-01-07.txt", stage, model)


def test_stage_is_registered():
    assert REGISTRY["places"] is PlacesStage
    assert PlacesStage.reads == ("text",) and PlacesStage.adds == ("places",)


def test_spans_point_into_the_text_in_order(seed):
    text = (FIXTURES / "kazakhstan-2022-01-07.txt").read_text(encoding="utf-8")
    assert all(text[p.span.start:p.span.end] == p.span.text for p in seed)
    assert [p.span.start for p in seed] == sorted(p.span.start for p in seed)


def test_city_after_kazakh_city_of(seed):
    taldy = [p for p in seed if p.span.text == "Taldykorgan"]
    assert len(taldy) == 2
    assert all((p.name, p.country_code, p.feature) == ("Taldykorgan", "KZ", "city")
               for p in taldy)
    kazakh = next(p for p in seed if p.span.text == "Kazakh")
    assert kazakh.associative and kazakh.country_code == "KZ"


def test_old_name_resolves_to_almaty(seed):
    alma = [p for p in seed if p.span.text == "Alma-Ata"]
    assert len(alma) == 3 and {p.name for p in alma} == {"Almaty"}


def test_airport_is_a_site_near_the_city(seed):
    airport = next(p for p in seed if p.span.text == "Alma-Ata airport")
    assert airport.feature == "site" and airport.name == "Almaty airport"
    assert haversine_km(airport.lat, airport.lon, 43.35, 77.04) < 30
    assert any(p.feature == "site" and p.country_code == "AM" for p in seed)  # Yerevan airport


def test_country_names_get_country_points(seed):
    kz = next(p for p in seed if p.span.text == "Kazakhstan")
    assert (kz.feature, kz.geonameid, kz.associative) == ("country", 1522867, False)
    assert haversine_km(kz.lat, kz.lon, 48.0, 68.0) < 161
    federation = next(p for p in seed if p.span.text == "Russian Federation")
    assert federation.country_code == "RU" and not federation.associative


def test_demonyms_are_associative(seed):
    belarusian = next(p for p in seed if p.span.text == "Belarusian")
    assert belarusian.associative and belarusian.country_code == "BY"
    assert belarusian.feature == "country"
    assert all(p.associative for p in seed if p.span.text in ("Russian", "Kazakhstani"))


def test_person_named_alma_is_not_a_place(stage, model):
    assert places_of("person-alma.txt", stage, model) == ()


def test_names_with_diacritics(stage, model):
    found = {p.span.text: p.country_code for p in places_of("diacritics.txt", stage, model)}
    assert found == {"Zürich": "CH", "São Paulo": "BR", "Kraków": "PL"}


def test_us_local_news_stays_in_the_us(stage, model):
    found = places_of("us-local.txt", stage, model)
    by_text = {p.span.text: p for p in found}
    assert by_text["Georgia"].feature == "admin1"  # not the country
    assert by_text["Athens"].admin1 == "Georgia"  # "Athens, Ga.", not Greece
    assert "Dublin" not in by_text  # "Dublin Road" is a street
    assert by_text["Dublin Road"].feature == "site" and by_text["Dublin Road"].lat is None
    assert all(p.country_code == "US" for p in found if p.lat is not None)


def test_local_news_rules(stage, model):
    found = places_of("local-rules.txt", stage, model)
    by_text = {p.span.text: p for p in found}
    assert by_text["BEIRUT"].country_code == "LB"  # an all-capitals dateline
    assert by_text["Palestinians"].associative and by_text["Palestinians"].country_code == "PS"
    assert by_text["Georgia"].admin1 == "Georgia" and by_text["Florida"].admin1 == "Florida"
    assert by_text["Gainesville"].admin1 == "Florida"  # spaCy says PERSON
    assert by_text["Florida"].feature == "admin1"  # "Florida Highway Patrol" is no street
    assert {"Main Street", "Highway 19"} <= set(by_text)
    assert by_text["MAIDUGURI"].country_code == "NG"
    for word in ("North", "Northeast", "Ripley", "Walker", "Nov", "West", "Africa"):
        assert word not in by_text, word


def by_text(name: str, stage, model) -> dict:
    return {p.span.text: p for p in places_of(name, stage, model)}


def test_nigerian_state_with_country_after_it(stage, model):
    found = by_text("nigeria-borno.txt", stage, model)
    borno = found["Borno state"]
    assert (borno.name, borno.feature, borno.country_code) == ("Borno", "admin1", "NG")
    assert haversine_km(borno.lat, borno.lon, 11.5, 13.0) < 161
    assert found["Yobe State"].feature == "admin1"
    assert found["Konduga"].admin1 == "Borno"


def test_afghan_province_and_its_capital(stage, model):
    found = by_text("afghanistan-kandahar.txt", stage, model)
    province = found["Kandahar province"]
    assert (province.feature, province.country_code) == ("admin1", "AF")
    assert found["Kandahar"].feature == "city"  # "Kandahar city"
    assert found["Helmand province"].name == "Helmand"


def test_ukrainian_region_and_oblast(stage, model):
    found = by_text("ukraine-donetsk.txt", stage, model)
    for text in ("Donetsk region", "Donetsk oblast", "Luhansk Oblast"):
        assert (found[text].feature, found[text].country_code) == ("admin1", "UA"), text
    assert found["Pokrovsk"].admin1 == "Donetsk"


def test_punjab_follows_the_article_country(stage, model):
    pakistan = by_text("pakistan-punjab.txt", stage, model)["Punjab"]
    india = by_text("india-punjab.txt", stage, model)["Punjab"]
    assert (pakistan.feature, pakistan.country_code) == ("admin1", "PK")
    assert (india.feature, india.country_code) == ("admin1", "IN")


def test_us_county_is_still_the_county(stage, model):
    found = by_text("us-county.txt", stage, model)
    dallas = found["Dallas County"]
    assert (dallas.feature, dallas.admin1, dallas.country_code) == ("admin2", "Texas", "US")
    assert haversine_km(dallas.lat, dallas.lon, 32.77, -96.78) < 30
    assert found["Mesquite"].admin2 == "Dallas County"
