"""Measure how the typing model is weighed against the rules, on the project's own dev set.

usage: python tools/tune_typing.py [--dev training/typing-dev/realistic.jsonl] [--model M.npz]
                                   [--write]

The dev set is written like real news excerpts and is never trained on. The
pipeline codes it once with the rules' ACLED label fixed (a rule weight no
probability outweighs) and every model event kept; the decision of
:mod:`eventcoder.extract.classify` is then replayed for each grid point, and
the (rule_weight, new_event) pair with the best macro-F1 over the dev labels
("no ACLED event" included) is found, with the PLOVER rule weight that gives the
best PLOVER type accuracy. Prints the figures of the model's own decision and
of that optimum; ``--write`` stores the optimum in the model (the shipped model
keeps the decision set in train_typing.py: see DECISION there for why).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from eventcoder.extract.classifier import (
    MODEL_PATH,
    NONE,
    Decision,
    load_typing_model,
    save_typing_model,
)
from eventcoder.extract.classify import MODEL_HINT, Scores, decide, model_label
from eventcoder.ingest import article_from_text
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RULES_FIXED = 9.0  # a rule weight no probability can outweigh
STEPS = [round(float(v), 2) for v in np.arange(0.0, 0.81, 0.05)]
THRESHOLDS = [round(float(v), 2) for v in np.arange(0.3, 1.01, 0.05)]
PLOVER_STEPS = [0.0, 0.1, 0.2, 0.3, 0.5, RULES_FIXED]


@dataclass(frozen=True, slots=True)
class Reading:
    """One asserted event as coded with the rules fixed: who found it and what it says."""

    by_model: bool
    rule: str | None
    scores: Scores
    plover: str


def _dev(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _code(rows: list[dict], model: Path, decision: Decision) -> list[list[Reading]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "model.npz")
        save_typing_model(replace(load_typing_model(str(model)), decision=decision), path)
        settings = Settings.load(typing_model=str(path))
        pipeline = Pipeline.build(settings)
        pipeline.warm_up()
        coded = list(pipeline.process(article_from_text(r["text"], settings) for r in rows))
        load_typing_model.cache_clear()
    return [[Reading(e.hint == MODEL_HINT, e.acled_sub_event_type, e.acled_scores, e.plover)
             for e in a.events if e.modality == "asserted"] for a in coded]


def _label(reading: Reading, decision: Decision) -> str | None:
    if not reading.by_model:  # the model re-types a rules' event, never erases it (coding.py)
        return decide(reading.rule, reading.scores, decision.rule_weight) or reading.rule
    best = dict(reading.scores).get(model_label(reading.scores) or NONE, 0.0)
    if best < decision.new_event:
        return None
    return decide(model_label(reading.scores), reading.scores, decision.rule_weight)


def predict(readings: list[Reading], decision: Decision) -> str:
    """The snippet's label under ``decision``: its first event's ACLED sub-type, or NONE."""
    return next((k for r in readings if (k := _label(r, decision))), NONE)


def macro_f1(gold: list[str], guess: list[str]) -> float:
    """Macro-F1 over the gold labels."""
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, guess, strict=True))
        predicted, support = guess.count(label), gold.count(label)
        scores.append(2 * tp / (predicted + support) if predicted + support else 0.0)
    return round(sum(scores) / len(scores), 4)


def plover_accuracy(rows: list[dict], coded: list[list[Reading]]) -> float:
    """Share of rows with a gold PLOVER type whose first event has that type."""
    pairs = [(r["plover"], c[0].plover if c else None) for r, c in zip(rows, coded, strict=True)
             if r.get("plover")]
    return round(sum(g == p for g, p in pairs) / len(pairs), 4)


def tune(rows: list[dict], model: Path) -> tuple[Decision, dict]:
    """The best decision on ``rows``, and the figures of it and of the model's own."""
    plover = {w: plover_accuracy(rows, _code(rows, model, Decision(RULES_FIXED, 0.0, w)))
              for w in PLOVER_STEPS}
    pw = max(plover, key=lambda w: (plover[w], w))
    coded = _code(rows, model, Decision(RULES_FIXED, 0.0, pw))
    gold = [r["acled"] or NONE for r in rows]
    fit = {(w, t): macro_f1(gold, [predict(c, Decision(w, t, pw)) for c in coded])
           for w in [*STEPS, RULES_FIXED] for t in THRESHOLDS}
    w, t = max(fit, key=lambda k: (fit[k], k))
    own = load_typing_model(str(model)).decision
    own_plover = plover_accuracy(rows, _code(rows, model, Decision(RULES_FIXED, 0.0,
                                                                   own.plover_rule_weight)))
    figures = {"dev_rows": len(rows), "acled_macro_f1_rules_only": fit[RULES_FIXED, 1.0],
               "acled_macro_f1_shipped": macro_f1(gold, [predict(c, own) for c in coded]),
               "acled_macro_f1_new_events_only": macro_f1(gold, [
                   predict(c, Decision(RULES_FIXED, own.new_event, pw)) for c in coded]),
               "acled_macro_f1_best": fit[w, t], "plover_accuracy_rules_only": plover[RULES_FIXED],
               "plover_accuracy_shipped": own_plover, "plover_accuracy_best": plover[pw],
               "best": {"rule_weight": w, "new_event": t, "plover_rule_weight": pw}}
    return Decision(w, t, pw), figures


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: measure on the dev set; ``--write`` stores the optimum."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path,
                        default=ROOT / "training" / "typing-dev" / "realistic.jsonl")
    parser.add_argument("--model", type=Path, default=MODEL_PATH)
    parser.add_argument("--write", action="store_true", help="store the dev optimum")
    args = parser.parse_args(argv)
    decision, figures = tune(_dev(args.dev), args.model)
    if args.write:
        model = replace(load_typing_model(str(args.model)), decision=decision)
        save_typing_model(model, args.model)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
