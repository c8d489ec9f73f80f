"""Re-running the same input changes nothing: ids are content hashes and rows are upserted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
BATCH = FIXTURES / "batch"
TABLES = {
    "articles": "SELECT id, title, published, source, url, language, origin, text_sha256, "
                "coded_json FROM articles ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "rejections": "SELECT id, origin, article_id, reason, detail FROM rejections ORDER BY id",
}

runner = CliRunner()


def run_into(db: Path, *paths: Path) -> None:
    result = runner.invoke(app, ["run", *map(str, paths), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of the content tables, minus the times at which they were written."""
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}


def test_running_a_folder_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    run_into(db, BATCH)
    first = snapshot(db)
    run_into(db, BATCH)
    second = snapshot(db)
    assert {k: len(v) for k, v in second.items()} == {k: len(v) for k, v in first.items()}
    assert [r[0] for r in second["events"]] == [r[0] for r in first["events"]]
    assert second == first
    assert all(first.values()), "the batch should give articles, events and rejections"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone() == (2,)


def test_two_stores_from_the_same_input_agree_on_ids(tmp_path: Path) -> None:
    """Ids depend on content only, never on the store, the time or the order of runs."""
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    run_into(one, BATCH)
    run_into(two, FIXTURES / "batch" / "regional-wire.rss", BATCH)
    assert snapshot(two) == snapshot(one)


def test_extract_twice_gives_identical_output() -> None:
    args = ["extract", "--input-format", "jsonl", str(FIXTURES / "corpus.jsonl"),
            "--format", "jsonl"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
