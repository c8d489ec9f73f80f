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
    ``actor2_words`` those of actor2's (None: no actor2; an armed target makes a battle).
    """
    lemmas = set(words)
    crowd = bool(set(actor1_words) & CROWD_CUES) and not set(actor1_words) & ARMED_NOUNS
    target = set(actor2_words) if actor2_words is not None else lemmas - REPORTERS
    cues = ({"mob"} if crowd else set()) | ({ARMED_TARGET} if target & ARMED_TARGETS else set())
    sub = _sub_type(plover, hint, inter1, inter2, lemmas | cues)
    return (ACLED_SUB_TYPES[sub], sub) if sub else (None, None)


def _sub_type(
    plover: str, hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]
) -> str | None:
    if plover == "PROTEST":
        return _protest(hint, inter1, inter2, lemmas)
    if plover == "ASSAULT":
        return _assault(hint, inter1, inter2, lemmas)
    return _strategic(plover, hint, inter1, lemmas)


RIOT_CUES = {"stone", "rock", "molotov", "petrol", "brick", "torch", "burn", "loot", "vandalize",
             "vandalise", "violent", "clash", "ransack", "storm", "ablaze", "smash", "throw",
             "hurl", "pelt"}
FIGHT_CUES = {"fight", "fighting", "clash", "battle", "offensive", "attack", "assault", "heavy",
              "capture", "overrun", "storm"}
INTERVENTION_CUES = {"disperse", "arrest", "detain", "tear", "teargas", "baton", "cannon", "break",
                     "suppress", "crackdown", "rubber", "pepper", "stun", "beat"}
LETHAL_CUES = {"kill", "shoot", "live", "dead", "death", "die"}
STATE_CUES = {"police", "force", "troop", "soldier", "army", "military", "officer", "guard"}
CROWD_CUES = {"mob", "crowd", "villager", "resident", "youth", "supporter", "vigilante",
              "neighbour", "neighbor", "student", "worker", "angry", "people", "local"}
ARMED_NOUNS = {"militia", "militiaman", "rebel", "militant", "troop", "soldier", "army", "fighter",
               "insurgent", "jihadist", "gunman", "police", "force", "military", "guerrilla"}
ARMED_TARGETS = {"base", "position", "post", "outpost", "checkpoint", "patrol", "convoy",
                 "barracks", "camp", "troop", "soldier", "army", "military", "police",
                 "policeman", "officer", "militant", "rebel", "fighter", "insurgent",
                 "garrison", "militia", "jihadist", "guard", "gunfire", "exchange",
                 "battle", "firefight", "gunfight"}
ARMED_TARGET = "@armed-target"  # marks an armed actor2 among the lemmas
REPORTERS = {"police", "officer", "official", "military", "army"}  # "..., police said"
AIR_CUES = {"airstrike", "drone", "warplane", "jet", "helicopter", "aircraft", "air", "plane",
            "bomber", "aerial", "coalition"}
CONFLICT_CUES = {"ceasefire", "truce", "peace", "rebel", "militia", "armistice", "prisoner",
                 "hostage", "exchange", "armed", "insurgent", "fighter", "disarm", "warring",
                 "faction", "hostility", "militant", "taliban", "conflict", "war", "surrender"}
EMERGENCY_CUES = {"curfew", "emergency", "martial", "coup"}


def _protest(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str:
    if hint == "looting" and not lemmas & PROTEST_WORDS:
        return "Looting/property destruction"
    if hint in ("violent", "looting"):
        if inter1 in ARMED - {1}:
            return "Attack"
        if "mob" in lemmas and not lemmas & (PROTEST_WORDS | {"riot", "rioter"}):
            return "Mob violence"
        return "Violent demonstration"
    if lemmas & LETHAL_CUES and lemmas & STATE_CUES:
        return "Excessive force against protesters"
    if lemmas & RIOT_CUES:
        return "Violent demonstration"  # the demonstrators' violence decides, not the response
    if lemmas & INTERVENTION_CUES or inter1 == 1:
        return "Protest with intervention"
    return "Peaceful protest"


def _assault(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str | None:
    if hint == "disrupted":
        return "Disrupted weapons use"
    if hint == "looting":
        return "Looting/property destruction"
    if hint == "captive":
        return "Arrests" if inter1 == 1 else "Abduction/forced disappearance"
    if hint == "sexual" or lemmas & {"rape", "sexually", "sexual", "gang-rape"}:
        return "Sexual violence"
    weapon = _weapon(hint, lemmas)
    if weapon:
        return weapon
    if hint == "abduction":
        return "Abduction/forced disappearance"
    if inter1 == 1 and (inter2 == 6 or lemmas & PROTEST_WORDS):
        return "Excessive force against protesters"
    if lemmas & PROTEST_WORDS and (inter1 in (5, 6, None) or hint == "clash"):
        return "Violent demonstration"
    if hint == "mob" or inter1 == 5 or (inter1 not in ARMED and "mob" in lemmas):
        return "Mob violence"
    return _battle_or_attack(hint, inter1, inter2, lemmas)


def _battle_or_attack(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str:
    """Armed clash when both sides are armed (or the target is a force), else Attack."""
    if hint == "clash" or inter2 in ARMED or (inter2 is None and ARMED_TARGET in lemmas):
        return "Armed clash"
    return "Attack"


def _weapon(hint: str, lemmas: set[str]) -> str | None:
    if hint == "chemical" or (lemmas & {"chemical", "sarin", "chlorine", "mustard", "nerve"}
                              and lemmas & {"attack", "gas", "weapon", "use", "drop", "agent"}):
        return "Chemical weapon"
    if "suicide" in lemmas or ("bomber" in lemmas and hint != "airstrike"):
        return "Suicide bomb"
    if hint == "grenade" or "grenade" in lemmas:
        return "Grenade"
    if hint == "airstrike" or lemmas & AIR_CUES - {"air"} or {"air", "strike"} <= lemmas:
        return "Air/drone strike"
    if hint == "shelling" or lemmas & {"shell", "shelling", "artillery", "mortar", "rocket",
                                       "missile", "howitzer", "bombard", "bombardment", "pound"}:
        return "Shelling/artillery/missile attack"
    if hint in ("explosive", "bomb", "remote") or lemmas & {
        "ied", "landmine", "mine", "explosive", "bomb", "roadside", "device", "detonate"
    }:
        return "Remote explosive/landmine/IED"
    return None


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
        return _protest("peaceful", 1, None, lemmas - {"disperse", "tear", "teargas", "cannon"})
    if hint in ("territory", "regain", "control"):
        return _territory(hint, inter1, lemmas)
    if hint == "agreement":
        return "Agreement" if lemmas & CONFLICT_CUES else None
    if hint == "arrest" and lemmas & (PROTEST_WORDS - {"protester", "protestor", "demonstrator"}
                                      | {"sit-in"}):
        return "Protest with intervention"  # protesters detained at the protest
    if hint == "political" and lemmas & EMERGENCY_CUES:
        return "Other"  # curfews, states of emergency, martial law
    return STRATEGIC.get(hint)


def _territory(hint: str, inter1: int | None, lemmas: set[str]) -> str:
    if inter1 in (5, 6, 7, 8) and not lemmas & FIGHT_CUES:
        return "Non-violent transfer of territory"  # external forces, crowds: no battle
    if inter1 == 1 or (inter1 is None and hint == "regain"):
        return "Government regains territory"
    return "Non-state actor overtakes territory"


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
