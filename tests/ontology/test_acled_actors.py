"""ACLED sub-type rules that turn on who the actors are (eventcoder.ontology.acled).

State employees who strike are not state forces; a group named as rebels is not the
government; state forces firing on a gathering use force against protesters; a crowd
turning on an office demonstrates; arrests the protesters want undone are their grievance.
Unit cases give the rules what the coding stage gives them (lemmas, inter codes, actors).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventcoder.evaluate.case import predict_sub_type
from eventcoder.model import Article
from eventcoder.ontology.acled import acled_coding


def _sub(plover: str, hint: str, inter1: int | None, inter2: int | None, sentence: str,
         actor1: str = "", actor2: str | None = None) -> str | None:
    target = actor2.split() if actor2 is not None else None
    return acled_coding(plover, hint, inter1, inter2, sentence.split(), actor1.split(),
                        target)[1]


@pytest.mark.parametrize(("args", "expected"), [
    # public-hospital nurses carry the state's inter code: striking is still peaceful
    (("PROTEST", "strike", 1, None, "nurse at the public hospital down tool over unpaid salary",
      "nurse at the public hospital"), "Peaceful protest"),
    (("PROTEST", "strike", 1, None, "teacher march to the ministry over unpaid salary",
      "teacher"), "Peaceful protest"),
    (("PROTEST", "violent", 1, None, "striking doctor smash the window of the ministry",
      "striking doctor", "the window of the ministry"), "Violent demonstration"),
    # a state force in actor1 still intervenes
    (("PROTEST", "peaceful", 1, None, "police break up a march by farmer", "police"),
     "Protest with intervention"),
])
def test_state_employees_are_not_state_forces(args: tuple, expected: str) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("ASSAULT", "attack", None, 7, "ranger personnel open fire on the worker gather near the "
      "square , some critically injure", "ranger personnel", "the worker"),
     "Excessive force against protesters"),
    (("ASSAULT", "attack", 7, None, "a student die after be beat by police officer during a "
      "peaceful march", "a student", "14 other"), "Excessive force against protesters"),
    (("PROTEST", "peaceful", 6, None, "activist stage a sit-in demand the release of detain "
      "student", "activist"), "Peaceful protest"),
    (("COERCE", "arrest", 1, 7, "police arrest 28 people who gather outside the courthouse",
      "police", "28 people"), "Protest with intervention"),
])
def test_force_at_gatherings(args: tuple, expected: str) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("ASSAULT", "attack", None, None, "supporter of the defeat candidate attack the electoral "
      "commission office", "supporter of the defeat candidate",
      "the electoral commission office"), "Violent demonstration"),
    (("ASSAULT", "attack", None, None, "a mob storm the police station and beat a suspect to "
      "death", "a mob", "the police station"), "Mob violence"),
    (("PROTEST", "peaceful", 6, None, "the protest begin peacefully riot", "protest"),
     "Violent demonstration"),
    (("PROTEST", "peaceful", 6, None, "riot police watch the march riot", "march"),
     "Peaceful protest"),
])
def test_crowds_and_institutions(args: tuple, expected: str) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("PROTEST", "violent", None, None, "suspected Maoists torch three vehicle",
      "suspected maoists", "three vehicle"), "Looting/property destruction"),
    (("PROTEST", "violent", 3, None, "a suicide attacker drive a car pack with explosive into "
      "the hotel , gunman storm the building", "gunman", "the building"), "Suicide bomb"),
    (("ASSAULT", "attack", 3, None, "the ultra open fire on a team of commando", "the ultra"),
     "Armed clash"),
    (("ASSAULT", "shelling", 3, None, "militant fire 40 rocket , most of which be intercept",
      "militant"), "Shelling/artillery/missile attack"),
    (("ASSAULT", "shelling", 1, None, "the army intercept two rocket over the city", "army"),
     "Disrupted weapons use"),
])
def test_armed_actors_and_weapons(args: tuple, expected: str) -> None:
    assert _sub(*args) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (("COERCE", "disrupted", 1, 1, "the kachin independence army seize a battalion "
      "headquarters", "the kachin independence army", "a battalion headquarters"),
     "Non-state actor overtakes territory"),
    (("COERCE", "territory", 3, None, "the gang take over a hospital building and turn it into "
      "a base", "the gang", "a hospital building"), "Headquarters or base established"),
    (("COERCE", "arrest", None, 1, "he be detain by russian force and take to an unknown "
      "location", "", "he"), "Abduction/forced disappearance"),
    (("COERCE", "arrest", 1, None, "the military council place the president under house "
      "arrest", "the military council"), "Other"),
    (("COERCE", "arrest", 1, None, "soldier arrest the president of the farmer union at a "
      "checkpoint", "soldier", "the president"), "Arrests"),
    (("RETREAT", "withdraw", None, None, "two soldier sustain injury and be evacuate for "
      "treatment"), None),
])
def test_strategic_actors(args: tuple, expected: str | None) -> None:
    assert _sub(*args) == expected


def test_sit_in_for_detained_students_end_to_end(code: Callable[..., Article]) -> None:
    """Moved from the known limits of tests/extract/test_strategic_events.py once fixed."""
    text = ("Activists staged a sit-in outside the police station demanding the release of "
            "detained students.")
    assert predict_sub_type(code(text, None)) == "Peaceful protest"
