"""How the typing model's reading is bounded where it cannot see who acts."""

from __future__ import annotations

from eventcoder.extract.coding import _keep_actor_choice


def test_the_rules_keep_choices_made_from_the_actors() -> None:
    # the model masks names and reads no actor codes: state or rebel, armed or not is the rules'
    regains, overtakes = "Government regains territory", "Non-state actor overtakes territory"
    assert _keep_actor_choice(regains, overtakes) == regains
    assert _keep_actor_choice("Armed clash", "Attack") == "Armed clash"
    assert _keep_actor_choice("Mob violence", "Attack") == "Mob violence"


def test_the_model_may_still_change_the_kind_of_event() -> None:
    assert _keep_actor_choice("Violent demonstration", "Peaceful protest") == "Peaceful protest"
    assert _keep_actor_choice("Attack", "Air/drone strike") == "Air/drone strike"
    assert _keep_actor_choice(None, "Agreement") == "Agreement"
    assert _keep_actor_choice("Attack", None) is None
