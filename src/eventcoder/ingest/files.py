"""Files and folders in, articles out: choosing a reader for each file.

The reader is chosen by extension, and by sniffing the first bytes when the
extension says nothing (no extension, ``.xml``). A file that cannot be read,
or makes a reader fail unexpectedly, gives a rejected article; the batch goes
on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventcoder.ingest.articles import read_text_file, rejected
from eventcoder.ingest.checks import MALFORMED, UNREADABLE
from eventcoder.ingest.feeds import is_feed, read_feed_file, xml_root
from eventcoder.ingest.html import read_html_file
from eventcoder.ingest.records import read_csv_file, read_json_file, read_jsonl_file
from eventcoder.model import Article
from eventcoder.settings import Settings

log = logging.getLogger(__name__)

Reader = Callable[[Path, Settings], Iterator[Article]]
_SNIFF_BYTES = 2048


def iter_articles(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article]:
    """Yield the articles of every file in ``paths`` (folders are walked recursively).

    Files of a folder come in sorted order and hidden files (names starting
    with ".") are skipped. Every input gives at least one article; bad ones
    come rejected with a reason and never stop the batch.
    """
    for path in map(Path, paths):
        for file in _expand(path):
            yield from read_file(file, settings)


def _expand(path: Path) -> Iterator[Path]:
    if path.is_dir():
        files = (p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        yield from sorted(files)
    else:
        yield path  # a missing path is reported by read_file


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(path: str | Path, settings: Settings) -> Iterator[Article]:
    """Yield the articles of one file, choosing the reader by extension and content."""
    path = Path(path)
    if not path.is_file():
        yield rejected(str(path), UNREADABLE, f"{path} is not a file; check the path")
        return
    try:
        yield from choose_reader(path)(path, settings)
    except OSError as err:
        yield rejected(str(path), UNREADABLE, f"cannot read {path}: {err.strerror or err}")
    except Exception as err:  # a parser bug on one file must not stop the batch
        log.exception("reading %s failed", path)
        yield rejected(str(path), MALFORMED, f"cannot parse {path}: {err!r}")


def choose_reader(path: Path) -> Reader:
    """Return the reader for ``path`` from its extension, else from its first bytes."""
    reader = _BY_SUFFIX.get(path.suffix.lower())
    if reader is not None:
        return reader
    if path.suffix.lower() in (".xml", ""):
        return _sniff(path)
    return _text  # unknown extensions: the checks catch binary data


def _sniff(path: Path) -> Reader:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if is_feed(head):
        return read_feed_file
    root = xml_root(head)
    if root == "html" or head.lstrip().lower().startswith(b"<!doctype html"):
        return _html
    if root is not None and path.suffix.lower() == ".xml":
        return _not_a_feed
    return _text


def _text(path: Path, settings: Settings) -> Iterator[Article]:
    yield read_text_file(path, settings)


def _html(path: Path, settings: Settings) -> Iterator[Article]:
    yield read_html_file(path, settings)


def _not_a_feed(path: Path, settings: Settings) -> Iterator[Article]:
    root = xml_root(path.read_bytes()[:_SNIFF_BYTES])
    detail = f"XML root <{root}> is not rss, feed or RDF; only feeds are read from XML"
    yield rejected(str(path), MALFORMED, detail)


_BY_SUFFIX: dict[str, Reader] = {
    ".txt": _text,
    ".text": _text,
    ".html": _html,
    ".htm": _html,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".json": read_json_file,
    ".csv": read_csv_file,
    ".tsv": read_csv_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
}
