"""Scoring event attribution and modality on a corpus of labelled sentences.

The corpus is JSON Lines, one item a line (format in docs/attribution.md)::

    {"id", "text", "published", "trigger", "kind", "source", "source_keys",
     "verb", "modality", "construction", "actor1_keys" (optional)}

Each item's text is coded by the full pipeline; the event whose trigger (or a
merged mention) reads ``trigger`` is scored:

- ``kind``: the attribution kind equals the expected one;
- ``source``: for an attributed item, one of ``source_keys`` occurs in the
  predicted source or in the attribution span text (lower case); otherwise the
  predicted source must be null;
- ``verb``: when a verb is expected, the predicted verb's text equals or
  contains it (lower case); not scored when ``verb`` is null;
- ``modality``: reported apart, as is ``actor1`` for items with ``actor1_keys``.

An item is *correct* when kind, source and verb are all right; an item whose
trigger is found in no event counts as a miss with the reason "no event".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventcoder.errors import ResourceError
from eventcoder.ingest import article_from_text
from eventcoder.model import Article, Event
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

__all__ = [
    "AttributionItem",
    "ItemResult",
    "evaluate_attribution",
    "find_event",
    "read_corpus",
    "score_item",
    "score_items",
]

log = logging.getLogger(__name__)

KINDS = ("attributed", "unattributed", "author")
MODALITIES = ("asserted", "negated", "future", "hypothetical", "uncertain")
_REQUIRED = ("id", "text", "trigger", "kind", "modality", "construction")


@dataclass(frozen=True, slots=True)
class AttributionItem:
    """One labelled sentence (or two or three) of the attribution corpus."""

    id: str
    text: str
    published: date | None
    trigger: str
    kind: str
    source: str | None
    source_keys: tuple[str, ...]
    verb: str | None
    modality: str
    construction: str
    actor1_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemResult:
    """How one item was coded: which checks passed, and why it missed."""

    item: AttributionItem
    event: Event | None
    kind_ok: bool
    source_ok: bool
    verb_ok: bool
    modality_ok: bool
    actor1_ok: bool | None  # None when the item names no actor1_keys

    @property
    def correct(self) -> bool:
        """Kind, source and verb all right (modality is scored apart)."""
        return self.event is not None and self.kind_ok and self.source_ok and self.verb_ok

    @property
    def reason(self) -> str:
        """"no event", or the failed checks joined by "+" ("" when correct)."""
        if self.event is None:
            return "no event"
        checks = (("kind", self.kind_ok), ("source", self.source_ok), ("verb", self.verb_ok))
        return "+".join(name for name, ok in checks if not ok)


def _item(row: dict, where: str) -> AttributionItem:
    missing = [k for k in _REQUIRED if not row.get(k)]
    if missing:
        raise ResourceError(f"{where}: missing {', '.join(missing)}; every item needs "
                            f"{', '.join(_REQUIRED)} (see docs/attribution.md)")
    if row["kind"] not in KINDS or row["modality"] not in MODALITIES:
        raise ResourceError(f"{where}: kind must be one of {KINDS} and modality one of "
                            f"{MODALITIES}, got {row['kind']!r} and {row['modality']!r}")
    keys = tuple(k.lower() for k in row.get("source_keys") or ())
    if row["kind"] == "attributed" and not keys:
        raise ResourceError(f"{where}: an attributed item needs source_keys, the lower-case "
                            "words any of which must occur in the predicted source")
    published = row.get("published")
    return AttributionItem(
        id=str(row["id"]), text=row["text"],
        published=date.fromisoformat(published) if published else None,
        trigger=row["trigger"], kind=row["kind"], source=row.get("source"),
        source_keys=keys, verb=row.get("verb"), modality=row["modality"],
        construction=row["construction"],
        actor1_keys=tuple(k.lower() for k in row.get("actor1_keys") or ()),
    )


def read_corpus(path: Path) -> list[AttributionItem]:
    """Read the attribution corpus (JSON Lines) at ``path``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ResourceError(f"can't read attribution corpus {path}: {err}; give the path "
                            "of a JSONL file such as tests/fixtures/attribution/corpus.jsonl"
                            ) from err
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ResourceError(f"{path}:{number}: not JSON ({err}); write one object "
                                "a line") from err
        items.append(_item(row, f"{path}:{number}"))
    return items


def find_event(article: Article, trigger: str) -> Event | None:
    """The first event of ``article`` whose trigger or a merged mention reads ``trigger``."""
    wanted = trigger.lower()
    for event in article.events:
        if any(s.text.lower() == wanted for s in (event.trigger, *event.mentions)):
            return event
    return None


def _source_ok(item: AttributionItem, event: Event) -> bool:
    attr = event.attribution
    if item.kind != "attributed":
        return attr.source is None
    said = " ".join(t.lower() for t in (attr.source, attr.span and attr.span.text) if t)
    return any(key in said for key in item.source_keys)


def _verb_ok(item: AttributionItem, event: Event) -> bool:
    if item.verb is None:
        return True
    verb = event.attribution.verb
    return verb is not None and item.verb.lower() in verb.text.lower()


def _actor1_ok(item: AttributionItem, event: Event | None) -> bool | None:
    if not item.actor1_keys:
        return None
    actor = event.actor("actor1") if event is not None else None
    return actor is not None and any(k in actor.name.lower() for k in item.actor1_keys)


def score_item(item: AttributionItem, article: Article) -> ItemResult:
    """Score the event of ``article`` that ``item`` is about."""
    event = find_event(article, item.trigger) if article.rejected is None else None
    if event is None:
        return ItemResult(item, None, False, False, False, False, _actor1_ok(item, None))
    return ItemResult(
        item, event,
        kind_ok=event.attribution.kind == item.kind,
        source_ok=_source_ok(item, event),
        verb_ok=_verb_ok(item, event),
        modality_ok=event.modality == item.modality,
        actor1_ok=_actor1_ok(item, event),
    )


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _expected(item: AttributionItem) -> dict:
    return {"kind": item.kind, "source": item.source, "verb": item.verb,
            "modality": item.modality}


def _got(event: Event | None) -> dict | None:
    if event is None:
        return None
    attr = event.attribution
    return {"kind": attr.kind, "source": attr.source,
            "span": attr.span.text if attr.span else None,
            "verb": attr.verb.text if attr.verb else None, "modality": event.modality}


def _miss(result: ItemResult, reason: str) -> dict:
    item = result.item
    return {"id": item.id, "construction": item.construction, "reason": reason,
            "text": item.text, "expected": _expected(item), "got": _got(result.event)}


def _by_construction(results: list[ItemResult]) -> dict[str, dict]:
    groups: dict[str, list[ItemResult]] = {}
    for result in results:
        groups.setdefault(result.item.construction, []).append(result)
    return {
        name: {"items": len(group), "correct": sum(r.correct for r in group),
               "accuracy": _ratio(sum(r.correct for r in group), len(group))}
        for name, group in sorted(groups.items())
    }


def score_items(results: Iterable[ItemResult]) -> dict:
    """Sum item results into the report returned by :func:`evaluate_attribution`."""
    results = list(results)
    total = len(results)
    actors = [r.actor1_ok for r in results if r.actor1_ok is not None]
    found = [r for r in results if r.event is not None]
    return {
        "items": total,
        "correct": sum(r.correct for r in results),
        "accuracy": _ratio(sum(r.correct for r in results), total),
        "no_event": sum(r.event is None for r in results),
        "accuracy_when_found": _ratio(sum(r.correct for r in results), len(found)),
        "kind_accuracy": _ratio(sum(r.kind_ok for r in results), total),
        "source_accuracy": _ratio(sum(r.source_ok for r in results), total),
        "verb_accuracy": _ratio(sum(r.verb_ok for r in results), total),
        "modality_accuracy": _ratio(sum(r.modality_ok for r in results), total),
        "actor1_accuracy": _ratio(sum(actors), len(actors)),
        "by_construction": _by_construction(results),
        "misses": [_miss(r, r.reason) for r in results if not r.correct],
        "modality_misses": [_miss(r, "modality") for r in results
                            if r.event is not None and not r.modality_ok],
    }


def _articles(items: list[AttributionItem], settings: Settings) -> Iterator[Article]:
    for item in items:
        yield article_from_text(item.text, settings, id=item.id, published=item.published)


def evaluate_attribution(
    path: Path, settings: Settings, pipeline: Pipeline | None = None
) -> dict:
    """Code every item of the corpus at ``path`` and return the scores.

    ``pipeline`` defaults to the full default pipeline built from ``settings``.
    The report holds ``accuracy`` (kind, source and verb all right),
    ``accuracy_when_found`` (the same over items whose event was found),
    ``by_construction``, ``modality_accuracy``, ``actor1_accuracy``, the
    per-check accuracies, and ``misses`` (id, construction, reason, expected, got).
    """
    items = read_corpus(Path(path))
    if pipeline is None:
        pipeline = Pipeline.build(settings)
        pipeline.warm_up()
    articles = pipeline.process(_articles(items, settings))
    results = [score_item(item, article) for item, article in zip(items, articles, strict=True)]
    report = score_items(results)
    log.info("attribution: %d items, accuracy %.3f", report["items"], report["accuracy"])
    return report
