"""The embedded database: one SQLite file (WAL mode) of articles, events, rejections, runs.

Saving is idempotent: ids are content hashes, rows are upserted, and re-saving
an article replaces its events, so coding the same input twice leaves the same
rows. The latest outcome for an article id wins: saving it as accepted drops its
old rejections, saving it as rejected drops its article and event rows.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pycountry

from eventcoder.contract import article_to_json
from eventcoder.errors import StoreError
from eventcoder.model import Article, content_id
from eventcoder.store import rows
from eventcoder.store.resolution import EVENT_SELECT as _EVENT_SELECT
from eventcoder.store.resolution import ResolutionTables
from eventcoder.store.resolution import event_dict as _event_dict
from eventcoder.store.schema import ensure_schema

log = logging.getLogger(__name__)

_EVENT_ORDER = " ORDER BY e.event_date IS NULL, e.event_date, e.article_id, e.trigger_start, e.id"


class Store:
    """An open eventcoder database; build with :meth:`Store.open`."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating or upgrading) the store at ``path``.

        Raises :class:`StoreError` when the file is not an eventcoder store or
        was written by a newer eventcoder.
        """
        name = str(path)
        try:
            conn = sqlite3.connect(name, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(
                f"cannot open store {name}: {err}; check that its folder exists and is writable"
            ) from err
        try:
            _configure(conn)
            ensure_schema(conn, name=name)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(
                f"{name} is not a usable SQLite database ({err}): choose another file "
                "with --db / EVENTCODER_DB_PATH"
            ) from err
        except StoreError:
            conn.close()
            raise
        return cls(conn, name)

    def close(self) -> None:
        """Close the database file."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.close()

    @property
    def journal_mode(self) -> str:
        """The SQLite journal mode in use ("wal" for a file store)."""
        return str(self._conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()

    @contextmanager
    def batch(self) -> Iterator[Store]:
        """Run every save inside the block in one transaction (rolled back on error)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    @property
    def resolution(self) -> ResolutionTables:
        """The cross-document tables: signatures, duplicate and event links, merges, stories."""
        return ResolutionTables(self._conn)

    # --- writing -----------------------------------------------------------

    def save_article(self, article: Article) -> None:
        """Upsert ``article`` and its events; a rejected article goes to :meth:`save_rejection`."""
        if article.rejected is not None:
            self.save_rejection(article)
            return
        coded = article_to_json(article)
        now = _now()
        event_rows = [rows.event_row(article.id, e) for e in coded["events"]]
        with self.batch():
            self._conn.execute(
                rows.upsert_sql("articles", rows.ARTICLE_COLUMNS, keep=("ingested_at",)),
                rows.article_row(article, coded, now),
            )
            self._drop_stale_events(article.id, [r[0] for r in event_rows])
            self._conn.executemany(rows.upsert_sql("events", rows.EVENT_COLUMNS), event_rows)
            self._conn.execute("DELETE FROM rejections WHERE article_id = ?", (article.id,))

    def save_rejection(self, article: Article) -> None:
        """Record why ``article`` was rejected (one row per origin and reason)."""
        if article.rejected is None:
            raise StoreError(
                f"article {article.id} is not rejected: save it with Store.save_article"
            )
        row = rows.rejection_row(article, _now())
        with self.batch():
            self._conn.execute(rows.upsert_sql("rejections", rows.REJECTION_COLUMNS, keep=("at",)),
                               row)
            self._conn.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
            self._conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))

    def record_run(
        self,
        *,
        started: datetime,
        finished: datetime | None,
        accepted: int,
        rejected: int,
        events: int,
        run_id: str | None = None,
    ) -> str:
        """Record one run of the pipeline; return its id (derived from ``started``)."""
        run_id = run_id or content_id("run", started.isoformat())
        row = (run_id, started.isoformat(timespec="seconds"),
               finished.isoformat(timespec="seconds") if finished else None,
               accepted, rejected, events)
        with self.batch():
            self._conn.execute(
                rows.upsert_sql("runs", ("id", "started", "finished", "accepted", "rejected",
                                         "events")),
                row,
            )
        return run_id

    def _drop_stale_events(self, article_id: str, keep_ids: list[str]) -> None:
        marks = ", ".join("?" for _ in keep_ids) or "NULL"
        self._conn.execute(
            f"DELETE FROM events WHERE article_id = ? AND id NOT IN ({marks})",
            (article_id, *keep_ids),
        )

    # --- reading -----------------------------------------------------------

    def events(
        self,
        *,
        country: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        event_type: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        ids: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Return stored events ordered by date (undated last), filtered.

        Each dict is the event's contract JSON plus ``sentence["text"]``, an
        ``article`` object (id, title, published, source, url, ingested_at, story_id)
        and ``merged_id`` (the real-world event it is a mention of; None until resolved).
        ``country`` is an ISO 3166 code or name of the event's location;
        ``since``/``until`` bound the event date (inclusive, ISO dates; undated
        events are left out when either is given); ``event_type`` matches the
        ACLED event or sub-event type or the PLOVER type, case-insensitively.
        """
        where, params = _event_filters(country, since, until, event_type, article_id)
        if ids is not None:
            where.append(f"e.id IN ({', '.join('?' for _ in ids) or 'NULL'})")
            params.extend(ids)
        sql = _EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "") + _EVENT_ORDER
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [_event_dict(r) for r in self._conn.execute(sql, params)]

    def articles(self) -> list[dict[str, Any]]:
        """Return the accepted articles' metadata with their number of events."""
        cursor = self._conn.execute(
            "SELECT a.id, a.title, a.published, a.source, a.url, a.language, a.origin, "
            "a.text_sha256, a.ingested_at, COUNT(e.id) AS events FROM articles a "
            "LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id "
            "ORDER BY a.published IS NULL, a.published, a.id"
        )
        return _dicts(cursor)

    def rejections(self) -> list[dict[str, Any]]:
        """Return every recorded rejection (origin, article id, reason, detail, at)."""
        cursor = self._conn.execute(
            "SELECT id, origin, article_id, reason, detail, at FROM rejections ORDER BY at, id"
        )
        return _dicts(cursor)

    def runs(self) -> list[dict[str, Any]]:
        """Return the recorded runs, oldest first."""
        cursor = self._conn.execute(
            "SELECT id, started, finished, accepted, rejected, events FROM runs ORDER BY started"
        )
        return _dicts(cursor)

    def article_json(self, article_id: str) -> dict[str, Any] | None:
        """Return the contract v1 object stored for ``article_id``, or None if unknown."""
        row = self._conn.execute(
            "SELECT coded_json FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def summary(self) -> dict[str, Any]:
        """Return counts: accepted/rejected articles, rejections by reason, events by type."""
        return {
            "accepted": self._scalar("SELECT COUNT(*) FROM articles"),
            "rejected": self._scalar("SELECT COUNT(*) FROM rejections"),
            "rejected_by_reason": self._grouped("rejections", "reason"),
            "events": self._scalar("SELECT COUNT(*) FROM events"),
            "events_by_plover": self._grouped("events", "plover"),
            "events_by_acled": self._grouped("events", "acled_event_type"),
            "runs": self._scalar("SELECT COUNT(*) FROM runs"),
            "merged_events": self._scalar("SELECT COUNT(DISTINCT merged_id) FROM merged_events"),
            "stories": self._scalar("SELECT COUNT(DISTINCT story_id) FROM stories"),
        }

    def _scalar(self, sql: str) -> int:
        return int(self._conn.execute(sql).fetchone()[0])

    def _grouped(self, table: str, column: str) -> dict[str, int]:
        cursor = self._conn.execute(
            f"SELECT {column}, COUNT(*) FROM {table} WHERE {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY COUNT(*) DESC, {column}"
        )
        return {key: count for key, count in cursor}


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA synchronous=NORMAL")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _event_filters(
    country: str | None,
    since: date | str | None,
    until: date | str | None,
    event_type: str | None,
    article_id: str | None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if country:
        where.append("e.country_code = ?")
        params.append(country_code(country))
    if since:
        where.append("e.event_date >= ?")
        params.append(_iso_date(since, "since"))
    if until:
        where.append("e.event_date <= ?")
        params.append(_iso_date(until, "until"))
    if event_type:
        where.append("(e.acled_event_type = ? COLLATE NOCASE OR "
                     "e.acled_sub_event_type = ? COLLATE NOCASE OR e.plover = ? COLLATE NOCASE)")
        params.extend([event_type] * 3)
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    return where, params


def country_code(value: str) -> str:
    """Return the ISO 3166 alpha-2 code of a country code (alpha-2/3) or name."""
    value = value.strip()
    if len(value) == 2 and value.isalpha():
        return value.upper()
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError as err:
        raise StoreError(
            f"unknown country {value!r}: give an ISO 3166 code (KZ, KAZ) or an English name"
        ) from err


def _iso_date(value: date | str, name: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise StoreError(f"{name}={value!r} is not a date: write it as YYYY-MM-DD") from err
