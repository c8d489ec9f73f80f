"""Mentions of the same event within one article become one event.

Two mentions are merged when they are in the same sentence with the same
PLOVER type ("broke into ..., set fire to ..."), or when a later one refers
back to an earlier one: a pronoun argument ("began to beat it", "He added
that ...") up to three sentences on, or a definite event noun of the same type
in the next sentence ("Protests began ... Participants of the rallies").
A sentence that opens with an additive marker ("In addition, ...") starts a
new event, and so does a different named source.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import PRONOUNS, event_token, sentence_index, starts_with_marker
from eventcoder.model import Article, Event, EventDate
from eventcoder.pipeline import Stage, register

VIOLENT = {"PROTEST", "ASSAULT", "COERCE"}


def _anaphoric(token: Token) -> bool:
    args = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    heads = [token, *[a for a in token.ancestors if a.dep_ in ("xcomp", "conj")][:2]]
    args += [c for h in heads for c in h.children if c.dep_ in ("nsubj", "dobj")]
    deep = [t for a in args for t in a.subtree]
    return any(t.lower_ in PRONOUNS for t in deep)


def _definite(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(
        c.lower_ in ("the", "these", "this", "those") for c in token.children if c.dep_ == "det"
    )


def _sources_clash(a: Event, b: Event) -> bool:
    return (
        a.attribution.kind == "attributed"
        and b.attribution.kind == "attributed"
        and a.attribution.source != b.attribution.source
    )


def is_headline(article: Article, index: int) -> bool:
    """True when sentence ``index`` is the article's headline (first line, no final stop)."""
    if index != 0 or not article.sentences:
        return False
    first = article.sentences[0]
    return first.text[-1:] not in ".!?\"”" and "\n" in article.text[first.end : first.end + 3]


def _same_participants(token: Token, group: list[Event]) -> bool:
    """ "The attackers ..." after an attack, "the gunmen" after gunmen: the same people again."""
    subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(c.lower_ == "the" for c in subj.children if c.dep_ == "det"):
        return False
    lemma = subj.lemma_.lower()
    triggers = {m.text.lower() for e in group for m in (e.trigger, *e.mentions)}
    agents = {a.span.text.lower().split()[-1] for e in group for a in e.actors}
    return any(lemma.startswith(t[:5]) and lemma.endswith(("er", "or")) for t in triggers) or (
        subj.lower_ in agents)


def joins(article: Article, doc: Doc, group: list[Event], event: Event) -> bool:
    """True when ``event`` is another mention of the event ``group`` describes."""
    last = group[-1]
    start = sentence_index(article, last.trigger.start)
    gap = sentence_index(article, event.trigger.start) - start
    if _sources_clash(group[0], event):
        return False
    if is_headline(article, start) and event.plover == last.plover and gap <= 3:
        return True  # the headline announces the lead's event
    if gap == 0:  # "signed a ceasefire agreement": one agreement (PLOVER SUPPORT for signing)
        pair = {event.plover, last.plover}
        return len(pair) == 1 or pair == {"PROTEST", "REQUEST"} \
            or event.hint == last.hint == "agreement"
    if starts_with_marker(event.sentence.text):
        return False
    token = event_token(doc, event)
    if token is None:
        return False
    same_kind = event.plover == last.plover or {event.plover, last.plover} <= VIOLENT
    if gap <= 3 and (_anaphoric(token) or (
            {event.plover, last.plover} <= {"ASSAULT"} and _same_participants(token, group))):
        return same_kind
    return gap == 1 and _definite(token) and event.plover == last.plover


def merge_group(group: list[Event]) -> Event:
    """One event from its mentions: the first mention's coding, the best evidence of all."""
    body = [e for e in group if e.trigger.start >= group[0].sentence.end] or group
    first = next((e for e in body if e.plover != "REQUEST"), body[0])
    if not is_headline_event(group[0]):
        first = next((e for e in group if e.plover != "REQUEST"), group[0])
    rest = [e for e in group if e is not first]
    if not rest:
        return first
    first = _with_outcome(first, rest)
    group = [first, *rest]
    attributed = next((e.attribution for e in group if e.attribution.kind != "author"), None)
    return replace(
        first,
        actors=_fill_roles(group),
        date=_best_date(group),
        location=_best_location(group),
        counts=tuple(c for e in group for c in e.counts),
        attribution=first.attribution
        if first.attribution.kind != "author"
        else (attributed or first.attribution),
        labels=tuple(a for e in group for a in e.labels),
        mentions=tuple(e.trigger for e in rest),
        confidence=min(0.95, max(e.confidence for e in group) + 0.05 * len(rest)),
    )


def _with_outcome(first: Event, rest: list[Event]) -> Event:
    """A battle whose other mention takes ground ("clashing with insurgents and capturing a
    village") is coded as the taking of ground, ACLED's territorial battle."""
    if first.hint not in ("clash", "attack"):
        return first
    taken = next((e for e in rest if e.hint in ("territory", "regain")
                  and e.plover == "ASSAULT" and e.modality == first.modality
                  and e.sentence == first.sentence and not _purpose(e)), None)
    return replace(first, hint=taken.hint, mode=taken.mode) if taken else first


def _purpose(event: Event) -> bool:
    """ "an attack to capture the positions": what the attack was for, not what it achieved."""
    before = event.sentence.text[: event.trigger.start - event.sentence.start]
    return before.rstrip().lower().endswith((" to", " in order to"))


def _fill_roles(group: list[Event]) -> tuple:
    actors = list(group[0].actors)
    for event in group[1:]:
        roles = {a.role for a in actors}
        actors += [a for a in event.actors if a.role not in roles]
    if any(a.role == "actor2" for a in actors):  # a recipient stands in for a missing actor2
        actors = [a for a in actors if a.role != "recipient"]
    return tuple(actors)


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _best_date(group: list[Event]) -> EventDate | None:
    """The most precise date the mentions state; a resolved one before an unresolved one
    (an article with no publication date leaves "Tuesday" without a value), then the
    earliest."""
    stated = [e.date for e in group if e.date is not None and e.date.span is not None]
    if not stated:
        return group[0].date
    return min(stated, key=lambda d: (PRECISION_RANK[d.precision], d.value is None,
                                      d.value.toordinal() if d.value else 0, d.span.start))


def _best_location(group: list[Event]):
    found = [e.location for e in group if e.location is not None]
    if not found:
        return None
    return min(found, key=lambda loc: (loc.inherited, loc.geo_precision))


def is_headline_event(event: Event) -> bool:
    """True when ``event`` was found in a headline (its sentence starts the text, no stop)."""
    return event.sentence.start == 0 and event.sentence.text[-1:] not in ".!?\"”"


def merge_events(article: Article, doc: Doc) -> tuple[Event, ...]:
    """Return the merged events of ``article``."""
    groups: list[list[Event]] = []
    for event in article.events:
        target = next((g for g in reversed(groups[-4:]) if joins(article, doc, g, event)), None)
        if target is None:
            groups.append([event])
        else:
            target.append(event)
    return tuple(merge_group(g) for g in groups)


@register
class Merge(Stage):
    """Merges the mentions in ``events``."""

    name = "merge"
    reads = ("events", "events.actors", "events.date", "events.location")
    adds = ("events.merged",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with one event per real-world event."""
        return article.with_(events=merge_events(article, doc))
