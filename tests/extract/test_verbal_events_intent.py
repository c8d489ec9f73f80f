"""Which trigger is the event when a sentence has several (CAMEO/PLOVER conventions).

Announced acts are intents (AGREE when cooperative, THREATEN when coercive); the act
that demands, calls for or refuses something is the event, not what it names; a
warning is a threat only when it names force, punishment or an ultimatum.
"""

from __future__ import annotations

from collections.abc import Callable

from eventcoder.model import Article


def _types(article: Article) -> list[str]:
    return [e.plover for e in sorted(article.events, key=lambda e: e.trigger.start)]


def test_announced_aid_is_an_intent_to_cooperate(code: Callable[..., Article]) -> None:
    assert _types(code("Australia will send a medical team to Vanuatu next week.")) == ["AGREE"]


def test_delivered_aid_stays_aid(code: Callable[..., Article]) -> None:
    assert _types(code("Australia sent a medical team to Vanuatu on Monday.")) == ["AID"]


def test_announced_sanctions_are_a_threat(code: Callable[..., Article]) -> None:
    article = code("The European Union said it will impose new sanctions on the regime.")
    assert _types(article) == ["THREATEN"]


def test_demanded_resignation_is_not_a_concession(code: Callable[..., Article]) -> None:
    article = code("The opposition demanded the resignation of the interior minister.")
    assert _types(article) == ["REQUEST"]


def test_pledged_release_is_not_a_threat(code: Callable[..., Article]) -> None:
    # "release" also names a chemical attack in the lexicon; only the sense that
    # matches here may decide whether the pledge is a threat.
    article = code("The president pledged to release all political prisoners by December.")
    assert _types(article) == ["AGREE"]


def test_warning_without_a_threat_is_not_an_event(code: Callable[..., Article]) -> None:
    article = code("The central bank warned that prices would rise sharply this winter.")
    assert "THREATEN" not in _types(article)


def test_warning_of_force_is_a_threat(code: Callable[..., Article]) -> None:
    article = code("The defence minister warned that the army would strike the rebel camps.")
    assert _types(article) == ["THREATEN"]


def test_withdrawal_under_a_plan_is_a_retreat(code: Callable[..., Article]) -> None:
    # the plan named in a prepositional phrase is not the withdrawn object
    article = code("Government forces withdrew from the northern districts under the peace plan.")
    assert _types(article)[:1] == ["RETREAT"]
