"""A version-1 file is upgraded to version 2 (cross-document tables) and keeps its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventcoder.model import Article
from eventcoder.store import Store
from eventcoder.store.schema import DDL_V1


def test_version_1_file_is_migrated(db_path: Path, kz: Article) -> None:
    conn = sqlite3.connect(db_path)
    conn.executescript(DDL_V1)
    conn.execute("INSERT INTO schema_version(version) VALUES (1)")
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        store.save_article(kz)
        assert store.resolution.unresolved_events()  # old events wait for the resolver
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version FROM schema_version").fetchone() == (2,)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"article_links", "event_links", "merged_events", "stories"} <= tables
    conn.close()
