"""Scoring actor1/actor2 on the project's own annotated sentences.

The format (``training/typing/plover-*.jsonl``): one JSON object a line with
``text``, ``plover`` (the current PLOVER type) and ``source``/``target``, the
exact text of the source and target actor, or ``null`` when there is none.

Each sentence is coded by the pipeline; its best event is chosen and its
actors matched exactly as :mod:`eventcoder.evaluate.plover` does
(:func:`~eventcoder.evaluate.plover.best_event`,
:func:`~eventcoder.evaluate.plover.actor_matches`). Figures returned by
:func:`evaluate_actors`:

- ``records``, ``records_with_source``, ``records_with_target``;
- ``actor1_match`` / ``actor2_match``: over the records with a gold source
  (resp. target), share whose best event's actor1 (resp. actor2) matches it;
- ``per_type``: the same two figures (with their support) per gold PLOVER type;
- ``misses``: one entry per miss, with the sentence, the role, the gold text
  and what was coded (span text and canonical name, empty when nothing was).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import ResourceError
from eventcoder.evaluate.plover import Prediction, actor_matches, predict
from eventcoder.ingest import article_from_text
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

__all__ = ["ActorRecord", "evaluate_actors", "read_actor_records", "score_actors"]

ROLES = (("actor1", "source"), ("actor2", "target"))


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One annotated sentence: its text, PLOVER type and gold actor texts."""

    line: int
    text: str
    plover: str
    source: str | None = None
    target: str | None = None


def _record(raw: object, path: Path, line: int) -> ActorRecord:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw.get("plover"):
        raise ResourceError(f"{path}:{line}: expected an object with \"text\", \"plover\", "
                            "\"source\" and \"target\"; fix or remove that line")
    return ActorRecord(line, raw["text"], str(raw["plover"]), raw.get("source") or None,
                       raw.get("target") or None)


def read_actor_records(jsonl_path: Path) -> list[ActorRecord]:
    """Read annotated sentences, one JSON object a line (blank lines skipped)."""
    path = Path(jsonl_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [_record(json.loads(text), path, n) for n, text in enumerate(lines, 1)
                if text.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ResourceError(f"can't read annotated sentences {path}: {err}; give a JSON "
                            "lines file with \"text\", \"plover\", \"source\", \"target\"") from err


def _coded(texts: Iterable[str], settings: Settings) -> Iterator[Article]:
    pipeline = Pipeline.build(settings)
    pipeline.warm_up()
    return pipeline.process(article_from_text(t, settings) for t in texts)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _gold(record: ActorRecord, key: str) -> str | None:
    return record.source if key == "source" else record.target


def _rate(pairs: Sequence[tuple[ActorRecord, Prediction]], role: str, key: str) -> dict:
    scored = [(r, p) for r, p in pairs if _gold(r, key)]
    right = sum(actor_matches(getattr(p, role), [_gold(r, key)]) for r, p in scored)
    return {"support": len(scored), "match": _ratio(right, len(scored))}


def _misses(pairs: Sequence[tuple[ActorRecord, Prediction]]) -> list[dict]:
    return [{"line": r.line, "plover": r.plover, "predicted_type": p.plover, "role": role,
             "gold": _gold(r, key), "coded": list(getattr(p, role)), "text": r.text}
            for r, p in pairs for role, key in ROLES
            if _gold(r, key) and not actor_matches(getattr(p, role), [_gold(r, key)])]


def score_actors(records: Sequence[ActorRecord], predictions: Sequence[Prediction]) -> dict:
    """Score one :class:`Prediction` per record (see the module docstring)."""
    if len(records) != len(predictions):
        raise ValueError(f"{len(records)} records but {len(predictions)} predictions: "
                         "give one prediction per record")
    pairs = list(zip(records, predictions, strict=True))
    first, second = (_rate(pairs, role, key) for role, key in ROLES)
    per_type = {t: {role: _rate([(r, p) for r, p in pairs if r.plover == t], role, key)
                    for role, key in ROLES}
                for t in sorted({r.plover for r in records})}
    return {"records": len(pairs), "records_with_source": first["support"],
            "actor1_match": first["match"], "records_with_target": second["support"],
            "actor2_match": second["match"], "per_type": per_type, "misses": _misses(pairs)}


def evaluate_actors(jsonl_path: Path, settings: Settings) -> dict:
    """Code every annotated sentence and return :func:`score_actors`'s figures."""
    records = read_actor_records(Path(jsonl_path))
    articles = _coded((r.text for r in records), settings)
    predictions = [predict(a, r.plover) for r, a in zip(records, articles, strict=True)]
    return score_actors(records, predictions)
