"""When each event happened: the event's date, not the report's.

In order: a date in the event's own clause; the date of a media sentence that
shows the event ("photographs of the broken monument appeared two days ago"
bounds the toppling: it happened no later than that, and the earliest bound
wins); the date of the sentence before in the same paragraph; otherwise the
publication date, at week precision, with the reason stated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import event_token, is_media, paragraph_of, sentence_index
from eventcoder.model import Article, Event, EventDate, TimeExpr
from eventcoder.pipeline import Stage, register

NO_DATE = "no date in the text: the publication date bounds it"
NO_ANCHOR = "no date in the text and no publication date"
GENERIC_NOUNS = {"people", "time", "day", "city", "country", "situation", "part", "way", "year"}


def _usable(expr: TimeExpr) -> bool:
    return expr.first is not None and expr.precision in ("day", "week", "month")


def _in(article: Article, index: int) -> list[TimeExpr]:
    sent = article.sentences[index]
    return [d for d in article.dates if sent.start <= d.span.start < sent.end and _usable(d)]


def _media_date(doc: Doc, expr: TimeExpr) -> bool:
    span = doc.char_span(expr.span.start, expr.span.end, alignment_mode="expand")
    return span is not None and any(is_media(a) for a in span.root.ancestors)


def _content_nouns(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"} - GENERIC_NOUNS


class Dater:
    """Dates the mentions of one article."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.media = self._media_bounds()

    def _media_bounds(self) -> list[tuple[set[str], TimeExpr]]:
        bounds = []
        for expr in self.article.dates:
            if _usable(expr) and _media_date(self.doc, expr):
                sent = self.doc.char_span(
                    expr.span.start, expr.span.end, alignment_mode="expand"
                ).sent
                bounds.append((_content_nouns(list(sent)), expr))
        return bounds

    def date(self, event: Event) -> EventDate:
        """Return the date of ``event``."""
        index = sentence_index(self.article, event.trigger.start)
        own = [d for d in _in(self.article, index) if not _media_date(self.doc, d)]
        if own:
            return _from(self._closest(own, event))
        bound = self._bound(event)
        if bound is not None:
            return _from(bound)
        previous = self._previous(index)
        if previous is not None:
            return _from(previous)
        return self._fallback(index)

    def _closest(self, exprs: list[TimeExpr], event: Event) -> TimeExpr:
        return min(exprs, key=lambda d: abs(d.span.start - event.trigger.start))

    def _bound(self, event: Event) -> TimeExpr | None:
        token = event_token(self.doc, event)
        if token is None:
            return None
        nouns = _content_nouns(list(token.subtree))
        linked = [expr for words, expr in self.media if words & nouns]
        return min(linked, key=lambda d: d.last or d.first) if linked else None

    def _previous(self, index: int) -> TimeExpr | None:
        if index <= 0:
            return None
        same = paragraph_of(self.article, self.article.sentences[index - 1].start) == paragraph_of(
            self.article, self.article.sentences[index].start
        )
        own = [d for d in _in(self.article, index - 1) if not _media_date(self.doc, d)]
        return own[-1] if same and own else None

    def _fallback(self, index: int) -> EventDate:
        published = self.article.meta.published
        if published is None:
            sent = self.article.sentences[index]
            stated = [d for d in self.article.dates if sent.start <= d.span.start < sent.end]
            if stated:  # "yesterday" with nothing to anchor it: keep the words and the reason
                return EventDate(None, stated[0].precision, stated[0].span, stated[0].value,
                                 stated[0].reason or NO_ANCHOR)
            return EventDate(None, "day", None, None, NO_ANCHOR)
        return EventDate(published, "week", None, None, NO_DATE)


def _from(expr: TimeExpr) -> EventDate:
    value: date | None = expr.last if expr.precision == "day" else expr.first
    return EventDate(value, expr.precision, expr.span, expr.value, expr.reason)


def date_events(article: Article, doc: Doc) -> tuple[Event, ...]:
    """Return the events of ``article`` with their dates."""
    dater = Dater(article, doc)
    return tuple(replace(e, date=dater.date(e)) for e in article.events)


@register
class EventDates(Stage):
    """Fills each event's ``date``."""

    name = "event_dates"
    reads = ("events", "dates", "sentences")
    adds = ("events.date",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with dated events."""
        return article.with_(events=date_events(article, doc))
