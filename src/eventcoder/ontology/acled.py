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
    plover: str, hint: str, inter1: int | None, inter2: int | None, words: Iterable[str]
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) or (None, None) for events ACLED does not code."""
    lemmas = set(words)
    sub = _sub_type(plover, hint, inter1, inter2, lemmas)
    return (ACLED_SUB_TYPES[sub], sub) if sub else (None, None)


def _sub_type(
    plover: str, hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]
) -> str | None:
    if plover == "PROTEST":
        return _protest(hint, inter1, inter2, lemmas)
    if plover == "ASSAULT":
        return _assault(hint, inter1, inter2, lemmas)
    return _strategic(plover, hint, inter1, lemmas)


def _protest(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str:
    if hint in ("violent", "looting") and inter1 in ARMED:
        return "Looting/property destruction" if hint == "looting" else "Attack"
    if hint in ("violent", "looting"):
        if hint == "looting" and inter1 not in (5, 6):
            return "Looting/property destruction"
        return (
            "Violent demonstration"
            if inter1 in (6, None) or "protest" in lemmas or "protester" in lemmas
            else "Mob violence"
        )
    if lemmas & {"kill", "shoot", "live"} and lemmas & {"police", "force", "troop", "soldier"}:
        return "Excessive force against protesters"
    if lemmas & {"disperse", "arrest", "detain", "tear", "teargas", "baton", "cannon", "break"}:
        return "Protest with intervention"
    return "Peaceful protest"


def _assault(hint: str, inter1: int | None, inter2: int | None, lemmas: set[str]) -> str:
    weapon = _weapon(hint, lemmas)
    if weapon:
        return weapon
    if hint == "sexual":
        return "Sexual violence"
    if hint == "abduction":
        return "Abduction/forced disappearance"
    if inter1 == 1 and (inter2 == 6 or lemmas & PROTEST_WORDS):
        return "Excessive force against protesters"
    if (
        inter1 in (5, 6)
        or hint == "mob"
        or (inter1 is None and lemmas & {"protest", "riot", "protester"})
    ):
        return "Mob violence"
    if hint == "clash" or inter2 in ARMED:
        return "Armed clash"
    return "Attack"


def _weapon(hint: str, lemmas: set[str]) -> str | None:
    if lemmas & {"chemical", "sarin", "chlorine", "gas"} and "attack" in lemmas:
        return "Chemical weapon"
    if "suicide" in lemmas or "bomber" in lemmas:
        return "Suicide bomb"
    if "grenade" in lemmas:
        return "Grenade"
    if hint == "airstrike" or lemmas & {"airstrike", "drone", "warplane", "jet", "helicopter"}:
        return "Air/drone strike"
    if hint == "shelling" or lemmas & {
        "shell",
        "shelling",
        "artillery",
        "mortar",
        "rocket",
        "missile",
    }:
        return "Shelling/artillery/missile attack"
    if hint == "explosive" or lemmas & {"ied", "landmine", "mine", "explosive"}:
        return "Remote explosive/landmine/IED"
    return None


STRATEGIC = {
    "arrest": "Arrests",
    "agreement": "Agreement",
    "disrupted": "Disrupted weapons use",
    "base": "Headquarters or base established",
    "control": "Non-violent transfer of territory",
    "withdraw": "Non-violent transfer of territory",
    "looting": "Looting/property destruction",
    "deploy": "Other",
    "political": "Other",
    "seize": "Looting/property destruction",
}


def _strategic(plover: str, hint: str, inter1: int | None, lemmas: set[str]) -> str | None:
    if hint == "intervention":
        return "Protest with intervention"  # tear gas, water cannon, dispersal
    if hint == "territory":
        return (
            "Government regains territory" if inter1 == 1 else "Non-state actor overtakes territory"
        )
    if hint in STRATEGIC and plover in (
        "COERCE",
        "MOBILIZE",
        "AGREE",
        "RETREAT",
        "SANCTION",
        "CONCEDE",
        "PROTEST",
    ):
        return STRATEGIC[hint]
    if plover == "COERCE" and hint == "force":
        return "Other"
    return None


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
