"""The offline gazetteer: lookups, alternate names, demonyms, context, the disk cache."""

from __future__ import annotations

import pytest

from eventcoder.resolve.gazetteer import (
    ResolveContext,
    cache_file,
    haversine_km,
    load_gazetteer,
)
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
