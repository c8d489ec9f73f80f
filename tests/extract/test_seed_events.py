"""The seed article, field by field: what a careful human coder recorded (shared/seed gold)."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.model import Article, Event


def _event(seed: Article, trigger: str) -> Event:
    found = [e for e in seed.events if e.trigger.text == trigger]
    assert found, f"no event triggered by {trigger!r}: {[e.trigger.text for e in seed.events]}"
    return found[0]


def test_no_event_for_the_publication_of_media(seed: Article) -> None:
    triggers = {e.trigger.text.lower() for e in seed.events}
    assert not triggers & {"published", "appeared", "shows", "video", "footage", "photographs"}


def test_monument_story_is_one_event_dated_by_the_photographs(seed: Article) -> None:
    toppling = _event(seed, "demolish")
    assert [m.text for m in toppling.mentions] == ["beat"]  # "began to beat it" joins it
    assert toppling.date.value == date(2022, 1, 5)  # "Two days ago", not the video's 7 January
    assert toppling.date.span.text == "Two days ago"
    assert toppling.location.place.name == "Taldykorgan"
    assert toppling.actor("actor1").span.text.startswith("residents")


def test_protests_begin_on_january_2_country_wide(seed: Article) -> None:
    protests = _event(seed, "Protests")
    assert protests.date.value == date(2022, 1, 2)
    assert protests.location.place.feature == "country"
    assert protests.location.place.country_code == "KZ"
    assert protests.acled_sub_event_type == "Peaceful protest"
    assert protests.actor("actor1").name == "Protesters (Kazakhstan)"
    assert [m.text for m in protests.mentions] == ["rallies"]


@pytest.mark.parametrize("trigger", ["broke", "looting"])
def test_almaty_riots_inherit_the_city(seed: Article, trigger: str) -> None:
    event = _event(seed, trigger)
    assert event.location.place.name == "Almaty"
    assert event.location.inherited
    assert event.acled_event_type == "Riots"


def test_security_forces_killed_counts_the_update(seed: Article) -> None:
    killed = _event(seed, "killed")
    assert killed.count("killed") == 18  # "Their number increased to 18", not "two of them"
    assert killed.attribution.kind == "unattributed"
    assert killed.actor("actor2").span.text == "the security forces"
    assert killed.location.place.feature == "country"


def test_national_guard_deaths_are_their_own_event(seed: Article) -> None:
    death = _event(seed, "death")
    assert death.count("killed") == 2
    assert death.attribution.kind == "attributed"
    assert death.attribution.source == "National Guard of Kazakhstan"
    assert death.attribution.verb.text == "reported"


def test_tokayev_accuses_with_loaded_labels(seed: Article) -> None:
    accuse = _event(seed, "noted")
    assert accuse.plover == "ACCUSE"
    assert accuse.acled_event_type is None
    assert accuse.actor("actor1").name == "Kassym-Jomart Tokayev"
    assert accuse.actor("actor1").inter == 1  # a sitting president is government
    assert accuse.attribution.source == "Kassym-Jomart Tokayev"
    assert {"terrorist", "bandit"} <= {label.label for label in accuse.labels}
    assert [m.text for m in accuse.mentions] == ["added"]


def test_president_requests_csto_help_on_january_5(seed: Article) -> None:
    request = _event(seed, "applied")
    assert request.plover == "REQUEST"
    assert request.date.value == date(2022, 1, 5)
    assert request.actor("actor1").name == "Kassym-Jomart Tokayev"
    assert request.actor("actor2").name.startswith("CSTO")


def test_csto_would_send_peacekeepers_is_future(seed: Article) -> None:
    send = _event(seed, "send")
    assert send.modality == "future"
    assert send.acled_event_type is None  # what has not happened is not coded as happened
    assert send.actor("actor1").name.startswith("CSTO")


def test_airport_taken_by_russian_peacekeepers_with_associate(seed: Article) -> None:
    airport = _event(seed, "took")
    assert airport.location.place.feature == "site"
    assert airport.acled_sub_event_type == "Non-violent transfer of territory"
    assert airport.actor("actor1").name == "Military Forces of Russia (2000-)"
    assert airport.actor("assoc_actor_1").name == "Police Forces of Kazakhstan (2019-)"
    assert airport.date.value == date(2022, 1, 7)


def test_every_field_points_at_its_words(seed: Article) -> None:
    for event in seed.events:
        spans = [event.trigger, *event.mentions, *(a.span for a in event.actors)]
        spans += [c.span for c in event.counts]
        if event.date and event.date.span:
            spans.append(event.date.span)
        if event.location:
            spans.append(event.location.place.span)
        for span in spans:
            assert seed.text[span.start:span.end] == span.text
