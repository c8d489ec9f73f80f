"""According to whom: the source of each event mention and its reporting verb.

"X said/reported/noted that ..." and "according to X" attribute the event to X;
"it became known", "it was noted", "reportedly" leave it unattributed; with no
source in the text the author vouches for it. A pronoun source ("He added
that ...") carries over the last named source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import (
    child,
    event_token,
    focus_country,
    is_media,
    lexicon,
    np_tokens,
    token_span,
    tokens_span,
)
from eventcoder.model import Article, Attribution, Event
from eventcoder.pipeline import Stage, register
from eventcoder.resolve.actors import ActorKB, Person, country_name, load_actor_kb

HEDGES = {"reportedly", "allegedly", "purportedly", "apparently"}
UNNAMED = {"source", "sources", "report", "reports", "witness", "witnesses", "media", "people"}
COUNTRY_WORDS = ("republic", "country", "nation", "state")


def reporting_verb(token: Token) -> Token | None:
    """The nearest reporting verb that governs ``token`` (or ``token`` itself)."""
    verbs = set(lexicon()["reporting_verbs"])
    if token.pos_ == "VERB" and token.lemma_.lower() in verbs:
        return token
    for anc in token.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in verbs:
            return anc
    return None


def according_to(token: Token) -> Token | None:
    """The object of "according to" in the trigger's sentence."""
    for t in token.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            return next((c for c in t.nbor(1).children if c.dep_ == "pobj"), None)
    return None


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        subj = child(current, "nsubj", "nsubjpass")
        if subj is not None or current.dep_ not in ("conj", "xcomp"):
            return subj
        current = current.head
    return None


class Attributor:
    """Attributes the mentions of one article, remembering the last named source."""

    def __init__(self, article: Article, kb: ActorKB) -> None:
        self.article = article
        self.kb = kb
        self.last: Attribution | None = None
        self.focus = focus_country(article)

    def attribute(self, token: Token) -> Attribution:
        """Return the attribution of the mention triggered by ``token``."""
        pobj = according_to(token)
        if pobj is not None:
            return self._named(pobj, pobj.head.head)
        verb = reporting_verb(token)
        if verb is not None and is_media(verb):
            verb = None  # "a video has been published in which ...": the outlet's own report
        hedge = next((t for t in token.sent if t.lower_ in HEDGES), None)
        if verb is None:
            return self._hedged(hedge) if hedge is not None else Attribution("author")
        subj = _subject(verb)
        if subj is None or subj.lower_ == "it" or subj.lemma_.lower() in UNNAMED:
            verb_span = token_span(self.article, verb)
            return Attribution("unattributed", None, verb_span, verb_span)
        return self._named(subj, verb)

    def _hedged(self, hedge: Token) -> Attribution:
        span = token_span(self.article, hedge)
        return Attribution("unattributed", None, span, span)

    def _named(self, subj: Token, verb: Token) -> Attribution:
        if subj.lower_ in ("he", "she", "they") and self.last is not None:
            return Attribution(
                "attributed",
                self.last.source,
                token_span(self.article, subj),
                token_span(self.article, verb),
            )
        span = tokens_span(self.article, np_tokens(subj))
        found = Attribution(
            "attributed", self.canonical(span.text), span, token_span(self.article, verb)
        )
        self.last = found
        return found

    def canonical(self, text: str) -> str:
        """The canonical name of a source phrase ("the CSTO secretariat" -> "CSTO secretariat")."""
        known = self.kb.find_alias(text) or self.kb.office_holder(
            text, self.focus, self.article.meta.published
        )
        if isinstance(known, Person):
            return known.name
        if known is not None:
            rest = _rest_after_alias(text, known.aliases)
            return f"{known.short} {rest}" if rest else known.name
        return self._generic(text)

    def _generic(self, text: str) -> str:
        words = text.split()
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        if words and _COUNTRY_POSSESSIVE.match(words[0]):
            words = words[1:] + ([f"of {country_name(self.focus)}"] if self.focus else [])
        return " ".join(words) or text


_COUNTRY_POSSESSIVE = re.compile(r"^(?:republic|country|nation)['’]s$", re.IGNORECASE)


def _rest_after_alias(text: str, aliases: tuple[str, ...]) -> str:
    low = text.lower()
    for alias in sorted(aliases, key=len, reverse=True):
        pos = low.find(alias)
        if pos >= 0:
            rest = text[pos + len(alias) :].strip(" ,")
            return rest if rest[:1].islower() and len(rest.split()) <= 3 else ""
    return ""


def attribute_events(article: Article, doc: Doc, kb: ActorKB) -> tuple[Event, ...]:
    """Return the events of ``article`` with their attribution filled in."""
    attributor = Attributor(article, kb)
    out = []
    for event in article.events:
        token = event_token(doc, event)
        if token is None:
            out.append(event)
            continue
        attr = attributor.attribute(token)
        modality = (
            "uncertain"
            if attr.verb is not None
            and attr.verb.text.lower() in HEDGES
            and event.modality == "asserted"
            else event.modality
        )
        out.append(_with(event, attr, modality))
    return tuple(out)


def _with(event: Event, attr: Attribution, modality: str) -> Event:
    return replace(event, attribution=attr, modality=modality)


@register
class AttributionStage(Stage):
    """Fills each event's ``attribution``."""

    name = "attribution"
    reads = ("events", "places")
    adds = ("events.attribution",)

    def warm_up(self) -> None:
        """Load the actor knowledge base."""
        load_actor_kb(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with attributed events."""
        return article.with_(events=attribute_events(article, doc, load_actor_kb(self.settings)))
