"""How many: killed, injured, arrested, abducted and displaced per event mention.

A number counts when the words around it say what happened to the people it
quantifies ("killed 5 people", "the death of two servicemen", "5 were
injured"). ACLED's reading of figures (see docs/dates-and-counts.md):

- a range gives its lower bound ("between 10 and 15", "10-15" are 10), a bound
  gives the stated figure ("at least 12", "more than 100", "nearly 20");
- vague words follow :mod:`eventcoder.extract.numbers` (dozens 12, tens 10 ...);
- "no one was killed", "no injuries were reported" state a count of 0;
- "the death toll rose to 18", "bringing the toll to 22" are updates: they
  replace earlier figures of the event they refer back to;
- a part of a group already counted ("two of them", "including three
  commanders") is not added; figures of one kind joined in one clause ("five
  soldiers and three civilians") are added into one count.

Each count records the people counted (``group``) and whose they are
(``party``): "perpetrators" when the group is the agent of the event (the
subject of its trigger, or of the attack the sentence continues), otherwise
"victims"; None for totals (updates, negations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import sentence_index, token_at, tokens_span
from eventcoder.extract.numbers import SCALES, VAGUE, parse_number
from eventcoder.model import Article, Count, Event, Span
from eventcoder.pipeline import Stage, register

KINDS = {
    "killed": {"kill", "die", "dead", "death", "behead", "execute", "massacre", "murder",
               "fatality", "body", "perish", "slay", "killed", "casualty"},
    "injured": {"injure", "wound", "hurt", "injured", "wounded", "injury", "hospitalize",
                "hospitalise"},
    "arrested": {"arrest", "detain", "jail", "imprison", "apprehend", "arrested", "detained",
                 "custody", "detention"},
    "abducted": {"abduct", "kidnap", "abducted", "kidnapped", "hostage"},
    "displaced": {"displace", "flee", "displaced", "evacuate"},
}
UPDATE_VERBS = {"rise", "increase", "climb", "reach", "grow", "jump", "mount", "hit", "soar",
                "bring", "raise", "push", "take", "put"}
TOLL_NOUNS = {"toll", "number", "count", "tally", "figure"}
SUBSET_WORDS = {"including", "among", "include"}
EVENT_OF_KIND = {
    "killed": {"ASSAULT", "PROTEST", "COERCE"},
    "injured": {"ASSAULT", "PROTEST", "COERCE"},
    "arrested": {"COERCE", "SANCTION", "PROTEST"},
    "abducted": {"ASSAULT"},
    "displaced": {"ASSAULT", "COERCE"},
}
NEGATED = re.compile(
    r"\b(?:no one|no-one|nobody|none)\b(?: \w+){0,3}? (?:was|were|has been|have been|had been|"
    r"is|are|got)(?: \w+)? (?P<word>killed|dead|hurt|injured|wounded|harmed|arrested|detained|"
    r"kidnapped|abducted)\b|\bno (?:one )?(?P<noun>deaths|fatalities|casualties|injuries|"
    r"arrests|detentions|died)\b", re.IGNORECASE)
NEGATED_KIND = {"killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed",
                "fatalities": "killed", "casualties": "killed", "hurt": "injured",
                "injured": "injured", "wounded": "injured", "harmed": "injured",
                "injuries": "injured", "arrested": "arrested", "detained": "arrested",
                "arrests": "arrested", "detentions": "arrested", "kidnapped": "abducted",
                "abducted": "abducted"}
PERPETRATOR_NOUNS = {"attacker", "assailant", "perpetrator", "hijacker", "kidnapper", "raider",
                     "abductor"}
STARTERS = VAGUE.keys() | SCALES.keys()
JOINERS = {"-", "and", "to", "or", "\u2013"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated figure before it is attached to an event."""

    kind: str
    value: int
    tokens: tuple[Token, ...]
    update: bool = False
    group: Token | None = None  # head noun of the people counted
    total: bool = False  # a total (update or negation): no party


# --------------------------------------------------------------------- number runs


def number_tokens(doc: Doc) -> list[list[Token]]:
    """Runs of tokens that state one quantity ("twenty-one", "1,200", "a dozen", "10 to 15")."""
    runs: list[list[Token]] = []
    for token in doc:
        if not _numeric(token) or _after_no(token):
            continue
        if runs and _continues(runs[-1], token):
            runs[-1].extend(doc[runs[-1][-1].i + 1:token.i + 1])
        else:
            runs.append(_with_article(token))
    return [r for r in runs if parse_number(_text(r)) is not None]


def _numeric(token: Token) -> bool:
    return token.like_num or token.lower_ in STARTERS


def _after_no(token: Token) -> bool:
    """"no one": a negation, not the figure one."""
    return token.lower_ == "one" and token.i > 0 and token.nbor(-1).lower_ == "no"


def _continues(run: list[Token], token: Token) -> bool:
    """Whether ``token`` extends ``run``: adjacent, or across a hyphen/"and"/"to"."""
    gap = token.i - run[-1].i
    if gap == 1:
        return True
    between = token.doc[run[-1].i + 1:token.i]
    return gap == 2 and between[0].lower_ in JOINERS and parse_number(
        _text([*run, *between, token])) is not None


def _with_article(token: Token) -> list[Token]:
    """"a dozen", "a hundred": keep the article that makes the figure."""
    if token.lower_ in SCALES and token.i > 0 and token.nbor(-1).lower_ in ("a", "an"):
        return [token.nbor(-1), token]
    return [token]


def _text(run: list[Token]) -> str:
    return " ".join(t.text for t in run).replace(" - ", "-")


# --------------------------------------------------------------------- reading one figure


def kind_of(run: list[Token]) -> tuple[str | None, bool]:
    """The count kind a number run states and whether it is an update."""
    last = run[-1]
    if _is_subset(last):
        return None, False
    update = _update_kind(last)
    if update is not None:
        return update, True
    for token in _upward(last):
        kind = _kind_word(token)
        if kind is not None:
            return kind, False
    return None, False


def _kind_word(token: Token) -> str | None:
    for kind, words in KINDS.items():
        if token.lemma_.lower() in words or token.lower_ in words:
            return kind
    if token.pos_ == "VERB" and any(c.lower_ == "dead" for c in token.children):
        return "killed"  # "shot dead"
    return None


def _is_subset(token: Token) -> bool:
    """"two of them", "including three commanders", "among them four children"."""
    if any(c.lower_ == "of" and any(g.pos_ in ("PRON", "DET") or g.like_num
                                    for g in c.children) for c in token.children):
        return True
    head = token.head if token.dep_ == "nummod" else token
    return head.head.lower_ in SUBSET_WORDS or head.head.lemma_.lower() in SUBSET_WORDS


def _update_kind(token: Token) -> str | None:
    """"rose to 18" / "bringing the death toll to 22": the kind of the toll updated."""
    if token.head.lower_ != "to" or token.head.head.lemma_.lower() not in UPDATE_VERBS:
        return None
    verb = token.head.head
    named = {t.lemma_.lower() for c in verb.children if c.dep_ in ("nsubj", "dobj")
             for t in c.subtree}
    if not named & (TOLL_NOUNS | KINDS["killed"] | KINDS["injured"]):
        return None
    return "injured" if named & KINDS["injured"] and not named & KINDS["killed"] else "killed"


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


def group_of(run: list[Token]) -> Token | None:
    """The head noun of the people a figure counts ("four insurgents" -> insurgents)."""
    last = run[-1]
    if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    of = next((c for c in last.children if c.lower_ == "of"), None)  # "dozens of militants"
    noun = next((g for g in of.children if g.pos_ in ("NOUN", "PROPN")), None) if of else None
    return noun


# --------------------------------------------------------------------- figures of a text


def stated_figures(doc: Doc) -> list[Figure]:
    """Every figure the text states, negations included, conjoined ones added up."""
    figures: list[Figure] = []
    for run in number_tokens(doc):
        kind, update = kind_of(run)
        if kind is None:
            continue
        figure = Figure(kind, parse_number(_text(run)) or 0, tuple(run), update,
                        None if update else group_of(run), total=update)
        if not _restated(figure, figures):
            figures.append(figure)
    return add_conjoined(figures) + negations(doc)


def _restated(figure: Figure, before: list[Figure]) -> bool:
    """"The 12 were shot near ...": a definite figure naming a group already counted."""
    first = figure.tokens[0]
    definite = first.i > 0 and first.nbor(-1).lower_ in ("the", "these", "those", "all")
    return definite and any(f.kind == figure.kind and f.value == figure.value for f in before)


def add_conjoined(figures: list[Figure]) -> list[Figure]:
    """"Five soldiers and three civilians were killed": one figure of 8."""
    out: list[Figure] = []
    for figure in figures:
        last = out[-1] if out else None
        if last and _conjoined(last, figure):
            tokens = last.tokens[0].doc[last.tokens[0].i:figure.tokens[-1].i + 1]
            out[-1] = replace(last, value=last.value + figure.value, tokens=tuple(tokens))
        else:
            out.append(figure)
    return out


def _conjoined(first: Figure, second: Figure) -> bool:
    if first.kind != second.kind or first.update or second.update:
        return False
    a, b = first.group, second.group
    return a is not None and b is not None and b.dep_ == "conj" and b.head.i == a.i


def negations(doc: Doc) -> list[Figure]:
    """"No one was killed", "no injuries were reported": counts of 0."""
    out = []
    for match in NEGATED.finditer(doc.text):
        word = (match.group("word") or match.group("noun")).lower()
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            out.append(Figure(NEGATED_KIND[word], 0, tuple(span), total=True))
    return out


# --------------------------------------------------------------------- attaching


def _target(events: list[Event], article: Article, figure: Figure) -> int | None:
    start = figure.tokens[0].idx
    sent = sentence_index(article, start)
    fits = [i for i, e in enumerate(events) if e.plover in EVENT_OF_KIND[figure.kind]]
    same = [i for i in fits if sentence_index(article, events[i].trigger.start) == sent]
    if same:
        return min(same, key=lambda i: abs(events[i].trigger.start - start))
    back = [i for i in fits if 0 < sent - sentence_index(article, events[i].trigger.start) <= 2]
    return back[-1] if back and figure.total else None


def party_of(figure: Figure, event: Event, events: list[Event], doc: Doc) -> str | None:
    """"perpetrators" when the counted group is the event's agent, else "victims"."""
    if figure.total or figure.group is None:
        return None
    lemma = figure.group.lemma_.lower()
    if lemma in PERPETRATOR_NOUNS:
        return "perpetrators"
    agents = {a.lemma_.lower() for e in _agent_events(event, events)
              if (a := _agent(doc, e)) is not None}
    return "perpetrators" if lemma in agents else "victims"


def _agent_events(event: Event, events: list[Event]) -> list[Event]:
    """The event and the attacks just before it (the sentence may go on from them)."""
    before = [e for e in events if e.trigger.start < event.trigger.start
              and event.sentence.start - e.sentence.end < 400]
    return [event, *before[-2:]]


def _agent(doc: Doc, event: Event) -> Token | None:
    trigger = token_at(doc, event.trigger.start)
    if trigger is None:
        return None
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None:
        by = next((c for c in trigger.children if c.dep_ == "agent"), None)
        subject = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    return subject


def _count(article: Article, figure: Figure, party: str | None) -> Count:
    group: Span | None = None
    if figure.group is not None and not figure.total:
        group = tokens_span(article, [*figure.tokens, figure.group])
    span = tokens_span(article, list(figure.tokens))
    return Count(figure.kind, figure.value, span, figure.update, party,  # type: ignore[arg-type]
                 group)


def count_events(article: Article, doc: Doc) -> tuple[Event, ...]:
    """Return the events with the counts their sentences state."""
    events = list(article.events)
    for figure in stated_figures(doc):
        target = _target(events, article, figure)
        if target is None:
            continue
        event = events[target]
        count = _count(article, figure, party_of(figure, event, events, doc))
        events[target] = replace(event, counts=(*event.counts, count))
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
