"""Local execution: stream articles through the pipeline and into the store."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from eventcoder.model import Article
from eventcoder.pipeline import Pipeline
from eventcoder.resolve.crossdoc import ResolveSummary, resolve
from eventcoder.settings import Settings
from eventcoder.store import Store


def code_articles(
    articles: Iterable[Article], settings: Settings, pipeline: Pipeline | None = None
) -> Iterator[Article]:
    """Code ``articles`` in order; rejected ones pass through with their reason."""
    pipeline = pipeline or Pipeline.build(settings)
    yield from pipeline.process(articles)


@dataclass(slots=True)
class RunSummary:
    """What one run did: accepted and rejected articles, events by type, speed."""

    accepted: int = 0
    rejected: Counter = field(default_factory=Counter)
    events: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    resolved: ResolveSummary | None = None  # what cross-document resolution did

    def add(self, article: Article) -> None:
        """Count one coded article."""
        if article.rejected:
            self.rejected[article.rejected.reason] += 1
            return
        self.accepted += 1
        for event in article.events:
            self.events[event.acled_event_type or f"PLOVER {event.plover}"] += 1

    @property
    def total(self) -> int:
        """Articles seen."""
        return self.accepted + sum(self.rejected.values())


def run_into_store(
    articles: Iterable[Article],
    store: Store,
    settings: Settings,
    progress: Callable[[Article], None] | None = None,
    batch: int = 100,
    coder: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    merge: bool = True,
) -> RunSummary:
    """Code ``articles`` into ``store``, committing every ``batch`` articles; return the summary.

    ``coder`` codes the articles elsewhere (a Dask cluster, see runner.distributed);
    by default they are coded in this process. With ``merge`` (the default) the new
    articles and events are then resolved across documents
    (:func:`eventcoder.resolve.crossdoc.resolve`): near duplicates linked, mentions
    of one event merged, stories rebuilt.
    """
    summary, started, t0 = RunSummary(), datetime.now(UTC), time.perf_counter()
    pending: list[Article] = []
    coded = coder(articles) if coder else code_articles(articles, settings)
    for article in coded:
        summary.add(article)
        pending.append(article)
        if progress:
            progress(article)
        if len(pending) >= batch:
            _flush(store, pending)
    _flush(store, pending)
    if merge:
        summary.resolved = resolve(store)
    summary.seconds = time.perf_counter() - t0
    store.record_run(
        started=started,
        finished=datetime.now(UTC),
        accepted=summary.accepted,
        rejected=sum(summary.rejected.values()),
        events=sum(summary.events.values()),
    )
    return summary


def _flush(store: Store, pending: list[Article]) -> None:
    with store.batch():
        for article in pending:
            store.save_article(article)
    pending.clear()
