"""Event typing, actors, counts, modality and attribution on single news sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from eventcoder.model import Article


def _only(article: Article):
    assert len(article.events) == 1, [(e.trigger.text, e.plover) for e in article.events]
    return article.events[0]


def test_attack_on_civilians_with_count_and_source(code: Callable[..., Article]) -> None:
    event = _only(code("Gunmen killed 12 villagers in an attack on Tuesday, police said."))
    assert (event.plover, event.acled_sub_event_type) == ("ASSAULT", "Attack")
    assert event.count("killed") == 12
    assert event.date.value == date(2022, 1, 4)  # the Tuesday before a Friday 7 January
    assert event.actor("actor1").inter == 3
    assert event.actor("actor2").inter == 7
    assert (event.attribution.kind, event.attribution.source) == ("attributed", "police")


def test_shelling_is_remote_violence(code: Callable[..., Article]) -> None:
    event = _only(code("Russian troops shelled the town of Avdiivka, the Ukrainian military said."))
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor("actor1").name == "Military Forces of Russia (2000-)"
    assert event.attribution.source == "Ukrainian military"


def test_arrests_are_strategic_developments(code: Callable[..., Article]) -> None:
    article = code("Police arrested 35 protesters in Minsk on Sunday.")
    event = _only(article)
    assert (event.acled_event_type, event.acled_sub_event_type) == (
        "Strategic developments",
        "Arrests",
    )
    assert event.count("arrested") == 35
    assert event.location.place.name == "Minsk"
    assert event.actor("actor1").name == "Police Forces of Belarus (1994-)"


def test_negated_event_is_not_an_acled_event(code: Callable[..., Article]) -> None:
    event = _only(code("Protesters did not attack the police station, witnesses said."))
    assert event.modality == "negated"
    assert event.acled_event_type is None
    assert event.attribution.kind == "unattributed"


def test_future_deployment(code: Callable[..., Article]) -> None:
    event = _only(code("The army will deploy 2,000 troops to the border next week."))
    assert (event.plover, event.modality) == ("MOBILIZE", "future")


def test_plane_crash_is_not_political_violence(code: Callable[..., Article]) -> None:
    assert code("A plane crashed near Kathmandu killing 72 people.").events == ()


def test_agreement_parties(code: Callable[..., Article]) -> None:
    event = _only(code("The government and the rebels signed a ceasefire agreement on Friday."))
    assert event.acled_sub_event_type == "Agreement"
    assert event.actor("actor1").span.text == "The government"
    assert event.actor("actor2").span.text == "the rebels"


def test_strike_by_workers_codes_protesters(code: Callable[..., Article]) -> None:
    event = _only(code("Hundreds of workers went on strike in Dhaka demanding higher wages."))
    assert event.acled_sub_event_type == "Peaceful protest"
    assert event.actor("actor1").name == "Protesters (Bangladesh)"


def test_airstrike_with_vague_count(code: Callable[..., Article]) -> None:
    text = "Israeli warplanes struck targets in Gaza, killing dozens of people, officials said."
    event = _only(code(text))
    assert event.acled_sub_event_type == "Air/drone strike"
    assert event.count("killed") == 12  # ACLED: dozens = 12


def test_death_toll_update_replaces(code: Callable[..., Article]) -> None:
    text = "The death toll from Monday's clashes between the army and militias rose to 18."
    event = _only(code(text))
    assert event.acled_sub_event_type == "Armed clash"
    assert event.count("killed") == 18
    assert event.date.value == date(2022, 1, 3)


def test_no_publication_date_leaves_relative_dates_unresolved(
    code: Callable[..., Article],
) -> None:
    event = _only(code("Two days ago, unidentified assailants abducted a journalist.", None))
    assert event.acled_sub_event_type == "Abduction/forced disappearance"
    assert event.date.value is None
    assert event.date.reason


def test_dated_office_holder(code: Callable[..., Article]) -> None:
    before = _only(code("The President of Kazakhstan dismissed the government.", "2018-06-01"))
    after = _only(code("The President of Kazakhstan dismissed the government.", "2022-01-05"))
    assert before.actor("actor1").name == "Nursultan Nazarbayev"
    assert after.actor("actor1").name == "Kassym-Jomart Tokayev"


def test_stance_separates_claims_from_the_outlet_voice(code: Callable[..., Article]) -> None:
    from eventcoder.contract import event_to_json

    claimed = _only(code("The army said rebels attacked a convoy near Goma on Monday."))
    denied = _only(code("The army denied that its troops had shelled the village."))
    asserted = _only(code("Rebels attacked a convoy near Goma on Monday."))
    assert event_to_json(claimed)["attribution"]["stance"] == "claimed"
    assert event_to_json(denied)["attribution"]["stance"] == "denied"
    assert event_to_json(asserted)["attribution"]["stance"] == "asserted"


def test_street_only_article_is_coded_not_rejected(code: Callable[..., Article]) -> None:
    # Regression: an article whose only place is a street (no country) made the
    # event_places stage fail and the article was rejected as extraction_failed.
    article = code("Police arrested 14 protesters on Main Street on Sunday.")
    assert article.rejected is None
    assert _only(article).count("arrested") == 14


def test_ground_taken_is_plover_assault_and_acled_territory(code: Callable[..., Article]) -> None:
    event = _only(code("Government troops recaptured the town of Kabanga on Sunday."))
    assert (event.plover, event.acled_sub_event_type) == ("ASSAULT", "Government regains territory")


def test_a_crowd_blocking_a_road_is_a_protest(code: Callable[..., Article]) -> None:
    event = _only(code("Hundreds of farmers blocked the highway to the capital on Tuesday."))
    assert (event.plover, event.acled_sub_event_type) == ("PROTEST", "Peaceful protest")


def test_he_in_reported_speech_is_the_speaker(code: Callable[..., Article]) -> None:
    article = code("President Abdelaziz Bouteflika said he was ready to lift the ban on the party.")
    event = next(e for e in article.events if e.actor("actor1") is not None)
    assert event.actor("actor1").span.text == "he"
    assert "Bouteflika" in event.actor("actor1").name
