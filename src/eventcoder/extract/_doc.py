"""Helpers shared by the extract stages: tokens, clauses and spans of a parsed article."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from eventcoder.model import Article, Event, Span

PRONOUNS = {"he", "she", "it", "they", "them", "him", "her", "its", "their", "his", "this", "these"}
ADDITIVE_MARKERS = (
    "in addition",
    "also",
    "meanwhile",
    "separately",
    "elsewhere",
    "at the same time",
    "besides",
    "moreover",
    "furthermore",
)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The trigger lexicon (ontology/triggers.json)."""
    text = resources.files("eventcoder.ontology").joinpath("triggers.json").read_text()
    return json.loads(text)


def token_at(doc: Doc, offset: int) -> Token | None:
    """Return the token covering character ``offset``."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    return token if token.idx <= offset < token.idx + len(token.text) else None


def token_span(article: Article, token: Token) -> Span:
    """The :class:`Span` of one token."""
    return article.span(token.idx, token.idx + len(token.text))


def tokens_span(article: Article, tokens: list[Token]) -> Span:
    """The :class:`Span` from the first to the last of ``tokens``."""
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    doc = tokens[0].doc
    return article.span(doc[first].idx, doc[last].idx + len(doc[last].text))


def sentence_index(article: Article, offset: int) -> int:
    """Index of the sentence of ``article`` holding ``offset`` (-1 if none)."""
    for i, sent in enumerate(article.sentences):
        if sent.start <= offset < sent.end:
            return i
    return -1


def paragraph_of(article: Article, offset: int) -> int:
    """Number of paragraph breaks (blank lines) before ``offset``."""
    return article.text.count("\n\n", 0, offset)


def ancestors_to_root(token: Token) -> Iterator[Token]:
    """The token's ancestors, nearest first."""
    while token.head.i != token.i:
        token = token.head
        yield token


def clause_verbs(token: Token) -> list[Token]:
    """The trigger and the verbs it hangs from through xcomp/conj chains."""
    chain = [token]
    while (chain[-1].dep_ in ("xcomp", "conj", "acomp") or _participle(chain[-1])) and chain[
        -1
    ].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _participle(token: Token) -> bool:
    """An -ing clause hanging from a verb ("..., killing five") shares its subject."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ in ("VERB", "AUX")


def child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` with one of ``deps``."""
    return next((c for c in token.children if c.dep_ in deps), None)


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses hanging from it."""
    drop = {"relcl", "acl", "advcl", "punct", "cc", "ccomp", "conj"}
    keep = [head]
    for c in head.children:
        if c.dep_ in drop or (c.dep_ == "prep" and c.lower_ in ("with", "together", "during")):
            continue
        if c.dep_ == "advmod" and c.lower_ == "together":
            continue
        keep.extend(_np_subtree(c, drop))
    return _same_line(sorted(keep, key=lambda t: t.i), head)


def _same_line(tokens: list[Token], head: Token) -> list[Token]:
    """The tokens of ``tokens`` on the head's line (a headline is not part of the phrase)."""
    doc = head.doc
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    for i in range(head.i - 1, first - 1, -1):
        if "\n" in doc[i].text_with_ws:
            first = i + 1
            break
    for i in range(head.i, last):
        if "\n" in doc[i].text_with_ws:
            last = i
            break
    return [t for t in tokens if first <= t.i <= last and not t.is_space]


def _np_subtree(token: Token, drop: set[str]) -> list[Token]:
    out = [token]
    for c in token.children:
        if c.dep_ not in drop:
            out.extend(_np_subtree(c, drop))
    return out


def starts_with_marker(text: str) -> bool:
    """True when a sentence opens with an additive discourse marker ("In addition, ...")."""
    low = text.lower().lstrip()
    return any(low.startswith(m) for m in ADDITIVE_MARKERS) or " also " in low[:60]


def event_token(doc: Doc, event: Event) -> Token | None:
    """The trigger token of ``event``."""
    return token_at(doc, event.trigger.start)


def focus_country(article: Article) -> str | None:
    """The country the article is mostly about: the most mentioned one among its places."""
    votes: dict[str, float] = {}
    for place in article.places:
        if place.country_code:
            weight = 0.5 if place.associative else 1.0
            votes[place.country_code] = votes.get(place.country_code, 0.0) + weight
    return max(votes, key=lambda c: votes[c]) if votes else None


def is_media(token: Token) -> bool:
    """True when ``token`` is a verb reporting the publication of media ("footage appeared")."""
    lex = lexicon()
    if token.lemma_.lower() not in lex["media_verbs"]:
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    nouns = subjects + ([token.head] if token.dep_ == "relcl" else [])
    return any(n.lemma_.lower() in lex["media_nouns"] for n in nouns)
