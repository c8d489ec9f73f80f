"""ACLED sub-type rules (eventcoder.ontology.acled): the distinctions the 2023 codebook draws.

Unit cases give the rules what the coding stage gives them (PLOVER type, lexicon hint,
inter codes, the sentence's lemmas, the actors' lemmas); the end-to-end check codes the
sentences of tests/fixtures/typing/acled-distinctions.tsv (written for eventcoder, one per
distinction) through the whole pipeline with the default settings.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from eventcoder.evaluate.case import predict_sub_type
from eventcoder.model import Article
from eventcoder.ontology.acled import ACLED_SUB_TYPES, acled_coding, disorder_type

SET = Path(__file__).parents[1] / "fixtures" / "typing" / "acled-distinctions.tsv"


def _sub(plover: str, hint: str, inter1: int | None, inter2: int | None, sentence: str,
         actor1: str = "", actor2: str | None = None) -> str | None:
    words = sentence.split()
    target = actor2.split() if actor2 is not None else None
    return acled_coding(plover, hint, inter1, inter2, words, actor1.split(), target)[1]


@pytest.mark.parametrize(("args", "expected"), [
    # armed groups burning property with no one harmed: property destruction, not an attack
    (("PROTEST", "violent", 2, None, "jihadist set fire to a school", "jihadist", "school"),
     "Looting/property destruction"),
    (("PROTEST", "violent", 3, None, "gunman storm a church kill five worshipper", "gunman",
      "church"), "Attack"),
    (("PROTEST", "violent", None, None, "unknown person burn house riot", "unknown person",
      "house"), "Looting/property destruction"),
    # a crowd without demonstrators is a mob; demonstrators' violence is a violent demonstration
    (("PROTEST", "violent", 5, None, "a mob set fire to a church riot", "a mob", "church"),
     "Mob violence"),
    (("PROTEST", "violent", 5, None, "resident block the road with burn tyre riot", "resident",
      "road"), "Violent demonstration"),
    (("ASSAULT", "grenade", 6, None, "demonstrator throw stone and petrol bomb at police",
      "demonstrator", "stone"), "Violent demonstration"),
    (("ASSAULT", "attack", 6, 7, "a crowd of man attack a family", "a crowd of man",
      "a family"), "Mob violence"),
])
def test_riots_and_property(args: tuple, expected: str) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("COERCE", "intervention", 1, None, "police fire rubber bullet and tear gas at marcher"),
     "Protest with intervention"),
    (("COERCE", "intervention", None, None, "security personnel fire pellet at youth protest "
      "grievously injure one"), "Excessive force against protesters"),
    (("ASSAULT", "shelling", 1, None, "police fire tear gas shell from drone at farmer march"),
     "Protest with intervention"),
    (("COERCE", "arrest", 1, None, "police arrest 28 people at a rally outside the court"),
     "Protest with intervention"),
    (("COERCE", "arrest", 1, None, "force detain 40 member ahead of a plan rally"), "Arrests"),
    (("COERCE", "arrest", 1, None, "officer detain he and take he to an undisclosed location"),
     "Abduction/forced disappearance"),
    (("PROTEST", "peaceful", 6, None, "the ambassador be hand a protest note"), None),
])
def test_protests_and_arrests(args: tuple, expected: str | None) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("ASSAULT", "explosive", 3, None, "the attacker explode himself at a checkpoint"),
     "Suicide bomb"),
    (("ASSAULT", "bomb", 1, 3, "the air force bomb militant hideout"), "Air/drone strike"),
    (("ASSAULT", "airstrike", 1, None, "helicopter drop barrel release a greenish gas"),
     "Chemical weapon"),
    (("ASSAULT", "attack", None, None, "miner attack guard with stone at the copper mine",
      "miner protest", "guard"), "Violent demonstration"),
    (("ASSAULT", "attack", None, None, "a landmine hit a vehicle, the mine kill two"),
     "Remote explosive/landmine/IED"),
    (("ASSAULT", "attack", None, None, "cartel gunman engage soldier in a prolonged shootout"),
     "Armed clash"),
    (("ASSAULT", "attack", None, 2, "adf rebel kill 21 civilian in the village", "",
      "adf rebel"), "Attack"),
    (("ASSAULT", "abduction", 2, 7, "jihadist abduct woman , three be rap", "jihadist",
      "woman"), "Sexual violence"),
])
def test_weapons_and_violence(args: tuple, expected: str) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("ASSAULT", "captive", 2, 1, "militia seize the home and property of an official",
      "militia", "the home and property"), "Looting/property destruction"),
    (("COERCE", "seize", 1, None, "he be seize by plain - clothe officer", "officer", "he"),
     "Abduction/forced disappearance"),
    (("COERCE", "disrupted", 2, 1, "the army seize a junta battalion headquarters", "army",
      "a battalion headquarters"), "Non-state actor overtakes territory"),
    (("COERCE", "territory", 7, None, "armed man from the militia occupy the village",
      "armed man from the militia", "the village"), "Non-state actor overtakes territory"),
    (("COERCE", "regain", 1, None, "police recover a steal car", "police", "a steal car"), None),
    (("COERCE", "territory", None, None, "firefighter take an hour to bring the blaze under "
      "control", "firefighter"), None),
    (("RETREAT", "other", 1, None, "security force surrender the area follow negotiation",
      "security force", "the area"), "Non-violent transfer of territory"),
    (("RETREAT", "none", None, None, "the kidnap tourist be free after negotiation with their "
      "captor"), "Agreement"),
    (("RETREAT", "none", 2, 7, "the rebel release 20 hostage"), None),
    (("SANCTION", "none", 1, None, "soldier dissolve the government and suspend the "
      "constitution", "soldier"), "Other"),
])
def test_strategic_developments(args: tuple, expected: str | None) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize("args", [
    ("ASSAULT", "attack", None, 7, "a man be stab to death in a drunken brawl"),
    ("COERCE", "arrest", 1, 7, "police arrest three man suspect of rob a shop"),
    ("ASSAULT", "attack", 2, None, "the group say in a statement it be responsible for the "
     "attack"),
    ("ASSAULT", "explosive", None, None, "a court sentence two man for the bombing"),
])
def test_no_acled_event(args: tuple) -> None:
    assert _sub(*args) is None


def test_mob_justice_is_not_crime() -> None:
    """A crowd beating a thief is mob violence although theft is crime."""
    assert _sub("ASSAULT", "attack", 7, 7, "villager beat a suspect robber to death",
                "villager", "a suspect robber") == "Mob violence"


def test_every_sub_type_has_a_disorder_type() -> None:
    assert all(disorder_type(sub) for sub in ACLED_SUB_TYPES)


def test_distinctions_set_end_to_end(code: Callable[..., Article]) -> None:
    with SET.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    hits = [predict_sub_type(code(r["text"], None)) == (r["acled_sub_event_type"] or None)
            for r in rows]
    assert sum(hits) / len(hits) >= 0.85
