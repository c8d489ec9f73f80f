"""Who did what to whom: actor1/actor2 and associated actors from the parse.

Roles come from the dependency parse (subject, object, passive agent, "of"
and "against" phrases of event nouns, "together with" for associated
actors). Each actor is coded through the knowledge base: a person by their
office on the event date, an organisation by its canonical name, a generic
agent ("protesters", "law enforcement agencies") in ACLED's style with its
country. Unknown actors keep their text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from eventcoder.extract._doc import (
    PRONOUNS,
    child,
    clause_verbs,
    event_token,
    focus_country,
    lexicon,
    np_tokens,
    tokens_span,
)
from eventcoder.model import Actor, Article, Event, Span
from eventcoder.pipeline import Stage, register
from eventcoder.resolve.actors import (
    ActorKB,
    Coding,
    Organization,
    Person,
    country_name,
    load_actor_kb,
)
from eventcoder.resolve.gazetteer import Gazetteer, load_gazetteer

PERSONAL = {"he", "she", "they", "them", "him", "her"}
GROUP_NOUNS = {"organization", "organisation", "alliance", "bloc", "union"}
PARTITIVES = {
    "part",
    "portion",
    "group",
    "member",
    "unit",
    "detachment",
    "section",
    "half",
    "rest",
    "most",
    "some",
    "many",
    "dozens",
    "hundreds",
    "thousands",
    "contingent",
}
NO_TARGET = {"MOBILIZE"}
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
WITH_PARTNER = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "PROTEST"}
LIGHT_VERBS = {"go", "stage", "hold", "organize", "organise", "take", "join", "launch", "carry",
               "conduct", "mount", "begin", "start", "lead", "call", "continue", "end", "hit"}
LOADED = set(lexicon()["loaded_labels"])
PARTIES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}  # "X and Y signed/met/clashed"
AGENT_OBJECTS = {"ASSAULT", "COERCE", "SANCTION", "REQUEST", "ACCUSE", "AID", "THREATEN"}


def _subject(token: Token) -> Token | None:
    for verb in clause_verbs(token):
        subj = child(verb, "nsubj")
        if subj is not None:
            return subj
    return None


def _prep_object(token: Token, *preps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            return child(c, "pobj")
    return None


def _between(token: Token) -> dict[str, Token | None]:
    first = _prep_object(token, "between")
    second = child(first, "conj") if first is not None else None
    return {"actor1": first, "actor2": second}


def _light_verb_subject(token: Token) -> Token | None:
    """The subject of "went on strike", "staged a protest", "took part in a rally"."""
    verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    return _subject(verb)


def _target_preps(plover: str) -> tuple[str, ...]:
    """Prepositions that introduce the target ("fired at", "met with", "support for")."""
    preps = ("to", "against", "on", "at", "into", "for")
    return (*preps, "with") if plover in WITH_PARTNER else preps


def _noun_roles(token: Token, plover: str) -> dict[str, Token | None]:
    if _prep_object(token, "between") is not None:
        return _between(token)
    victim = _prep_object(token, "of", "on", "against")
    actor1 = _prep_object(token, "by") or (None if plover == "ASSAULT" else victim)
    return {
        "actor1": actor1 or _light_verb_subject(token),
        "actor2": victim if plover == "ASSAULT" else None,
    }


def roles(token: Token, plover: str) -> dict[str, Token]:
    """The head tokens of actor1/actor2/assoc_actor_1 for a trigger."""
    found: dict[str, Token | None] = {}
    passive = child(token, "nsubjpass") is not None or child(token, "auxpass") is not None
    if token.pos_ == "NOUN":
        found = _noun_roles(token, plover)
    elif token.dep_ == "acl" and token.tag_ == "VBN":
        found["actor2"], found["actor1"] = token.head, _prep_object(token, "by")
    elif passive:
        patient = child(token, "nsubjpass")
        mover = plover in ("MOBILIZE", "RETREAT")
        found["actor1"] = patient if mover else _prep_object(token, "by")
        found["actor2"] = None if mover else patient
    else:
        found["actor1"] = _subject(token)
        found["actor2"] = child(token, "dobj") or _prep_object(token, *_target_preps(plover))
    first = found.get("actor1")
    if first is not None:
        partner = child(first, "conj")
        if partner is not None and plover in PARTIES:  # "X and Y signed a deal"
            found["actor2"] = partner
        else:
            found["assoc_actor_1"] = _prep_object(first, "with") or partner
    return {k: v for k, v in found.items() if v is not None}


class Coder:
    """Codes the actors of one article against the knowledge base."""

    def __init__(self, article: Article, kb: ActorKB, gazetteer: Gazetteer) -> None:
        self.article = article
        self.kb = kb
        self.gazetteer = gazetteer
        self.focus = focus_country(article)
        self.people: list[Actor] = []  # antecedents of "he"/"she"
        self.groups: list[Actor] = []  # antecedents of "the organization"/"it"

    def actors(self, event: Event, token: Token) -> tuple[Actor, ...]:
        """Return the coded actors of the mention triggered by ``token``."""
        day = (event.date.value if event.date else None) or self.article.meta.published
        out = []
        for role, head in roles(token, event.plover).items():
            if head.lower_ in ("themselves", "itself", "himself") or (
                role == "actor2" and (event.plover in NO_TARGET or not self._agentive(head))
            ):
                continue
            out.append(self.code(role, head, day))
        out = _promote_partner(out, event.plover)
        out = [self._unlabel(a, event) for a in out]
        if event.plover == "PROTEST":
            out = [self._as_crowd(a, event) if a.role == "actor1" else a for a in out]
            if not any(a.role == "actor1" for a in out):
                out.append(self._crowd(event, event.trigger))
        return tuple(out)

    def _unlabel(self, actor: Actor, event: Event) -> Actor:
        """A speaker's loaded label ("bandits", "terrorists") is not the actor's name.

        When a source calls the people of a protest story by such a label, the actor stays
        the protesters (or rioters); the label is kept on the event with its speaker.
        """
        words = actor.span.text.lower().split()
        label = next((w for w in words if w in LOADED), None)
        if label is None or event.attribution.kind != "attributed" or not self._protest_story():
            return actor
        crowd = self._crowd(replace(event, hint="violent"), actor.span)
        return replace(crowd, role=actor.role, label=label)

    def _protest_story(self) -> bool:
        low = self.article.text.lower()
        return any(w in low for w in ("protest", "demonstrat", "rally", "riot", "march"))

    def _as_crowd(self, actor: Actor, event: Event) -> Actor:
        """Civilians who protest or riot are coded as protesters or rioters, as ACLED does."""
        unnamed = actor.inter is None and not actor.span.text[:1].isupper()
        return self._crowd(event, actor.span) if actor.inter == 7 or unnamed else actor

    def _agentive(self, head: Token) -> bool:
        """Whether ``head`` can be a target: a named or known actor, a person or a thing
        acted on ("a market", "civilians"); never a date, an amount or a weapon word."""
        if head.ent_type_ in NOT_ACTORS or head.pos_ == "NUM":
            return False
        return (
            head.pos_ in ("NOUN", "PROPN")
            or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or head.lower_ in PERSONAL
            or self.kb.agent(_phrase(head)) is not None
            or self.kb.find_alias(_phrase(head)) is not None
        )

    def code(self, role: str, head: Token, day: date | None) -> Actor:
        """Code the noun phrase headed by ``head`` in ``role``."""
        if head.lower_ in PRONOUNS or head.lemma_.lower() in GROUP_NOUNS:
            previous = self._antecedent(head)
            if previous is not None:
                span = tokens_span(self.article, [head])
                return replace(previous, role=role, span=span)
        tokens = np_tokens(head)
        span = tokens_span(self.article, tokens)
        coding = self._coding(span.text, tokens, _semantic_head(head), day)
        actor = Actor(
            role,
            span,
            coding.name,
            coding.inter,
            coding.country,
            coding.sector,
            acled_name=coding.acled_name,
        )
        if coding.person or head.ent_type_ == "PERSON":
            self.people.append(actor)
        elif coding.sector == "IGO":
            self.groups.append(actor)
        return actor

    def _antecedent(self, head: Token) -> Actor | None:
        if head.lemma_.lower() in GROUP_NOUNS or head.lower_ in ("it", "its"):
            before = [a for a in self.groups if a.span.start < head.idx] or self._org_before(head)
        else:
            before = [a for a in self.people if a.span.start < head.idx]
        return before[-1] if before else None

    def _org_before(self, head: Token) -> list[Actor]:
        text = self.article.text[max(0, head.idx - 600) : head.idx]
        org = self.kb.find_alias(text)
        if isinstance(org, Organization):
            span = tokens_span(self.article, [head])
            return [
                Actor("actor1", span, org.name, org.inter, None, org.sector, acled_name=org.name)
            ]
        return []

    def _coding(self, text: str, tokens: list[Token], head: Token, day: date | None) -> Coding:
        known = self.kb.find_alias(text)
        if isinstance(known, Person):
            return self.kb.person_coding(known, day)
        if isinstance(known, Organization) and self.kb.agent(head.lemma_.lower()) is None:
            return Coding(known.name, known.inter, None, known.sector, known.name)
        country = self._country(tokens) or self.focus
        person = self.kb.office_holder(text, country, day)
        if person is not None:
            return self.kb.person_coding(person, day)
        return self._generic(text, head, country, day, known)

    def _generic(
        self,
        text: str,
        head: Token,
        country: str | None,
        day: date | None,
        org: Organization | Person | None,
    ) -> Coding:
        agent = self.kb.agent(_phrase(head)) or self.kb.agent_in(
            " ".join(t.lemma_.lower() for t in np_tokens(head))
        )
        if agent is None:
            return Coding(_clean(text), None, country, None, _clean(text))
        name = fill_template(
            agent.template, country and country_name(country), self.kb.regime(country, day)
        )
        if isinstance(org, Organization) and agent.organization_default:
            name = f"{org.name}" if org.short == agent.organization_default else name
        return Coding(name, agent.inter, country, agent.sector, name)

    def _country(self, tokens: list[Token]) -> str | None:
        for t in tokens:
            code = self.gazetteer.demonym(t.text)
            if code:
                return code
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        inside = [p for p in self.article.places if start <= p.span.start < end and p.country_code]
        return inside[0].country_code if inside else None

    def _crowd(self, event: Event, span: Span) -> Actor:
        country = event.location.place.country_code if event.location else self.focus
        rioters = (
            event.hint in ("violent", "looting") and "protest" not in event.sentence.text.lower()
        )
        kind, inter = ("Rioters", 5) if rioters else ("Protesters", 6)
        name = f"{kind} ({country_name(country)})" if country else kind
        return Actor("actor1", span, name, inter, country, "CVL", acled_name=name)


def _promote_partner(actors: list[Actor], plover: str) -> list[Actor]:
    """ "The government and the rebels signed ...": the partner is actor2, not an associate."""
    if plover not in PARTIES or any(a.role == "actor2" for a in actors):
        return actors
    return [replace(a, role="actor2") if a.role == "assoc_actor_1" else a for a in actors]


def fill_template(template: str, country: str | None, regime: str | None) -> str:
    """ "Police Forces of {country} ({regime})" with what is known; unknown parts left out."""
    name = template.replace("{regime}", regime or "").replace(" ()", "")
    if country:
        return name.replace("{country}", country)
    return name.replace(" of {country}", "").replace(" ({country})", "").replace("{country}", "")


def _semantic_head(head: Token) -> Token:
    """The noun that says who the actor is ("the Russian part of the contingent" -> contingent)."""
    if head.lemma_.lower() in PARTITIVES:
        pobj = next(
            (
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if pobj is not None:
            return pobj
    return head


def _phrase(head: Token) -> str:
    words = [c.lower_ for c in head.lefts if c.dep_ == "compound"] + [head.lemma_.lower()]
    return " ".join(words)


def _clean(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) or text


def code_events(article: Article, doc: Doc, kb: ActorKB, gazetteer: Gazetteer) -> tuple[Event, ...]:
    """Return the events of ``article`` with coded actors."""
    coder = Coder(article, kb, gazetteer)
    out = []
    for event in article.events:
        token = event_token(doc, event)
        actors = coder.actors(event, token) if token is not None else ()
        labels = _labels(event, token, actors) + tuple(
            Actor(a.role, a.span, event.attribution.source or "unknown speaker", label=a.label)
            for a in actors if a.label)
        out.append(replace(event, actors=actors, labels=labels))
    return tuple(out)


def _labels(event: Event, token: Token | None, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Loaded labels the speaker of an accusation applies ("terrorist", "bandits")."""
    if token is None or event.plover != "ACCUSE":
        return ()
    loaded = set(lexicon()["loaded_labels"])
    speaker = next((a.name for a in actors if a.role == "actor1"), "unknown speaker")
    found = []
    for t in token.subtree:
        if t.lower_ in loaded or t.lemma_.lower() in loaded:
            span = Span(t.idx, t.idx + len(t.text), t.text)
            found.append(Actor("actor2", span, speaker, label=t.lemma_.lower()))
    return tuple(found)


@register
class Actors(Stage):
    """Fills each event's ``actors`` (and the loaded ``labels`` of accusations)."""

    name = "actors"
    reads = ("events", "places")
    adds = ("events.actors",)

    def warm_up(self) -> None:
        """Load the actor knowledge base and the gazetteer."""
        load_actor_kb(self.settings)
        load_gazetteer(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with coded actors."""
        return article.with_(
            events=code_events(
                article, doc, load_actor_kb(self.settings), load_gazetteer(self.settings)
            )
        )
