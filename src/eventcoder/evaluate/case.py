"""Scoring ACLED sub-event typing on CASE 2021 task 2 format data.

The format (the CASE 2021 shared task on socio-political events, task 2): a
tab-separated file with a header ``id``, ``EventSnippet``, ``SubType``; one
short event report a line, no quoting. ``SubType`` is one of 30 labels: 25 name
ACLED's sub-event types, five (disasters, diplomacy, organised crime,
attribution) are events ACLED does not code, where the right answer is "no ACLED
event". :data:`CASE_TO_ACLED` maps every label.

Prediction: each snippet is coded by the whole pipeline; its prediction is the
``acled_sub_event_type`` of the first event, *by trigger offset* (smallest
``trigger.start``, ties broken by ``trigger.end``), whose ``acled_event_type``
is set; a snippet with no such event (or a rejected one) predicts None, "no
ACLED event".

Figures returned by :func:`evaluate_case` (see :func:`score_case`):

- ``macro_f1``: per-class F1 averaged over the ACLED sub-types present in the
  gold data; a None prediction on an ACLED snippet is a miss of its class, an
  ACLED prediction on a non-ACLED snippet a false positive of the class predicted;
- ``accuracy``: share of all snippets whose prediction equals the gold answer
  (None for the non-ACLED labels);
- ``accuracy_acled``: the same over the snippets with an ACLED gold sub-type;
- ``event_type_accuracy_acled``: ACLED *event type* (the sub-type's parent) right,
  over the same snippets;
- ``non_acled_accuracy``: share of non-ACLED snippets predicted None;
- ``per_class``: support, predicted, true positives, precision, recall and F1
  of each ACLED sub-type; ``non_acled_by_label``: support and correct (None)
  predictions of each non-ACLED label;
- ``top_confusions``: the most frequent (gold, predicted) pairs that differ.
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import ResourceError
from eventcoder.ingest import article_from_text
from eventcoder.model import Article
from eventcoder.ontology.acled import ACLED_SUB_TYPES
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

__all__ = ["CASE_TO_ACLED", "CaseItem", "evaluate_case", "predict_sub_type", "read_case",
           "score_case"]

log = logging.getLogger(__name__)

NO_EVENT = "no ACLED event"  # how None reads in confusion pairs
TOP_CONFUSIONS = 10

# CASE 2021 label -> ACLED sub-event type, exactly as ACLED spells it; None: not an ACLED event.
CASE_TO_ACLED: dict[str, str | None] = {
    # Battles
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    # Explosions/Remote violence
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    # Violence against civilians
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    # Protests
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    # Riots
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    # Strategic developments
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",  # sic: the task's spelling
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    # Outside ACLED: the right answer is no ACLED event
    "NATURAL_DISASTER": None,
    "MAN_MADE_DISASTER": None,
    "DIPLO": None,
    "ORG_CRIME": None,
    "ATTRIB": None,
}

COLUMNS = ("id", "EventSnippet", "SubType")


@dataclass(frozen=True, slots=True)
class CaseItem:
    """One gold snippet: its id, text and CASE label."""

    id: str
    text: str
    label: str

    @property
    def sub_type(self) -> str | None:
        """The gold ACLED sub-event type, None for the labels outside ACLED."""
        return CASE_TO_ACLED[self.label]


def _item(row: dict, path: Path, line: int) -> CaseItem:
    label = (row.get("SubType") or "").strip()
    if label not in CASE_TO_ACLED:
        raise ResourceError(f"{path}:{line}: unknown CASE label {label!r}; expected one of "
                            f"{', '.join(sorted(CASE_TO_ACLED))}")
    return CaseItem(str(row["id"]).strip(), row.get("EventSnippet") or "", label)


def read_case(tsv_path: Path, limit: int | None = None) -> list[CaseItem]:
    """Read a CASE 2021 task 2 TSV (header ``id``, ``EventSnippet``, ``SubType``)."""
    path = Path(tsv_path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise ResourceError(f"{path} lacks column(s) {', '.join(missing)}: give a "
                                    "tab-separated file with header id, EventSnippet, SubType")
            rows = [_item(row, path, n + 2) for n, row in enumerate(reader)
                    if limit is None or n < limit]
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(f"can't read CASE gold {path}: {err}; give a UTF-8 TSV file") from err
    return rows


def predict_sub_type(article: Article) -> str | None:
    """The ACLED sub-type of the article's first ACLED event by trigger offset, or None."""
    coded = [e for e in article.events if e.acled_event_type is not None]
    if not coded:
        return None
    first = min(coded, key=lambda e: (e.trigger.start, e.trigger.end))
    return first.acled_sub_event_type


def _coded(texts: Iterable[str], settings: Settings) -> Iterator[Article]:
    pipeline = Pipeline.build(settings)
    pipeline.warm_up()
    return pipeline.process(article_from_text(t, settings) for t in texts)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _f1(tp: int, predicted: int, support: int) -> dict:
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"support": support, "predicted": predicted, "true_positives": tp,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _per_class(gold: Sequence[str | None], predicted: Sequence[str | None]) -> dict[str, dict]:
    support = Counter(g for g in gold if g is not None)
    guessed = Counter(p for p in predicted if p is not None)
    hits = Counter(g for g, p in zip(gold, predicted, strict=True) if g is not None and g == p)
    order = [s for s in ACLED_SUB_TYPES if s in support]
    return {s: _f1(hits[s], guessed[s], support[s]) for s in order}


def _confusions(gold: Sequence[str | None], predicted: Sequence[str | None]) -> list[dict]:
    pairs = Counter((g or NO_EVENT, p or NO_EVENT)
                    for g, p in zip(gold, predicted, strict=True) if g != p)
    return [{"gold": g, "predicted": p, "count": n}
            for (g, p), n in pairs.most_common(TOP_CONFUSIONS)]


def _non_acled(labels: Sequence[str], predicted: Sequence[str | None]) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for label, guess in zip(labels, predicted, strict=True):
        if CASE_TO_ACLED[label] is None:
            row = table.setdefault(label, {"support": 0, "correct": 0})
            row["support"] += 1
            row["correct"] += guess is None
    return dict(sorted(table.items()))


def score_case(labels: Sequence[str], predicted: Sequence[str | None]) -> dict:
    """Score predicted ACLED sub-types (None: no event) against gold CASE ``labels``."""
    if len(labels) != len(predicted):
        raise ValueError(f"{len(labels)} gold labels but {len(predicted)} predictions: "
                         "give one prediction per gold snippet")
    gold = [CASE_TO_ACLED[label] for label in labels]
    per_class = _per_class(gold, predicted)
    acled = [(g, p) for g, p in zip(gold, predicted, strict=True) if g is not None]
    outside = [p for g, p in zip(gold, predicted, strict=True) if g is None]
    parent = lambda sub: ACLED_SUB_TYPES.get(sub) if sub else None  # noqa: E731
    return {
        "snippets": len(gold),
        "acled_snippets": len(acled),
        "non_acled_snippets": len(outside),
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(per_class), 4)
        if per_class else 0.0,
        "accuracy": _ratio(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(gold)),
        "accuracy_acled": _ratio(sum(g == p for g, p in acled), len(acled)),
        "event_type_accuracy_acled": _ratio(sum(parent(g) == parent(p) for g, p in acled),
                                            len(acled)),
        "non_acled_accuracy": _ratio(sum(p is None for p in outside), len(outside)),
        "per_class": per_class,
        "non_acled_by_label": _non_acled(labels, predicted),
        "top_confusions": _confusions(gold, predicted),
    }


def evaluate_case(tsv_path: Path, settings: Settings, limit: int | None = None) -> dict:
    """Code every snippet of a CASE 2021 task 2 TSV and return :func:`score_case`'s figures.

    Snippets go through :meth:`Pipeline.process` in batches; ``limit`` reads
    only the first snippets; ``rejected`` counts snippets the pipeline refused
    (they predict None).
    """
    items = read_case(Path(tsv_path), limit)
    predicted: list[str | None] = []
    rejected = 0
    for article in _coded((i.text for i in items), settings):
        rejected += article.rejected is not None
        predicted.append(predict_sub_type(article))
    log.info("coded %d CASE snippets (%d rejected)", len(items), rejected)
    return {**score_case([i.label for i in items], predicted), "rejected": rejected}
