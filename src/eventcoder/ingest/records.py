"""Corpora of records: JSONL/NDJSON, JSON (one object or a list) and CSV/TSV.

Each record is ``{"id", "text", "published", "title"?, "source"?, "url"?}``
(``body`` or ``content`` may stand for ``text``). Every record gives exactly
one article, in input order; a bad record gives a rejected article and the
corpus goes on.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from eventcoder.errors import InputError
from eventcoder.ingest.articles import article_from_text, rejected
from eventcoder.ingest.checks import (
    BINARY,
    MALFORMED,
    MISSING_TEXT,
    TOO_LARGE,
    UNREADABLE,
    byte_limit,
    decode,
    read_bounded,
)
from eventcoder.model import Article
from eventcoder.settings import Settings

log = logging.getLogger(__name__)

TEXT_KEYS = ("text", "body", "content")
# A JSON list (or a feed) must be read whole: it may hold this many articles of
# the largest size; bigger corpora should be JSONL, which streams.
CORPUS_ARTICLES = 250
_LINE_SLACK = 64 * 1024  # bytes a JSONL line may add around its text (id, title, ...)
_SNIFF_BYTES = 64 * 1024
_ID_FIELD = re.compile(r'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')


def read_jsonl(
    lines: Iterable[str], settings: Settings, origin: str = "<stdin>"
) -> Iterator[Article]:
    """Yield one article per non-blank line of JSONL ``lines``, in order.

    ``meta.id`` echoes the record's ``id`` (the content hash when absent); a
    malformed line gives a rejected article whose id is the record's id if it
    could be read, else ``line-<n>``.
    """
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _from_line(line, number, settings, origin)


def _from_line(line: str, number: int, settings: Settings, origin: str) -> Article:
    where = f"{origin}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        detail = f"line {number} is not JSON: {err.msg} (column {err.colno})"
        return rejected(where, MALFORMED, detail, id=_salvage_id(line) or f"line-{number}")
    return article_from_record(record, settings, origin=where, fallback_id=f"line-{number}")


def _salvage_id(line: str) -> str | None:
    """Return the ``id`` of a broken JSON line when it can still be read."""
    match = _ID_FIELD.search(line)
    if match is None:
        return None
    try:
        value = json.loads(match.group(1))
    except json.JSONDecodeError:
        return None
    return str(value).strip() or None


def article_from_record(
    record: object, settings: Settings, *, origin: str, fallback_id: str | None = None
) -> Article:
    """Return the article of one record (a JSON object or a CSV row)."""
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        return rejected(
            origin, MALFORMED, f"record is a JSON {kind}, expected an object", id=fallback_id
        )
    record_id = _record_id(record)
    key = next((k for k in TEXT_KEYS if record.get(k) not in (None, "")), None)
    if key is None:
        return rejected(
            origin,
            MISSING_TEXT,
            f"record has no {'/'.join(TEXT_KEYS)} field",
            id=record_id or fallback_id,
        )
    text = record[key]
    if not isinstance(text, str):
        detail = f"field {key!r} is a {type(text).__name__}, not a string"
        return rejected(origin, MALFORMED, detail, id=record_id or fallback_id)
    return article_from_text(
        text,
        settings,
        id=record_id,
        published=record.get("published", record.get("date")),
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        origin=origin,
    )


def _record_id(record: Mapping) -> str | None:
    value = record.get("id")
    if value is None or isinstance(value, (dict, list)) or not str(value).strip():
        return None
    return str(value).strip()


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[Article]:
    """Yield the articles of a JSONL file, streaming it line by line.

    A line longer than an article may be is rejected ``too_large`` without
    being read into memory.
    """
    limit = byte_limit(settings) + _LINE_SLACK
    try:
        with path.open("rb") as handle:
            for number, raw in _bounded_lines(handle, limit):
                if raw is None:
                    detail = f"line {number} holds more than {limit} bytes; raise max_chars"
                    yield rejected(f"{path}:{number}", TOO_LARGE, detail, id=f"line-{number}")
                elif raw.strip():
                    yield _from_raw_line(raw, number, settings, str(path))
    except OSError as err:
        yield rejected(str(path), UNREADABLE, f"cannot read {path}: {err.strerror or err}")


def _from_raw_line(raw: bytes, number: int, settings: Settings, origin: str) -> Article:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        return rejected(
            f"{origin}:{number}",
            UNREADABLE,
            f"line {number} is not UTF-8 (byte {err.start}); JSONL must be UTF-8",
            id=f"line-{number}",
        )
    return _from_line(line, number, settings, origin)


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(number, line)``; ``line`` is None for a line over ``limit`` bytes (skipped)."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def read_json_file(path: Path, settings: Settings) -> Iterator[Article]:
    """Yield the articles of a JSON file holding one record or a list of records."""
    try:
        data = json.loads(decode(read_bounded(path, byte_limit(settings) * CORPUS_ARTICLES)))
    except InputError as err:
        yield rejected(str(path), err.reason, _corpus_hint(err))
        return
    except json.JSONDecodeError as err:
        detail = f"not JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        yield rejected(str(path), MALFORMED, detail)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        yield article_from_record(record, settings, origin=f"{path}#{index}", fallback_id=None)


def _corpus_hint(err: InputError) -> str:
    if err.reason == TOO_LARGE:
        return f"{err.detail}; or convert the corpus to JSONL, which is read line by line"
    return err.detail


def read_csv_file(path: Path, settings: Settings) -> Iterator[Article]:
    """Yield one article per row of a CSV/TSV file with a header row."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        encoding = _sniff_encoding(path)
        with path.open(encoding=encoding, newline="") as handle:
            yield from _csv_rows(csv.DictReader(handle, delimiter=delimiter), path, settings)
    except InputError as err:
        yield rejected(str(path), err.reason, err.detail)
    except OSError as err:
        yield rejected(str(path), UNREADABLE, f"cannot read {path}: {err.strerror or err}")
    except UnicodeDecodeError as err:
        detail = f"{path} changes encoding after byte {err.start}; re-save it as UTF-8"
        yield rejected(str(path), UNREADABLE, detail)


def _sniff_encoding(path: Path) -> str:
    with path.open("rb") as handle:
        sample = handle.read(_SNIFF_BYTES)
    if b"\x00" in sample:
        raise InputError(BINARY, f"{path} contains NUL bytes: not a CSV file")
    try:
        sample.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as err:
        if err.start >= len(sample) - 3:  # a character cut by the sample's end
            return "utf-8-sig"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise InputError(UNREADABLE, f"{path} is not UTF-8 and no other encoding fits")
    return best.encoding


def _csv_rows(reader: csv.DictReader, path: Path, settings: Settings) -> Iterator[Article]:
    header = reader.fieldnames or []
    if not any(key in header for key in TEXT_KEYS):
        raise InputError(
            MISSING_TEXT,
            f"header row {header} has no {'/'.join(TEXT_KEYS)} column; "
            "the first row must name the columns",
        )
    number = 1
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            detail = f"row {number} is not valid CSV: {err}"
            yield rejected(f"{path}:{number}", MALFORMED, detail, id=f"row-{number}")
            continue
        yield _from_row(row, number, path, settings)


def _from_row(row: dict, number: int, path: Path, settings: Settings) -> Article:
    where = f"{path}:{number}"
    if None in row:  # more fields than the header names
        named = len(row) - 1
        detail = f"row {number} has {named + len(row[None])} fields, the header names {named}"
        return rejected(where, MALFORMED, detail, id=_record_id(row) or f"row-{number}")
    return article_from_record(row, settings, origin=where, fallback_id=f"row-{number}")
