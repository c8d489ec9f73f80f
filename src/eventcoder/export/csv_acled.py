"""CSV with exactly ACLED's export columns, one row per event that has an ACLED type.

Events whose ``acled.event_type`` is null (a PLOVER event ACLED does not code,
such as an appeal for help) are not ACLED events and are left out; they are in
the JSONL, GeoJSON and Parquet exports.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import datetime
from typing import Any, TextIO

from eventcoder.export.regions import country_info

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
CIVILIANS = 7
SNIPPET_CHARS = 160


def write_csv(events: list[dict[str, Any]], out: TextIO) -> int:
    """Write the ACLED rows of ``events`` to ``out``; return the number written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for event in events:
        if not is_acled(event):
            continue
        row = acled_row(event)
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        written += 1
    return written


def is_acled(event: dict[str, Any]) -> bool:
    """Whether ``event`` has an ACLED event type (only those are ACLED events)."""
    return bool((event.get("acled") or {}).get("event_type"))


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """Return the ACLED columns of one stored event, typed (None where unknown)."""
    loc = event.get("location") or {}
    iso3, country, numeric, region = country_info(loc.get("country_code"))
    return {
        "event_id_cnty": f"{iso3}{event_number(event['id'])}",
        **_date_columns(event.get("date")),
        **_type_columns(event),
        **_actor_columns(event),
        "iso": numeric, "region": region, "country": country,
        "admin1": loc.get("admin1"), "admin2": loc.get("admin2"), "admin3": None,
        "location": loc.get("name"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "source": source_text(event), "source_scale": event.get("source_scale"),
        "notes": notes(event), "fatalities": event.get("fatalities") or 0,
        "tags": _tags(event), "timestamp": ingestion_time(event),
    }


def event_number(event_id: str) -> int:
    """Return the stable number of ``event_id``: its sha256 read as an integer mod 10**9."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16) % 10**9


def interaction(inter1: int | None, inter2: int | None, has_actor2: bool) -> int | None:
    """Return ACLED's interaction code: the two inter codes, lower first (15, 16, 60...)."""
    if inter1 is None:
        return None
    if not has_actor2:
        return inter1 * 10
    if inter2 is None:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def source_text(event: dict[str, Any]) -> str:
    """Return "Outlet; attributed source" (either part may be missing)."""
    outlet = (event.get("article") or {}).get("source")
    attribution = event.get("attribution") or {}
    named = attribution.get("source") if attribution.get("kind") == "attributed" else None
    parts = [p for p in (outlet, named) if p]
    return "; ".join(dict.fromkeys(parts))


def notes(event: dict[str, Any]) -> str:
    """Return a one-sentence summary: date, actors, what the sentence says, counts, source."""
    date = (event.get("date") or {}).get("value") or "an unknown date"
    actors = " vs. ".join(filter(None, (_actor(event, "actor1"), _actor(event, "actor2"))))
    snippet = trim((event.get("sentence") or {}).get("text") or event["trigger"]["text"])
    counts = ", ".join(f"{n} {w}" for n, w in count_words(event))
    head = f"On {date}" + (f", {actors}" if actors else "")
    body = f'{head}: "{snippet}"' + (f" ({counts})" if counts else "")
    return f"{body}, {attribution_words(event)}."


def attribution_words(event: dict[str, Any]) -> str:
    """Return "according to X", "unattributed report" or "reported by the outlet"."""
    attribution = event.get("attribution") or {}
    if attribution.get("kind") == "attributed" and attribution.get("source"):
        return f"according to {attribution['source']}"
    if attribution.get("kind") == "unattributed":
        return "unattributed report"
    outlet = (event.get("article") or {}).get("source")
    return f"reported by {outlet}" if outlet else "reported by the author"


def count_words(event: dict[str, Any]) -> list[tuple[int, str]]:
    """Return the known figures as (number, "killed"/"injured"/"arrested")."""
    pairs = (("fatalities", "killed"), ("injured", "injured"), ("arrested", "arrested"))
    return [(event[k], w) for k, w in pairs if event.get(k) is not None]


def trim(text: str, limit: int = SNIPPET_CHARS) -> str:
    """Return ``text`` on one line, cut at a word boundary to at most ``limit`` chars."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def ingestion_time(event: dict[str, Any]) -> int | None:
    """Return the unix time at which the event's article was stored."""
    stamp = (event.get("article") or {}).get("ingested_at")
    return int(datetime.fromisoformat(stamp).timestamp()) if stamp else None


def _date_columns(value: dict[str, Any] | None) -> dict[str, Any]:
    day = (value or {}).get("value")
    return {
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": TIME_PRECISION.get((value or {}).get("precision")) if day else None,
    }


def _type_columns(event: dict[str, Any]) -> dict[str, Any]:
    acled = event.get("acled") or {}
    return {
        "disorder_type": acled.get("disorder_type"),
        "event_type": acled.get("event_type"),
        "sub_event_type": acled.get("sub_event_type"),
    }


def _actor_columns(event: dict[str, Any]) -> dict[str, Any]:
    first, second = _actors(event, "actor1"), _actors(event, "actor2")
    inter1 = first[0].get("inter") if first else None
    inter2 = second[0].get("inter") if second else None
    return {
        "actor1": _actor(event, "actor1"), "assoc_actor_1": _assoc(event, "assoc_actor_1"),
        "inter1": inter1,
        "actor2": _actor(event, "actor2"), "assoc_actor_2": _assoc(event, "assoc_actor_2"),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2, bool(second)),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else "",
    }


def _actors(event: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [a for a in event.get("actors") or () if a.get("role") == role]


def _actor(event: dict[str, Any], role: str) -> str | None:
    found = _actors(event, role)
    if not found:
        return None
    return found[0].get("acled_name") or found[0].get("name") or found[0].get("text")


def _assoc(event: dict[str, Any], role: str) -> str | None:
    names = [a.get("acled_name") or a.get("name") or a.get("text") for a in _actors(event, role)]
    return "; ".join(dict.fromkeys(n for n in names if n)) or None


def _tags(event: dict[str, Any]) -> str:
    size = event.get("crowd_size")
    return f"crowd size={size}" if size else ""
