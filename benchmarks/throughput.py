"""Throughput of eventcoder against bare spaCy on the same texts.

Usage::

    .venv/bin/python benchmarks/throughput.py CORPUS [--limit N] [--repeat R] [--batch-size B]

CORPUS is an LGL-format XML file (``<article>`` with ``<text>`` and ``<dltime>``),
a JSONL file of ``{"id", "text", "published"}`` records, or a folder of ``.txt``
files. Everything is read and turned into articles (``article_from_text``, which
runs the ingest checks: language, size, control characters) *before* any timing,
so the ingest checks are excluded from the figures; their cost is printed apart.

Then, after a warm-up that loads the spaCy pipeline, the gazetteer and every
stage's resources and codes a few articles, it alternates R times:

(a) bare ``nlp.pipe`` over the same texts, same pipeline and batch size, each
    ``Doc`` consumed;
(b) ``Pipeline.process`` over the articles (spaCy plus every eventcoder stage),

and keeps the best run of each. Targets: ratio ours/bare >= 0.7, peak RSS <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import resource
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventcoder.ingest import article_from_text
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline, Stage
from eventcoder.resources import nlp
from eventcoder.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

TARGET_RATIO = 0.7
TARGET_RSS_MB = 1536.0
WARM_UP_ARTICLES = 8


@dataclass(frozen=True, slots=True)
class Record:
    """One input document before it becomes an article."""

    id: str
    text: str
    published: str | None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """One timed pass."""

    seconds: float
    events: int = 0
    failed: int = 0


def read_lgl(path: Path) -> Iterator[Record]:
    """Yield the records of an LGL-format XML file (``<dltime>`` is the publication date)."""
    root = ET.parse(path).getroot()
    for number, node in enumerate(root.iter("article")):
        yield Record(node.get("docid") or str(number), node.findtext("text") or "",
                     node.findtext("dltime"), node.findtext("title"))


def read_jsonl(path: Path) -> Iterator[Record]:
    """Yield the records of a JSONL file of ``{"id", "text", "published"}`` objects."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                data = json.loads(line)
                yield Record(str(data.get("id", number)), data.get("text") or "",
                             data.get("published"), data.get("title"))


def read_folder(path: Path) -> Iterator[Record]:
    """Yield one record per ``.txt`` file of a folder, in name order."""
    for file in sorted(path.glob("*.txt")):
        yield Record(file.stem, file.read_text(encoding="utf-8", errors="replace"), None)


def read_corpus(path: Path, limit: int | None) -> list[Record]:
    """Return the first ``limit`` records of ``path`` (XML, JSONL or folder of .txt)."""
    if not path.exists():
        raise SystemExit(f"{path} does not exist: give an LGL .xml, a .jsonl or a folder of .txt")
    if path.is_dir():
        records = read_folder(path)
    elif path.suffix.lower() == ".xml":
        records = read_lgl(path)
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        records = read_jsonl(path)
    else:
        raise SystemExit(f"can't read {path}: give an LGL .xml, a .jsonl or a folder of .txt")
    return list(islice(records, limit))


def build_articles(records: list[Record], settings: Settings) -> list[Article]:
    """Return the articles of ``records`` (ingest checks run here, outside the timing)."""
    return [article_from_text(r.text, settings, id=r.id, published=r.published,
                              title=r.title, origin=r.id) for r in records]


def run_bare(texts: list[str], settings: Settings) -> Run:
    """Time spaCy alone: ``nlp.pipe`` over ``texts``, consuming every doc."""
    model = nlp(settings)
    start = time.perf_counter()
    tokens = 0
    for doc in model.pipe(texts, batch_size=settings.batch_size):
        tokens += len(doc)
    return Run(time.perf_counter() - start)


def run_ours(pipeline: Pipeline, articles: list[Article]) -> Run:
    """Time ``Pipeline.process`` over ``articles``, counting events and stage failures."""
    start = time.perf_counter()
    events = failed = 0
    for article in pipeline.process(articles):
        events += len(article.events)
        failed += article.rejected is not None and article.rejected.reason == "extraction_failed"
    return Run(time.perf_counter() - start, events, failed)


@dataclass
class TimedStage:
    """A stage wrapper adding up the seconds spent in the stage it wraps."""

    stage: Stage
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return self.stage.name

    def __call__(self, article: Article, doc: Doc) -> Article:
        start = time.perf_counter()
        try:
            return self.stage(article, doc)
        finally:
            self.seconds += time.perf_counter() - start


def stage_breakdown(pipeline: Pipeline, articles: list[Article]) -> None:
    """Code ``articles`` once more with every stage timed; print where the time goes."""
    timed = [TimedStage(stage) for stage in pipeline.stages]
    gc.collect()
    run = run_ours(Pipeline(pipeline.settings, tuple(timed)), articles)  # type: ignore[arg-type]
    stages = sum(t.seconds for t in timed)
    print(f"per-stage pass: total {run.seconds:.2f} s = spaCy+loop {run.seconds - stages:.2f} s"
          f" + stages {stages:.2f} s (stage share {stages / run.seconds:.0%}; "
          f"ratio implied by this pass {(run.seconds - stages) / run.seconds:.2f})")
    for t in sorted(timed, key=lambda t: -t.seconds):
        print(f"  {t.name:<13} {t.seconds:7.2f} s  {t.seconds / run.seconds:5.1%}")


def best_of(repeat: int, runs: dict[str, Callable[[], Run]]) -> dict[str, Run]:
    """Run each timed pass ``repeat`` times, alternating their order; keep the fastest."""
    best: dict[str, Run] = {}
    for round_ in range(repeat):
        names = list(runs) if round_ % 2 == 0 else list(reversed(runs))
        for name in names:
            gc.collect()
            run = runs[name]()
            print(f"  round {round_ + 1} {name:<4} {run.seconds:8.2f} s", flush=True)
            if name not in best or run.seconds < best[name].seconds:
                best[name] = run
    return best


def peak_rss_mb() -> float:
    """Return the peak resident memory of this process in MB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def warm_up(pipeline: Pipeline, articles: list[Article], texts: list[str]) -> float:
    """Load every resource and code a few articles; return the seconds it took."""
    start = time.perf_counter()
    pipeline.warm_up()
    list(pipeline.process(articles[:WARM_UP_ARTICLES]))
    list(nlp(pipeline.settings).pipe(texts[:WARM_UP_ARTICLES]))
    return time.perf_counter() - start


def rates(run: Run, articles: int, words: int) -> tuple[float, float]:
    """Return (articles/s, words/s) of ``run``."""
    return articles / run.seconds, words / run.seconds


def report(best: dict[str, Run], n_articles: int, words: int) -> None:
    """Print the figures and the final summary line."""
    ours_art, ours_words = rates(best["ours"], n_articles, words)
    bare_art, bare_words = rates(best["bare"], n_articles, words)
    ratio = best["bare"].seconds / best["ours"].seconds
    rss = peak_rss_mb()
    print(f"ours : {best['ours'].seconds:.2f} s  {ours_art:.2f} art/s  {ours_words:,.0f} words/s")
    print(f"bare : {best['bare'].seconds:.2f} s  {bare_art:.2f} art/s  {bare_words:,.0f} words/s")
    print(f"ratio ours/bare {ratio:.2f} (target >= {TARGET_RATIO}) "
          f"{'OK' if ratio >= TARGET_RATIO else 'BELOW TARGET'}")
    print(f"peak RSS {rss:,.0f} MB (target <= {TARGET_RSS_MB:,.0f} MB) "
          f"{'OK' if rss <= TARGET_RSS_MB else 'ABOVE TARGET'}")
    print(f"events {best['ours'].events:,}; articles failed in a stage {best['ours'].failed}")
    print(f"throughput: ours {ours_art:.1f} art/s {ours_words:,.0f} words/s | bare spaCy "
          f"{bare_art:.1f} art/s {bare_words:,.0f} words/s | ratio {ratio:.2f} | "
          f"peak RSS {rss:,.0f} MB | events {best['ours'].events:,}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="LGL .xml, .jsonl, or a folder of .txt")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--repeat", type=int, default=2, help="timed rounds of each (best kept)")
    parser.add_argument("--batch-size", type=int, default=None, help="override batch_size")
    parser.add_argument("--no-stages", action="store_true",
                        help="skip the extra pass that times each stage")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = Settings.load(batch_size=args.batch_size)
    records = read_corpus(args.corpus, args.limit)
    if not records:
        raise SystemExit(f"no articles in {args.corpus}: give a non-empty corpus")
    start = time.perf_counter()
    articles = build_articles(records, settings)
    ingest_s = time.perf_counter() - start
    # Rejected articles go through nlp.pipe as "" in Pipeline.process; bare does the same.
    texts = [a.text if a.rejected is None else "" for a in articles]
    words = sum(len(t.split()) for t in texts)
    rejected = sum(a.rejected is not None for a in articles)
    print(f"corpus {args.corpus}: {len(articles)} articles ({rejected} rejected at ingest), "
          f"{words:,} words; model {settings.spacy_model}, batch_size {settings.batch_size}")
    print(f"ingest (article_from_text, not timed below): {ingest_s:.2f} s")
    pipeline = Pipeline.build(settings)
    print(f"warm-up (models, gazetteer, {WARM_UP_ARTICLES} articles): "
          f"{warm_up(pipeline, articles, texts):.2f} s")
    best = best_of(args.repeat, {"bare": lambda: run_bare(texts, settings),
                                 "ours": lambda: run_ours(pipeline, articles)})
    report(best, len(articles), words)
    if not args.no_stages:
        stage_breakdown(pipeline, articles)


if __name__ == "__main__":
    main()
