"""Inputs in, articles out: text, HTML, feeds and JSONL/JSON/CSV corpora.

Every input gives an :class:`~eventcoder.model.Article`; one that cannot be
coded comes back with ``rejected`` set (reason ``empty``, ``binary``,
``not_english``, ``too_large``, ``unreadable``, ``malformed`` or
``missing_text``) and empty text, and the batch goes on.
"""

from eventcoder.ingest.articles import article_from_text, read_text_file
from eventcoder.ingest.checks import REASONS
from eventcoder.ingest.feeds import read_feed
from eventcoder.ingest.files import iter_articles, read_file
from eventcoder.ingest.html import article_from_html
from eventcoder.ingest.published import parse_published
from eventcoder.ingest.records import read_jsonl

__all__ = [
    "REASONS",
    "article_from_html",
    "article_from_text",
    "iter_articles",
    "parse_published",
    "read_feed",
    "read_file",
    "read_jsonl",
    "read_text_file",
]
