"""Merging the mentions of one event when some of their dates cannot be resolved."""

from __future__ import annotations

from eventcoder.ingest import article_from_text
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

TEXT = ("Gunmen kill five villagers in Kano on Tuesday\n\nGunmen killed five villagers in a "
        "village near Kano on 3 March 2021, police said.")


def test_an_undated_weekday_and_a_full_date_merge_into_the_full_date(settings: Settings) -> None:
    pipeline = Pipeline.build(settings)
    article = next(pipeline.process([article_from_text(TEXT, settings)]))  # no publication date
    assert article.rejected is None
    killed = [e for e in article.events if e.plover == "ASSAULT"]
    assert len(killed) == 1  # the headline announces the lead's event
    assert killed[0].date is not None and str(killed[0].date.value) == "2021-03-03"
