"""Who is actor1 and actor2 of a trigger: the roles read off the dependency parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.extract.actors import roles
from eventcoder.resources import nlp
from eventcoder.settings import Settings

CASES = Path(__file__).parents[1] / "fixtures" / "actors" / "roles.jsonl"


def _cases() -> list[dict]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"][:40])
def test_roles_pick_source_and_target(case: dict, settings: Settings) -> None:
    doc = nlp(settings)(case["text"])
    trigger = next(t for t in doc if t.text == case["trigger"])
    found = roles(trigger, case["plover"])
    got = {role: found[role].text if role in found else None for role in ("actor1", "actor2")}
    assert got == {"actor1": case["actor1"], "actor2": case["actor2"]}


def test_coded_event_keeps_an_unknown_named_actor_as_its_text(code) -> None:
    article = code("The Varnel Workers Front accused Ostrel Mining of dumping waste in the river.")
    event = next(e for e in article.events if e.plover == "ACCUSE")
    assert event.actor("actor1").span.text == "The Varnel Workers Front"
    assert event.actor("actor2").span.text == "Ostrel Mining"
