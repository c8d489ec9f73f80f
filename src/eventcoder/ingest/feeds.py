"""RSS, Atom and RDF feeds, via feedparser: one article per entry.

An entry's text is its content (else its summary) with the HTML stripped; its
title, link and published (else updated) date become the article's meta, and
the feed's title its source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.ingest.articles import article_from_text, rejected
from eventcoder.ingest.checks import EMPTY, MALFORMED, MISSING_TEXT, byte_limit, read_bounded
from eventcoder.ingest.html import html_to_text
from eventcoder.ingest.published import read_date
from eventcoder.ingest.records import CORPUS_ARTICLES
from eventcoder.model import Article
from eventcoder.settings import Settings

log = logging.getLogger(__name__)

FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")
_PROLOGUE = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)


def xml_root(head: bytes) -> str | None:
    """Return the lower-cased local name of the root element in ``head``, if any."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOGUE.match(head, position):
        position = match.end()
    match = _ROOT.match(head[position:].lstrip())
    return match.group(2).decode("ascii").lower() if match else None


def is_feed(head: bytes) -> bool:
    """Return True when ``head`` (the first bytes of a file) starts an RSS/Atom/RDF feed."""
    return xml_root(head) in FEED_ROOTS


def read_feed_file(path: str | Path, settings: Settings) -> Iterator[Article]:
    """Yield one article per entry of the feed in ``path``."""
    path = Path(path)
    try:
        data = read_bounded(path, byte_limit(settings) * CORPUS_ARTICLES)
    except InputError as err:
        yield rejected(str(path), err.reason, err.detail)
        return
    yield from read_feed(data, settings, origin=str(path))


def read_feed(data: bytes, settings: Settings, *, origin: str) -> Iterator[Article]:
    """Yield one article per entry of the feed document ``data``."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        yield _no_entries(parsed, origin)
        return
    if parsed.bozo:
        log.warning(
            "feed %s is not well-formed (%s); reading its entries anyway",
            origin,
            parsed.get("bozo_exception"),
        )
    source = parsed.feed.get("title")
    broken = parsed.get("bozo_exception") if parsed.bozo else None
    for index, entry in enumerate(parsed.entries):
        where = f"{origin}#{index}"
        yield _entry_article(entry, settings, source=source, origin=where, broken=broken)


def _no_entries(parsed: dict, origin: str) -> Article:
    if parsed.bozo:
        problem = parsed.get("bozo_exception")
        return rejected(origin, MALFORMED, f"not a well-formed feed: {problem}")
    if not parsed.get("version"):
        return rejected(origin, MALFORMED, "not an RSS, Atom or RDF feed")
    return rejected(origin, EMPTY, f"the {parsed.version} feed has no entries")


def _entry_article(
    entry: dict, settings: Settings, *, source: str | None, origin: str, broken: object
) -> Article:
    text = html_to_text(_entry_html(entry))
    if not text and broken:
        detail = f"feed is not well-formed ({broken}) and this entry has no text"
        return rejected(origin, MALFORMED, detail, id=entry.get("id"))
    if not text:
        detail = "feed entry has neither content nor summary text"
        return rejected(origin, MISSING_TEXT, detail, id=entry.get("id"))
    return article_from_text(
        text,
        settings,
        published=_entry_date(entry),
        title=html_to_text(entry.get("title", "")) or None,
        source=source,
        url=entry.get("link"),
        origin=origin,
    )


def _entry_html(entry: dict) -> str:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    best = max(contents, key=len, default="")
    return best or entry.get("summary", "")


def _entry_date(entry: dict) -> date | None:
    # The date as written keeps the publisher's own calendar day; feedparser's
    # *_parsed struct is normalised to UTC and can shift it by one.
    for key in ("published", "updated"):
        written = read_date(entry.get(key))
        if written is not None:
            return written
    return read_date(entry.get("published_parsed") or entry.get("updated_parsed"))
