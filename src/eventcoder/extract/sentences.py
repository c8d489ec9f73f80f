"""Sentence spans: spaCy's sentences, split again at ellipses, trimmed of white space."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from eventcoder.model import Article, Span
from eventcoder.pipeline import Stage, register

_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s+(?=[A-Z])")


def split_sentences(article: Article, doc: Doc) -> tuple[Span, ...]:
    """Return trimmed sentence spans covering the text."""
    spans: list[Span] = []
    for sent in doc.sents:
        start = sent.start_char
        for match in _ELLIPSIS.finditer(article.text, sent.start_char, sent.end_char):
            spans.append(_trimmed(article, start, match.start() + 1))
            start = match.end()
        spans.append(_trimmed(article, start, sent.end_char))
    return tuple(s for s in spans if s.end > s.start)


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
