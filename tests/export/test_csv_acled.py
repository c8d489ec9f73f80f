"""ACLED CSV: exact columns, valid values, only ACLED events."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from eventcoder.errors import ConfigError
from eventcoder.export import export
from eventcoder.export.csv_acled import ACLED_COLUMNS, event_number, interaction
from eventcoder.store import Store

EXPECTED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)


def _rows(store: Store, **filters: Any) -> tuple[str, list[dict[str, str]]]:
    out = io.StringIO()
    result = export(store, "csv", out, **filters)
    text = out.getvalue()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert result.written == len(rows)
    return text, rows


def _by_type(rows: list[dict[str, str]], sub_event_type: str) -> dict[str, str]:
    return next(r for r in rows if r["sub_event_type"] == sub_event_type)


def test_header_is_exactly_acled(store: Store) -> None:
    text, _ = _rows(store)
    assert text.splitlines()[0] == EXPECTED_HEADER == ",".join(ACLED_COLUMNS)


def test_only_events_with_an_acled_type(store: Store) -> None:
    out = io.StringIO()
    result = export(store, "csv", out)
    assert (result.written, result.skipped) == (7, 1)
    assert "REQUEST" not in out.getvalue() and "applied" not in out.getvalue()


def test_values_are_valid(store: Store) -> None:
    _, rows = _rows(store)
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}\d{1,9}", row["event_id_cnty"])
        assert row["event_date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"])
        assert row["time_precision"] in {"", "1", "2", "3"}
        assert row["fatalities"].isdigit()
        assert row["timestamp"].isdigit() and int(row["timestamp"]) > 1_600_000_000
        assert row["civilian_targeting"] in {"", "Civilian targeting"}
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)


def test_kazakhstan_row(store: Store) -> None:
    _, rows = _rows(store, country="KZ")
    row = _by_type(rows, "Non-violent transfer of territory")
    assert row["event_id_cnty"].startswith("KAZ")
    assert (row["iso"], row["region"], row["country"]) == ("398", "Caucasus and Central Asia",
                                                           "Kazakhstan")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2022-01-07", "2022", "1")
    assert row["actor1"] == "Military Forces of Russia (2000-)"
    assert row["assoc_actor_1"] == "Police Forces of Kazakhstan (2019-)"
    assert (row["inter1"], row["actor2"], row["interaction"]) == ("8", "", "80")
    assert (row["location"], row["latitude"], row["longitude"]) == ("Almaty", "43.25249",
                                                                    "76.9115")
    assert row["fatalities"] == "0" and row["source"] == "Seed Wire"
    assert "reported by Seed Wire" in row["notes"]


def test_interaction_lower_code_first(store: Store) -> None:
    _, rows = _rows(store)
    riot = next(r for r in rows if r["actor2"] == "Police Forces of Kazakhstan (2019-)")
    assert (riot["inter1"], riot["inter2"], riot["interaction"]) == ("5", "1", "15")
    assert riot["fatalities"] == "18" and riot["event_date"] == ""
    assert "unattributed report" in riot["notes"] and "18 killed" in riot["notes"]


def test_attributed_source_and_civilian_targeting(store: Store) -> None:
    _, rows = _rows(store, country="NG")
    attack = _by_type(rows, "Attack")
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["interaction"] == "17"
    assert attack["source"] == "Lagos Desk; Amnesty International"
    assert attack["notes"].startswith(
        "On 2020-10-20, Military Forces of Nigeria (2015-2023) vs. Civilians (Nigeria): ")
    assert attack["notes"].endswith("according to Amnesty International.")
    assert (attack["region"], attack["iso"]) == ("Western Africa", "566")
    guard = _by_type(_rows(store, country="KZ")[1], "Violent demonstration")
    assert guard["source"] == "Seed Wire; National Guard of Kazakhstan"
    assert guard["interaction"] == ""  # no actor1 coded: ACLED's code cannot be formed


def test_event_number_is_stable() -> None:
    assert event_number("abc") == event_number("abc") != event_number("abd")
    assert 0 <= event_number("abc") < 10**9


@pytest.mark.parametrize(("inter1", "inter2", "has_actor2", "code"), [
    (5, 1, True, 15), (1, 5, True, 15), (6, None, False, 60), (1, 7, True, 17),
    (None, 1, True, None), (3, None, True, None), (2, 2, True, 22),
])
def test_interaction_codes(inter1, inter2, has_actor2, code) -> None:
    assert interaction(inter1, inter2, has_actor2) == code


def test_export_to_path_and_unknown_format(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert export(store, "csv", path).written == 7
    assert path.read_text(encoding="utf-8").startswith("event_id_cnty,")
    with pytest.raises(ConfigError, match="choose one of csv, geojson, jsonl, parquet"):
        export(store, "xlsx", path)
