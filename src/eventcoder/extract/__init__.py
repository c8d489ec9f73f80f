"""One module per field; importing this package registers every built-in stage."""

from eventcoder.extract import (  # noqa: F401
    actors,
    attribution,
    coding,
    counts,
    dates,
    event_dates,
    event_places,
    events,
    merge,
    places,
    sentences,
)
