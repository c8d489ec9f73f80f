"""Stated intents, refusals and absorbed event nouns (CAMEO's governing-verb convention).

The sentences were written for these tests; see docs/typing.md ("fourth session").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from eventcoder.extract.coding import code_event
from eventcoder.model import Article
from eventcoder.resources import nlp
from eventcoder.settings import Settings


def _events(article: Article) -> list[tuple[str, str]]:
    ordered = sorted(article.events, key=lambda e: e.trigger.start)
    return [(e.plover, e.modality) for e in ordered]


def test_calling_off_a_strike_is_one_concession_not_a_strike(code: Callable[..., Article]) -> None:
    article = code("The dockers' union called off the strike on Monday after the port raised pay.")
    assert _events(article) == [("CONCEDE", "asserted")]
    assert all(e.acled_event_type is None for e in article.events)


def test_meeting_demands_absorbs_the_demand(code: Callable[..., Article]) -> None:
    article = code("The government met the strikers' demands on Friday.")
    assert [p for p, _ in _events(article)] == ["CONCEDE"]


def test_a_stated_intent_has_happened(code: Callable[..., Article]) -> None:
    article = code("Mexico will support Guatemala's bid for a seat on the council, officials said.")
    assert _events(article)[0] == ("AGREE", "asserted")


def test_a_refused_concession_is_a_rejection_that_happened(code: Callable[..., Article]) -> None:
    article = code("Hungary said it would not accept any more migrants under the quota scheme.")
    assert _events(article) == [("REJECT", "asserted")]


def test_a_concession_on_condition_is_a_threat(code: Callable[..., Article]) -> None:
    article = code("Chad said it will withdraw its troops from the force unless Niger pays.")
    assert _events(article)[0] == ("THREATEN", "asserted")


def test_a_plain_future_concession_stays_an_intent(code: Callable[..., Article]) -> None:
    article = code("Chad said it will withdraw its troops from the joint force next year.")
    assert _events(article)[0] == ("AGREE", "asserted")


def test_a_demand_noun_decides_its_clause(code: Callable[..., Article]) -> None:
    article = code("The union repeated its demand that the government ease the fuel rationing.")
    event = article.events[0]
    assert [p for p, _ in _events(article)] == ["REQUEST"]
    assert event.actor("actor1").span.text.endswith("union")
    assert event.actor("actor2").span.text.endswith("government")


def test_the_model_retypes_but_does_not_erase_a_coded_event(
    code: Callable[..., Article], settings: Settings
) -> None:
    article = code("Thousands of teachers marched through the capital on Sunday.")
    event = next(e for e in article.events if e.plover == "PROTEST")
    doc = nlp(settings)(article.text)
    vetoed = replace(event, acled_scores=(("NONE", 0.97), ("Peaceful protest", 0.01)))
    assert code_event(article, doc, vetoed, rule_weight=0.7).acled_sub_event_type == (
        "Peaceful protest"
    )
    retyped = replace(event, acled_scores=(("Violent demonstration", 0.95), ("NONE", 0.02)))
    assert code_event(article, doc, retyped, rule_weight=0.7).acled_sub_event_type == (
        "Violent demonstration"
    )


def test_a_capital_that_acts_is_its_state(code: Callable[..., Article]) -> None:
    article = code("Moscow cancelled the talks with Kyiv on Friday.")
    event = article.events[0]
    assert event.plover == "SANCTION"  # CAMEO 16: halting negotiations reduces relations
    assert event.actor("actor1").span.text == "Moscow"
    assert event.actor("actor1").name == "Russia"


def test_an_announced_withdrawal_keeps_its_destination(code: Callable[..., Article]) -> None:
    article = code("Chad said it will withdraw its troops from Niger next year.")
    event = article.events[0]
    assert event.plover == "AGREE"
    assert event.actor("actor2").span.text == "Niger"


def test_an_act_someone_is_accused_of_is_alleged(code: Callable[..., Article]) -> None:
    article = code("The minister accused the rebels of shelling the market on Sunday.")
    shelling = next(e for e in article.events if e.plover == "ASSAULT")
    assert shelling.modality == "uncertain"
    assert shelling.acled_sub_event_type is None
    assert any(e.plover == "ACCUSE" and e.modality == "asserted" for e in article.events)


def test_a_denied_accusation_leaves_no_attack(code: Callable[..., Article]) -> None:
    article = code("Army officials rejected accusations of bombing a mosque in the province.")
    assert all(e.acled_event_type is None for e in article.events)
