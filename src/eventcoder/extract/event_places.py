"""Where each event happened, with ACLED's geo_precision.

The place governed by the trigger ("arrived in Kazakhstan", "took control of
the Alma-Ata airport") wins; then a place elsewhere in the clause; then a
generic reference ("in the republic", "the country") to the article's
country. A sentence with no place inherits the place of the sentence before
it in the same paragraph ("in the city" after "the largest city ... Alma-Ata").
With nothing else the event falls back to the article's country (precision 3).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import (
    child,
    event_token,
    focus_country,
    paragraph_of,
    sentence_index,
)
from eventcoder.model import Article, Event, EventLocation, Place
from eventcoder.pipeline import Stage, register
from eventcoder.resolve.gazetteer import Gazetteer, load_gazetteer

RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
PRECISION = {"site": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
COUNTRY_REF = re.compile(r"\b(?:the|this|that)\s+(?:republic|country|nation)\b", re.IGNORECASE)


def _in_sentence(article: Article, index: int) -> list[Place]:
    sent = article.sentences[index]
    return [
        p for p in article.places
        if sent.start <= p.span.start < sent.end and not p.associative and p.lat is not None
        and p.country_code is not None
    ]  # streets carry no point and regions ("Middle East") no country: neither places an event


CUT = {"conj", "relcl", "ccomp", "advcl", "acl", "appos", "xcomp", "parataxis"}


def _attached(token: Token, target: Token) -> bool:
    """True when ``token`` hangs from ``target`` without crossing into another clause."""
    while token.i != target.i:
        if token.dep_ in CUT or token.head.i == token.i:
            return False
        token = token.head
    return True


def _root(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _governed(places: list[Place], doc: Doc, event: Event) -> list[Place]:
    token = event_token(doc, event)
    if token is None:
        return []
    subject = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return [
        p
        for p in places
        if (root := _root(doc, p)) is not None and root.i not in subject and _attached(root, token)
    ]


def _in_subject(places: list[Place], doc: Doc, event: Event) -> list[Place]:
    token = event_token(doc, event)
    subj = child(token, "nsubj", "nsubjpass") if token is not None else None
    if subj is None:
        return []
    return [p for p in places if (root := _root(doc, p)) is not None and _attached(root, subj)]


def best(places: list[Place]) -> Place | None:
    """The most specific of ``places`` (first one on ties)."""
    return min(places, key=lambda p: RANK.get(p.feature, 5)) if places else None


class Locator:
    """Chooses event locations in one article, remembering the last place per paragraph."""

    def __init__(self, article: Article, country: Place | None) -> None:
        self.article = article
        self.country = country
        self.by_sentence: dict[int, EventLocation] = {}

    def locate(self, event: Event, doc: Doc) -> EventLocation | None:
        """Return the location of ``event``."""
        index = sentence_index(self.article, event.trigger.start)
        places = _in_sentence(self.article, index)
        place = best(_governed(places, doc, event)) or best(_in_subject(places, doc, event))
        if place is None and len({p.country_code for p in places}) == 1:
            place = best(places)
        if place is not None:
            return self._keep(index, EventLocation(place, PRECISION[place.feature]))
        if COUNTRY_REF.search(event.sentence.text) and self.country is not None:
            return self._keep(index, EventLocation(self.country, 3, inherited=True))
        previous = self._previous(index)
        if previous is not None:
            return self._keep(index, replace(previous, inherited=True))
        return EventLocation(self.country, 3, inherited=True) if self.country else None

    def _keep(self, index: int, loc: EventLocation) -> EventLocation:
        self.by_sentence[index] = loc
        return loc

    def _previous(self, index: int) -> EventLocation | None:
        if index <= 0:
            return None
        prev = index - 1
        same_paragraph = paragraph_of(
            self.article, self.article.sentences[prev].start
        ) == paragraph_of(self.article, self.article.sentences[index].start)
        if not same_paragraph:
            return None
        if prev in self.by_sentence:
            return self.by_sentence[prev]
        place = best(_in_sentence(self.article, prev))
        return EventLocation(place, PRECISION[place.feature]) if place else None


def country_place(article: Article, gazetteer: Gazetteer) -> Place | None:
    """A country-level place for the article's focus country.

    Its evidence is the first mention of the country, or of a place in it.
    """
    code = focus_country(article)
    if code is None:  # no place with a country (only streets, or none at all)
        return None
    mentions = [p for p in article.places if p.country_code == code]
    if not mentions:
        return None
    named = [p for p in mentions if p.feature == "country" and not p.associative]
    if named:
        return named[0]
    entry = gazetteer.country(code)
    if entry is None:
        return None
    return Place(
        mentions[0].span,
        entry.name,
        entry.geonameid,
        entry.lat,
        entry.lon,
        code,
        "country",
        associative=False,
    )


def locate_events(article: Article, doc: Doc, gazetteer: Gazetteer) -> tuple[Event, ...]:
    """Return the events of ``article`` with their locations."""
    locator = Locator(article, country_place(article, gazetteer))
    return tuple(replace(e, location=locator.locate(e, doc)) for e in article.events)


@register
class EventPlaces(Stage):
    """Fills each event's ``location``."""

    name = "event_places"
    reads = ("events", "places", "sentences")
    adds = ("events.location",)

    def warm_up(self) -> None:
        """Load the gazetteer."""
        load_gazetteer(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with located events."""
        return article.with_(events=locate_events(article, doc, load_gazetteer(self.settings)))
