"""Fifth-session rules: who the forces are, protests and what is done at them, ground changing
hands without a fight, arms captured, armies on the move.

Sentences written for these tests from the ACLED 2023 codebook's definitions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventcoder.evaluate.case import predict_sub_type
from eventcoder.model import Article

CASES = [
    # forces and groups
    ("Nigerian forces recaptured the town of Baga from the insurgents on Sunday.",
     "Government regains territory"),
    ("Iraqi security forces in an operation against Islamic State militants retook the "
     "village of Badush.", "Government regains territory"),
    ("Insurgents charged a police checkpoint outside the town at dawn.", "Armed clash"),
    ("Militants stormed an army base near Gao on Monday, reportedly killing four soldiers.",
     "Armed clash"),
    ("Rebels suffered heavy losses in raids by army helicopters in the hills.",
     "Air/drone strike"),
    ("Soldiers took twenty young men from the camp during the night.", "Arrests"),
    # arms, bodies, property
    ("Over 300 rifles and 20,000 rounds of ammunition were captured in the port city.",
     "Disrupted weapons use"),
    ("Troops discovered a warehouse containing hundreds of rifles near the border.",
     "Disrupted weapons use"),
    ("Dozens of cars and shops were destroyed after rival gangs fought in the market.",
     "Looting/property destruction"),
    # ground changing hands
    ("The army took control of the town without firing a shot.",
     "Non-violent transfer of territory"),
    ("Rebels seized the city after government troops withdrew from it.",
     "Non-violent transfer of territory"),
    ("The army recaptured the district after rebels withdrew under heavy shelling.",
     "Government regains territory"),
    ("Troops retook the town after the militants withdrew following a brief exchange of fire.",
     "Government regains territory"),
    ("Russia withdrew from the Open Skies arms control treaty on Friday.", "Agreement"),
    # protests and what is done at them
    ("Supporters of the ruling party attacked a peaceful march in the capital.", "Mob violence"),
    ("Police attacked a human chain formed by students outside the university.",
     "Protest with intervention"),
    ("Police detained hundreds of protesters as activists took to the streets of the capital.",
     "Protest with intervention"),
    ("Police arrested the opposition leader for organising an unauthorised protest last month.",
     "Arrests"),
    ("Over 300 people were arrested for lockdown offences including gathering in groups.",
     "Arrests"),
    ("Two people died in the protest crackdown in the capital, a rights group said.",
     "Excessive force against protesters"),
    ("Police shot dead two protesters who were hurling stones at the governor's office.",
     "Violent demonstration"),
    ("Police shot dead two peaceful protesters outside the governor's office.",
     "Excessive force against protesters"),
    ("Thousands marched in the capital to protest the killing of a student by police.",
     "Peaceful protest"),
    ("Protesters rallied against the mass arrests of opposition activists.", "Peaceful protest"),
    ("Police fired tear gas at crowds in the shopping district, live television footage showed.",
     "Protest with intervention"),
    ("Groups of youths confronted riot police in several towns, throwing fireworks.",
     "Violent demonstration"),
    ("An activist was arrested during clashes between protesters and police at the rally.",
     "Violent demonstration"),
    ("A young man threw bottles at a police van outside the summit venue.",
     "Violent demonstration"),
    ("Protesters lay in the road chanting slogans as police dragged them away.",
     "Protest with intervention"),
    ("Hundreds of supporters rallied outside the court on Monday as the trial of the "
     "opposition leader opened.", "Peaceful protest"),
    ("Tens of thousands of protesters returned to the streets of Minsk on Sunday.",
     "Peaceful protest"),
    ("Hundreds of demonstrators participated in a march for climate action.",
     "Peaceful protest"),
    ("Protests began in the capital on Monday. They soon escalated into riots.",
     "Peaceful protest"),
    # battles that take ground, and who was shot at
    ("The army drove the militants out of three villages near the border.",
     "Government regains territory"),
    ("The insurgents were pushed back from their positions in the hills on Sunday.",
     "Government regains territory"),
    ("Troops advanced into the valley, clashing with rebels and capturing two villages.",
     "Government regains territory"),
    ("The rebels' attack to capture the army's positions was repelled by the garrison.",
     "Armed clash"),
    ("Government forces launched an assault on the hills north of the town on Monday.",
     "Armed clash"),
    ("Gunmen killed nine people on Sunday, attacking a market and a military base nearby.",
     "Armed clash"),
    ("Gunmen killed nine villagers near the army checkpoint on Sunday.", "Attack"),
    ("Gunmen opened fire on a passenger plane as it landed at the airstrip.", "Attack"),
    ("Dozens of militants arrived on motorbikes and opened fire, scattering the villagers.",
     "Attack"),
    ("Several shops were looted in the township overnight.", "Looting/property destruction"),
    ("Rebel fighters entered the town at dawn and took control of it after the army pulled "
     "out.", "Non-violent transfer of territory"),
    ("Militants attacked the army post using anti-aircraft guns and mortars.",
     "Shelling/artillery/missile attack"),
    ("Three villagers were killed in two separate attacks on Sunday. One of them died in a "
     "grenade attack on a tea stall.", "Grenade"),
    ("Passengers fled the terminal after a blast. Militants struck the terminal, killing "
     "twelve people.", "Remote explosive/landmine/IED"),
    ("Gunmen killed three villagers on Sunday. A bomb exploded in the market on Monday.",
     "Attack"),
    ("The commander announced that three of the guards abducted by the gunmen had been freed.",
     "Abduction/forced disappearance"),
    # armies on the move
    ("The Syrian army dispatched reinforcements to the front lines in Idlib.",
     "Change to group/activity"),
]


@pytest.mark.parametrize(("text", "sub_type"), CASES)
def test_acled_sub_type(code: Callable[..., Article], text: str, sub_type: str) -> None:
    assert predict_sub_type(code(text)) == sub_type


NOT_ACLED = [
    "The company withdrew from the trade deal with its Chinese partner.",
    "The army deployed soldiers to help residents after the floods.",
    "Villagers found the bodies of five herders in a field.",
    "A boiler exploded at the textile factory on Monday. The explosion killed four workers.",
    "A drone captured footage of the flooded town.",
    "The interception of the suspect followed a tip-off from Interpol.",
    "The company said it is moving away from housing killer whales in its parks.",
    "US spy satellites appear to have captured photos of ships selling oil at sea.",
]


@pytest.mark.parametrize("text", NOT_ACLED)
def test_no_acled_event(code: Callable[..., Article], text: str) -> None:
    assert predict_sub_type(code(text)) is None


@pytest.mark.parametrize(("text", "name"), [
    ("Syrian forces shelled the town of Saraqeb on Monday.", "Military Forces of Syria"),
    ("Al-Shabab fighters ambushed a military convoy near Baidoa.", "Al Shabaab"),
    ("Turkish-backed forces shelled the town of Tal Tamr on Monday.", "Turkish-backed forces"),
])
def test_actor1_name(code: Callable[..., Article], text: str, name: str) -> None:
    actor = code(text).events[0].actor("actor1")
    assert actor is not None and actor.name.startswith(name)


def test_a_blast_in_a_bombing_story_is_no_accident(code: Callable[..., Article]) -> None:
    article = code("A suicide bomber drove a truck into the consulate. A spokesman said a truck "
                   "smashed into a perimeter wall. The blast left a large crater.")
    assert "blast" in [e.trigger.text for e in article.events]


def test_hedge_below_the_trigger_leaves_it_asserted(code: Callable[..., Article]) -> None:
    article = code("Militants stormed an army base near Gao on Monday, reportedly killing four "
                   "soldiers.")
    stormed = next(e for e in article.events if e.trigger.text == "stormed")
    assert stormed.modality == "asserted"
