"""Coding an event in ACLED's and CAMEO's terms from its PLOVER type, mode and actors.

The vocabularies are data (vocab.json); the rules below follow the ACLED
codebook's decision order: who acts against whom decides between Battles,
Violence against civilians and Riots; the weapon decides the Explosions
sub-type; non-violent events are Strategic developments or not ACLED events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

ARMED = {1, 2, 3, 4, 8}
PROTEST_WORDS = {
    "protest",
    "protester",
    "protestor",
    "demonstrator",
    "demonstration",
    "rally",
    "march",
    "marcher",
}


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The vocabularies (ontology/vocab.json)."""
    return json.loads(resources.files("eventcoder.ontology").joinpath("vocab.json").read_text())


PLOVER_EVENTS: tuple[str, ...] = tuple(vocab()["plover_events"])
ACLED_SUB_TYPES: dict[str, str] = {
    sub: event_type
    for event_type, spec in vocab()["acled"].items()
    for sub in spec["sub_event_types"]
}


def disorder_type(sub_event_type: str | None) -> str | None:
    """ACLED's disorder type of a sub-event type."""
    if sub_event_type is None:
        return None
    overrides = vocab()["disorder_overrides"]
    return (
        overrides.get(sub_event_type)
        or vocab()["acled"][ACLED_SUB_TYPES[sub_event_type]]["disorder_type"]
    )


def cameo_root(plover: str, mode: str | None) -> str | None:
    """The CAMEO root code ("01".."20") of a PLOVER type and mode."""
    return vocab()["cameo_modes"].get(f"{plover}/{mode}") or vocab()["cameo"].get(plover)


def acled_coding(
    plover: str,
    hint: str,
    inter1: int | None,
    inter2: int | None,
    words: Iterable[str],
    actor1_words: Iterable[str] = (),
    actor2_words: Iterable[str] | None = None,
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) or (None, None) for events ACLED does not code.

    ``words`` are the lemmas of the event's sentence, ``actor1_words`` those of
    actor1's phrase (who acted decides between a mob and an armed group),
    ``actor2_words`` those of actor2's (None: no actor2; an armed target makes a battle,
    a person or property seized decides between an arrest and looting).
    """
    lemmas = set(words)
    if any(phrase <= lemmas for phrase in PROTEST_PHRASES):
        lemmas.add("protest")  # a human chain is a protest
    target = _with_singulars(actor2_words) if actor2_words is not None else None
    actor1 = _with_singulars(actor1_words)
    cues = _actor_cues(actor1) | _target_cues(target, lemmas - actor1)
    sub = _sub_type(plover, hint, inter1, inter2, lemmas | cues)
    return (ACLED_SUB_TYPES[sub], sub) if sub else (None, None)


def _with_singulars(words: Iterable[str]) -> set[str]:
    """The actor's lemmas and the singulars of plural names spaCy leaves as they are
    ("Maoists", "Naxalites")."""
    lemmas = set(words)
    return lemmas | {w[:-1] for w in lemmas if len(w) > 3 and w.endswith("s")}


# Markers added to the sentence's lemmas for what the actors' phrases say.
CROWD = "@crowd"  # actor1 is a crowd (villagers, a mob), not an armed group
DEMONSTRATORS = "@demonstrators"  # actor1 names demonstrators or protesting people
ARMED_ACTOR = "@armed-actor"  # actor1 names an armed group or force
UNKNOWN_ACTOR = "@unknown-actor"  # "unknown persons", "unidentified people"
AIR_ACTOR = "@air-actor"  # actor1 is aircraft ("Syrian warplanes destroyed the depot")
AIRCRAFT = {"warplane", "jet", "drone", "aircraft", "helicopter", "bomber", "chopper", "gunship"}
ARMED_TARGET = "@armed-target"  # an armed actor2 among the lemmas
PERSON_TARGET = "@person-target"  # actor2 is a person (seized: arrest or abduction)
PROPERTY_TARGET = "@property-target"  # actor2 is property (seized: looting)
WEAPON_TARGET = "@weapon-target"  # actor2 is arms (seized or recovered: disrupted weapons use)
PLACE_TARGET = "@place-target"  # actor2 is a place or a military site (seized: territory)
AIRCRAFT_TARGET = "@aircraft-target"  # actor2 is an aircraft ("opened fire on a plane")
INSTITUTION_TARGET = "@institution-target"  # actor2 is an office, a station, a ministry
STATE_ACTOR = "@state-actor"  # actor1 names state forces (police, soldiers, rangers)
EMPLOYEES = "@employees"  # actor1 names employees (nurses, teachers): not state forces
REBEL_ACTOR = "@rebel-actor"  # actor1's name says non-state ("Kachin Independence Army")


def _actor_cues(actor1: set[str]) -> set[str]:
    """Markers for who actor1 is."""
    armed = bool(actor1 & ARMED_NOUNS)
    cues = {ARMED_ACTOR} if armed else set()
    cues |= _state_cues(actor1)
    if actor1 & CROWD_CUES and not armed:
        cues.add(CROWD)
    if actor1 & DEMONSTRATOR_CUES and not armed:
        cues.add(DEMONSTRATORS)
    if actor1 & UNKNOWN_CUES and not armed and not actor1 & CROWD_CUES:
        cues.add(UNKNOWN_ACTOR)
    if actor1 & AIRCRAFT:
        cues.add(AIR_ACTOR)
    return cues


def _state_cues(actor1: set[str]) -> set[str]:
    """Whether actor1 is state forces, state employees or a group whose name says rebel.

    Nurses, teachers and doctors of public services get the state's inter code from the
    actors stage; they are no state force when they strike or march.
    """
    if actor1 & EMPLOYEE_NOUNS:
        return {EMPLOYEES}
    if actor1 & REBEL_NAME_CUES:
        return {REBEL_ACTOR}
    return {STATE_ACTOR} if actor1 & STATE_FORCE_NOUNS else set()


def _state(inter1: int | None, lemmas: set[str]) -> bool:
    """True when actor1 is state forces: inter code 1 or state force words, not employees or
    a group named as rebels."""
    if lemmas & {EMPLOYEES, REBEL_ACTOR}:
        return False
    return inter1 == 1 or (inter1 is None and STATE_ACTOR in lemmas)


def _target_cues(actor2: set[str] | None, lemmas: set[str]) -> set[str]:
    """Markers for what actor2 is; with no actor2 the sentence stands in for an armed target."""
    target = actor2 if actor2 is not None else lemmas - REPORTERS
    cues = {ARMED_TARGET} if target & ARMED_TARGETS else set()
    if actor2 is None:
        return cues
    marks = ((PERSON_NOUNS, PERSON_TARGET), (PROPERTY_NOUNS, PROPERTY_TARGET),
             (AIRCRAFT | {"plane", "airliner", "airplane"}, AIRCRAFT_TARGET),
             (WEAPON_NOUNS, WEAPON_TARGET), (PLACE_NOUNS, PLACE_TARGET),
             (INSTITUTION_NOUNS, INSTITUTION_TARGET))
    return cues | {mark for nouns, mark in marks if actor2 & nouns}


def _sub_type(
    plover: str, hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]
) -> str | None:
    if _not_political(plover, hint, inter1, lemmas):
        return None
    if hint in ("territory", "regain"):  # ground taken: PLOVER ASSAULT (CAMEO 192), ACLED's
        return _strategic(plover, hint, inter1, lemmas)  # territory or battle sub-types
    if plover == "PROTEST":
        return _protest(hint, inter1, inter2, lemmas)
    if plover == "ASSAULT":
        return _assault(hint, inter1, inter2, lemmas)
    return _strategic(plover, hint, inter1, lemmas)


def _not_political(plover: str, hint: str, inter1: int | None, lemmas: set[str]) -> bool:
    """Events ACLED leaves out: crime without a political actor, claims, trials of old attacks.

    A crowd punishing a thief is still mob violence; state forces or armed groups
    fighting criminals are still coded.
    """
    if plover not in ("ASSAULT", "PROTEST", "COERCE"):
        return False
    if lemmas & CRIME_CUES and not lemmas & (POLITICAL_CUES | MOB_CUES):
        return inter1 not in ARMED - {1} and not (plover == "ASSAULT" and inter1 == 1)
    if plover == "COERCE" and hint != "political":
        return False
    claim = lemmas & CLAIM_CUES and lemmas & CLAIM_VERBS
    trial = lemmas & JUDICIAL_CUES and plover != "PROTEST"  # a protest against a verdict counts
    return bool(claim or trial)


RIOT_CUES = {"stone", "molotov", "petrol", "brick", "torch", "burn", "loot", "vandalize",
             "vandalise", "violent", "clash", "ransack", "storm", "ablaze", "smash", "throw",
             "hurl", "pelt", "rioter", "rioting", "arson", "vandalism", "violently", "violence",
             "aggressive", "scuffle", "skirmish", "firework", "brawl"}
FIGHT_CUES = {"fight", "fighting", "clash", "battle", "offensive", "attack", "assault", "heavy",
              "capture", "overrun", "storm"}
INTERVENTION_CUES = {"disperse", "arrest", "detain", "tear", "teargas", "baton", "cannon", "break",
                     "suppress", "crackdown", "rubber", "pepper", "stun", "beat", "bundle",
                     "drag"}
RIOT_CONTROL_CUES = {"tear", "teargas", "cannon", "rubber", "pepper", "baton"}
LETHAL_CUES = {"kill", "shoot", "dead", "death", "die"}  # "live" only with rounds
SERIOUS_INJURY_CUES = {"pellet", "grievously", "critically", "gunshot", "lethal"}
STATE_CUES = {"police", "force", "troop", "soldier", "army", "military", "officer", "guard",
              "security", "personnel", "gendarme", "ranger", "paramilitary"}
CROWD_CUES = {"mob", "crowd", "villager", "resident", "youth", "supporter", "vigilante",
              "neighbour", "neighbor", "student", "worker", "angry", "people", "local"}
DEMONSTRATOR_CUES = {"protester", "protestor", "demonstrator", "protest", "marcher", "rioter",
                     "student"}
# A crowd or a strike named in the sentence: property burned by them is their riot's.
CROWD_WORDS = {"riot", "unrest", "crowd", "youth", "mob", "rioter", "gang", "student", "worker",
               "supporter", "resident", "villager", "people", "strike", "striker", "striking"}
MOB_CUES = {"mob", "lynch", "vigilante", "communal", "sectarian", CROWD}
DEMONSTRATION_CUES = {"protester", "protestor", "demonstrator", "demonstration", "protest",
                      "rally", "march", "rioter", "rioting", "block", "barricade", "tyre", "tire",
                      "slogan", "demand", DEMONSTRATORS}
UNKNOWN_CUES = {"unknown", "unidentified", "unidentifie"}
HARM_CUES = {"kill", "killing", "wound", "injure", "dead", "death", "die", "shoot", "stab",
             "behead", "massacre", "murder", "hostage", "abduct", "kidnap"}
ARMED_NOUNS = {"militia", "militiaman", "rebel", "militant", "troop", "soldier", "army", "fighter",
               "insurgent", "jihadist", "gunman", "police", "force", "military", "guerrilla",
               "maoist", "naxal", "naxalite", "separatist", "terrorist", "bandit", "extremist"}
ARMED_TARGETS = {"base", "position", "post", "outpost", "checkpoint", "patrol", "convoy",
                 "barracks", "camp", "troop", "soldier", "army", "military", "police",
                 "policeman", "officer", "militant", "rebel", "fighter", "insurgent",
                 "garrison", "militia", "militiaman", "militiamen", "jihadist", "guard",
                 "gunfire", "exchange", "battle", "firefight", "gunfight", "commando", "jawan",
                 "trooper", "gendarme", "cartel"}
TERRITORY_NOUNS = {"town", "village", "city", "district", "area", "territory", "base", "region",
                   "province", "hill", "position", "post", "border", "crossing", "airport",
                   "capital", "centre", "center", "county", "camp", "outpost"}
PLACE_NOUNS = TERRITORY_NOUNS | {"headquarters", "barracks", "garrison"}
CLASH_CUES = {"encounter", "shootout", "gunfight", "firefight", "retaliate", "repel", "duel",
              "engage", "counterattack", "crossfire"}
CIVILIAN_CUES = {"civilian", "villager", "worshipper", "passenger", "mourner", "farmer",
                 "herder", "woman", "child"}
PERSON_NOUNS = {"he", "she", "him", "her", "they", "them", "man", "woman", "activist",
                "journalist", "critic", "student", "leader", "member", "person", "people",
                "official", "worker", "opponent", "blogger", "lawyer", "commander", "chief",
                "suspect", "spokesman", "colonel", "general", "emir", "deputy"}
PROPERTY_NOUNS = {"home", "house", "property", "land", "farm", "shop", "building", "office",
                  "good", "cattle", "livestock", "crop", "car", "vehicle", "asset", "business"}
WEAPON_NOUNS = {"weapon", "arm", "ammunition", "rifle", "gun", "explosive", "bomb", "ied",
                "grenade", "cache", "rocket", "mortar", "missile", "drone", "munition", "pistol",
                "bullet", "firearm", "ammo", "cartridge", "kalashnikov", "launcher", "rpg",
                "weaponry", "arsenal", "detonator", "ordnance"}
REPORTERS = {"police", "officer", "official", "military", "army"}  # "..., police said"
AIR_CUES = {"airstrike", "drone", "warplane", "jet", "helicopter", "aircraft", "air", "plane",
            "bomber", "aerial"}
CHEMICAL_CUES = {"chemical", "sarin", "chlorine", "mustard", "nerve", "toxic", "poisonous",
                 "poison"}
# How state forces acted when they themselves acted violently against a protest.
BRUTAL_CUES = {"violently", "brutally", "brutal", "brutality", "excessive"}
REPRESSION_CUES = {"suppress", "disperse", "crack", "crackdown", "quell", "beat", "break"}
COMBATANTS = {"rebel", "fighter", "militant", "soldier", "insurgent", "combatant", "commander",
              "troop", "militiaman", "guerrilla", "jihadist", "member"}
ABDUCTION_CUES = {"abduct", "kidnap", "abduction", "kidnapping", "abductor", "kidnapper"}
SHELLING_CUES = {"shell", "shelling", "artillery", "mortar", "rocket", "missile", "howitzer",
                 "bombard", "bombardment", "pound"}
# "blew himself up", "explosive vest", "female kamikazes went off"
SUICIDE_CUES = {"suicide", "vest", "himself", "herself", "kamikaze"}
EXPLOSIVE_CUES = {"ied", "landmine", "explosive", "bomb", "roadside", "device", "detonate"}
BLAST_CUES = {"explode", "explosion", "blast", "detonate", "step", "plant", "hit", "strike"}
CONFLICT_CUES = {"ceasefire", "truce", "peace", "rebel", "militia", "armistice", "prisoner",
                 "hostage", "exchange", "armed", "insurgent", "fighter", "disarm", "warring",
                 "faction", "hostility", "militant", "taliban", "conflict", "war", "surrender",
                 "detainee", "captive", "swap", "evacuation", "rebellious", "mutiny",
                 "mutineer", "uprising", "rebellion", "insurgency", "guerrilla", "separatist",
                 "cease"}
NEGOTIATION_CUES = {"deal", "negotiation", "negotiate", "agreement", "broker", "mediation",
                    "talk", "peace"}
CAPTIVE_CUES = {"hostage", "prisoner", "detainee", "captive", "kidnap", "abduct", "kidnapped",
                "abducted", "captor", "kidnapper"}
EMERGENCY_CUES = {"curfew", "emergency", "martial", "coup"}
COUP_CUES = {"constitution", "parliament", "government", "regime"}
MILITARY_CUES = {"soldier", "military", "army", "junta", "officer"}
DISAPPEARANCE_CUES = {"disappearance", "whereabouts", "missing", "plain", "unmarked",
                      "incommunicado", "undisclosed"}
ELSEWHERE_CUES = {"plan", "ahead", "before", "convener", "organiser", "organizer", "residence",
                  "home", "raid", "organise", "organize"}
OFFENCE_CUES = {"offence", "offense", "loiter", "loitering", "lockdown", "quarantine", "curfew",
                "violation", "violate", "flout"}
DIPLOMATIC_CUES = {"summon", "note", "lodge", "ambassador", "envoy", "démarche"}
STREET_CUES = {"protester", "protestor", "demonstrator", "rally", "march", "gather", "crowd",
               "street", "slogan", "placard", "banner", "chant", "thousand", "hundred"}
CRIME_CUES = {"rob", "robbery", "robber", "burglary", "burglar", "heist", "brawl", "drunken",
              "criminal", "syndicate", "smuggler", "trafficker", "narcotic", "cocaine", "heroin",
              "illicit", "fraud", "personal", "carjacking", "brewer"}
POLITICAL_CUES = PROTEST_WORDS | {"militant", "rebel", "insurgent", "jihadist", "militia",
                                  "terrorist", "political", "activist", "opposition", "party",
                                  "election", "candidate", "journalist"}
# spaCy's small pipeline lemmatises "raped" as "rap"
SEXUAL_CUES = {"rape", "rap", "raped", "sexually", "sexual", "gang-rape", "rapist"}
CLAIM_CUES = {"responsibility", "responsible", "behind"}
CLAIM_VERBS = {"claim", "accept", "admit", "statement"}
JUDICIAL_CUES = {"sentence", "convict", "acquit", "trial", "verdict", "guilty", "tribunal",
                 "indict"}
INTERCEPT_CUES = {"intercept", "interception", "defuse", "foil", "thwart"}
AERIAL_NOUNS = {"drone", "missile", "rocket", "aircraft", "plane", "jet", "helicopter", "uav",
                "projectile"}
IMPACT_CUES = {"strike", "hit", "land", "damage", "crash", "explode", "explosion"}
ARMED_GROUP_NOUNS = {"group", "faction", "outfit", "front", "brigade", "battalion", "vigilante",
                     "gang", "terrorist", "jihadist", "insurgent", "separatist", "extremist"}
GROUP_CUES = ARMED_NOUNS | POLITICAL_CUES | ARMED_GROUP_NOUNS | {
    "junta", "emir", "commander", "alliance", "coalition", "movement", "organisation",
    "organization", "guard", "gathering", "assembly", "union", ARMED_ACTOR}
STATE_FORCE_NOUNS = {"police", "policeman", "troop", "soldier", "army", "military", "gendarme",
                     "ranger", "paramilitary", "personnel", "officer"}
EMPLOYEE_NOUNS = {"nurse", "teacher", "doctor", "lecturer", "employee", "staff", "clerk",
                  "servant", "physician", "midwife", "professor", "medic", "intern", "worker"}
REBEL_NAME_CUES = {"independence", "liberation", "rebel", "insurgent",
                   "separatist", "resistance", "mujahideen", "jihadist", "militia"}
INSTITUTION_NOUNS = {"office", "commission", "station", "headquarters", "ministry", "government",
                     "council", "court", "courthouse", "parliament", "municipality", "embassy",
                     "secretariat", "administration", "governor", "assembly"}
UNFOUGHT_CUES = {"resistance", "fight", "fighting", "firing", "shot", "gunshot", "gunfire", "clash",
                 "bloodshed", "battle", "bullet", "violence"}
WITHDRAWAL_CUES = {"withdraw", "withdrawal", "vacate", "evacuate", "retreat"}
PACT_NOUNS = {"pact", "treaty", "agreement", "deal", "convention"}  # not "accord": a GNA name
BOMBARDMENT_CUES = SHELLING_CUES | AIR_CUES | {"bombardment", "bombing", "airstrike", "strike",
                                               "kill", "casualty", "offensive"}
CRACKDOWN_CUES = {"crackdown", "repression"}
PEACE_DEPLOYMENT_CUES = {"peacekeeper", "peacekeeping", "exercise", "drill", "parade", "csto",
                         "manoeuvre", "maneuver"}
RELIEF_CUES = {"earthquake", "flood", "rescue", "relief", "humanitarian", "disaster", "storm",
               "wildfire", "pandemic", "covid", "coronavirus", "vaccine", "vaccination", "tsunami",
               "cyclone", "hurricane", "evacuation", "election", "polling", "snow", "snowfall",
               "blizzard", "landslide", "drought", "heatwave", "outbreak", "avalanche"}
FRONT_CUES = {"reinforcement", "front", "frontline", "offensive", "terrorist", "militant",
              "observation", "buildup", "build-up"}
LOOTING_WORDS = {"loot", "looting", "looter", "ransack", "plunder", "pillage"}
FIREARM_CUES = {"gun", "gunman", "gunmen", "shoot", "shooting", "shot", "gunfire", "rifle",
                "fire", "sniper", "stab", "knife", "machete", "behead", "hack", "beat"}
PROJECTILE_ACTS = {"throw", "hurl", "pelt", "stone"}
GUNFIRE_CUES = {"fire", "gunfire", "firefight", "shootout", "skirmish", "gunbattle", "exchange"}
PROTEST_PHRASES = ({"human", "chain"},)
GATHERING_CUES = {"gather", "gathering", "sit-in", "vigil", "procession", "picket"}
PEACEFUL_CUES = {"peaceful", "peacefully"}
GRIEVANCE_CUES = {"release", "freedom"}  # "demanding the release of detained students"
ARREST_WORDS = {"arrest", "detain", "detention", "bundle"}
CASUALTY_CUES = {"injury", "wound", "wounded", "treatment", "hospital", "casualty", "injure"}
CONVERSION_CUES = {"turn", "convert", "transform"}  # "turned the hospital into a base"
BASE_NOUNS = {"base", "headquarters", "hideout", "camp", "stronghold"}
PARTIAL_CUES = {"most", "some", "majority"}  # "most of which were intercepted"
COUP_WORDS = {"coup", "junta", "putsch", "mutiny", "mutineer"}
MILITARY_SITES = {"base", "outpost", "checkpoint", "garrison", "barracks", "stronghold",
                  "roadblock"}


def _protest(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str | None:
    if hint in ("violent", "looting"):
        return _riot(hint, inter1, inter2, lemmas)
    if lemmas & DIPLOMATIC_CUES and not lemmas & STREET_CUES:
        return None  # a diplomatic protest note is not a demonstration
    if _turned_violent(lemmas):
        return "Violent demonstration"
    return _demonstration(_state(inter1, lemmas), lemmas)


def _turned_violent(lemmas: set[str]) -> bool:
    """A protest in an article that reports its riots (the coding stage's "riot" lemma) turned
    violent, unless the word is "riot police" or "anti-riot gear" or the force was lethal."""
    riot = "riot" in lemmas and not lemmas & {"police", "gear", "anti", "squad", "unit"}
    return riot and not (lemmas & STATE_CUES and _lethal(lemmas))


def _demonstration(state: bool, lemmas: set[str]) -> str:
    """A demonstration's sub-type: what the demonstrators did, then what was done to them.

    ``state``: state forces are the ones who acted (the event's actor1).
    """
    rioting = lemmas & RIOT_CUES - BRUTAL_CUES
    if lemmas & STATE_CUES and _lethal(lemmas) and not rioting:
        return "Excessive force against protesters"  # lethal force on peaceful protesters
    repressed = state or (lemmas & STATE_CUES and lemmas & REPRESSION_CUES)
    if repressed and lemmas & BRUTAL_CUES and not lemmas & RIOT_CUES - BRUTAL_CUES:
        return "Excessive force against protesters"  # "soldiers violently suppressed a protest"
    if lemmas & RIOT_CUES:
        return "Violent demonstration"  # the demonstrators' violence decides, not the response
    if _intervened(lemmas) or state:
        return "Protest with intervention"
    return "Peaceful protest"


def _intervened(lemmas: set[str]) -> bool:
    """Dispersal, tear gas, arrests at the protest; arrests the protesters want undone
    ("demanding the release of detained students") are their grievance, not an intervention."""
    cues = lemmas & INTERVENTION_CUES
    if lemmas & GRIEVANCE_CUES:
        cues -= ARREST_WORDS
    attacked = lemmas & STATE_CUES and lemmas & {"attack", "assault", "charge", "manhandle"}
    return bool(cues or attacked)  # "police attacked the peaceful human chain"


def _lethal(lemmas: set[str]) -> bool:
    """Lethal or seriously injurious force: killing, live fire, bullets that are not rubber."""
    bullets = "bullet" in lemmas and "rubber" not in lemmas
    live = "live" in lemmas and bool(lemmas & {"ammunition", "ammo", "round", "bullet"})
    return bullets or live or bool(lemmas & (LETHAL_CUES | SERIOUS_INJURY_CUES))


def _riot(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str | None:
    """Violence or destruction by whoever acted: armed groups, unknown hands, a mob, demonstrators.

    The "riot" lemma is left out: the coder adds it for every article with a riot.
    """
    if _armed(inter1, lemmas):
        site = {ARMED_TARGET} if lemmas & MILITARY_SITES else set()  # "stormed an army base"
        if lemmas & HARM_CUES or _weapon("", lemmas) or site:
            return _assault("attack", inter1, inter2, lemmas | site)  # gunmen storming, a bomb
        return "Looting/property destruction"  # armed groups burning property, no one harmed
    named = bool(lemmas & {DEMONSTRATORS, CROWD})  # protesters or a crowd looting: a riot
    if hint == "looting" and lemmas & LOOTING_WORDS and not named:
        return "Looting/property destruction"  # "shops have been looted" during the unrest
    if (hint == "looting" or UNKNOWN_ACTOR in lemmas) and not lemmas & PROTEST_WORDS:
        return "Looting/property destruction"
    if lemmas & PROJECTILE_ACTS and lemmas & STATE_CUES:
        return "Violent demonstration"  # bottles or stones thrown at the police
    against_state = inter2 == 1 and not lemmas & {"mob", "lynch", "vigilante"}
    if lemmas & MOB_CUES and not lemmas & DEMONSTRATION_CUES and not _institution(lemmas) \
            and not against_state:  # youths confronting the police riot against the state
        return "Mob violence"
    if not lemmas & (PROTEST_WORDS | DEMONSTRATION_CUES | CROWD_WORDS):
        return "Looting/property destruction"  # shops burned, no crowd or demonstration named
    return "Violent demonstration"


def _armed(inter1: int | None, lemmas: set[str]) -> bool:
    """True when actor1 is an armed group or state forces (not striking state employees)."""
    return ARMED_ACTOR in lemmas or inter1 in ARMED - {1} or _state(inter1, lemmas)


def _institution(lemmas: set[str]) -> bool:
    """A crowd turning on an office, a police station or a ministry is demonstrating against
    an authority; a mob, a lynching, vigilantes stay mob violence."""
    return INSTITUTION_TARGET in lemmas and not lemmas & {"mob", "lynch", "vigilante"}


def _assault(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str | None:
    special = _special_assault(hint, inter1, lemmas)
    if special:
        return special
    if lemmas & RIOT_CONTROL_CUES and (_state(inter1, lemmas) or lemmas & PROTEST_WORDS):
        return _demonstration(True, lemmas)  # tear gas "shells" are crowd control, not shelling
    weapon = _weapon(hint, lemmas) if hint != "clash" else None  # a battle stays a battle
    if weapon:
        return weapon
    if lemmas & PEACEFUL_CUES and lemmas & STATE_CUES and lemmas & PROTEST_WORDS:
        return _demonstration(True, lemmas - RIOT_CUES)  # "beaten by police at a peaceful march"
    if lemmas & CRACKDOWN_CUES and lemmas & PROTEST_WORDS and not _armed(inter1, lemmas):
        return "Excessive force against protesters"  # "three die in protest crackdown"
    if hint == "attack" and DEMONSTRATORS not in lemmas and _gathering_attacked(inter1, lemmas):
        return "Mob violence"  # "supporters of the ruling party attacked a peaceful march"
    crowd = _crowd_violence(hint, inter1, lemmas)
    if crowd:
        return crowd
    if hint == "abduction":
        return "Abduction/forced disappearance"
    if _state(inter1, lemmas) and (inter2 == 6 or lemmas & (PROTEST_WORDS | GATHERING_CUES)):
        return _force_at_protest(lemmas)
    if hint == "mob" or inter1 == 5 or (inter1 not in ARMED and lemmas & MOB_CUES):
        return "Mob violence"
    return _battle_or_attack(hint, inter1, inter2, lemmas)


def _special_assault(hint: str, inter1: int | None, lemmas: set[str]) -> str | None:
    """Sub-types the trigger itself decides: disrupted weapons, looting, captives, rape."""
    if hint == "disrupted":
        return "Disrupted weapons use"
    if hint == "looting":
        return "Looting/property destruction"
    if hint == "captive":
        return _captive(inter1, lemmas)
    if hint == "sexual" or lemmas & SEXUAL_CUES:
        return "Sexual violence"
    if hint == "attack" and lemmas & ABDUCTION_CUES and not _lethal(lemmas):
        return "Abduction/forced disappearance"  # "gunmen attacked the quarters, abducting Y"
    return "Disrupted weapons use" if _intercepted(lemmas) else None


def _intercepted(lemmas: set[str]) -> bool:
    """A weapon stopped before it did harm: intercepted, defused, shot down, an attack foiled.

    A salvo of which some rockets still struck is the attack ("most were intercepted, one
    hit a house"); intercepted calls or messages are no weapon.
    """
    if lemmas & (HARM_CUES - {"shoot"} | IMPACT_CUES):
        return False
    if lemmas & PARTIAL_CUES and lemmas & {"fire", "launch"}:
        return False  # "fired 40 rockets, most of which were intercepted": the salvo
    downed = {"shoot", "down"} <= lemmas and bool(lemmas & AERIAL_NOUNS)
    return downed or bool(lemmas & INTERCEPT_CUES and lemmas & (AERIAL_NOUNS | WEAPON_NOUNS))


def _captive(inter1: int | None, lemmas: set[str]) -> str:
    """What was seized: property is looting; people are arrested by the state, else abducted."""
    if PROPERTY_TARGET in lemmas and PERSON_TARGET not in lemmas:
        return "Looting/property destruction"
    if _state(inter1, lemmas) and not _disappeared(lemmas):
        return "Arrests"
    return "Abduction/forced disappearance"


def _disappeared(lemmas: set[str]) -> bool:
    """Detention with an unknown whereabouts: "taken to an unknown location", "missing"."""
    return bool(lemmas & DISAPPEARANCE_CUES) or {"unknown", "location"} <= lemmas


def _crowd_violence(hint: str, inter1: int | None, lemmas: set[str]) -> str | None:
    """Riots: demonstrators or a crowd (not an armed group) are the ones who acted."""
    if _armed(inter1, lemmas):
        return None
    demonstrators = DEMONSTRATORS in lemmas or (inter1 == 6 and lemmas & DEMONSTRATION_CUES)
    if demonstrators or (inter1 in (5, None) and lemmas & PROTEST_WORDS and hint == "clash"):
        return "Violent demonstration"
    if inter1 in (5, 6) or CROWD in lemmas or (lemmas & MOB_CUES and hint == "clash"):
        demonstration = lemmas & DEMONSTRATION_CUES or _institution(lemmas)
        return "Violent demonstration" if demonstration else "Mob violence"
    return None


def _force_at_protest(lemmas: set[str]) -> str:
    """State forces using force on protesters: a riot when the protesters were violent,
    excessive force when it killed or maimed or was brutal, else an intervention."""
    if lemmas & RIOT_CUES - BRUTAL_CUES:
        return "Violent demonstration"
    if _lethal(lemmas) or lemmas & BRUTAL_CUES:
        return "Excessive force against protesters"
    return "Protest with intervention"  # "police attacked the human chain"


def _gathering_attacked(inter1: int | None, lemmas: set[str]) -> bool:
    """A rally or a march attacked by people who are neither state forces nor armed."""
    attacked = lemmas & {"attack", "assault", "beat", "storm"} and lemmas & PROTEST_WORDS
    return bool(attacked) and not _armed(inter1, lemmas) and not _state(inter1, lemmas)


def _battle_or_attack(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str:
    """Armed clash when both sides are armed (or the target is a force), else Attack."""
    if hint == "clash" or lemmas & CLASH_CUES:
        return "Armed clash"
    if inter1 is None and inter2 in ARMED - {1} and lemmas & CIVILIAN_CUES:
        return "Attack"  # "rebels killed civilians" with the rebels parsed as actor2
    if inter2 in ARMED or (inter2 is None and ARMED_TARGET in lemmas):
        return "Armed clash"
    if _military_objective(lemmas) and not lemmas & CIVILIAN_CUES:
        return "Armed clash"  # an offensive launched; "killed 14, attacking a market and a base"
    return "Attack"


def _military_objective(lemmas: set[str]) -> bool:
    """An offensive or an assault launched, or a military site attacked, in the sentence."""
    launched = "launch" in lemmas and bool(lemmas & {"offensive", "assault"})
    site = bool(lemmas & {"barracks", "checkpoint", "outpost", "garrison"}) or (
        "base" in lemmas and bool(lemmas & {"military", "army"}))
    return launched or "offensive" in lemmas or site


def told_weapon(lemmas: set[str]) -> str | None:
    """The explosive weapon a neighbouring sentence names for an attack whose own sentence
    names none ("... following a blast. Extremists hit the terminal, killing dozens"); None
    when the attack's sentence speaks of guns or names its own weapon."""
    if lemmas & FIREARM_CUES:
        return None
    blast = lemmas & {"blast", "explosion", "explode"}
    return _weapon("", lemmas) or ("Remote explosive/landmine/IED" if blast else None)


def _weapon(hint: str, lemmas: set[str]) -> str | None:
    """The Explosions/Remote violence sub-type the weapon words name, if any."""
    if hint == "chemical" or _chemical(lemmas):
        return "Chemical weapon"
    if lemmas & SUICIDE_CUES or ("bomber" in lemmas and hint != "airstrike"):
        return "Suicide bomb"
    if "grenade" in lemmas:
        return "Grenade"
    air_words = AIR_CUES - {"air"} - ({"aircraft"} if "anti" in lemmas else set())  # anti-aircraft
    aerial = lemmas & air_words and AIRCRAFT_TARGET not in lemmas  # not a plane shot at
    if hint == "airstrike" or aerial or _air(lemmas):
        return "Air/drone strike"
    if hint == "shelling" or lemmas & SHELLING_CUES:
        return "Shelling/artillery/missile attack"
    if hint in ("explosive", "remote") or _explosive(lemmas):
        return "Remote explosive/landmine/IED"
    return None


def _chemical(lemmas: set[str]) -> bool:
    """A chemical agent named, or gas released by a munition (not tear gas)."""
    if lemmas & CHEMICAL_CUES and lemmas & {"attack", "gas", "weapon", "use", "drop", "agent"}:
        return True
    munition = lemmas & {"barrel", "shell", "rocket", "drop", "release"}
    return "gas" in lemmas and bool(munition) and not lemmas & RIOT_CONTROL_CUES


def _air(lemmas: set[str]) -> bool:
    """An air strike, air raid or bombing by an air force."""
    return "air" in lemmas and bool(lemmas & {"strike", "raid", "force", "bomb", "bombing"})


def _explosive(lemmas: set[str]) -> bool:
    """Explosive words; a "mine" counts only next to words of a blast (not a gold mine),
    a "bomb" not when it is a petrol bomb (rioters' weapon)."""
    words = lemmas - {"bomb"} if lemmas & {"petrol", "molotov"} else lemmas
    return bool(words & EXPLOSIVE_CUES) or ("mine" in words and bool(words & BLAST_CUES))


STRATEGIC = {
    "arrest": "Arrests",
    "disrupted": "Disrupted weapons use",
    "base": "Headquarters or base established",
    "withdraw": "Non-violent transfer of territory",
    "looting": "Looting/property destruction",
    "seize": "Looting/property destruction",
    "group": "Change to group/activity",
}


def _strategic(plover: str, hint: str, inter1: int | None, lemmas: set[str]) -> str | None:
    if hint == "intervention":  # tear gas, water cannon, dispersal
        return _demonstration(1, lemmas - {"disperse", "tear", "teargas", "cannon"})
    if hint in ("territory", "regain", "control"):
        return _territory(hint, inter1, lemmas)
    if plover in ("AGREE", "RETREAT") or hint == "agreement":  # signed: PLOVER SUPPORT
        return _agreement_or_transfer(plover, hint, inter1, lemmas)
    if hint == "arrest":
        return _arrest(lemmas)
    if hint == "disrupted" and AIR_ACTOR in lemmas:
        return "Air/drone strike"  # "jets destroyed weapon depots": an air strike on them
    if hint == "disrupted" and PLACE_TARGET in lemmas and WEAPON_TARGET not in lemmas:
        return _territory("territory", inter1, lemmas)  # "seized a battalion headquarters"
    if hint == "force" and lemmas & (AIRCRAFT | {AIR_ACTOR}) and lemmas & {"raid", "sortie"}:
        return "Air/drone strike"  # "raids by the army's helicopters": air raids
    if hint == "force" and lemmas & SEXUAL_CUES:
        return "Sexual violence"  # "soldiers raped women during a raid"
    if hint == "seize" and PERSON_TARGET in lemmas:
        return _captive(inter1, lemmas)
    if _other(plover, hint, lemmas):
        return "Other"  # curfews, states of emergency, martial law, coups
    return _strategic_label(hint, inter1, lemmas)


def _strategic_label(hint: str, inter1: int | None, lemmas: set[str]) -> str | None:
    """The sub-type a strategic hint names; changes to groups and new bases only when an
    armed or political group acts (a company merging, a ministry opening an office are not)."""
    if hint == "deploy":
        return "Change to group/activity" if _war_movement(inter1, lemmas) else None
    if hint in ("group", "base") and not _organised(hint, inter1, lemmas):
        return None
    return STRATEGIC.get(hint)


def _war_movement(inter1: int | None, lemmas: set[str]) -> bool:
    """Forces sent, reinforced or massed by a party to a conflict ("the army dispatched
    hundreds of troops to the front"): a change to the group's activity. Peacekeepers
    arriving, troops sent to a disaster and exercises are not."""
    if lemmas & (PEACE_DEPLOYMENT_CUES | RELIEF_CUES):
        return False
    armed = inter1 in ARMED - {1, 8} or lemmas & (FIGHT_CUES | CONFLICT_CUES | FRONT_CUES)
    return bool(armed) or (_state(inter1, lemmas) and bool(lemmas & MILITARY_CUES))


def _organised(hint: str, inter1: int | None, lemmas: set[str]) -> bool:
    """True when an armed or political group acts: ACLED codes changes to such groups and
    the bases armed actors set up, not those of companies, councils or ministries."""
    if inter1 in ARMED - {1} or ARMED_ACTOR in lemmas or lemmas & ARMED_NOUNS:
        return True  # state bodies (inter 1) count only with a military word
    if hint == "base":
        return bool(lemmas & (MILITARY_SITES | CONFLICT_CUES | ARMED_GROUP_NOUNS))
    return bool(lemmas & (GROUP_CUES | CONFLICT_CUES))


def _other(plover: str, hint: str, lemmas: set[str]) -> bool:
    """Curfews, states of emergency, martial law; soldiers dissolving the government (a coup)."""
    if hint == "political" and lemmas & EMERGENCY_CUES:
        return True
    coup = lemmas & {"dissolve", "suspend"} and lemmas & COUP_CUES and lemmas & MILITARY_CUES
    return plover in ("SANCTION", "COERCE") and bool(coup)


def _arrest(lemmas: set[str]) -> str:
    """Arrests, unless the arrest is of protesters at their protest, a disappearance or
    the military detaining the head of state (a coup)."""
    if _disappeared(lemmas):
        return "Abduction/forced disappearance"
    if _coup(lemmas):
        return "Other"
    at_protest = lemmas & (PROTEST_WORDS - {"protester", "protestor", "demonstrator"}
                           | {"sit-in"})
    gathered = lemmas & GATHERING_CUES and "after" not in lemmas  # not "after they gathered"
    gathered = gathered and not lemmas & OFFENCE_CUES  # "for loitering, gathering in groups"
    street = lemmas & {"protester", "demonstrator", "activist"} and "street" in lemmas
    if (at_protest or gathered or street) and not lemmas & ELSEWHERE_CUES:
        fought = lemmas & {"clash", "scuffle", "rioting", "stone", "pelt", "hurl"}
        return "Violent demonstration" if fought else "Protest with intervention"
    return "Arrests"


def _coup(lemmas: set[str]) -> bool:
    """The military detaining the president or prime minister: a coup, not an arrest."""
    leader = lemmas & {"president", "prime", "premier"}
    military = lemmas & (COUP_WORDS | MILITARY_CUES)
    return bool(leader and military and lemmas & (COUP_WORDS | {"council", "power"}))


def _agreement_or_transfer(
    plover: str, hint: str, inter1: int | None, lemmas: set[str]
) -> str | None:
    """Agreements about a conflict; captives freed by a deal; ground handed over."""
    if hint == "agreement":
        return "Agreement" if lemmas & CONFLICT_CUES else None
    if plover == "RETREAT" and lemmas & {"release", "free"}:
        deal = lemmas & NEGOTIATION_CUES and lemmas & CAPTIVE_CUES
        return "Agreement" if deal else None
    if "surrender" in lemmas:  # ACLED: surrenders are agreements; ground handed over is not
        people = lemmas & COMBATANTS
        return "Non-violent transfer of territory" if lemmas & TERRITORY_NOUNS and not people \
            else "Agreement"
    if hint == "withdraw" and lemmas & PACT_NOUNS and not lemmas & TERRITORY_NOUNS:
        armed = lemmas & (CONFLICT_CUES | {"missile", "nuclear", "arm", "weapon", "military"})
        return "Agreement" if armed else None  # out of an arms or peace treaty: no ground
    if hint == "withdraw" and lemmas & CASUALTY_CUES and not lemmas & TERRITORY_NOUNS:
        return None  # the wounded evacuated for treatment: no ground changes hands
    return _strategic_label(hint, inter1, lemmas)




def _territory(hint: str, inter1: int | None, lemmas: set[str]) -> str | None:
    """Who took ground: government forces regain it, others overtake it, crowds and external
    forces take it without a fight; a building taken and turned into a base is a new base."""
    if lemmas & CONVERSION_CUES and lemmas & BASE_NOUNS and _organised("base", inter1, lemmas):
        return "Headquarters or base established"
    if PERSON_TARGET in lemmas and hint == "territory":
        return _captive(inter1, lemmas)  # "the army captured a senior commander near Y"
    if _not_ground(inter1, lemmas):
        return "Disrupted weapons use" if WEAPON_TARGET in lemmas else None
    unarmed = inter1 in (5, 6, 7) and ARMED_ACTOR not in lemmas
    if ((unarmed or inter1 == 8) and not lemmas & FIGHT_CUES) or _without_fight(lemmas):
        return "Non-violent transfer of territory"  # external forces, crowds: no battle
    regain = inter1 is None and hint == "regain" and REBEL_ACTOR not in lemmas
    if _state(inter1, lemmas) or regain:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _without_fight(lemmas: set[str]) -> bool:
    """Ground taken with no battle: "without resistance", "without firing a shot", handed
    over, or entered after the other side withdrew and no fighting is reported."""
    if "without" in lemmas and lemmas & UNFOUGHT_CUES:
        return True
    if "handover" in lemmas or {"hand", "over"} <= lemmas:
        return True
    withdrew = lemmas & WITHDRAWAL_CUES or {"pull", "out"} <= lemmas  # "after the YPG pulled out"
    return bool(withdrew) and not lemmas & (FIGHT_CUES | BOMBARDMENT_CUES | GUNFIRE_CUES)


def _not_ground(inter1: int | None, lemmas: set[str]) -> bool:
    """True when what was taken is no territory: a car, bodies, an hour; or nobody armed took it."""
    taken = {PERSON_TARGET, PROPERTY_TARGET, WEAPON_TARGET} & lemmas
    if taken and not lemmas & TERRITORY_NOUNS:
        return True
    if WEAPON_TARGET in lemmas and PLACE_TARGET not in lemmas:
        return True  # "pistols were captured in the capital": arms taken, not the capital
    armed = inter1 in ARMED or lemmas & (ARMED_NOUNS | CONFLICT_CUES | {ARMED_ACTOR})
    return not armed and not lemmas & TERRITORY_NOUNS


CONTEXTS = {
    "peacekeeping": {"peacekeeper", "peacekeeping"},
    "terrorism": {"terrorist", "terrorism", "extremist", "jihadist"},
    "economic": {"price", "economy", "inflation", "fuel", "gas", "tax", "wage", "salary"},
    "military": {"troop", "military", "army", "soldier"},
    "election": {"election", "vote", "ballot", "poll"},
    "human_rights": {"rights", "torture", "detainee"},
    "refugees": {"refugee", "asylum", "displace"},
    "crime": {"crime", "criminal", "gang", "drug", "smuggling"},
}


def plover_context(lemmas: Iterable[str]) -> tuple[str, ...]:
    """PLOVER contexts the sentence's words support."""
    words = set(lemmas)
    return tuple(name for name, cues in CONTEXTS.items() if words & cues)
