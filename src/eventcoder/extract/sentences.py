"""Sentence spans: spaCy's sentences, split again at ellipses, trimmed of white space."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from eventcoder.model import Article, Span
from eventcoder.pipeline import Stage, register

_BREAK = re.compile(r"(?:…|\.\.\.)\s+(?=[A-Z])|\n+")
HEADLINE_CHARS = 70  # a line this short with no final stop is a headline or dateline


def split_sentences(article: Article, doc: Doc) -> tuple[Span, ...]:
    """Return trimmed sentence spans covering the text.

    spaCy's sentences are split again at ellipses and after headline-like lines
    (short, or ending in a stop), but not inside hard-wrapped paragraphs.
    """
    spans: list[Span] = []
    for sent in doc.sents:
        start = sent.start_char
        for match in _BREAK.finditer(article.text, sent.start_char, sent.end_char):
            if _ends_line(article.text, start, match):
                spans.append(_trimmed(article, start, match.start() + 1))
                start = match.end()
        spans.append(_trimmed(article, start, sent.end_char))
    return tuple(s for s in spans if s.end > s.start)


def _ends_line(text: str, start: int, match: re.Match[str]) -> bool:
    if not match.group(0).startswith("\n"):
        return True  # an ellipsis before a capital letter
    line = text[start:match.start()].rstrip()
    line = line[line.rfind("\n") + 1:]
    return bool(line) and (line[-1] in ".!?:\"”’)" or len(line) < HEADLINE_CHARS)


def _trimmed(article: Article, start: int, end: int) -> Span:
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return article.span(start, end)


@register
class Sentences(Stage):
    """Adds ``sentences``."""

    name = "sentences"
    reads = ("text",)
    adds = ("sentences",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with its sentence spans."""
        return article.with_(sentences=split_sentences(article, doc))
