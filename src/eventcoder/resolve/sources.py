"""Learning where each news source's stories happen, from a batch of its own articles.

A local paper's "Alexandria" is the Alexandria near it. :func:`learn_source_profile`
runs the places stage over a batch once, lets each article vote for the state or
country its unambiguous places point to (:func:`eventcoder.resolve.focus.learn_profile`)
and returns the profile; ``eventcoder sources learn`` saves it as JSON, and the
``source_profile`` setting makes the places stage use it as a prior. No labels,
no hand-made table of outlets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, Place
from eventcoder.resolve.focus import SourceProfile, learn_profile, source_key
from eventcoder.resolve.gazetteer import load_gazetteer
from eventcoder.resources import nlp
from eventcoder.settings import Settings

__all__ = ["first_pass", "learn_source_profile", "parse"]


def parse(articles: Sequence[Article], settings: Settings) -> list[Doc]:
    """The parsed texts of ``articles``, in order."""
    return list(nlp(settings).pipe((a.text for a in articles), batch_size=settings.batch_size))


def first_pass(articles: Sequence[Article], docs: Sequence[Doc],
               settings: Settings) -> list[tuple[Place, ...]]:
    """Each article's places resolved without any source profile."""
    stage = PlacesStage(settings.updated(source_profile=""))
    stage.warm_up()
    return [stage(a, d).places for a, d in zip(articles, docs, strict=True)]


def learn_source_profile(articles: Iterable[Article], settings: Settings,
                         docs: Sequence[Doc] | None = None) -> SourceProfile:
    """Learn each source's focus from ``articles`` (parsed here unless ``docs`` are given)."""
    batch = list(articles)
    places = first_pass(batch, docs if docs is not None else parse(batch, settings), settings)
    keys = [source_key(a.meta.source, a.meta.url) for a in batch]
    return learn_profile(zip(keys, places, strict=True), load_gazetteer(settings))
