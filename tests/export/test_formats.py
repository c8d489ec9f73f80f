"""JSONL, GeoJSON and Parquet exports."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.errors import ConfigError
from eventcoder.export import export
from eventcoder.export.csv_acled import ACLED_COLUMNS
from eventcoder.export.parquet import SCHEMA
from eventcoder.store import Store


def test_jsonl_records(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out).written == 8
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 8
    attack = next(r for r in records if r["acled"]["sub_event_type"] == "Attack")
    assert attack["event"] == "ASSAULT" and attack["mode"] == "firearms"
    assert attack["source_actor"]["name"] == "Military Forces of Nigeria (2015-2023)"
    assert attack["target_actor"] == {"text": "people", "name": "Civilians (Nigeria)",
                                      "country": "NG", "sector": "civilian", "inter": 7}
    assert attack["eventText"] == "killed" and "at least 12 people" in attack["text"]
    assert attack["attribution"] == {"kind": "attributed", "source": "Amnesty International",
                                     "verb": "said", "stance": "claimed"}
    assert attack["location"]["geonameid"] == 2332459 and attack["fatalities"] == 12
    assert attack["article"]["url"] == "https://example.org/lagos-2020-10-21"
    assert attack["cameo_root"] == "18" and attack["acled"]["event_id_cnty"].startswith("NGA")
    appeal = next(r for r in records if r["event"] == "REQUEST")
    assert appeal["acled"]["event_type"] is None and appeal["location"] is None


def test_geojson_is_valid_and_counts_skipped(store: Store) -> None:
    out = io.StringIO()
    result = export(store, "geojson", out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert (result.written, result.skipped) == (7, 1)
    assert collection["skipped_without_coordinates"] == 1
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["id"] == feature["id"]
    taldykorgan = next(f for f in collection["features"]
                       if f["properties"]["location"] == "Taldykorgan")
    assert taldykorgan["geometry"]["coordinates"] == [78.37389, 45.01556]
    assert taldykorgan["properties"]["acled_event_type"] == "Riots"
    assert taldykorgan["properties"]["date"] == "2022-01-05"


def test_parquet_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path).written == 8
    table = pq.read_table(path)
    assert table.schema.equals(SCHEMA)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert table.schema.field("event_date").type == pa.date32()
    rows = table.to_pylist()
    airport = next(r for r in rows if r["plover_event"] == "MOBILIZE")
    assert airport["event_date"] == date(2022, 1, 7)
    assert airport["iso"] == 398 and airport["interaction"] == 80
    assert airport["plover_context"] == [] and airport["event_text"] == "took full control"
    appeal = next(r for r in rows if r["plover_event"] == "REQUEST")
    assert appeal["event_type"] is None and appeal["latitude"] is None


def test_parquet_needs_a_binary_target(store: Store) -> None:
    with pytest.raises(ConfigError, match="'wb'"):
        export(store, "parquet", io.StringIO())
    buffer = io.BytesIO()
    assert export(store, "parquet", buffer, country="NG").written == 2
    assert pq.read_table(io.BytesIO(buffer.getvalue())).num_rows == 2
