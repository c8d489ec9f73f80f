"""Looting, arson and mob violence where the lexicon used to find no event.

Sentences written for these tests from the ACLED 2023 codebook's definitions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventcoder.evaluate.case import predict_sub_type
from eventcoder.model import Article

CASES = [
    ("Dozens of men went on a looting spree in the township overnight.",
     "Looting/property destruction"),
    ("Several shops owned by migrants were torched in the market town on Monday.",
     "Looting/property destruction"),
    ("A suspected thief was set ablaze by an angry mob in the village on Friday.",
     "Mob violence"),
    ("The district has seen a resurgence of mob violence against the Muslim minority.",
     "Mob violence"),
    ("Libya's rival governments conducted an exchange of prisoners on Monday.", "Agreement"),
    ("The president said he had reached an agreement with the mutinous soldiers to end the "
     "mutiny.", "Agreement"),
    ("Activists staged a die-in outside the parliament on Saturday.", "Peaceful protest"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_acled_sub_type(code: Callable[..., Article], text: str, sub_type: str) -> None:
    assert predict_sub_type(code(text)) == sub_type


def test_a_team_of_vigilantes_is_not_sport(code: Callable[..., Article]) -> None:
    article = code("A team of vigilantes repelled armed herdsmen who attacked their village.")
    assert predict_sub_type(article) is not None


def test_a_sports_report_stays_out(code: Callable[..., Article]) -> None:
    article = code("The striker's late goal sealed the league title for the team on Sunday.")
    assert predict_sub_type(article) is None



WEAPON_CASES = [
    ("Police seized guns and drugs in a raid on two homes in the city.", "Disrupted weapons use"),
    ("Two female kamikazes went off near a bus station in the north, killing two people.",
     "Suicide bomb"),
    ("Mines planted by the militia killed three farmers near the village on Sunday.",
     "Remote explosive/landmine/IED"),
    ("The Turkish army has set up a new observation point in Idlib province.",
     "Headquarters or base established"),
    ("The US military has created a new base near the oil fields.",
     "Headquarters or base established"),
    ("The warship was hit by the navy's anti-ship missile off the coast on Friday.",
     "Shelling/artillery/missile attack"),
    ("Chlorine munitions were dropped on the neighbourhood in June, inspectors said.",
     "Chemical weapon"),
]


def test_a_reported_attack_by_terrorists_is_an_attack(code: Callable[..., Article]) -> None:
    # the loaded label is the subject of the attack the source reports, not an accusation
    article = code("Terrorists attacked the bureau office with hand grenades, injuring an "
                   "editor, the station's management said.")
    assert predict_sub_type(article) == "Grenade"


def test_a_later_clause_does_not_type_the_trigger(code: Callable[..., Article]) -> None:
    # "deal" in the after-clause does not make blocking the streets a rejected deal
    article = code("Opposition supporters blocked streets in the capital after they launched a "
                   "campaign against the ceasefire deal.")
    assert [e.plover for e in article.events][:1] == ["PROTEST"]


CODEBOOK_CASES = [
    # ACLED: state forces acting violently against a peaceful protest
    ("Soldiers violently suppressed a peaceful sit-in outside the governor's office on Sunday.",
     "Excessive force against protesters"),
    # ACLED lists surrenders of combatants under Agreement
    ("Twelve rebels surrendered to the army in the northern province on Friday.", "Agreement"),
    ("The militia surrendered the town to government forces without a fight.",
     "Non-violent transfer of territory"),
    # an attack whose aim was to abduct, with no one killed
    ("Gunmen attacked a boarding school in the district, abducting two teachers.",
     "Abduction/forced disappearance"),
    ("The rebels launched an attack with poisonous gas on the besieged town.", "Chemical weapon"),
    # a person captured is no territory taken
    ("The army captured a senior rebel commander near the border on Tuesday.", "Arrests"),
    ("Dozens of shops and cars were destroyed overnight in the market town.",
     "Looting/property destruction"),
    ("The destruction of government offices across the region was condemned by the governor.",
     "Looting/property destruction"),
    # aircraft that destroy a depot strike it from the air; troops who do disrupt weapons
    ("Turkish jets destroyed weapon depots used by the militants in northern Iraq.",
     "Air/drone strike"),
    ("Soldiers destroyed two drones and a weapons cache near the border.",
     "Disrupted weapons use"),
    # a battle stays a battle whatever weapons the sentence names; a coalition is no aircraft
    ("The Congolese army clashed with the rebel coalition in North Kivu.", "Armed clash"),
    ("Troops clashed with insurgents near the village after weeks of aerial bombings.",
     "Armed clash"),
]


@pytest.mark.parametrize("text", [
    "The fire destroyed several homes in the village on Sunday.",
    "The storm destroyed dozens of houses along the coast.",
])
def test_property_destroyed_by_nature_is_no_event(code: Callable[..., Article], text: str) -> None:
    assert predict_sub_type(code(text)) is None


@pytest.mark.parametrize(("text", "sub_type"), WEAPON_CASES + CODEBOOK_CASES)
def test_weapons_bases_and_codebook_distinctions(
    code: Callable[..., Article], text: str, sub_type: str
) -> None:
    assert predict_sub_type(code(text)) == sub_type


def test_clashes_with_protesters_make_the_rally_violent(code: Callable[..., Article]) -> None:
    article = code("Thousands of protesters rallied in the capital on Friday. Clashes erupted "
                   "between police and protesters near the parliament.")
    assert predict_sub_type(article) == "Violent demonstration"
