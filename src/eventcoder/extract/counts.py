"""How many: killed, injured, arrested, abducted and displaced per event mention.

A number counts when the words around it say what happened to the people it
quantifies ("killed 5 people", "the death of two servicemen", "5 were
injured"). "The death toll rose to 18" / "Their number increased to 18" is an
update: it replaces earlier figures of the event it refers back to. A part of
a group already counted ("two of them were beheaded") is not added.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import sentence_index, tokens_span
from eventcoder.extract.numbers import VAGUE, parse_number
from eventcoder.model import Article, Count, Event
from eventcoder.pipeline import Stage, register

KINDS = {
    "killed": {
        "kill",
        "die",
        "dead",
        "death",
        "behead",
        "execute",
        "massacre",
        "murder",
        "fatality",
        "body",
        "shoot dead",
        "perish",
        "slay",
        "killed",
        "casualty",
    },
    "injured": {
        "injure",
        "wound",
        "hurt",
        "injured",
        "wounded",
        "injury",
        "hospitalize",
        "hospitalise",
    },
    "arrested": {
        "arrest",
        "detain",
        "jail",
        "imprison",
        "apprehend",
        "arrested",
        "detained",
        "custody",
        "detention",
    },
    "abducted": {"abduct", "kidnap", "abducted", "kidnapped", "hostage"},
    "displaced": {"displace", "flee", "displaced", "evacuate"},
}
UPDATE_VERBS = {"rise", "increase", "climb", "reach", "grow", "jump", "mount", "hit", "soar"}
TOLL_NOUNS = {"toll", "number", "count", "tally", "figure"}
EVENT_OF_KIND = {
    "killed": {"ASSAULT", "PROTEST"},
    "injured": {"ASSAULT", "PROTEST"},
    "arrested": {"COERCE", "SANCTION", "PROTEST"},
    "abducted": {"ASSAULT"},
    "displaced": {"ASSAULT", "COERCE"},
}


def number_tokens(doc: Doc) -> list[list[Token]]:
    """Runs of tokens that state a quantity ("twenty one", "1,200", "dozens")."""
    runs: list[list[Token]] = []
    for token in doc:
        if token.like_num or token.lower_ in VAGUE:
            if runs and runs[-1][-1].i == token.i - 1 and runs[-1][-1].like_num:
                runs[-1].append(token)
            else:
                runs.append([token])
    return [r for r in runs if parse_number(" ".join(t.text for t in r)) is not None]


def kind_of(run: list[Token]) -> tuple[str | None, bool]:
    """The count kind a number run states and whether it is an update."""
    last = run[-1]
    if any(c.lower_ == "of" and any(g.pos_ == "PRON" for g in c.children) for c in last.children):
        return None, False  # "two of them": part of a group already counted
    chain = _upward(last)
    if last.head.lower_ == "to" and last.head.head.lemma_.lower() in UPDATE_VERBS:
        verb = last.head.head
        subj = {t.lemma_.lower() for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
        return ("killed", True) if subj & (TOLL_NOUNS | KINDS["killed"]) else (None, False)
    for token in chain:
        for kind, words in KINDS.items():
            if token.lemma_.lower() in words or token.lower_ in words:
                return kind, False
    return None, False


def _upward(token: Token) -> list[Token]:
    chain, current = [], token
    for _ in range(4):
        chain.extend(c for c in current.children if c.dep_ in ("amod", "acl"))
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
        if current.pos_ == "VERB" and current.dep_ not in ("acl", "relcl", "amod"):
            break
    return chain


def _target(
    events: list[Event], article: Article, start: int, kind: str, update: bool
) -> int | None:
    sent = sentence_index(article, start)
    fits = [i for i, e in enumerate(events) if e.plover in EVENT_OF_KIND[kind]]
    same = [i for i in fits if sentence_index(article, events[i].trigger.start) == sent]
    if same:
        return min(same, key=lambda i: abs(events[i].trigger.start - start))
    back = [i for i in fits if 0 < sent - sentence_index(article, events[i].trigger.start) <= 2]
    return back[-1] if back and update else None


def count_events(article: Article, doc: Doc) -> tuple[Event, ...]:
    """Return the events with the counts their sentences state."""
    events = list(article.events)
    for run in number_tokens(doc):
        kind, update = kind_of(run)
        if kind is None:
            continue
        span = tokens_span(article, run)
        target = _target(events, article, span.start, kind, update)
        if target is None:
            continue
        value = parse_number(span.text)
        count = Count(kind, value, span, update)  # type: ignore[arg-type]
        events[target] = replace(events[target], counts=(*events[target].counts, count))
    return tuple(events)


@register
class Counts(Stage):
    """Fills each event's ``counts``."""

    name = "counts"
    reads = ("events", "sentences")
    adds = ("events.counts",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with counted events."""
        return article.with_(events=count_events(article, doc))
