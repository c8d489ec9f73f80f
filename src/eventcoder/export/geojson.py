"""GeoJSON (RFC 7946): a FeatureCollection of Point features, one per located event."""

from __future__ import annotations

import json
import logging
from typing import Any, TextIO

from eventcoder.export.csv_acled import source_text

log = logging.getLogger(__name__)


def feature_collection(events: list[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """Return the FeatureCollection of ``events`` and how many lacked coordinates.

    Events without a latitude/longitude cannot be drawn and are skipped; the
    count is also written in the collection's ``skipped_without_coordinates``
    member so a reader of the file knows the map is not the whole table.
    """
    features = [feature(e) for e in events if _has_point(e)]
    skipped = len(events) - len(features)
    if skipped:
        log.info("GeoJSON export skipped %d event(s) without coordinates", skipped)
    collection = {
        "type": "FeatureCollection",
        "features": features,
        "skipped_without_coordinates": skipped,
    }
    return collection, skipped


def write_geojson(events: list[dict[str, Any]], out: TextIO) -> tuple[int, int]:
    """Write the FeatureCollection to ``out``; return (features written, events skipped)."""
    collection, skipped = feature_collection(events)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"]), skipped


def feature(event: dict[str, Any]) -> dict[str, Any]:
    """Return the Point feature of a located event; flat properties for GIS tools."""
    loc = event["location"]
    acled = event.get("acled") or {}
    plover = event.get("plover") or {}
    date = event.get("date") or {}
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
        "properties": {
            "id": event["id"], "date": date.get("value"), "precision": date.get("precision"),
            "plover": plover.get("event"), "mode": plover.get("mode"),
            "acled_event_type": acled.get("event_type"),
            "acled_sub_event_type": acled.get("sub_event_type"),
            "disorder_type": acled.get("disorder_type"),
            "actor1": _actor(event, "actor1"), "actor2": _actor(event, "actor2"),
            "fatalities": event.get("fatalities"), "injured": event.get("injured"),
            "arrested": event.get("arrested"), "location": loc.get("name"),
            "geo_precision": loc.get("geo_precision"), "country_code": loc.get("country_code"),
            "source": source_text(event),
            "attribution": (event.get("attribution") or {}).get("kind"),
            "article_id": (event.get("article") or {}).get("id"),
        },
    }


def _has_point(event: dict[str, Any]) -> bool:
    loc = event.get("location") or {}
    return loc.get("lat") is not None and loc.get("lon") is not None


def _actor(event: dict[str, Any], role: str) -> str | None:
    for actor in event.get("actors") or ():
        if actor.get("role") == role:
            return actor.get("name") or actor.get("text")
    return None
