"""The database schema: DDL of the current version and the migrations to it.

A database file records its version in the one-row ``schema_version`` table.
:func:`ensure_schema` creates a fresh file at :data:`SCHEMA_VERSION`, upgrades an
older one step by step through :data:`MIGRATIONS`, and refuses a file written by
a newer eventcoder (or by something else) with a :class:`StoreError` that says
what to do.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from eventcoder.errors import StoreError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

DDL_V1 = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    published TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    coded_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_date TEXT,
    precision TEXT,
    plover TEXT NOT NULL,
    mode TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    disorder_type TEXT,
    country_code TEXT,
    location_name TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    fatalities INTEGER,
    injured INTEGER,
    arrested INTEGER,
    actor1 TEXT,
    actor2 TEXT,
    source_kind TEXT,
    source TEXT,
    modality TEXT,
    confidence REAL,
    trigger_start INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_country ON events(country_code);
CREATE TABLE IF NOT EXISTS rejections (
    id TEXT PRIMARY KEY,
    origin TEXT,
    article_id TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    accepted INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    events INTEGER NOT NULL
);
"""

# Version 2: cross-document resolution (docs/crossdoc.md). Article signatures and
# near-duplicate links, the blocking keys of resolved events, the links between
# mentions of one real-world event (with the reason of each), the merged event of
# every mention, and the story of every article.
DDL_V2 = """
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    simhash TEXT NOT NULL,
    terms TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_bands (
    band INTEGER NOT NULL,
    value INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, article_id)
);
CREATE TABLE IF NOT EXISTS article_links (
    a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    score REAL NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS article_links_b ON article_links(b);
CREATE TABLE IF NOT EXISTS event_blocks (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    day INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS event_blocks_key ON event_blocks(country, day);
CREATE TABLE IF NOT EXISTS event_links (
    a TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    score REAL NOT NULL,
    reason TEXT NOT NULL,
    vetoed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS event_links_b ON event_links(b);
CREATE TABLE IF NOT EXISTS merged_events (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    merged_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merged_events_merged ON merged_events(merged_id);
CREATE TABLE IF NOT EXISTS stories (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_story ON stories(story_id);
"""

Migration = Callable[[sqlite3.Connection], None]



def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Add the cross-document tables; the stored events are resolved on the next run."""
    for statement in _statements(DDL_V2):
        conn.execute(statement)


# MIGRATIONS[n] upgrades a database from version n to n + 1. Version 1 is the
# first; when the schema changes, bump SCHEMA_VERSION and add MIGRATIONS[n].
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


def ensure_schema(conn: sqlite3.Connection, *, name: str = "database") -> int:
    """Create or upgrade the schema of ``conn``; return the version it is at.

    Raises :class:`StoreError` when the file holds a newer or unknown version,
    or tables that are not eventcoder's.
    """
    version = read_version(conn, name=name)
    if version is None:
        _create(conn)
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{name} has schema version {version} but this eventcoder knows versions up to "
            f"{SCHEMA_VERSION}: upgrade eventcoder (`.venv/bin/pip install -U eventcoder`) "
            "or choose another file with --db / EVENTCODER_DB_PATH"
        )
    return _migrate(conn, version, name=name)


def read_version(conn: sqlite3.Connection, *, name: str = "database") -> int | None:
    """Return the schema version of ``conn``, or None for an empty database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" not in tables:
        if tables:
            raise StoreError(
                f"{name} is a SQLite file but not an eventcoder store (tables: "
                f"{', '.join(sorted(tables))}): choose a new file with --db / EVENTCODER_DB_PATH"
            )
        return None
    rows = conn.execute("SELECT version FROM schema_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int) or rows[0][0] < 1:
        raise StoreError(
            f"{name} has an unreadable schema_version table ({rows!r}): the file is damaged; "
            "move it aside and let eventcoder create a new one"
        )
    return rows[0][0]


def _create(conn: sqlite3.Connection) -> None:
    with _transaction(conn):
        for statement in _statements(DDL_V1 + DDL_V2):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version(version) VALUES (?)", (SCHEMA_VERSION,))
    log.info("created eventcoder store at schema version %d", SCHEMA_VERSION)


def _migrate(conn: sqlite3.Connection, version: int, *, name: str) -> int:
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(
                f"{name} has schema version {version} and no migration from it exists: "
                "export it with the eventcoder version that wrote it, then re-ingest"
            )
        with _transaction(conn):
            step(conn)
            conn.execute("UPDATE schema_version SET version = ?", (version + 1,))
        log.info("migrated %s from schema version %d to %d", name, version, version + 1)
        version += 1
    return version


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


class _transaction:
    """BEGIN ... COMMIT on an autocommit connection, ROLLBACK on error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
