"""Merging benchmark: resolve N synthetic events (no NLP) and time it at two sizes.

    .venv/bin/python benchmarks/merge.py 5000 10000

Events are spread over 40 countries and n/15 days (constant density), in reports
of 1-3 mentions of one incident, so blocking (country, +-7 days) finds the same number
of candidates per event at every size. Prints seconds and seconds / (n log n).
"""

from __future__ import annotations

import math
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from eventcoder.model import (
    Actor,
    Article,
    ArticleMeta,
    Event,
    EventDate,
    EventLocation,
    Place,
    Span,
)
from eventcoder.resolve.crossdoc import resolve
from eventcoder.store import Store

COUNTRIES = [f"{a}{b}" for a in "ABCDEFGH" for b in "VWXYZ"]
TYPES = [("ASSAULT", "Battles", "Armed clash"), ("PROTEST", "Protests", "Peaceful protest"),
         ("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack")]


def _article(n: int, incident: int, days: int) -> Article:
    text = f"Report {n}: clash number {incident} near town {incident % 97} killed people."
    day = date(2020, 1, 1) + timedelta(days=incident % days)
    plover, acled, sub = TYPES[incident % 3]
    span = Span(0, len(text), text)
    place = Place(span, f"Town {incident % 97}", None, (incident % 97) * 0.5,
                  (incident % 89) * 0.5, COUNTRIES[incident % len(COUNTRIES)], "city")
    event = Event(id=f"e{n:07d}", trigger=Span(0, 6, text[:6]), sentence=span, plover=plover,
                  acled_event_type=acled, acled_sub_event_type=sub,
                  actors=(Actor("actor1", span, f"Group {incident % 13}"),),
                  date=EventDate(day, "day", None), location=EventLocation(place, 1))
    meta = ArticleMeta(id=f"a{n:07d}", published=day, source=f"outlet {n % 7}")
    return Article(meta=meta, text=text, events=(event,))


def bench(n: int) -> float:
    rng = random.Random(n)
    days = max(30, n // 15)  # the same density of events per day at every size
    articles = [_article(i, rng.randrange(n // 2), days) for i in range(n)]
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "b.sqlite") as store:
        with store.batch():
            for article in articles:
                store.save_article(article)
        t0 = time.perf_counter()
        summary = resolve(store)
        seconds = time.perf_counter() - t0
    print(f"n={n}: {seconds:.1f} s, {summary.comparisons} comparisons, "
          f"{summary.merged_events} merged events, "
          f"{1e6 * seconds / (n * math.log(n)):.2f} us per n log n")
    return seconds


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [5000, 10000]:
        bench(size)
