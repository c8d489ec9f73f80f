"""Exports read from the store: ACLED CSV, PLOVER JSONL, GeoJSON, Parquet; and the timeline.

>>> with Store.open("events.sqlite") as store:
...     export(store, "csv", Path("events.csv"), country="KZ")
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from eventcoder.errors import ConfigError
from eventcoder.export.timeline import render_timeline
from eventcoder.store.sqlite import Store

log = logging.getLogger(__name__)

FORMATS = ("csv", "geojson", "jsonl", "parquet")


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: the format, the records written and the events left out."""

    format: str
    written: int
    skipped: int = 0
    reason: str = ""  # why ``skipped`` events were left out


def export(
    store: Store, fmt: str, out: Path | str | TextIO | BinaryIO, **filters: Any
) -> ExportResult:
    """Write the store's events (``filters`` as in :meth:`Store.events`) to ``out`` as ``fmt``.

    ``out`` is a path or an open file: a text stream for csv, jsonl and geojson,
    a path or binary stream for parquet.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    events = store.events(**filters)
    if fmt == "parquet":
        return _parquet(events, out)
    return _with_text(out, lambda stream: _write_text(fmt, events, stream))


def _write_text(fmt: str, events: list[dict[str, Any]], stream: TextIO) -> ExportResult:
    if fmt == "csv":
        from eventcoder.export.csv_acled import write_csv

        written = write_csv(events, stream)
        return ExportResult(fmt, written, len(events) - written, "no ACLED event type")
    if fmt == "jsonl":
        from eventcoder.export.jsonl import write_jsonl

        return ExportResult(fmt, write_jsonl(events, stream))
    from eventcoder.export.geojson import write_geojson

    written, skipped = write_geojson(events, stream)
    return ExportResult(fmt, written, skipped, "no coordinates")


def _with_text(out: Any, write: Callable[[TextIO], ExportResult]) -> ExportResult:
    if isinstance(out, str | Path):
        with Path(out).open("w", encoding="utf-8", newline="") as stream:
            return write(stream)
    if isinstance(out, io.BufferedIOBase | io.RawIOBase):
        raise ConfigError("csv, jsonl and geojson need a text stream: open the file with 'w'")
    return write(out)


def _parquet(events: list[dict[str, Any]], out: Any) -> ExportResult:
    if isinstance(out, io.TextIOBase):
        raise ConfigError("parquet needs a path or a binary stream: open the file with 'wb'")
    from eventcoder.export.parquet import write_parquet

    target = str(out) if isinstance(out, Path) else out
    return ExportResult("parquet", write_parquet(events, target))


__all__ = ["FORMATS", "ExportResult", "export", "render_timeline"]
