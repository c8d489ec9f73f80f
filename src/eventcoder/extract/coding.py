"""Final coding: ACLED type and sub-type, disorder type, CAMEO root, PLOVER context, ids."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.extract.classify import MODEL_HINT, decide, model_label, typing_model
from eventcoder.model import Actor, Article, Event, content_id
from eventcoder.ontology import acled_coding, cameo_root, disorder_type, plover_context
from eventcoder.ontology.acled import ACLED_SUB_TYPES, told_weapon
from eventcoder.pipeline import Stage, register


def _inter(event: Event, role: str) -> int | None:
    actor = event.actor(role)
    return actor.inter if actor else None


def riot_context(article: Article, but: Event | None = None) -> bool:
    """True when the article reports riots (other than ``but``): violence by unknown hands is
    then mob violence, property burned is the riot's, and a protest turned violent. A clash
    in a sentence about protesters ("clashes erupted between police and protesters") is one."""
    if but is not None and any(_later_escalation(e, but) for e in article.events):
        return False
    return any(e is not but and (
        (e.plover == "PROTEST" and e.hint in ("violent", "looting"))
        or (e.hint == "clash" and PROTESTERS.search(e.sentence.text) is not None)
    ) for e in article.events)


def _later_escalation(riot: Event, protest: Event | None) -> bool:
    """ "The protests began on 2 January. The actions soon escalated into riots.": the riots
    come after the protest, which was their peaceful start."""
    return (
        protest is not None
        and riot.sentence.start > protest.sentence.start
        and ESCALATION.search(riot.sentence.text) is not None
    )


PROTESTERS = re.compile(r"\b(protesters?|protestors?|demonstrators?|rioters?)\b", re.I)
ESCALATION = re.compile(r"\b(escalat\w*|turned|descended|spiral\w*|degenerat\w*|grew)\s+into\b",
                        re.I)


def _lemmas(doc: Doc, start: int, end: int) -> list[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t.lemma_.lower() for t in span] if span is not None else []


def _protest_lemmas(doc: Doc, start: int, end: int) -> list[str]:
    """A protest sentence's lemmas without what the protest is about: "rallied against
    mass arrests", "marched to decry the killings", "protests following the death of Y"
    name the grievance, not what happened at the protest."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    about = {t.i for token in span for root in _grievances(token) for t in root.subtree}
    return [t.lemma_.lower() for t in span if t.i not in about]


def _grievances(token: Token) -> list[Token]:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in GRIEVANCE_VERBS:
        return [c for c in token.children if c.dep_ in ("dobj", "ccomp")
                or (c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS)]
    if lemma in PROTEST_HEADS:
        return [c for c in token.children if c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS]
    return []


GRIEVANCE_VERBS = {"protest", "decry", "condemn", "denounce", "demand", "mourn", "commemorate"}
PROTEST_HEADS = {"protest", "demonstrate", "rally", "march", "demonstration", "vigil", "strike",
                 "sit-in", "gather"}
GRIEVANCE_PREPS = {"against", "over", "about", "following", "after"}


def rule_sub_type(doc: Doc, event: Event, riots: bool = False) -> str | None:
    """The ACLED sub-type the rules give ``event`` (None: no ACLED event)."""
    actor1, actor2 = event.actor("actor1"), event.actor("actor2")
    words = _protest_lemmas if event.plover == "PROTEST" and event.hint == "peaceful" else _lemmas
    lemmas = words(doc, event.sentence.start, event.sentence.end)
    _, sub = acled_coding(
        event.plover,
        event.hint,
        _inter(event, "actor1"),
        _inter(event, "actor2"),
        [*lemmas, *(["riot"] if riots else [])],
        _lemmas(doc, actor1.span.start, actor1.span.end) if actor1 else (),
        _lemmas(doc, actor2.span.start, actor2.span.end) if actor2 else None,
    )
    return sub


# Sub-types told apart by who acts on whom, which the model cannot see (it masks names and
# reads no actor codes): between these the rules' choice, made from the actors, stands.
ACTOR_CHOICES = (
    frozenset({"Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Armed clash", "Attack", "Mob violence"}),  # armed or not, organised or not
)


# Strategic developments ACLED records for organised armed groups (military and police
# forces, rebels, militias, external forces): a ministry opening an office or two firms
# merging is not a base established or a change to a group.
ORGANISED_ONLY = {"Headquarters or base established", "Change to group/activity",
                  "Non-violent transfer of territory", "Other"}
ARMED_INTER = {2, 3, 4, 8}
STATE_FORCES = ("Military Forces", "Police Forces")


def _organised(event: Event, sub: str | None) -> str | None:
    """The model's sub-type, unless it needs an organised armed group and the event's actor1
    is none (a government office, a firm, people), or it is an agreement and actor1 is no
    political actor at all (two companies merging)."""
    actor = event.actor("actor1")
    armed = actor is not None and (actor.inter in ARMED_INTER or (
        actor.inter == 1 and actor.name.startswith(STATE_FORCES)))
    political = actor is not None and actor.inter is not None
    if (sub in ORGANISED_ONLY and not armed) or (sub == "Agreement" and not political):
        return None
    return sub


def _keep_actor_choice(rules: str | None, chosen: str | None) -> str | None:
    """``chosen``, unless it and the rules' label differ only by their actors."""
    if rules is None or chosen is None or rules == chosen:
        return chosen
    same = any(rules in group and chosen in group for group in ACTOR_CHOICES)
    return rules if same else chosen


def code_event(
    article: Article, doc: Doc, event: Event, riots: bool = False, rule_weight: float = 0.0
) -> Event:
    """Return ``event`` with its ACLED, CAMEO and PLOVER context codes and final id.

    The rules' sub-type is weighed against the typing model's scores, if any, with
    ``rule_weight`` (see :func:`eventcoder.extract.classify.decide`); an event the
    model found alone takes the model's label.
    """
    rules = model_label(event.acled_scores) if event.hint == MODEL_HINT else None
    rules = rules or rule_sub_type(doc, event, riots)
    # the model may re-type an event the rules coded, not erase it: it reads words only,
    # and on real news its "no event" vetoes cost more events than they saved
    chosen = decide(rules, event.acled_scores, rule_weight) or rules
    sub = _keep_actor_choice(rules, chosen)
    sub = _organised(event, sub) if event.hint == MODEL_HINT or sub != rules else sub
    sub = sub if event.modality == "asserted" else None  # what did not happen is not ACLED's
    return replace(
        event,
        id=content_id(article.id, str(event.trigger.start), str(event.trigger.end), event.plover),
        acled_event_type=ACLED_SUB_TYPES[sub] if sub else None,
        acled_sub_event_type=sub,
        disorder_type=disorder_type(sub),
        cameo_root=cameo_root(event.plover, event.mode),
        context=plover_context(_lemmas(doc, event.sentence.start, event.sentence.end)),
    )


@register
class Coding(Stage):
    """Adds the ACLED/CAMEO codes and the final event ids."""

    name = "coding"
    reads = ("events.merged",)
    adds = ("events.coded",)

    def warm_up(self) -> None:
        """Load the typing model."""
        typing_model(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with coded events."""
        model = typing_model(self.settings)
        weight = model.decision.rule_weight if model else 0.0
        coded = [code_event(article, doc, e, riot_context(article, but=e), weight)
                 for e in article.events]
        coded = [battle_outcome(e, coded) for e in coded]
        return article.with_(events=tuple(weapon_told_nearby(doc, e) for e in coded))


def weapon_told_nearby(doc: Doc, event: Event) -> Event:
    """An attack whose sentence names no weapon and no guns takes the explosive weapon of the
    sentence before or after ("Two civilians were killed in separate attacks. A civilian was
    killed in a grenade attack ..."): ACLED codes the event by its weapon."""
    if event.acled_sub_event_type != "Attack":
        return event
    own = set(_lemmas(doc, event.sentence.start, event.sentence.end))
    if told_weapon(own) is not None:
        return event
    weapons = {told_weapon(own | _neighbour(doc, event, step)) for step in (-1, 1)} - {None}
    if len(weapons) != 1:
        return event
    sub = weapons.pop()
    return replace(event, acled_sub_event_type=sub, acled_event_type=ACLED_SUB_TYPES[sub],
                   disorder_type=disorder_type(sub))


def _neighbour(doc: Doc, event: Event, step: int) -> set[str]:
    span = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    if span is None:
        return set()
    i = span.start - 1 if step < 0 else span.end
    if not 0 <= i < len(doc):
        return set()
    return {t.lemma_.lower() for t in doc[i].sent}


TERRITORY_SUBS = ("Government regains territory", "Non-state actor overtakes territory")


def battle_outcome(event: Event, events: list[Event]) -> Event:
    """A clash in the sentence that reports the same side taking ground ("troops pushed into
    the enclave, clashing with insurgents and capturing a village") is ACLED's territorial
    battle: the clash takes the capture's sub-type."""
    if event.acled_sub_event_type != "Armed clash":
        return event
    actor = event.actor("actor1")
    taken = next((e.acled_sub_event_type for e in events
                  if e.sentence == event.sentence and e.acled_sub_event_type in TERRITORY_SUBS
                  and _same_side(actor, e.actor("actor1"))), None)
    return replace(event, acled_sub_event_type=taken) if taken else event


def _same_side(actor: Actor | None, other: Actor | None) -> bool:
    return actor is None or other is None or actor.name == other.name
