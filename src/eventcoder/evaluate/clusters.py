"""Stories against gold clusters: B-cubed precision/recall/F1 and the adjusted Rand index.

The gold file is JSONL, one article a line with ``id``, ``text``, ``published``,
``title``, ``source`` and its gold ``cluster``. The articles are coded into a
fresh temporary store exactly as ``eventcoder run`` would (so near duplicates,
merged events and stories are built by the same code), and each article's story
is compared with its gold cluster.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Hashable, Mapping
from math import comb
from pathlib import Path
from typing import Any

from eventcoder.errors import ConfigError
from eventcoder.settings import Settings


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """Return B-cubed precision, recall and F1 of ``predicted`` against ``gold`` (item -> label).

    Items missing from ``predicted`` count as singletons.
    """
    items = sorted(gold)
    pred = {i: predicted.get(i, ("singleton", i)) for i in items}
    pairs = Counter((pred[i], gold[i]) for i in items)
    pred_size, gold_size = Counter(pred.values()), Counter(gold[i] for i in items)
    precision = sum(pairs[(pred[i], gold[i])] / pred_size[pred[i]] for i in items) / len(items)
    recall = sum(pairs[(pred[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def adjusted_rand_index(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> float:
    """Return the adjusted Rand index (Hubert and Arabie 1985) of two labelings."""
    items = sorted(gold)
    pred = {i: predicted.get(i, ("singleton", i)) for i in items}
    index = sum(comb(n, 2) for n in Counter((pred[i], gold[i]) for i in items).values())
    a = sum(comb(n, 2) for n in Counter(pred.values()).values())
    b = sum(comb(n, 2) for n in Counter(gold[i] for i in items).values())
    expected = a * b / comb(len(items), 2) if len(items) > 1 else 0.0
    maximum = (a + b) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def read_gold(path: Path) -> dict[str, Hashable]:
    """Return article id -> gold cluster from a clusters JSONL file."""
    gold: dict[str, Hashable] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "id" not in record or "cluster" not in record:
                raise ConfigError(
                    f"{path}:{number} has no `id` or `cluster`: each line needs both "
                    "(and `text`, `published`) to score stories"
                )
            gold[str(record["id"])] = record["cluster"]
    return gold


def evaluate_clusters(path: Path, settings: Settings, *, db: Path | None = None) -> dict[str, Any]:
    """Code the articles of ``path`` into a store, build stories and score them."""
    from eventcoder.ingest.records import read_jsonl_file
    from eventcoder.runner.local import run_into_store
    from eventcoder.store import Store

    gold = read_gold(path)
    with tempfile.TemporaryDirectory() as folder, \
            Store.open(db or Path(folder) / "clusters.sqlite") as store:
        summary = run_into_store(read_jsonl_file(path, settings), store, settings)
        stories = {r["article_id"]: r["story_id"] for r in store.resolution.stories()}
        merged = store.summary()["merged_events"]
    scores = bcubed(stories, gold)
    return {
        "articles": len(gold), "coded": summary.accepted, "events": sum(summary.events.values()),
        "merged_events": merged, "gold_clusters": len(set(gold.values())),
        "stories": len(set(stories.values())),
        "bcubed_precision": round(scores["precision"], 4),
        "bcubed_recall": round(scores["recall"], 4), "bcubed_f1": round(scores["f1"], 4),
        "adjusted_rand_index": round(adjusted_rand_index(stories, gold), 4),
    }
