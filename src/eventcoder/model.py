"""The article and everything found in it, as frozen dataclasses.

One :class:`Article` travels through every stage of the pipeline; each stage
returns a copy with the fields it is responsible for filled in. Everything found
is kept as :class:`Span` offsets (Python string indices) into ``Article.text``,
so every field of every event can show its evidence.

This module imports nothing of the project.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "year"]
Feature = Literal["country", "admin1", "admin2", "city", "site", "region"]
AttributionKind = Literal["attributed", "unattributed", "author"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "uncertain"]
# "recipient": PLOVER's recipient where ACLED's actor2 is empty, a place the act is done in
# or aimed at ("demonstrated in Serbia"); never exported as ACLED's actor2.
Role = Literal["actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "recipient"]


def content_id(*parts: str, length: int = 16) -> str:
    """Return a deterministic hex id from ``parts`` (sha256, truncated)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        """Return the contract's ``{"text", "start", "end"}`` object."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    id: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = "en"
    origin: str | None = None  # file path or corpus line the article came from


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an input could not be coded; recorded, never silently dropped."""

    reason: str  # short code: empty, binary, not_english, too_large, unreadable, malformed
    detail: str = ""
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym found in the text, resolved against the gazetteer."""

    span: Span
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    feature: Feature
    admin1: str | None = None
    admin2: str | None = None
    associative: bool = False  # a demonym/adjective ("Belarusian"): not an event location


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression normalised against the publication date.

    ``value`` is a TimeML TIMEX3 value ("2022-01-05", "2022-W01", "2022-01",
    "2022", "PRESENT_REF") or None with ``reason`` saying why.
    ``first``/``last`` bound the interval it denotes, when known.
    """

    span: Span
    value: str | None
    precision: Precision
    first: date | None = None
    last: date | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """One participant of an event, with its canonical coding."""

    role: Role
    span: Span
    name: str
    inter: int | None = None
    country_code: str | None = None
    sector: str | None = None
    label: str | None = None  # loaded label used by a source ("terrorists")
    acled_name: str | None = None  # ACLED-style actor ("Government of Kazakhstan (2019-)")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who reports the event: a named source, an unnamed one, or the author."""

    kind: AttributionKind
    source: str | None = None
    span: Span | None = None
    verb: Span | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """The date the event happened (not the date of the report)."""

    value: date | None
    precision: Precision
    span: Span | None
    timex: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class EventLocation:
    """Where the event happened, with ACLED's geo_precision (1 town .. 3 region)."""

    place: Place
    geo_precision: int
    inherited: bool = False


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people killed/injured/arrested with the words that state it."""

    kind: Literal["killed", "injured", "arrested", "abducted", "displaced"]
    value: int
    span: Span
    update: bool = False  # "rose to 18": replaces earlier figures
    party: Literal["victims", "perpetrators"] | None = None  # whose dead/injured, when stated
    group: Span | None = None  # the people counted ("two servicemen")


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event; several mentions in an article merge into one."""

    id: str
    trigger: Span
    sentence: Span
    plover: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    disorder_type: str | None = None
    cameo_root: str | None = None
    actors: tuple[Actor, ...] = ()
    date: EventDate | None = None
    location: EventLocation | None = None
    counts: tuple[Count, ...] = ()
    attribution: Attribution = field(default_factory=lambda: Attribution("author"))
    modality: Modality = "asserted"
    confidence: float = 0.5
    mentions: tuple[Span, ...] = ()  # further trigger spans merged into this event
    labels: tuple[Actor, ...] = ()  # loaded labels a source applied ("terrorists")
    hint: str = ""  # trigger lexicon's hint for the ACLED coder (violent, looting, arrest ...)
    # the typing model's reading of the event's sentence: (label, probability), best first
    acled_scores: tuple[tuple[str, float], ...] = ()
    plover_scores: tuple[tuple[str, float], ...] = ()

    def count(self, kind: str) -> int | None:
        """Return the figure of ``kind``, or None.

        The last update ("the toll rose to 18") wins. Otherwise the largest figure
        on each side, victims and perpetrators added up as ACLED does ("six soldiers
        ... four insurgents were also killed" is 10), so that a total restated in
        several mentions is never counted twice.
        """
        values = [c for c in self.counts if c.kind == kind]
        updates = [c for c in values if c.update]
        if updates:
            return updates[-1].value
        if not values:
            return None
        attackers = [c.value for c in values if c.party == "perpetrators"]
        others = [c.value for c in values if c.party != "perpetrators"]
        return max(others, default=0) + max(attackers, default=0)

    def chosen(self, kind: str) -> Count | None:
        """The count of ``kind`` that gives the event's figure.

        The last update ("the toll rose to 18") wins; otherwise the largest figure, so
        that a total restated in several mentions is never counted twice.
        """
        values = [c for c in self.counts if c.kind == kind]
        updates = [c for c in values if c.update]
        if updates:
            return updates[-1]
        return max(values, key=lambda c: c.value) if values else None

    def actor(self, role: str) -> Actor | None:
        """Return the actor playing ``role``, if any."""
        return next((a for a in self.actors if a.role == role), None)


@dataclass(frozen=True, slots=True)
class Article:
    """The unit every stage reads and fills in."""

    meta: ArticleMeta
    text: str
    sentences: tuple[Span, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    rejected: Rejection | None = None

    @property
    def id(self) -> str:
        """The article id (content hash unless the input named one)."""
        return self.meta.id

    def with_(self, **changes: object) -> Article:
        """Return a copy with ``changes`` applied (stages use this)."""
        return replace(self, **changes)

    def span(self, start: int, end: int) -> Span:
        """Return the :class:`Span` of ``text[start:end]``."""
        return Span(start, end, self.text[start:end])
