"""Parquet (via pyarrow): ACLED's columns plus the PLOVER fields, with an explicit schema.

Unlike the CSV, every event is written; ``event_type`` is null for events that
ACLED does not code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventcoder.export.csv_acled import acled_row

_ACLED_TYPES: dict[str, pa.DataType] = {
    "event_id_cnty": pa.string(), "event_date": pa.date32(), "year": pa.int16(),
    "time_precision": pa.int8(), "disorder_type": pa.string(), "event_type": pa.string(),
    "sub_event_type": pa.string(), "actor1": pa.string(), "assoc_actor_1": pa.string(),
    "inter1": pa.int8(), "actor2": pa.string(), "assoc_actor_2": pa.string(),
    "inter2": pa.int8(), "interaction": pa.int16(), "civilian_targeting": pa.string(),
    "iso": pa.int16(), "region": pa.string(), "country": pa.string(), "admin1": pa.string(),
    "admin2": pa.string(), "admin3": pa.string(), "location": pa.string(),
    "latitude": pa.float64(), "longitude": pa.float64(), "geo_precision": pa.int8(),
    "source": pa.string(), "source_scale": pa.string(), "notes": pa.string(),
    "fatalities": pa.int32(), "tags": pa.string(), "timestamp": pa.int64(),
}
_PLOVER_TYPES: dict[str, pa.DataType] = {
    "id": pa.string(), "article_id": pa.string(), "plover_event": pa.string(),
    "plover_mode": pa.string(), "plover_context": pa.list_(pa.string()),
    "cameo_root": pa.string(), "injured": pa.int32(), "arrested": pa.int32(),
    "attribution_kind": pa.string(), "attributed_source": pa.string(),
    "modality": pa.string(), "confidence": pa.float64(), "geonameid": pa.int64(),
    "event_text": pa.string(), "text": pa.string(), "article_title": pa.string(),
    "article_url": pa.string(),
}
SCHEMA = pa.schema([pa.field(n, t) for n, t in {**_ACLED_TYPES, **_PLOVER_TYPES}.items()])


def write_parquet(events: list[dict[str, Any]], out: str | Path | BinaryIO) -> int:
    """Write every event as one row of :data:`SCHEMA` to ``out``; return the row count."""
    records = [parquet_record(e) for e in events]
    table = pa.Table.from_pylist(records, schema=SCHEMA)
    pq.write_table(table, out)
    return table.num_rows


def parquet_record(event: dict[str, Any]) -> dict[str, Any]:
    """Return the row of one stored event: ACLED columns then PLOVER fields."""
    row = acled_row(event)
    if row["event_date"]:
        row["event_date"] = date.fromisoformat(row["event_date"])
    plover = event.get("plover") or {}
    attribution = event.get("attribution") or {}
    article = event.get("article") or {}
    return {
        **row,
        "id": event["id"], "article_id": article.get("id"),
        "plover_event": plover.get("event"), "plover_mode": plover.get("mode"),
        "plover_context": list(plover.get("context") or ()),
        "cameo_root": event.get("cameo_root"),
        "injured": event.get("injured"), "arrested": event.get("arrested"),
        "attribution_kind": attribution.get("kind"), "attributed_source": attribution.get("source"),
        "modality": event.get("modality"), "confidence": event.get("confidence"),
        "geonameid": (event.get("location") or {}).get("geonameid"),
        "event_text": event["trigger"]["text"],
        "text": (event.get("sentence") or {}).get("text"),
        "article_title": article.get("title"), "article_url": article.get("url"),
    }
