"""Weighing the typing model against the rules, and events only the model finds."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.extract.classify import MODEL_HINT, decide, model_label
from eventcoder.ingest import article_from_text
from eventcoder.pipeline import Pipeline


def test_decide_keeps_the_rules_label_within_its_weight() -> None:
    scores = (("Attack", 0.45), ("Armed clash", 0.35), ("NONE", 0.2))
    assert decide("Armed clash", scores, 0.2) == "Armed clash"
    assert decide("Armed clash", scores, 0.05) == "Attack"


def test_decide_none_means_no_event_on_both_sides() -> None:
    assert decide(None, (("NONE", 0.7), ("Attack", 0.3)), 0.1) is None
    assert decide(None, (("Attack", 0.9), ("NONE", 0.1)), 0.3) == "Attack"
    assert decide("Grenade", (), 0.3) == "Grenade"


def test_model_label_skips_none() -> None:
    assert model_label((("NONE", 0.6), ("Arrests", 0.3))) == "Arrests"
    assert model_label((("NONE", 1.0),)) is None


def test_events_carry_the_models_reading(code) -> None:
    article = code("Security forces fired live rounds at peaceful demonstrators in the capital, "
                   "killing nine of them.")
    event = article.events[0]
    assert event.acled_scores and event.plover_scores
    labels = [label for label, _ in event.acled_scores]
    assert "Excessive force against protesters" in labels[:3]
    assert all(0 <= p <= 1 for _, p in event.acled_scores)


@pytest.fixture(scope="module")
def rules_only(settings):
    built = Pipeline.build(settings.updated(typing_model="off"))
    built.warm_up()
    return built


def _code(pipeline, settings, text: str):
    article = article_from_text(text, settings, published=date(2023, 5, 4))
    return next(pipeline.process([article]))


def test_model_off_gives_the_rules_alone(rules_only, settings) -> None:
    article = _code(rules_only, settings, "Police arrested twelve opposition activists in Minsk.")
    assert article.events and not article.events[0].acled_scores


@pytest.mark.parametrize(("text", "trigger", "sub_type"), [
    ("A hand grenade was lobbed into a crowded bar late on Saturday.", "lobbed", "Grenade"),
    ("Chlorine gas canisters rained down on the eastern suburbs, medics said.", "rained",
     "Chemical weapon"),
])
def test_model_events_have_the_main_verb_as_evidence(pipeline, settings, text, trigger,
                                                     sub_type) -> None:
    article = _code(pipeline, settings, text)
    found = [e for e in article.events if e.hint == MODEL_HINT]
    assert [e.trigger.text for e in found] == [trigger]
    event = found[0]
    assert text[event.trigger.start:event.trigger.end] == trigger
    assert event.acled_sub_event_type == sub_type
    assert event.confidence >= 0.85


def test_no_model_event_without_a_confident_reading(pipeline, settings) -> None:
    article = _code(pipeline, settings, "The committee will publish its annual report in June.")
    assert not [e for e in article.events if e.hint == MODEL_HINT]
