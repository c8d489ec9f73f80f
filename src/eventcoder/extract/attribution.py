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
UNNAMED = {
    "source",
    "report",
    "witness",
    "eyewitness",
    "media",
    "medium",
    "people",
    "resident",
    "official",
    "observer",
    "local",
    "villager",
    "relative",
    "activist",
    "rumour",
    "rumor",
}
PRONOUN_SOURCES = {"he", "she", "they", "him", "her", "them"}
COUNTRY_WORDS = ("republic", "country", "nation", "state")


def reporting_verbs(token: Token) -> list[Token]:
    """The reporting verbs that govern ``token`` (or ``token`` itself), nearest first."""
    verbs = set(lexicon()["reporting_verbs"])
    chain = [token, *token.ancestors]
    return [t for t in chain if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs]


def reporting_verb(token: Token) -> Token | None:
    """The reporting verb a mention is attributed to: in a chain ("the ministry said the
    governor had announced ...") the outermost one with a named subject, else the nearest."""
    verbs = reporting_verbs(token)
    named = [v for v in verbs if (s := _subject(v)) is not None and not _unnamed(s)]
    return named[-1] if named else (verbs[0] if verbs else None)


def _unnamed(subj: Token) -> bool:
    """ "it was noted", "sources said", "a witness said": no one the reader can name."""
    single = subj.pos_ == "NOUN" and any(
        c.lower_ in ("a", "an", "one") for c in subj.children if c.dep_ == "det"
    )
    return subj.lower_ == "it" or subj.lemma_.lower() in UNNAMED or single


DOCUMENTS = {
    "statement",
    "report",
    "communique",
    "communiqué",
    "post",
    "message",
    "tweet",
    "release",
    "figure",
    "data",
    "estimate",
}


def according_to(token: Token) -> Token | None:
    """The object of "according to" in the trigger's sentence ("a statement from X" -> X)."""
    for t in token.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            pobj = next((c for c in t.nbor(1).children if c.dep_ == "pobj"), None)
            return _author_of(pobj) if pobj is not None else None
    return None


def _author_of(noun: Token) -> Token:
    if noun.lemma_.lower() not in DOCUMENTS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if author is not None:
                return author
    return noun


def aside(token: Token) -> Token | None:
    """A reporting clause set beside the event: "As it became known, police detained ..."."""
    verbs = set(lexicon()["reporting_verbs"])
    for head in (token, *token.ancestors):
        for c in head.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in verbs:
                return c
    return None


QUOTES = '"“”'


def quote_speaker(token: Token, text: str) -> Token | None:
    """The reporting verb after the closing quote of a quotation holding ``token``.

    ``text`` is the article text (spaCy rebuilds ``Doc.text`` on every access).
    """
    para_start = text.rfind("\n\n", 0, token.idx) + 1
    if sum(text.count(q, para_start, token.idx) for q in QUOTES) % 2 == 0:
        return None  # not inside a quotation
    close = min((p for q in QUOTES if (p := text.find(q, token.idx)) >= 0), default=-1)
    if close < 0:
        return None
    verbs = set(lexicon()["reporting_verbs"])
    after = [t for t in token.doc if close < t.idx < close + 60]
    return next((t for t in after if t.pos_ == "VERB" and t.lemma_.lower() in verbs), None)


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
        if pobj is not None and not _unnamed(pobj):
            return self._named(pobj, pobj.head.head)
        if pobj is not None:
            span = token_span(self.article, pobj.head.head)
            return Attribution("unattributed", None, span, span)
        verb = reporting_verb(token) or aside(token) or quote_speaker(token, self.article.text)
        if verb is not None and is_media(verb):
            verb = None  # "a video has been published in which ...": the outlet's own report
        hedge = _hedge(token)
        if verb is None:
            return self._hedged(hedge) if hedge is not None else Attribution("author")
        subj = _subject(verb)
        if subj is None or _unnamed(subj):
            verb_span = token_span(self.article, verb)
            return Attribution("unattributed", None, verb_span, verb_span)
        return self._named(subj, verb)

    def _antecedent(self, pronoun: Token) -> str | None:
        """The last named speaker or person before ``pronoun`` ("He added that ...")."""
        reporting = set(lexicon()["reporting_verbs"])
        for token in reversed(pronoun.doc[: pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in PRONOUN_SOURCES:
                continue
            named = token.ent_type_ == "PERSON" or self.kb.find_alias(token.text) is not None
            if (named or token.head.lemma_.lower() in reporting) and not _unnamed(token):
                return self.canonical(tokens_span(self.article, np_tokens(token)).text)
        return self.last.source if self.last else None

    def _hedged(self, hedge: Token) -> Attribution:
        span = token_span(self.article, hedge)
        return Attribution("unattributed", None, span, span)

    def _named(self, subj: Token, verb: Token) -> Attribution:
        if subj.lower_ in PRONOUN_SOURCES:
            source = self._antecedent(subj)
            if source is not None:
                return Attribution(
                    "attributed",
                    source,
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


def _hedge(token: Token) -> Token | None:
    """A hedge ("reportedly") on the trigger's own clause or a clause above it; one inside a
    clause below it ("attacked the camp, reportedly inflicting casualties") hedges that only."""
    above = {token.i} | {a.i for a in token.ancestors}
    return next((t for t in token.sent if t.lower_ in HEDGES and t.head.i in above), None)


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
