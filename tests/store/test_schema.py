"""Schema versions: creation, refusal of newer or foreign files, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventcoder.errors import StoreError
from eventcoder.store import SCHEMA_VERSION, Store
from eventcoder.store import schema as schema_module


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (version,))
    conn.commit()
    conn.close()


def test_new_file_gets_current_version(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    conn.close()


def test_newer_version_is_refused_with_a_fix(db_path: Path) -> None:
    Store.open(db_path).close()
    _set_version(db_path, SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="upgrade eventcoder"):
        Store.open(db_path)


def test_damaged_version_table_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    _set_version(db_path, 0)
    with pytest.raises(StoreError, match="move it aside"):
        Store.open(db_path)


def test_foreign_sqlite_file_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE users (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not an eventcoder store"):
        Store.open(db_path)


def test_non_database_file_is_refused(db_path: Path) -> None:
    db_path.write_text("id,title\n1,hello\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        Store.open(db_path)


def test_missing_folder_says_what_to_check(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder exists"):
        Store.open(tmp_path / "no" / "such" / "events.sqlite")


def test_migrations_run_in_order(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db_path).close()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN crowd_size TEXT")

    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema_module.MIGRATIONS, SCHEMA_VERSION, add_column)
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert schema_module.ensure_schema(conn) == SCHEMA_VERSION + 1
    columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    assert "crowd_size" in columns
    assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


def test_missing_migration_is_refused(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db_path).close()
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    conn = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(StoreError, match="no migration"):
        schema_module.ensure_schema(conn)
    conn.close()
