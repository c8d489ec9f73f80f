"""Turning contract v1 objects into table rows and rows back into dicts.

Every column is read from the contract JSON, so what the tables say and what
``coded_json``/``events.json`` hold cannot disagree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from eventcoder.model import Article, content_id

ARTICLE_COLUMNS = (
    "id", "title", "published", "source", "url", "language", "origin",
    "text", "text_sha256", "coded_json", "ingested_at",
)
EVENT_COLUMNS = (
    "id", "article_id", "event_date", "precision", "plover", "mode",
    "acled_event_type", "acled_sub_event_type", "disorder_type", "country_code",
    "location_name", "lat", "lon", "geo_precision", "fatalities", "injured", "arrested",
    "actor1", "actor2", "source_kind", "source", "modality", "confidence",
    "trigger_start", "sentence_start", "sentence_end", "json",
)
REJECTION_COLUMNS = ("id", "origin", "article_id", "reason", "detail", "at")


def dumps(value: Any) -> str:
    """Return compact, key-sorted JSON so equal objects give equal strings."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def article_row(article: Article, coded: dict[str, Any], now: datetime) -> tuple:
    """Return the ``articles`` row of an accepted ``article``."""
    meta = coded["article"]
    sha = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return (
        meta["id"], meta["title"], meta["published"], meta["source"], meta["url"],
        meta["language"], article.meta.origin, article.text, sha, dumps(coded),
        now.isoformat(timespec="seconds"),
    )


def event_row(article_id: str, event: dict[str, Any]) -> tuple:
    """Return the ``events`` row of one contract event of ``article_id``."""
    date = event.get("date") or {}
    loc = event.get("location") or {}
    attribution = event.get("attribution") or {}
    return (
        event["id"], article_id, date.get("value"), date.get("precision"),
        event["plover"]["event"], event["plover"].get("mode"),
        event["acled"].get("event_type"), event["acled"].get("sub_event_type"),
        event["acled"].get("disorder_type"), loc.get("country_code"), loc.get("name"),
        loc.get("lat"), loc.get("lon"), loc.get("geo_precision"),
        event.get("fatalities"), event.get("injured"), event.get("arrested"),
        actor_name(event, "actor1"), actor_name(event, "actor2"),
        attribution.get("kind"), attribution.get("source"), event.get("modality"),
        event.get("confidence"), event["trigger"]["start"], event["sentence"]["start"],
        event["sentence"]["end"], dumps(event),
    )


def rejection_row(article: Article, now: datetime) -> tuple:
    """Return the ``rejections`` row of a rejected ``article``.

    The id hashes the origin (or, without one, the article id) and the reason,
    so the same input rejected for the same reason keeps one row.
    """
    rejection = article.rejected
    assert rejection is not None  # checked by the caller
    origin = rejection.origin or article.meta.origin
    row_id = content_id(origin or article.id, rejection.reason)
    return (
        row_id, origin, article.id, rejection.reason, rejection.detail,
        now.isoformat(timespec="seconds"),
    )


def actor_name(event: dict[str, Any], role: str) -> str | None:
    """Return the canonical name (or the text) of the actor playing ``role``."""
    for actor in event.get("actors") or ():
        if actor.get("role") == role:
            return actor.get("name") or actor.get("text")
    return None


def upsert_sql(table: str, columns: tuple[str, ...], keep: tuple[str, ...] = ()) -> str:
    """Return ``INSERT ... ON CONFLICT(id) DO UPDATE`` that leaves ``keep`` unchanged."""
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id" and c not in keep)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
