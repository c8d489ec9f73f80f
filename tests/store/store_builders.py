"""Coded articles built by hand from the model dataclasses, with real offsets.

The texts are files under tests/fixtures/store/; every span is found in the
text, so ``span.text == article.text[span.start:span.end]`` holds throughout.
The coding follows what a careful human coder would record (not the NLP pipeline).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventcoder.model import (
    Actor,
    Article,
    ArticleMeta,
    Attribution,
    Count,
    Event,
    EventDate,
    EventLocation,
    Place,
    Rejection,
    Span,
    content_id,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"
KAZAKHSTAN = FIXTURES / "kazakhstan-2022-01-07.txt"
LAGOS = FIXTURES / "nigeria-lagos-2020-10-21.txt"


class Finder:
    """Finds phrases in a text and returns their spans."""

    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, phrase: str, within: Span | None = None) -> Span:
        """Return the span of the first ``phrase`` (inside ``within`` if given)."""
        start = self.text.index(phrase, within.start if within else 0)
        if within and start + len(phrase) > within.end:
            raise ValueError(f"{phrase!r} not inside {within.text!r}")
        return Span(start, start + len(phrase), phrase)

    def between(self, first: str, last: str) -> Span:
        """Return the span from ``first`` to the end of the next ``last``."""
        start = self.text.index(first)
        end = self.text.index(last, start) + len(last)
        return Span(start, end, self.text[start:end])


def _event(article_id: str, trigger: Span, sentence: Span, plover: str, **fields) -> Event:
    event_id = content_id(article_id, str(trigger.start), str(trigger.end))
    return Event(id=event_id, trigger=trigger, sentence=sentence, plover=plover, **fields)


def _kz_places(f: Finder) -> dict[str, Place]:
    return {
        "taldykorgan": Place(f.span("Taldykorgan"), "Taldykorgan", 1518542, 45.01556, 78.37389,
                             "KZ", "city", admin1="Almaty Oblast"),
        "kazakhstan": Place(f.span("Kazakhstan"), "Kazakhstan", 1522867, 48.0, 68.0, "KZ",
                            "country"),
    }


def kazakhstan_article(*, events: bool = True) -> Article:
    """Return the seed article coded with six events (two undated, one not ACLED)."""
    text = KAZAKHSTAN.read_text(encoding="utf-8")
    f = Finder(text)
    meta = ArticleMeta(
        id=content_id(text), title="Residents of Taldykorgan demolish Nazarbayev monument",
        published=date(2022, 1, 7), source="Seed Wire", url="https://example.org/kz-2022-01-07",
        origin=str(KAZAKHSTAN.name),
    )
    places = _kz_places(f)
    coded = _kz_events(meta.id, f, places) if events else ()
    return Article(meta=meta, text=text, places=tuple(places.values()), events=coded)


def _kz_events(article_id: str, f: Finder, places: dict[str, Place]) -> tuple[Event, ...]:
    return (
        _kz_monument(article_id, f, places),
        _kz_protests(article_id, f, places),
        _kz_security_killed(article_id, f, places),
        _kz_guard(article_id, f, places),
        _kz_airport(article_id, f),
        _kz_appeal(article_id, f),
    )


def _kz_monument(article_id: str, f: Finder, places: dict[str, Place]) -> Event:
    sentence = f.span("A video has been published in which residents of the Kazakh city of "
                      "Taldykorgan demolish a monument to the country’s ex-President "
                      "Nursultan Nazarbayev.")
    return _event(
        article_id, f.span("demolish", sentence), sentence, "PROTEST", mode="riot",
        acled_event_type="Riots", acled_sub_event_type="Mob violence",
        disorder_type="Political violence", cameo_root="14",
        actors=(Actor("actor1", f.span("residents", sentence), "Rioters (Kazakhstan)", 5, "KZ",
                      "civilian"),),
        date=EventDate(date(2022, 1, 5), "day", f.span("Two days ago"), "2022-01-05"),
        location=EventLocation(places["taldykorgan"], 1),
        confidence=0.8,
    )


def _kz_protests(article_id: str, f: Finder, places: dict[str, Place]) -> Event:
    sentence = f.span("Protests in Kazakhstan began on January 2.")
    country = Place(f.span("Kazakhstan", sentence), "Kazakhstan", 1522867, 48.0, 68.0, "KZ",
                    "country")
    return _event(
        article_id, f.span("Protests", sentence), sentence, "PROTEST", mode="demonstrate",
        acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
        disorder_type="Demonstrations", cameo_root="14",
        actors=(Actor("actor1", f.span("Participants of the rallies"), "Protesters (Kazakhstan)",
                      6, "KZ", "civilian"),),
        date=EventDate(date(2022, 1, 2), "day", f.span("January 2", sentence), "2022-01-02"),
        location=EventLocation(country, 3),
        confidence=0.9,
    )


def _kz_security_killed(article_id: str, f: Finder, places: dict[str, Place]) -> Event:
    sentence = f.span("It also became known about the security forces killed during the "
                      "protests in the republic.")
    return _event(
        article_id, f.span("killed", sentence), sentence, "ASSAULT", mode="kill",
        acled_event_type="Riots", acled_sub_event_type="Mob violence",
        disorder_type="Political violence", cameo_root="18",
        actors=(
            Actor("actor1", f.span("radical protesters"), "Rioters (Kazakhstan)", 5, "KZ"),
            Actor("actor2", f.span("security forces", sentence),
                  "Police Forces of Kazakhstan (2019-)", 1, "KZ", "police"),
        ),
        location=EventLocation(places["kazakhstan"], 3, inherited=True),
        counts=(Count("killed", 18, f.span("increased to 18"), update=True),),
        attribution=Attribution("unattributed", None, f.span("It also became known", sentence)),
        modality="asserted", confidence=0.7,
        mentions=(f.span("beheaded"),),
    )


def _kz_guard(article_id: str, f: Finder, places: dict[str, Place]) -> Event:
    sentence = f.span("In addition, the republic’s National Guard reported the death of two "
                      "servicemen.")
    return _event(
        article_id, f.span("death", sentence), sentence, "ASSAULT", mode="kill",
        acled_event_type="Riots", acled_sub_event_type="Violent demonstration",
        disorder_type="Political violence", cameo_root="18",
        actors=(Actor("actor2", f.span("servicemen", sentence),
                      "Military Forces of Kazakhstan (2019-)", 1, "KZ", "military"),),
        location=EventLocation(places["kazakhstan"], 3, inherited=True),
        counts=(Count("killed", 2, f.span("death of two servicemen", sentence)),),
        attribution=Attribution("attributed", "National Guard of Kazakhstan",
                                f.span("the republic’s National Guard", sentence),
                                f.span("reported", sentence)),
        confidence=0.6,
    )


def _kz_airport(article_id: str, f: Finder) -> Event:
    sentence = f.span("On January 7, Russian peacekeepers, together with Kazakhstani law "
                      "enforcement agencies, took full control of the Alma-Ata airport.")
    almaty = Place(f.span("Alma-Ata", sentence), "Almaty", 1526384, 43.25249, 76.9115, "KZ",
                   "city", admin1="Almaty")
    return _event(
        article_id, f.span("took full control", sentence), sentence, "MOBILIZE", mode="troops",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Non-violent transfer of territory",
        disorder_type="Strategic developments", cameo_root="15",
        actors=(
            Actor("actor1", f.span("Russian peacekeepers", sentence),
                  "Military Forces of Russia (2000-)", 8, "RU", "military"),
            Actor("assoc_actor_1", f.span("Kazakhstani law enforcement agencies", sentence),
                  "Police Forces of Kazakhstan (2019-)", 1, "KZ", "police"),
        ),
        date=EventDate(date(2022, 1, 7), "day", f.span("January 7", sentence), "2022-01-07"),
        location=EventLocation(almaty, 1),
        confidence=0.85,
    )


def _kz_appeal(article_id: str, f: Finder) -> Event:
    sentence = f.between("On January 5, the President", "the terrorist threat …")
    return _event(
        article_id, f.span("applied", sentence), sentence, "REQUEST", mode="aid",
        cameo_root="02",
        actors=(
            Actor("actor1", f.span("the President of Kazakhstan", sentence),
                  "Government of Kazakhstan (2019-)", 1, "KZ", "government"),
            Actor("actor2", f.span("Collective Security Treaty Organization", sentence),
                  "Collective Security Treaty Organization", 8, None, "igo"),
        ),
        date=EventDate(date(2022, 1, 5), "day", f.span("January 5", sentence), "2022-01-05"),
        confidence=0.75,
    )


def lagos_article() -> Article:
    """Return a Lagos report with a civilian-targeting event and an arrest."""
    text = LAGOS.read_text(encoding="utf-8")
    f = Finder(text)
    meta = ArticleMeta(id=content_id(text), title="Soldiers fire on Lekki protesters",
                       published=date(2020, 10, 21), source="Lagos Desk",
                       url="https://example.org/lagos-2020-10-21", origin=LAGOS.name)
    lagos = Place(f.span("Lagos"), "Lagos", 2332459, 6.45407, 3.39467, "NG", "city",
                  admin1="Lagos")
    events = (_ng_killed(meta.id, f, lagos), _ng_arrests(meta.id, f, lagos))
    return Article(meta=meta, text=text, places=(lagos,), events=events)


def _ng_killed(article_id: str, f: Finder, lagos: Place) -> Event:
    sentence = f.span("Amnesty International said at least 12 people were killed by security "
                      "forces in Lekki and Alausa on October 20.")
    return _event(
        article_id, f.span("killed", sentence), sentence, "ASSAULT", mode="firearms",
        acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
        disorder_type="Political violence", cameo_root="18",
        actors=(
            Actor("actor1", f.span("security forces", sentence),
                  "Military Forces of Nigeria (2015-2023)", 1, "NG", "military"),
            Actor("actor2", f.span("people", sentence), "Civilians (Nigeria)", 7, "NG",
                  "civilian"),
        ),
        date=EventDate(date(2020, 10, 20), "day", f.span("October 20", sentence), "2020-10-20"),
        location=EventLocation(lagos, 1, inherited=True),
        counts=(Count("killed", 12, f.span("at least 12 people", sentence)),),
        attribution=Attribution("attributed", "Amnesty International",
                                f.span("Amnesty International", sentence),
                                f.span("said", sentence)),
        confidence=0.8,
    )


def _ng_arrests(article_id: str, f: Finder, lagos: Place) -> Event:
    sentence = f.span("Police arrested 30 people in Lagos on Wednesday after looting spread to "
                      "several districts of the city.")
    here = Place(f.span("Lagos", sentence), "Lagos", 2332459, 6.45407, 3.39467, "NG", "city",
                 admin1="Lagos")
    return _event(
        article_id, f.span("arrested", sentence), sentence, "COERCE", mode="arrest",
        acled_event_type="Strategic developments", acled_sub_event_type="Arrests",
        disorder_type="Strategic developments", cameo_root="17",
        actors=(Actor("actor1", f.span("Police", sentence), "Police Forces of Nigeria (2015-2023)",
                      1, "NG", "police"),),
        date=EventDate(date(2020, 10, 21), "day", f.span("on Wednesday", sentence), "2020-10-21"),
        location=EventLocation(here, 1),
        counts=(Count("arrested", 30, f.span("30 people", sentence)),),
        confidence=0.8,
    )


def rejected_article(origin: str = "empty.txt", reason: str = "empty") -> Article:
    """Return an input the ingest stage rejected."""
    meta = ArticleMeta(id=content_id(origin, ""), origin=origin)
    return Article(meta=meta, text="", rejected=Rejection(reason, "no text after extraction",
                                                          origin))
