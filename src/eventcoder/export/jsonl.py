"""JSON Lines: one PLOVER-style record per event, with its ACLED and CAMEO codes."""

from __future__ import annotations

import json
from typing import Any, TextIO

from eventcoder.export.csv_acled import acled_row


def write_jsonl(events: list[dict[str, Any]], out: TextIO) -> int:
    """Write one :func:`plover_record` per line to ``out``; return the number written."""
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False, sort_keys=True) + "\n")
    return len(events)


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """Return the PLOVER-style record of one stored event."""
    plover = event.get("plover") or {}
    date = event.get("date") or {}
    article = event.get("article") or {}
    return {
        "id": event["id"],
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "source_actor": _actor(event, "actor1"),
        "target_actor": _actor(event, "actor2") or _actor(event, "recipient"),
        "event": plover.get("event"),
        "mode": plover.get("mode"),
        "context": list(plover.get("context") or ()),
        "location": _location(event.get("location")),
        "fatalities": event.get("fatalities"),
        "injured": event.get("injured"),
        "arrested": event.get("arrested"),
        "attribution": _attribution(event.get("attribution")),
        "modality": event.get("modality"),
        "confidence": event.get("confidence"),
        "article": {k: article.get(k)
                    for k in ("id", "title", "url", "source", "published", "story_id")},
        "merged_id": event.get("merged_id"),
        "eventText": event["trigger"]["text"],
        "text": (event.get("sentence") or {}).get("text"),
        "acled": {**(event.get("acled") or {}), "event_id_cnty": acled_row(event)["event_id_cnty"]},
        "cameo_root": event.get("cameo_root"),
    }


def _actor(event: dict[str, Any], role: str) -> dict[str, Any] | None:
    for actor in event.get("actors") or ():
        if actor.get("role") == role:
            return {
                "text": actor.get("text"), "name": actor.get("name"),
                "country": actor.get("country_code"), "sector": actor.get("sector"),
                "inter": actor.get("inter"),
            }
    return None


def _location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc:
        return None
    keys = ("name", "lat", "lon", "geonameid", "geo_precision", "country_code", "admin1",
            "admin2", "feature")
    return {k: loc.get(k) for k in keys}


def _attribution(value: dict[str, Any] | None) -> dict[str, Any]:
    value = value or {}
    keys = ("kind", "source", "verb", "stance")
    return {k: value.get(k) for k in keys}
