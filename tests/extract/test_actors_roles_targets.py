"""Targets (actor2) read off the parse: owners, agents, clauses and partners.

Each case in ``fixtures/actors/roles-targets.jsonl`` names the rule it pins.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.extract.actors import roles
from eventcoder.resources import nlp
from eventcoder.settings import Settings

CASES = Path(__file__).parents[1] / "fixtures" / "actors" / "roles-targets.jsonl"


def _cases() -> list[dict]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["rule"])
def test_target_rules(case: dict, settings: Settings) -> None:
    doc = nlp(settings)(case["text"])
    trigger = next(t for t in doc if t.text == case["trigger"])
    found = roles(trigger, case["plover"])
    got = {role: found[role].text if role in found else None for role in ("actor1", "actor2")}
    assert got == {"actor1": case["actor1"], "actor2": case["actor2"]}


def test_a_threat_against_people_keeps_them_over_the_condition(settings: Settings) -> None:
    doc = nlp(settings)("The gang threatened to kill the hostages unless the family paid.")
    found = roles(next(t for t in doc if t.text == "threatened"), "THREATEN")
    assert found["actor2"].text == "hostages"


def test_an_instrument_is_not_a_partner(settings: Settings) -> None:
    doc = nlp(settings)("Government troops shelled the town with heavy mortars on Sunday.")
    found = roles(next(t for t in doc if t.text == "shelled"), "ASSAULT")
    assert found["actor2"].text == "town"
