"""Stages, their registry, and assembling and running a pipeline.

A stage is a small named callable ``stage(article, doc) -> article`` that
declares which :class:`~eventcoder.model.Article` fields it reads and which it
adds. Stages hold only :class:`~eventcoder.settings.Settings`; heavy resources
(the spaCy pipeline, the gazetteer, the actor knowledge base) come from cached
loaders in :mod:`eventcoder.resources`, so a stage pickles cheaply and can be
shipped to a Dask worker, where ``warm_up()`` loads them once.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from eventcoder.errors import PipelineError
from eventcoder.model import Article, Rejection
from eventcoder.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

BASE_FIELDS = ("meta", "text")
DEFAULT_STAGES = (
    "sentences",
    "places",
    "dates",
    "events",
    "classify",
    "attribution",
    "counts",
    "event_places",
    "event_dates",
    "actors",
    "merge",
    "coding",
)


@dataclass(frozen=True)
class Stage:
    """Base class of stages: subclasses set ``name``, ``reads``, ``adds``."""

    settings: Settings
    name: ClassVar[str] = ""
    reads: ClassVar[tuple[str, ...]] = ()
    adds: ClassVar[tuple[str, ...]] = ()

    def warm_up(self) -> None:
        """Load heavy resources now (called once per process before use)."""

    def __call__(self, article: Article, doc: Doc) -> Article:  # pragma: no cover
        raise NotImplementedError


REGISTRY: dict[str, type[Stage]] = {}


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator adding a stage to the registry under ``cls.name``."""
    if not cls.name:
        raise PipelineError(f"stage {cls.__qualname__} has no name: set the class attribute")
    REGISTRY[cls.name] = cls
    return cls


def _load_stage_modules() -> None:
    # Importing the extract package registers every built-in stage.
    import eventcoder.extract  # noqa: F401


def check_order(names: Iterable[str]) -> list[type[Stage]]:
    """Return the stage classes for ``names``, checking every input is produced earlier."""
    _load_stage_modules()
    available, classes = set(BASE_FIELDS), []
    for name in names:
        if name not in REGISTRY:
            raise PipelineError(
                f"can't find stage {name!r}; available: {', '.join(sorted(REGISTRY))}"
            )
        cls = REGISTRY[name]
        missing = [f for f in cls.reads if f not in available]
        if missing:
            raise PipelineError(
                f"stage {name!r} reads {missing} that no earlier stage adds: "
                "put the stages that add them first"
            )
        available.update(cls.adds)
        classes.append(cls)
    return classes


@dataclass(frozen=True)
class Pipeline:
    """The language pipeline plus the checked list of stages."""

    settings: Settings
    stages: tuple[Stage, ...]

    @classmethod
    def build(cls, settings: Settings, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        """Assemble and check the stages named ``names``."""
        return cls(settings, tuple(c(settings) for c in check_order(names)))

    def warm_up(self) -> None:
        """Load the spaCy pipeline and every stage's resources."""
        from eventcoder.resources import nlp

        nlp(self.settings)
        for stage in self.stages:
            stage.warm_up()
        # The model, the gazetteer (250,000 entries) and the lexicons live as long as the
        # process: freezing them spares the cyclic garbage collector from re-scanning
        # millions of objects at every full collection while articles are coded.
        gc.collect()
        gc.freeze()

    def process(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Code ``articles`` in order, streaming them through ``nlp.pipe`` in batches.

        Already rejected articles pass through untouched; an article that makes
        a stage fail is returned rejected with the reason, and the batch goes on.
        """
        from eventcoder.resources import nlp

        model = nlp(self.settings)
        pending = ((a.text if a.rejected is None else "", a) for a in articles)
        for doc, article in model.pipe(
            pending, as_tuples=True, batch_size=self.settings.batch_size
        ):
            yield article if article.rejected else self.code(article, doc)

    def code(self, article: Article, doc: Doc) -> Article:
        """Run every stage on one parsed article."""
        for stage in self.stages:
            try:
                article = stage(article, doc)
            except Exception as err:  # a bad article must not stop the batch
                log.exception("stage %s failed on article %s", stage.name, article.id)
                reason = Rejection(
                    "extraction_failed", f"stage {stage.name}: {err!r}", article.meta.origin
                )
                return article.with_(rejected=reason, events=())
        return article


StageFactory = Callable[[Settings], Stage]
