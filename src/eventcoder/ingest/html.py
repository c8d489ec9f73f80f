"""HTML pages: the main text, title and date, via trafilatura.

trafilatura drops navigation, footers and other boilerplate; when it finds
nothing, the visible text of the page (lxml) is used instead. A page with no
text at all is rejected as ``malformed``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from eventcoder.errors import InputError
from eventcoder.ingest.articles import article_from_text, rejected
from eventcoder.ingest.checks import MALFORMED, byte_limit, decode, read_bounded
from eventcoder.model import Article
from eventcoder.settings import Settings

if TYPE_CHECKING:
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

_BLOCKS = frozenset(
    ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
     "dd", "dt")
)  # fmt: skip
_INVISIBLE = ("script", "style", "noscript", "template", "head")
# "Please enable JavaScript" and the like are never the article.
_PRUNE = ["//noscript", "//template"]
# Markup slack: an HTML page may take more bytes than the text it holds.
HTML_BYTES_PER_TEXT_BYTE = 4


def read_html_file(path: str | Path, settings: Settings) -> Article:
    """Return the article of an HTML file (main text, title, publication date)."""
    path = Path(path)
    try:
        data = read_bounded(path, byte_limit(settings) * HTML_BYTES_PER_TEXT_BYTE)
        return article_from_html(decode(data), settings, origin=str(path))
    except InputError as err:
        return rejected(str(path), err.reason, err.detail)


def article_from_html(
    html: str, settings: Settings, *, origin: str | None = None, url: str | None = None
) -> Article:
    """Return the article of an HTML page given as a string.

    A page without any text gives an article rejected as ``malformed``.
    """
    text, title, published, site, found_url = _extract(html, url)
    if not text.strip():
        detail = "HTML has no extractable text (no paragraphs, only markup or scripts)"
        return rejected(origin or "<html>", MALFORMED, detail)
    return article_from_text(
        text,
        settings,
        title=title,
        published=published,
        source=site,
        url=url or found_url,
        origin=origin,
    )


def _extract(
    html: str, url: str | None
) -> tuple[str, str | None, str | None, str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        prune_xpath=_PRUNE,
    )
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        log.info("trafilatura found no main text; falling back to the page's visible text")
        text = html_to_text(html)
    if doc is None:
        return text, None, None, None, None
    return text, doc.title, doc.date, doc.sitename, doc.url


def html_to_text(html: str) -> str:
    """Return the visible text of ``html``, one paragraph per block element.

    Used for feed entries and as the fallback when trafilatura finds nothing;
    returns "" for markup without text or that cannot be parsed.
    """
    import lxml.etree
    import lxml.html

    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.iter(*_INVISIBLE):
        element.drop_tree()
    return _join_blocks(root)


def _join_blocks(root: HtmlElement) -> str:
    parts: list[str] = []
    for event, element in _walk(root):
        if event == "text" and element:
            parts.append(element)
        elif event == "end" and element in _BLOCKS:
            parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _walk(element: HtmlElement) -> Iterator[tuple[str, str]]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCKS:
        yield "end", tag
    if element.text and tag:
        yield "text", element.text
    for child in element:
        yield from _walk(child)
    if tag in _BLOCKS:
        yield "end", tag
    if element.tail:
        yield "text", element.tail
