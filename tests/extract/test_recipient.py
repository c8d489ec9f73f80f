"""PLOVER's recipient: the place acted on, where ACLED's actor2 stays empty."""

from __future__ import annotations

from collections.abc import Callable

from eventcoder.contract import event_to_json
from eventcoder.export.jsonl import plover_record
from eventcoder.model import Article, Event


def _first(article: Article, plover: str) -> Event:
    return next(e for e in article.events if e.plover == plover)


def test_a_protest_in_a_country_has_it_as_recipient(code: Callable[..., Article]) -> None:
    event = _first(code("Up to 300 Kurds demonstrated in Serbia on Tuesday."), "PROTEST")
    assert event.actor("actor2") is None
    assert event.actor("recipient").span.text == "Serbia"
    record = plover_record(event_to_json(event))
    assert record["target_actor"]["text"] == "Serbia"


def test_a_withdrawal_from_a_country(code: Callable[..., Article]) -> None:
    article = code("The United States withdrew its last troops from Panama on Friday.")
    event = _first(article, "RETREAT")
    assert (event.actor("actor2") or event.actor("recipient")).span.text == "Panama"


def test_the_town_of_a_curfew(code: Callable[..., Article]) -> None:
    article = code("The authorities imposed a curfew in the town of Cizre on Tuesday.")
    assert _first(article, "COERCE").actor("recipient").span.text == "Cizre"


def test_no_recipient_beside_an_actor2(code: Callable[..., Article]) -> None:
    event = _first(code("Police arrested 40 students in Dhaka on Monday."), "COERCE")
    assert event.actor("actor2") is not None
    assert event.actor("recipient") is None


def test_the_recipient_is_not_acled_actor2(code: Callable[..., Article]) -> None:
    event = _first(code("Up to 300 Kurds demonstrated in Serbia on Tuesday."), "PROTEST")
    payload = event_to_json(event)
    assert [a["role"] for a in payload["actors"]] == ["actor1", "recipient"]
    assert payload["acled"]["sub_event_type"] == "Peaceful protest"
