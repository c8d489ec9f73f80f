"""Triggers the small pipeline's lemmatiser hides ("raped" -> "rap") and abduction verbs."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "trigger", "sub_type"), [
    ("Soldiers raped two women in the village of Kalo on Sunday.", "raped", "Sexual violence"),
    ("Militiamen were seen raping girls at the camp last week, witnesses said.", "raping",
     "Sexual violence"),  # "accused of raping" is alleged: tests/extract/test_refusals_...
    ("Gunmen snatched the pastor from his car near the market.", "snatched",
     "Abduction/forced disappearance"),
])
def test_trigger_is_found_and_coded(code, text: str, trigger: str, sub_type: str) -> None:
    events = {e.trigger.text: e for e in code(text).events}
    assert trigger in events
    assert events[trigger].acled_sub_event_type == sub_type


def test_snatching_a_bag_is_not_an_abduction(code) -> None:
    article = code("A thief snatched a handbag from a tourist near the station.")
    assert all(e.acled_sub_event_type != "Abduction/forced disappearance" for e in article.events)
