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
    ancestors_to_root,
    child,
    clause_verbs,
    event_token,
    focus_country,
    lexicon,
    np_tokens,
    tokens_span,
)
from eventcoder.extract.events import DEMAND_NOUNS, INTENT_TYPES, match_trigger, obligation
from eventcoder.model import Actor, Article, Event, Place, Span
from eventcoder.pipeline import Stage, register
from eventcoder.resolve.actors import (
    ActorKB,
    Agent,
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
WITH_PARTNER = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "PROTEST", "REJECT", "SUPPORT",
                "ACCUSE"}  # "lodged a protest with Y"
LIGHT_VERBS = {"go", "stage", "hold", "organize", "organise", "take", "join", "launch", "carry",
               "conduct", "mount", "begin", "start", "lead", "call", "continue", "end", "hit"}
LOADED = set(lexicon()["loaded_labels"])
PARTIES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}  # "X and Y signed/met/clashed"
SIGNING = {"sign", "ratify", "initial"}
AGENT_OBJECTS = {"ASSAULT", "COERCE", "SANCTION", "REQUEST", "ACCUSE", "AID", "THREATEN"}


TARGET_PREPS = ("to", "against", "on", "at", "into", "with", "from", "toward", "towards", "upon")
MOVERS = {"AID", "MOBILIZE", "RETREAT", "SANCTION", "COOPERATE", "CONCEDE"}
NAMED = {"PERSON", "ORG", "NORP", "GPE"}
THINGS = {
    "fire", "missile", "rocket", "bomb", "shell", "bullet", "gas", "explosive", "drone", "weapon",
    "arm", "aid", "loan", "assistance", "fund", "money", "food", "troop", "status", "deal",
    "treaty", "agreement", "memorandum", "accord", "pact", "declaration", "statement", "asylum",
    "sanction", "ban", "embargo", "talk", "meeting", "visit", "negotiation", "request", "offer",
    "plan", "law", "bill", "reform", "decree", "tax", "price", "relation", "tie", "border",
    "airspace", "veto", "bid", "charge", "objection", "support", "backing", "demand", "call",
    "protest", "strike", "rally", "march", "ceasefire", "truce", "licence", "license", "asset",
    "account", "item", "vaccine", "ventilator", "tent", "letter", "petition", "resignation",
    "role", "part", "presence", "access", "release", "return", "transfer", "pardon", "invitation",
    "tariff", "disbursement", "link", "life", "time", "term", "way", "step", "end", "action",
    "activity", "attack", "violence", "nature", "issue", "concern", "fighting", "campaign",
    "proposal", "resolution", "initiative", "appeal", "motion", "scheme", "formula",
    "artillery", "mortar", "grenade", "munition", "ammunition", "round", "gunfire", "teargas",
    "supply", "program", "programme", "service", "road", "street", "bridge", "stone", "policy",
    "violation", "right", "freedom", "independence", "election", "vote", "result",
}
SPEECH = {"say", "tell", "announce", "declare", "insist", "reiterate", "state", "add",
          "vow", "pledge", "promise", "warn", "confirm", "indicate"}  # "X said he would ..."
REPORTING = {"say", "tell", "report", "add", "state", "claim", "confirm", "write",
             "note", "stress"}
PLACE_PREPS = ("outside", "toward", "towards", "of", "near")  # "rallied in front of the embassy"
PREP_WORDS = {"front", "support"}
GROUPS = {
    "government", "army", "police", "force", "military", "people", "civilian", "community",
    "family", "official", "authority", "ministry", "party", "union", "council", "committee",
    "court", "parliament", "administration", "regime", "junta", "group", "crowd", "delegation",
    "management", "leadership", "opposition", "village", "resident", "staff", "embassy", "agency",
    "company", "firm", "bank", "navy", "guard", "militia", "rebel", "bloc", "alliance", "state",
    "country", "movement", "front", "organization", "organisation", "association", "federation",
    "coalition", "commission", "department", "office", "counterpart", "child", "girl", "boy",
    "woman", "student", "youth", "detainee", "prisoner", "refugee", "migrant", "victim", "cadet",
    "journalist", "activist", "pupil", "member", "elder", "clan", "tribe", "ngo", "outlet",
    "station", "school", "hospital", "wife", "husband", "son", "daughter", "mother", "father",
    "brother", "sister", "relative", "widow", "chief", "head", "priest", "bishop", "envoy",
    "hostage", "captive", "republic", "kingdom", "emirate", "guerrilla", "insurgency",
}
DASHES = {"-", "—", "–", "--"}
# Things whose endings look like a person's ("plant", "border", "hunger"): never people.
NOT_PEOPLE = {"plant", "restaurant", "hunger", "border", "center", "centre", "tower", "water",
              "shelter", "quarter", "headquarter", "headquarters", "order", "power", "number",
              "letter", "chamber", "barrier", "river", "matter", "paper", "computer",
              "container", "helicopter", "poster", "theatre", "theater", "corner", "element",
              "settlement", "shipment", "equipment", "statement", "agreement", "tournament",
              "monument", "apartment", "compartment", "document", "instrument", "amendment",
              "payment", "treatment", "cover", "filter", "murder", "danger", "anger", "disorder",
              "layer", "trailer", "tanker", "bunker"}
CONDITIONS = {"if", "unless", "until"}  # "threatened ... if Y goes ahead"
MEASURES = {"curfew", "emergency", "ban", "restriction", "blockade", "embargo", "measure",
            "lockdown", "siege", "law", "rule", "closure"}  # imposed on, or lifted in, a place
TIES = {"relation", "tie", "talk", "contact", "negotiation", "dialogue", "cooperation", "trade",
        "link", "flight", "exchange", "truce", "ceasefire", "peace", "accord", "deal"}
SETTLEMENTS = {"town", "city", "village", "province", "region", "district", "state", "county",
               "municipality", "governorate", "island", "port"}
RECIPIENT_PREPS = ("in", "into", "from", "to", "against", "inside", "across", "for")
PURPOSE_VERBS = {"protest", "demand", "denounce", "condemn", "oppose", "decry", "show", "express",
                 "voice"}
STANCE_NOUNS = {"disapproval", "opposition", "anger", "rejection", "outrage", "displeasure",
                "discontent", "frustration"}
STANCE_PREPS = ("for", "of", "with", "against", "over", "at", "about", "toward", "towards")
PROTEST_FRAMES = {"defiance", "protest", "opposition", "solidarity", "response", "reaction"}
STATIVE = {"oppose", "commit", "dedicate"}  # "X is opposed to Y": X takes the stance
MEDIATION = {"mediation", "mediator", "intermediary"}  # "mediation between Y and Z": Y, Z
KIN_ADJ_ENTS = ("NORP", "GPE")  # "German goods", "Palestinian homes": whose they are
FOR_TARGET = {"SUPPORT", "AID"}  # "support for Y", "an aid package for Y"
PHYSICAL = {"ASSAULT", "COERCE"}  # "shelled X with rocket launchers": an instrument
NAMED_THINGS = {"REJECT", "AGREE", "SUPPORT", "CONCEDE", "REQUEST"}  # "rejected a UN request"


def _subject(token: Token) -> Token | None:
    for verb in clause_verbs(token):
        subj = child(verb, "nsubj")
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return verb.head  # "teachers who had gathered"
        if subj is not None:
            return _reporter(subj, verb)
    return None


def _reporter(subj: Token, verb: Token) -> Token:
    """The actor a pronoun subject stands for, from the clause above.

    "X said it would send aid", "X dismissed the ruling and said it would ...",
    "people it accused of ...", "X warned that its forces would ..." all stand for X.
    """
    if _in_dateline(subj):
        return _after_dateline(subj, verb)
    owner = child(subj, "poss")
    standing = subj.lower_ in ("it", "they") or (owner is not None and owner.lower_ in PRONOUNS)
    if not standing or verb.dep_ not in ("ccomp", "relcl", "conj", "advcl", "xcomp"):
        return subj
    for up in ancestors_to_root(verb):
        outer = child(up, "nsubj")
        if outer is not None and outer.lower_ not in PRONOUNS and not _in_dateline(outer):
            return outer
    return subj


def _after_dateline(subj: Token, verb: Token) -> Token:
    """ "KYIV, Oct 4 (AFP) - Ukraine's ombudsman accused ...": the noun after the dash."""
    dash = next(t for t in subj.sent if t.text in DASHES)
    between = [t for t in subj.doc[dash.i + 1 : verb.i] if t.pos_ in ("NOUN", "PROPN")]
    tops = [t for t in between if not dash.i < t.head.i < verb.i]
    return tops[-1] if tops else subj


def _governing_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above ``token`` ("Argentina reached an agreement").

    Never the subject of a reporting verb ("X reported the death of ..."), nor a
    subject holding the trigger itself ("Protests grew into riots").
    """
    for up in ancestors_to_root(token):
        if up.pos_ in ("VERB", "AUX"):
            subj = child(up, "nsubj")
            if up.lemma_.lower() in REPORTING or (subj is not None and token in subj.subtree):
                return None
            if subj is not None:
                return _reporter(subj, up)
            if up.dep_ not in ("xcomp", "conj", "advcl", "acl", "pcomp", "prep"):
                return None
    return None


def _prep_object(token: Token, *preps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            return child(c, "pobj")
    return None


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``token``'s prepositions among ``preps``, in order of the sentence."""
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = child(c, "pobj") or _clause_object(c)
            out.extend([obj] if obj is not None else [])
    return out


def _clause_object(prep: Token) -> Token | None:
    """The object of a clause standing for a preposition's object ("talks with visiting Y")."""
    clause = child(prep, "pcomp")
    return child(clause, "dobj") if clause is not None and clause.tag_ == "VBG" else None


def _place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def _named_thing(thing: Token | None, plover: str) -> Token | None:
    """A request, plan or invitation named for whoever made it ("a UN request")."""
    if thing is None or plover not in NAMED_THINGS or thing.lemma_.lower() not in THINGS:
        return None
    named = [c for c in thing.children if c.dep_ in ("compound", "amod", "nmod") and _named(c)]
    people = [c for c in thing.children if c.dep_ in ("compound", "poss") and _personlike(c)]
    return thing if named else _first(people)  # "the hostage-takers' demands": the takers


def _agent_of(thing: Token | None) -> Token | None:
    """Who put forward or offered a thing ("the terms put forward by Y", "a petition by Y")."""
    if thing is None:
        return None
    clause = next((c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return _prep_object(clause, "by") if clause is not None else _prep_object(thing, "by")


def _holder(thing: Token | None) -> Token | None:
    """Whose a thing is: a named owner ("Mozambique's credit programme") or the people
    of an "of" phrase ("the assets of a Lebanese money exchange", "the release of 30
    detainees"); none when the thing is itself a body of people."""
    if thing is None or _personlike(thing):
        return None
    if thing.lemma_.lower() in PARTITIVES:  # "part of a rebel stronghold", "part of Y's aid"
        return _holder(_prep_object(thing, "of"))
    owner = _owner(thing)
    if owner is not None and _actorish(owner):
        return owner
    held = _prep_object(thing, "of")
    if _personlike(held):
        return held
    return next((c for c in thing.children if c.dep_ in ("amod", "compound")
                 and (_nationality(c) or c.lemma_.lower() in GROUPS)),
                None)  # "German goods", "rebel camps"


def _nationality(token: Token) -> bool:
    """A national or named adjective ("German", "Israeli"): an entity, or a capitalised
    adjective inside the sentence."""
    inside = token.i > token.sent.start and token.text[:1].isupper()
    return token.ent_type_ in KIN_ADJ_ENTS or (token.pos_ == "ADJ" and inside)


def _in_dateline(token: Token) -> bool:
    """Whether ``token`` is in a dateline ("KYIV, Oct 4 (AFP) - ...")."""
    sent = token.sent
    head = sent[: min(len(sent), 14)]
    dash = next((t for t in head if t.text in DASHES and t.i > sent.start), None)
    return dash is not None and token.i < dash.i and sent[0].text.isupper()


def _named(token: Token) -> bool:
    """A proper name or a named kind of actor (a country, a person, an organisation)."""
    return token.ent_type_ in NAMED or token.pos_ == "PROPN"


def _actorish(token: Token) -> bool:
    """Whether ``token`` can head an actor phrase: never a weapon, an act or a document."""
    if token.ent_type_ in NOT_ACTORS or token.pos_ == "NUM" or _in_dateline(token):
        return False
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL | {"it"}
    if token.pos_ == "ADJ":  # "Togolese raids", "German goods": the nation behind a thing
        return token.ent_type_ == "NORP"
    return token.pos_ in ("NOUN", "PROPN") and (
        _named(token) or token.lemma_.lower() not in THINGS
    )


def _first(tokens: list[Token | None]) -> Token | None:
    return next((t for t in tokens if t is not None and _actorish(t)), None)


def _owner(token: Token | None) -> Token | None:
    """The named owner of a thing ("Finland's NATO bid" -> Finland)."""
    owner = child(token, "poss") if token is not None else None
    return owner if owner is not None and owner.lower_ not in PRONOUNS else None


def _personlike(token: Token | None) -> bool:
    """A named actor, a person or a body of people ("officials", "the army", "villagers")."""
    if token is None or not _actorish(token):
        return False
    lemma = token.lemma_.lower()
    if lemma in NOT_PEOPLE:
        return False
    return (
        _named(token)
        or token.lower_ in PERSONAL
        or lemma in GROUPS
        or lemma.endswith(("er", "or", "ist", "ian", "ant", "ee", "man", "men"))
        or (lemma.endswith("ent") and not lemma.endswith("ment"))
    )


def _around(verb: Token, obj: Token | None, plover: str) -> list[Token]:
    """Prepositional objects of the verb and its object, and one level below a thing
    ("visited Kigali for talks with Y")."""
    preps = TARGET_PREPS if plover in WITH_PARTNER | MOVERS else _target_preps(plover)
    preps = (*preps, *PLACE_PREPS) if plover == "PROTEST" else preps
    near = _prep_objects(verb, (*preps, "for")) + (_prep_objects(obj, _obj_preps(obj, preps))
                                                   if obj else [])
    below = [t for n in near if n.lemma_.lower() in THINGS for t in _prep_objects(n, preps)]
    return [t for t in near if t.lower_ not in PREP_WORDS] + below


def _obj_preps(obj: Token, preps: tuple[str, ...]) -> tuple[str, ...]:
    """The prepositions of an object that name the other side: a tie is "with" someone
    ("break off relations with Y", "suspend talks with Y")."""
    return (*preps, "with") if obj.lemma_.lower() in TIES and "with" not in preps else preps


def _object_target(verb: Token, plover: str) -> Token | None:
    """The target among a verb's object, its prepositional objects and the object's:
    people before things, and for movers the destination before what is moved."""
    obj = child(verb, "dobj")
    blamed = _blamed(verb) if plover == "ACCUSE" else _protested(verb) if plover == "PROTEST" \
        else None
    if blamed is not None:
        return blamed
    around = _around(verb, obj, plover)
    people = next((t for t in around if _personlike(t)), None)
    if plover in MOVERS and people is not None:
        return people
    partner = next((t for t in around if _personlike(t) and not _place(t)), None)
    if partner is not None and plover not in PHYSICAL and (not _personlike(obj) or _place(obj)):
        return partner  # "discussed oil exports with Y", "visited Kigali for talks with Y"
    behind = _agent_of(obj) or _holder(obj) or _named_thing(obj, plover)
    if behind is not None:
        return behind
    if obj is not None and (_personlike(obj) or _place(obj)):
        return obj
    # a thing done to people or a place: "lifted a curfew in Y", "gave Y a grant"
    found = people or _where(obj) or _first([child(verb, "dative")])
    if found is None and _measure(obj):
        found = _where(verb, places=True)  # "lifted the curfew in Y"
    if found is None and obj is not None and _actorish(obj) and not _measure(obj):
        return obj  # a curfew or a ban is no one: its place becomes the recipient
    found = found or _first(around) or _owner(obj)
    return found or _first([_agent_of(t) or _holder(t) for t in around])


def _measure(thing: Token | None) -> bool:
    """A curfew, a ban, "a state of emergency": something imposed, not someone."""
    if thing is None:
        return False
    named = _prep_object(thing, "of") if thing.lemma_.lower() == "state" else thing
    return named is not None and named.lemma_.lower() in MEASURES


def _defied(verb: Token) -> Token | None:
    """Whom a protest defies or opposes, named in a frame ("blocked streets in defiance of
    Y", "marched in protest against Y's decision")."""
    frames = [t for t in _prep_objects(verb, ("in",)) if t.lemma_.lower() in PROTEST_FRAMES]
    found = [w for f in frames for w in _prep_objects(f, ("of", "against", "at", "to"))]
    return next((t for t in (_agent_of(w) or _holder(w) or w for w in found)
                 if _personlike(t)), None)


def _protested(verb: Token | None) -> Token | None:
    """Whom a protest is against: named in a frame ("in protest against Y's decision") or in
    its purpose ("a rally to protest the violations by Y", "a strike to demand the return of
    property seized by Y", "blocked a road to show their disapproval for Y's policies")."""
    if verb is None:
        return None
    found = _defied(verb)
    if verb.lemma_.lower() in PURPOSE_VERBS:  # the trigger itself: "to protest the violations by Y"
        found = found or _grievance_doer(child(verb, "dobj"))
    purposes = [c for c in verb.children
                if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in PURPOSE_VERBS]
    for purpose in purposes:
        found = found or _grievance_doer(child(purpose, "dobj"), purpose)
    return found


def _grievance_doer(grievance: Token | None, verb: Token | None = None) -> Token | None:
    if grievance is not None and grievance.lemma_.lower() in STANCE_NOUNS:
        about = _prep_objects(grievance, STANCE_PREPS) or (  # "show anger at Y's reform"
            _prep_objects(verb, STANCE_PREPS) if verb is not None else [])
        grievance = next(iter(about), None)
    if grievance is None:
        return None
    by = next((t for t in grievance.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"
               and _personlike(t)), None)
    owner = _owner(grievance)  # "Y's reform"; not "the detention of Y": Y is its victim
    named = owner if owner is not None and _actorish(owner) else None
    return by or _agent_of(grievance) or named or (
        grievance if _personlike(grievance) else None)


def _blamed(verb: Token) -> Token | None:
    """Whose act a complaint is about, before whom it is made to ("complained to the UN over
    two Israeli air raids" -> Israeli): the doer of the act named after over/about/against."""
    heads = [verb, *_prep_objects(verb, ("to",))]  # "complained to Y over Z's raids"
    acts = [t for h in heads for t in _prep_objects(h, ("over", "about")) if not _personlike(t)]
    found = [_agent_of(t) or _holder(t) for t in acts]
    return next((t for t in found if t is not None and _actorish(t)), None)


def _where(head: Token | None, places: bool = False) -> Token | None:
    """The people or place a thing applies to ("a curfew in Y", "restrictions on Y"); of a
    verb (``places``), only the place it is done in ("lifted the curfew in Y")."""
    if head is None:
        return None
    preps = ("in",) if places else ("in", "on", "over", "for", "against")
    found = [_named_place(t) for t in _prep_objects(head, preps)]
    return next((t for t in found if _place(t) or (_personlike(t) and not places)), None)


def _named_place(token: Token) -> Token:
    """The name in "the town of Cizre", "the province of Idlib"; else ``token``."""
    named = _prep_object(token, "of") if token.lemma_.lower() in SETTLEMENTS else None
    return named if named is not None and _place(named) else token


def _verb_target(token: Token, plover: str) -> Token | None:
    verbs = [token, *(c for c in token.children if c.dep_ == "xcomp")]  # "refused to meet X"
    found = _condition_subject(verbs) if plover == "THREATEN" else None
    for verb in verbs:
        found = found or _object_target(verb, plover)
    clause = next((c for v in verbs for c in v.children if c.dep_ == "ccomp"), None)
    if found is None and clause is not None and token.lemma_.lower() not in REPORTING:
        # "alleged that X were financing ...", "demanded that X reverse ...", "allowed X to ...",
        # but not what a source merely "noted"
        found = _first([child(clause, "nsubj")])
    return found


def _condition_subject(verbs: list[Token]) -> Token | None:
    """Who must comply with a threat ("... if Y goes ahead", "... unless Y surrenders"),
    unless the threat names a person or a body of people as its object."""
    if any(_personlike(_object_target(v, "THREATEN")) for v in verbs):
        return None
    clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl"]
    for clause in clauses:
        subj = child(clause, "nsubj")
        conditional = any(m.lower_ in CONDITIONS for m in clause.children if m.dep_ == "mark")
        if conditional and _personlike(subj) and subj.lower_ not in PRONOUNS:
            return subj
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
    # "demanded support from Y", "confiscated weapons from Y"
    preps = (*preps, "from") if plover in ("REQUEST", "COERCE") else preps
    return (*preps, "with") if plover in WITH_PARTNER else preps


def _noun_target(token: Token, plover: str) -> Token | None:
    """ "talks with Y", "sanctions on Y", "aid to Y", "a protest against Y", "killing of Y"."""
    preps = TARGET_PREPS + (("of",) if plover == "ASSAULT" else ())
    preps = preps + (("for",) if plover in FOR_TARGET else ())
    preps = preps + (("between", "among") if token.lemma_.lower() in MEDIATION else ())
    preps = preps + (("of",) if _measure(token) else ())  # "the blockade of Y"
    noun = token.head if token.dep_ == "compound" else token  # "an aid package for Y"
    above = _verb_of(noun) or _clause_verb(noun)  # "went on strike in protest against Y"
    asked = _asked(noun) or (_protested(above) or _protested(noun) if plover == "PROTEST" else None)
    if asked is not None:
        return asked
    tied = [w for o in _prep_objects(noun, ("of",)) if o.lemma_.lower() in TIES
            for w in _prep_objects(o, ("with", "to", "between"))]  # "suspension of links with Y"
    objects = tied + [_agent_of(t) or _holder(t) or t for t in _prep_objects(noun, preps)]
    verb = _verb_of(noun)
    dative = child(verb, "dative") if verb is not None else None  # "gave Y a grant"
    found = next((t for t in objects if _personlike(t)), None) or _first([dative, *objects])
    if found is None and verb is not None:  # "signed a deal on Friday with Y"
        found = _first([t for t in _prep_objects(verb, TARGET_PREPS) if t.i != token.i])
    if found is None and verb is not None and plover in FOR_TARGET | MOVERS:
        found = next((t for t in _prep_objects(verb, ("for",)) if _personlike(t)), None)
    return found


def _asked(noun: Token) -> Token | None:
    """Who a demand's clause asks to act ("its demand that Y ease the restrictions")."""
    if noun.lemma_.lower() not in DEMAND_NOUNS:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")), None)
    return _first([child(clause, "nsubj")]) if clause is not None else None


def _verb_of(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or as "N of the noun" ("gave Y aid",
    "provided 70 million dollars of aid for Y")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head
    return noun.head if noun.dep_ == "dobj" else None


def _noun_subject(token: Token, plover: str) -> Token | None:
    """Who holds the talks, signs the deal or imposes the sanctions a noun names.

    A protest's crowd comes only from a light verb ("staged a protest"): "protests
    grew" has no subject of its own, and the stage codes the crowd.
    """
    return None if plover == "PROTEST" else _governing_subject(token)


def _noun_roles(token: Token, plover: str) -> dict[str, Token | None]:
    if _prep_object(token, "between") is not None and token.lemma_.lower() not in MEDIATION:
        return _between(token)
    held = _prep_object(token, "of") if plover == "PROTEST" else None  # "a protest of farmers"
    actor1 = _prep_object(token, "by") or (held if _personlike(held) else None)
    return {
        "actor1": actor1 or _light_verb_subject(token) or _noun_subject(token, plover),
        "actor2": _noun_target(token, plover),
    }


def _governing_target(token: Token, plover: str) -> Token | None:
    """The people a purpose clause's governing verb acts on ("telephoned Y to discuss the
    tensions", "met Y to discuss ..."), when the clause itself names none."""
    if token.dep_ not in ("advcl", "xcomp") or token.head.pos_ != "VERB" or plover == "PROTEST":
        return None  # "drove tractors into Brussels to demonstrate against Y"
    if _personlike(_verb_target(token, plover)):
        return None
    above = _object_target(token.head, plover)
    return above if _personlike(above) and not _place(above) else None


def _stative(token: Token) -> bool:
    """A passive form that states the subject's own stance ("is opposed to Y")."""
    return (token.lemma_.lower() in STATIVE and child(token, "auxpass") is not None
            and _prep_object(token, "by") is None)


def _purpose_target(token: Token, plover: str) -> Token | None:
    """Whom force was used on, named by its purpose ("opened fire to disperse Y")."""
    if plover not in PHYSICAL:
        return None
    purposes = [c for c in token.children if c.dep_ in ("advcl", "xcomp")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    found = [_object_target(c, plover) for c in purposes]
    return next((t for t in found if _personlike(t)), None)


def _by_agent(token: Token) -> Token | None:
    """The agent of a passive trigger; for a weapon ("hit by the army's missile"), whose."""
    agent = _prep_object(token, "by")
    return agent if agent is None or _actorish(agent) else _owner(agent)


def _second_subject(first: Token) -> Token | None:
    """ "X and Y signed": a parse that gives the verb two subjects instead of a conjunct."""
    verb = first.head
    if first.dep_ != "nsubj" or not any(c.dep_ == "cc" for c in first.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and first.i < c.i < verb.i), None)


def roles(token: Token, plover: str) -> dict[str, Token]:
    """The head tokens of actor1/actor2/assoc_actor_1 for a trigger."""
    if plover == "REQUEST" and obligation(token):  # "X said Y must ...": X asks it of Y
        return {"actor1": child(token.head, "nsubj"), "actor2": child(token, "nsubj")}
    found: dict[str, Token | None] = {}
    passive = child(token, "nsubjpass") is not None or child(token, "auxpass") is not None
    if token.pos_ == "NOUN":
        found = _noun_roles(token, plover)
    elif token.dep_ == "acl" and token.head.dep_ == "appos":  # "Y is failing, a group protested"
        found["actor1"], found["actor2"] = token.head, child(token.sent.root, "nsubj")
    elif token.dep_ == "acl" and token.tag_ == "VBN":
        found["actor2"], found["actor1"] = token.head, _prep_object(token, "by")
    elif _stative(token):  # "X is opposed to Y"
        found["actor1"], found["actor2"] = child(token, "nsubjpass"), _prep_object(token, "to")
    elif passive:
        patient = child(token, "nsubjpass")
        mover = plover in ("MOBILIZE", "RETREAT")
        found["actor1"] = patient if mover else _by_agent(token)
        found["actor2"] = None if mover else patient
    else:
        found["actor1"] = _subject(token) or _governing_subject(token)
        found["actor2"] = (_governing_target(token, plover) or _verb_target(token, plover)
                           or _purpose_target(token, plover))
    first = found.get("actor1")
    if first is not None:
        partner = child(first, "conj") or _second_subject(first)
        signing = token.lemma_.lower() in SIGNING  # PLOVER SUPPORT, still two parties
        one_sided = plover == "ASSAULT" and child(token, "dobj") is not None  # "X and Y shelled Z"
        if partner is not None and (plover in PARTIES or signing) and not one_sided:
            found["actor2"] = partner
        else:
            found["assoc_actor_1"] = _prep_object(first, "with") or partner
    return {k: v for k, v in found.items() if v is not None}


def _clause_verb(noun: Token) -> Token | None:
    """The verb a noun's preposition hangs on ("arrived in Y on a visit")."""
    head = noun.head.head if noun.dep_ == "pobj" else None
    return head if head is not None and head.pos_ == "VERB" else None


def recipient_place(token: Token, places: tuple[Place, ...] = ()) -> Token | None:
    """PLOVER's recipient when the trigger names no actor acted on: the place the act is
    done in or aimed at ("demonstrated in Serbia", "withdrew troops from Panama", "a
    curfew in the town of Cizre"), as CAMEO coders code a country as the target. ACLED's
    actor2 stays empty; the place goes into the ``recipient`` role only."""
    verb = _verb_of(token) or _clause_verb(token) if token.pos_ == "NOUN" else None
    heads = [h for h in (token, child(token, "dobj"), verb) if h is not None]
    preps = (*RECIPIENT_PREPS, "of") if token.pos_ == "NOUN" else RECIPIENT_PREPS
    near = [t for h in heads for t in _prep_objects(h, preps)]
    spread = [t for n in near for t in (n, *_prep_objects(n, ("of", *RECIPIENT_PREPS)))]
    resolved = [(p.span.start, p.span.end) for p in places]
    return next((t for t in spread if not _in_dateline(t) and (
        t.ent_type_ in ("GPE", "LOC") or any(a <= t.idx < b for a, b in resolved))), None)


def _acted(event: Event, token: Token) -> str:
    """The type whose roles the trigger has: for an announced or refused act ("will withdraw
    its troops from Chad", coded THREATEN or AGREE), the act's own type."""
    entry = match_trigger(token) if event.plover in ("AGREE", "THREATEN", "REJECT") else None
    return entry["plover"] if entry and entry["plover"] in INTENT_TYPES else event.plover


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
        for role, head in roles(token, _acted(event, token)).items():
            if head.lower_ in ("themselves", "itself", "himself") or (
                role == "actor2" and (event.plover in NO_TARGET or not self._agentive(head))
            ):
                continue
            out.append(self.code(role, head, day))
        out = _promote_partner(out, event.plover)
        out = [self._unlabel(a, event) for a in out]
        place = None if any(a.role == "actor2" for a in out) else recipient_place(
            token, self.article.places)
        if place is not None:
            out.append(self.code("recipient", place, day))
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
            previous = self._antecedent(head) or self._speaker(head, day)
            if previous is not None:
                span = tokens_span(self.article, [head])
                return replace(previous, role=role, span=span)
        tokens = _phrase_tokens(head)
        span = tokens_span(self.article, tokens)
        text = self._government_seat(head, span.text) or span.text
        coding = self._coding(text, tokens, _semantic_head(head), day)
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

    def _government_seat(self, head: Token, text: str) -> str | None:
        """A national capital that acts stands for its country's state ("Moscow cancelled the
        meeting", "unless Baghdad accepts"): the country's name, else None."""
        if head.dep_ != "nsubj" or head.ent_type_ != "GPE":
            return None
        code = self.gazetteer.capital_country(text)
        return country_name(code) if code else None

    def _speaker(self, head: Token, day: date | None) -> Actor | None:
        """Who "he", "she" or "it" is when the clause is reported speech: the one who said it
        ("President X said he is prepared to lift the ban")."""
        clause = head.head
        verb = clause.head if clause.dep_ in ("ccomp", "xcomp") else None
        if head.dep_ != "nsubj" or verb is None or verb.lemma_.lower() not in SPEECH:
            return None
        speaker = child(verb, "nsubj")
        if speaker is None or speaker.lower_ in PRONOUNS or not _named(speaker):
            return None
        return self.code("actor1", speaker, day)

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
        if isinstance(known, Organization) and self._named_group(known, tokens, head):
            return Coding(known.name, known.inter, None, known.sector, known.name)
        country = self._country(tokens) or self.focus
        person = self.kb.office_holder(text, country, day)
        if person is not None:
            return self.kb.person_coding(person, day)
        return self._generic(text, head, country, day, known)

    def _named_group(self, org: Organization, tokens: list[Token], head: Token) -> bool:
        """Whether the phrase is the named group itself: no agent noun heads it ("Hamas"), or
        the group's fighters are named by it ("Al-Shabab fighters", "Taliban militants");
        "security forces in a crackdown on the Taliban" are not the Taliban."""
        agent = self.kb.agent(_phrase(head))
        if agent is None:
            return True
        before = self.article.text[tokens[0].idx : head.idx]
        return agent.inter in (2, 3) and self.kb.find_alias(before) is org

    def _generic(
        self,
        text: str,
        head: Token,
        country: str | None,
        day: date | None,
        org: Organization | Person | None,
    ) -> Coding:
        agent = (
            self.kb.agent(_phrase(head))
            or self.kb.agent_in(" ".join(t.lemma_.lower() for t in np_tokens(head)))
            or self._national_forces(head)
        )
        if agent is None:
            return Coding(_clean(text), None, country, None, _clean(text))
        name = fill_template(
            agent.template, country and country_name(country), self.kb.regime(country, day)
        )
        if isinstance(org, Organization) and agent.organization_default:
            name = f"{org.name}" if org.short == agent.organization_default else name
        return Coding(name, agent.inter, country, agent.sector, name)

    def _national_forces(self, head: Token) -> Agent | None:
        """ "Syrian forces", "the Afghan forces": a state's military; not forces named as
        someone's proxies or allies ("Turkish-backed forces", "forces loyal to Y")."""
        if head.lemma_.lower() != "force":
            return None
        words = [t for c in head.lefts for t in c.subtree]
        words += [c for c in head.rights if c.lower_ in ("loyal", "of")]
        national = any(self.gazetteer.demonym(t.text) for t in words)
        if not national or any(t.lower_ in PROXY_WORDS for t in words):
            return None
        return self.kb.agent("army")

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


PROXY_WORDS = {"backed", "led", "supported", "sponsored", "allied", "aligned", "opposition",
               "rebel", "tribal", "militia", "pro", "loyal", "of"}


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


def _phrase_tokens(head: Token) -> list[Token]:
    """The actor's noun phrase, without a clause of what it is accused of ("X of dumping")."""
    clauses = [c for c in head.children if c.dep_ == "prep" and child(c, "pcomp") is not None]
    dropped = {t.i for c in clauses for t in c.subtree}
    return [t for t in np_tokens(head) if t.i not in dropped] or [head]


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
