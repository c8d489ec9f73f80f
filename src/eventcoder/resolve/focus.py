"""Publication focus: where a news source's articles are usually set.

A local paper's "Paris" is the Paris near it, not the capital of France. A
:class:`SourceProfile` maps a source's domain ("thetowntalk.com") to its
:class:`Focus` (a country, a state or province, and the town it names most),
which the ``places`` stage uses as a prior for ambiguous names.

Profiles are learned without labels (:func:`learn_profile`) from places already
resolved in a batch of each source's articles: the state most of its articles
name is its focus. They are kept as JSON files mapping domain -> focus
(:func:`save_profile`, :func:`load_profile`), so that a profile learned from one
corpus serves later runs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from eventcoder.errors import ResourceError
from eventcoder.model import Place
from eventcoder.resolve.gazetteer import ADMIN_WORDS, Gazetteer

__all__ = ["Focus", "SourceProfile", "learn_profile", "load_profile", "save_profile",
           "source_key", "telling"]

MIN_ARTICLES = 2  # a focus needs this many of the source's articles to agree
MIN_SHARE = 0.4  # ... and this share of its articles that name a place
STEM_WORDS = ADMIN_WORDS | {"city", "town", "township", "parish"}
CLEAR_MARGIN = 2.0  # importance (log10 population) by which a name's top reading must lead
SHARED_STATES = 3  # an article whose names fit more states than this says nothing
LOCAL_FEATURES = frozenset({"city", "admin2", "admin1"})


@dataclass(frozen=True, slots=True)
class Focus:
    """Where a source's articles are set: a country, maybe a state, maybe a town."""

    country_code: str
    admin1: str | None = None
    place: str | None = None  # the town its articles name most, within admin1
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """A read-only mapping of source domain -> :class:`Focus`."""

    focuses: Mapping[str, Focus] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "focuses", MappingProxyType(dict(self.focuses)))

    def focus(self, source: str | None = None, url: str | None = None) -> Focus | None:
        """Return the focus of the source named by ``source`` (a domain) or ``url``."""
        key = source_key(source, url)
        return None if key is None else self.focuses.get(key)

    def __len__(self) -> int:
        return len(self.focuses)


def source_key(source: str | None = None, url: str | None = None) -> str | None:
    """Return the domain that identifies a source, lowercased without "www."
    ("http://www.TheTownTalk.com/x" -> "thetowntalk.com"); ``source`` wins over ``url``."""
    text = (source or url or "").strip().lower()
    if not text:
        return None
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    return host.removeprefix("www.") or None


def telling(place: Place, gaz: Gazetteer) -> bool:
    """Tell whether ``place`` was resolved without needing context: its name's likeliest
    reading, with every reading in another state or country far less important
    (``CLEAR_MARGIN``): "Tennessee", "Rapides Parish", "Chicago", but not "Paris". A state
    named like a foreign country ("Georgia") is judged against the other states and towns
    so named: the article's country already told it from the country."""
    found = gaz.candidates(place.span.text)
    if place.feature == "admin1":  # a state named like a foreign country ("Georgia") was
        found = [e for e in found if e.feature != "country"]  # told apart by its country
    if not found or (found[0].name, found[0].lat, found[0].lon) != (place.name, place.lat,
                                                                      place.lon):
        return False
    head, _, word = place.span.text.rpartition(" ")
    if head and word.lower() in STEM_WORDS:  # "Dublin City" is as ambiguous as "Dublin"
        found += gaz.candidates(head)
    top = found[0]
    return all(e.importance < top.importance - CLEAR_MARGIN for e in found[1:]
               if (e.country_code, e.admin1) != (top.country_code, top.admin1))


def learn_profile(articles: Iterable[tuple[str | None, Sequence[Place]]],
                  gaz: Gazetteer | None = None, min_articles: int = MIN_ARTICLES,
                  min_share: float = MIN_SHARE) -> SourceProfile:
    """Learn each source's focus from (source key, resolved places) of its articles.

    Each article votes once for every state it names (towns, counties and the
    state itself, not associative mentions; with ``gaz``, only names that are
    :func:`telling` on their own, so that a first pass's mistakes do not feed
    themselves); the state with the most votes is the focus when at least
    ``min_articles`` articles and ``min_share`` of the source's voting articles
    name it. Without such a state, a country named that widely is the focus.
    """
    states: dict[str, Counter] = {}
    countries: dict[str, Counter] = {}
    towns: dict[str, Counter] = {}
    voters: Counter = Counter()
    for key, places in articles:
        if key is None:
            continue
        named = [p for p in places if not p.associative and p.country_code]
        real = [p for p in named if gaz is None or telling(p, gaz)]
        voters[key] += bool(named)
        states.setdefault(key, Counter()).update(_states(real))
        if gaz is not None and not _states(real):
            states[key].update(_shared_states(named, gaz))
        countries.setdefault(key, Counter()).update({p.country_code for p in real})
        towns.setdefault(key, Counter()).update(_towns(named))
    focuses = {}
    for key, n in voters.items():
        found = _focus(states[key], countries[key], towns[key], n, min_articles, min_share)
        if found is not None:
            focuses[key] = found
    return SourceProfile(focuses)


def _states(places: Sequence[Place]) -> set[tuple[str, str]]:
    return {(p.country_code, p.admin1) for p in places
            if p.feature in LOCAL_FEATURES and p.admin1}


def _shared_states(places: Sequence[Place], gaz: Gazetteer) -> Counter:
    """Return the states that most of an article's ambiguous names could all be in
    ("Athens", "Decatur", "Niota": Tennessee), each with a share of one vote; none
    unless two names or more agree on at most ``SHARED_STATES`` states."""
    support: Counter = Counter()
    for text in {p.span.text for p in places if p.feature in LOCAL_FEATURES}:
        support.update({(e.country_code, e.admin1) for e in gaz.candidates(text)
                        if e.feature in LOCAL_FEATURES and e.admin1})
    best = max(support.values(), default=0)
    top = [state for state, n in support.items() if n == best]
    if best < 2 or len(top) > SHARED_STATES:
        return Counter()
    return Counter({state: 1 / len(top) for state in top})


def _towns(places: Sequence[Place]) -> set[tuple[str, str, str, float, float]]:
    return {(p.country_code, p.admin1, p.name, p.lat, p.lon) for p in places
            if p.feature == "city" and p.admin1 and p.lat is not None}


def _focus(states: Counter, countries: Counter, towns: Counter, voters: int,
           min_articles: int, min_share: float) -> Focus | None:
    """Return the focus these per-article votes show, or None when none is clear."""
    need = max(min_articles, min_share * voters)
    for (code, state), n in states.most_common(1):
        if n >= need:
            inside = [(t, k) for t, k in towns.most_common()
                      if t[:2] == (code, state) and k >= min_articles]
            if not inside:
                return Focus(code, state)
            (_, _, name, lat, lon), _ = inside[0]
            return Focus(code, state, name, lat, lon)
    for code, n in countries.most_common(1):
        if n >= need:
            return Focus(code)
    return None


def save_profile(profile: SourceProfile, path: str | Path) -> None:
    """Write ``profile`` as JSON: {domain: {country_code, admin1, place, lat, lon}}."""
    data = {key: asdict(focus) for key, focus in sorted(profile.focuses.items())}
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def load_profile(path: str | Path) -> SourceProfile:
    """Read a profile written by :func:`save_profile` (or by hand, same layout)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return SourceProfile({source_key(key): Focus(**value) for key, value in data.items()})
    except (OSError, ValueError, TypeError, AttributeError) as err:
        raise ResourceError(
            f"can't read the source profile {path}: {err}; give a JSON object mapping "
            'domains to {"country_code": "US", "admin1": "Ohio", ...}, as written by '
            "eventcoder.resolve.focus.save_profile"
        ) from err
