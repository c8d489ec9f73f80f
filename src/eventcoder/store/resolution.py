"""The cross-document tables (schema version 2): reading and writing what the resolver keeps.

``Store.resolution`` returns one :class:`ResolutionTables` over the store's
connection. The decisions themselves live in :mod:`eventcoder.resolve.crossdoc`;
this module only moves rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from eventcoder.store import rows

EVENT_SELECT = """
SELECT e.json, e.article_id, a.title, a.published, a.source, a.url, a.ingested_at,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
       m.merged_id, s.story_id
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN merged_events m ON m.event_id = e.id
LEFT JOIN stories s ON s.article_id = e.article_id
"""


def event_dict(row: tuple) -> dict[str, Any]:
    """Return a stored event dict: contract JSON, sentence text, ``article``, ``merged_id``."""
    raw, article_id, title, published, source, url, ingested_at, sentence, merged, story = row
    event = json.loads(raw)
    event["sentence"]["text"] = sentence
    event["article"] = {
        "id": article_id, "title": title, "published": published, "source": source,
        "url": url, "ingested_at": ingested_at, "story_id": story,
    }
    event["merged_id"] = merged
    return event


class ResolutionTables:
    """Rows of article signatures, duplicate links, event links, merged events and stories."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # --- articles ------------------------------------------------------------

    def unsigned_articles(self) -> list[tuple[str, str | None, str | None, str]]:
        """Return (id, title, published, text) of articles without a signature yet."""
        return self._conn.execute(
            "SELECT a.id, a.title, a.published, a.text FROM articles a "
            "LEFT JOIN article_signatures s ON s.article_id = a.id "
            "WHERE s.article_id IS NULL ORDER BY a.id"
        ).fetchall()

    def add_signature(self, article_id: str, fingerprint: int, terms: dict[str, int],
                      band_keys: Iterable[tuple[int, int]]) -> None:
        """Store an article's SimHash, its band keys and its term counts."""
        self._conn.execute(
            "INSERT OR REPLACE INTO article_signatures (article_id, simhash, terms) "
            "VALUES (?, ?, ?)", (article_id, f"{fingerprint:016x}", rows.dumps(terms)),
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO article_bands (band, value, article_id) VALUES (?, ?, ?)",
            [(band, value, article_id) for band, value in band_keys],
        )

    def band_neighbours(self, article_id: str, band_keys: Iterable[tuple[int, int]]
                        ) -> list[tuple[str, int]]:
        """Return (id, simhash) of other articles sharing a band key."""
        found: dict[str, int] = {}
        for band, value in band_keys:
            for other, fingerprint in self._conn.execute(
                "SELECT b.article_id, s.simhash FROM article_bands b JOIN article_signatures s "
                "ON s.article_id = b.article_id WHERE b.band = ? AND b.value = ? "
                "AND b.article_id != ?", (band, value, article_id),
            ):
                found[other] = int(fingerprint, 16)
        return sorted(found.items())

    def article_countries(self) -> dict[str, set[str]]:
        """Return article id -> the countries where its events happened."""
        found: dict[str, set[str]] = {}
        rows = self._conn.execute(
            "SELECT article_id, country_code FROM events WHERE country_code IS NOT NULL")
        for article_id, country in rows:
            found.setdefault(article_id, set()).add(country)
        return found

    def signatures(self) -> list[tuple[str, dict[str, int]]]:
        """Return (article id, term counts) of every signed article, by id."""
        cursor = self._conn.execute(
            "SELECT article_id, terms FROM article_signatures ORDER BY article_id"
        )
        return [(aid, json.loads(terms)) for aid, terms in cursor]

    def add_article_link(self, a: str, b: str, kind: str, score: float,
                         reason: dict[str, Any]) -> None:
        """Link two articles (``a`` < ``b``) as duplicates, keeping why."""
        a, b = sorted((a, b))
        self._conn.execute(
            "INSERT OR REPLACE INTO article_links (a, b, kind, score, reason) "
            "VALUES (?, ?, ?, ?, ?)", (a, b, kind, score, rows.dumps(reason)),
        )

    def article_links(self) -> list[dict[str, Any]]:
        """Return every duplicate link between articles."""
        cursor = self._conn.execute(
            "SELECT a, b, kind, score, reason FROM article_links ORDER BY a, b"
        )
        return [{"a": a, "b": b, "kind": k, "score": s, "reason": json.loads(r)}
                for a, b, k, s, r in cursor]

    # --- events --------------------------------------------------------------

    def unresolved_events(self) -> list[dict[str, Any]]:
        """Return the stored events not yet compared with their candidates, by id."""
        cursor = self._conn.execute(
            EVENT_SELECT + " LEFT JOIN event_blocks k ON k.event_id = e.id "
            "WHERE k.event_id IS NULL ORDER BY e.id"
        )
        return [event_dict(r) for r in cursor]

    def block_candidates(self, country: str, first_day: int, last_day: int) -> list[str]:
        """Return the ids of resolved events blocked under ``country`` with a day in range."""
        return [r[0] for r in self._conn.execute(
            "SELECT event_id FROM event_blocks WHERE country = ? AND day BETWEEN ? AND ? "
            "ORDER BY event_id", (country, first_day, last_day),
        )]

    def add_block(self, event_id: str, country: str, day: int) -> None:
        """Record the blocking key of an event (it is now resolved)."""
        self._conn.execute(
            "INSERT OR REPLACE INTO event_blocks (event_id, country, day) VALUES (?, ?, ?)",
            (event_id, country, day),
        )

    def add_event_link(self, a: str, b: str, score: float, reason: dict[str, Any]) -> None:
        """Link two mentions (``a`` < ``b``) of one real-world event, keeping why."""
        a, b = sorted((a, b))
        self._conn.execute(
            "INSERT INTO event_links (a, b, score, reason) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(a, b) DO UPDATE SET score = excluded.score, reason = excluded.reason",
            (a, b, score, rows.dumps(reason)),
        )

    def event_links(self, *, include_vetoed: bool = False) -> list[dict[str, Any]]:
        """Return the links between event mentions (vetoed ones only when asked)."""
        where = "" if include_vetoed else " WHERE vetoed = 0"
        cursor = self._conn.execute(
            f"SELECT a, b, score, reason, vetoed FROM event_links{where} ORDER BY a, b"
        )
        return [{"a": a, "b": b, "score": s, "reason": json.loads(r), "vetoed": bool(v)}
                for a, b, s, r, v in cursor]

    def veto_links(self, event_id: str, other: str | None = None) -> int:
        """Veto the links of ``event_id`` (or only the one to ``other``); return how many."""
        if other is None:
            sql, params = "WHERE a = ? OR b = ?", (event_id, event_id)
        else:
            sql, params = "WHERE a = ? AND b = ?", tuple(sorted((event_id, other)))
        cursor = self._conn.execute(f"UPDATE event_links SET vetoed = 1 {sql}", params)
        return cursor.rowcount

    def event_ids(self) -> list[str]:
        """Return every stored event id, sorted."""
        return [r[0] for r in self._conn.execute("SELECT id FROM events ORDER BY id")]

    def set_merged(self, merged: dict[str, str]) -> None:
        """Replace the merged-event id of every event."""
        self._conn.execute("DELETE FROM merged_events")
        self._conn.executemany(
            "INSERT INTO merged_events (event_id, merged_id) VALUES (?, ?)",
            sorted(merged.items()),
        )

    def merged_members(self) -> list[tuple[str, str, str]]:
        """Return (merged id, event id, article id) of every merged event's members."""
        return self._conn.execute(
            "SELECT m.merged_id, m.event_id, e.article_id FROM merged_events m "
            "JOIN events e ON e.id = m.event_id ORDER BY m.merged_id, m.event_id"
        ).fetchall()

    # --- stories -------------------------------------------------------------

    def set_stories(self, stories: dict[str, str]) -> None:
        """Replace the story id of every article."""
        self._conn.execute("DELETE FROM stories")
        self._conn.executemany(
            "INSERT INTO stories (article_id, story_id) VALUES (?, ?)", sorted(stories.items())
        )

    def stories(self) -> list[dict[str, Any]]:
        """Return every article with its story id, title, published date and source."""
        cursor = self._conn.execute(
            "SELECT s.story_id, a.id, a.title, a.published, a.source FROM stories s "
            "JOIN articles a ON a.id = s.article_id "
            "ORDER BY s.story_id, a.published IS NULL, a.published, a.id"
        )
        return [{"story_id": st, "article_id": aid, "title": t, "published": p, "source": src}
                for st, aid, t, p, src in cursor]
