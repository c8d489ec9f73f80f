"""Building articles, and rejected articles, from checked text."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.ingest.checks import (
    NotEnglishError,
    byte_limit,
    check_text,
    decode,
    read_bounded,
)
from eventcoder.ingest.published import date_from_name, parse_published
from eventcoder.model import Article, ArticleMeta, Rejection, content_id
from eventcoder.settings import Settings

log = logging.getLogger(__name__)


def article_from_text(
    text: str,
    settings: Settings,
    *,
    id: str | None = None,
    published: object = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    origin: str | None = None,
) -> Article:
    """Return an :class:`Article` of ``text``, or a rejected one if a check fails.

    ``text`` is kept exactly as given: every offset downstream refers to it.
    ``id`` defaults to the content hash of ``text``, so re-reading an input
    gives the same id. ``published`` may be a date, an ISO or RFC 2822 string
    or None; an unreadable value gives None and a logged warning.
    """
    meta = ArticleMeta(
        id=id or content_id(text),
        title=_clean(title),
        published=parse_published(published, origin),
        source=_clean(source),
        url=_clean(url),
        origin=origin,
    )
    try:
        language = check_text(text, settings)
    except NotEnglishError as err:
        return reject(meta, err, language=err.language)
    except InputError as err:
        return reject(meta, err, language=None)
    return Article(meta=_with_language(meta, language), text=text)


def reject(meta: ArticleMeta, err: InputError, *, language: str | None) -> Article:
    """Return a rejected, text-less article with ``meta`` and the reason of ``err``.

    ``language`` is the detected language, None when the text was not checked.
    """
    log.info("rejected %s (%s): %s", meta.origin or meta.id, err.reason, err.detail)
    meta = _with_language(meta, language)
    return Article(meta=meta, text="", rejected=Rejection(err.reason, err.detail, meta.origin))


def rejected(origin: str, reason: str, detail: str, *, id: str | None = None) -> Article:
    """Return a rejected article for an input that gave no usable text.

    Without ``id`` the id is a hash of ``origin``, stable across runs.
    """
    meta = ArticleMeta(id=id or content_id("rejected", origin), origin=origin)
    return reject(meta, InputError(reason, detail), language=None)


def read_text_file(path: str | Path, settings: Settings) -> Article:
    """Return the article of a plain-text file (decoded, BOM stripped, otherwise untouched).

    A trailing ``YYYY-MM-DD`` in the file name stem is taken as the
    publication date.
    """
    path = Path(path)
    try:
        text = decode(read_bounded(path, byte_limit(settings)))
    except InputError as err:
        return rejected(str(path), err.reason, err.detail)
    return article_from_text(text, settings, published=date_from_name(path.stem), origin=str(path))


def _with_language(meta: ArticleMeta, language: str | None) -> ArticleMeta:
    return replace(meta, language=language)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
