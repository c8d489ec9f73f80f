"""Scoring PLOVER event typing and actors on the PLOVER gold standard records.

The format (openeventdata/PLOVER ``PLOVER_GSR_CAMEO.txt`` as a JSON list): one
record per sentence with ``id``, ``text``, ``event`` (an older 18-type PLOVER
draft label), ``source`` and ``target`` (lists of ``{"actorText", "code", ...}``;
a ``target`` that is a string or absent means no target). Records whose
``event`` is ``DOCUMENT`` document the file and are skipped.
:data:`OLD_TO_CURRENT` maps the draft labels to the 16 current PLOVER types.

Figures returned by :func:`evaluate_plover`:

- ``type_accuracy``: the *best* event of a record is its first event (by
  trigger offset) whose ``plover`` equals the mapped gold type, else its first
  event; the record is right when that type equals gold. A record with no
  event counts as wrong;
- ``coverage``: share of records with at least one event;
- ``actor1_match`` / ``actor2_match``: over the records with gold source
  (resp. target) actors, share whose best event's actor1 (resp. actor2)
  matches one of them. Match rule (:func:`actor_matches`): case-insensitive
  containment either way, on whole words: the gold ``actorText`` contains, or
  is contained in, the actor's span text or its canonical name, both read as
  sequences of words (letters and digits; punctuation and spacing ignored), so
  "U.S." matches "the U.S. envoy" but a span "set" does not match "settlers".
  No event or no such actor is a miss;
- ``actor1_match_text`` / ``actor2_match_text``: the same with the actor's span
  text only, leaving out the canonical name (a name such as "Rioters (United
  States)" contains a country that the gold actor may name for another reason);
- ``per_type`` (support, correct, accuracy and records without any event, per
  gold type) and ``top_confusions`` (the most frequent gold/predicted type pairs
  that differ, among records with an event; the records without one are
  counted by ``coverage`` and ``per_type``).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import ResourceError
from eventcoder.ingest import article_from_text
from eventcoder.model import Actor, Article, Event
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

__all__ = ["OLD_TO_CURRENT", "PloverRecord", "Prediction", "actor_matches", "best_event",
           "evaluate_plover", "predict", "read_plover", "score_plover"]

log = logging.getLogger(__name__)

TOP_CONFUSIONS = 10

# Older PLOVER draft label (gold records, version 0.5b1) -> (current PLOVER type, why).
OLD_TO_CURRENT: dict[str, tuple[str, str]] = {
    "AGREE": ("AGREE", "unchanged: expressed intent to cooperate, agree (CAMEO 03)"),
    "CONSULT": ("CONSULT", "unchanged: meetings, visits, negotiations (CAMEO 04)"),
    "SUPPORT": ("SUPPORT", "unchanged: praise, endorse, verbal cooperation (CAMEO 05)"),
    "COOPERATE": ("COOPERATE", "unchanged: material cooperation (CAMEO 06)"),
    "AID": ("AID", "unchanged: economic, military, humanitarian aid (CAMEO 07)"),
    "CONCEDE": ("CONCEDE", "unchanged: verbal yielding: ease restrictions, lift curfews, "
                "pardon, apologise, accede to demands (CAMEO 08x)"),
    "RETREAT": ("RETREAT", "unchanged: material yielding: release captives, return property, "
                "withdraw, disarm, resign (CAMEO 08x)"),
    "INVESTIGATE": ("ACCUSE", "folded into ACCUSE as its 'investigate' mode (CAMEO 09)"),
    "DEMAND": ("REQUEST", "renamed REQUEST: demands and appeals (CAMEO 10)"),
    "DISAPPROVE": ("ACCUSE", "renamed ACCUSE, mode 'disapprove': criticise, accuse (CAMEO 11)"),
    "REJECT": ("REJECT", "unchanged: reject, refuse, defy (CAMEO 12)"),
    "THREATEN": ("THREATEN", "unchanged: threats of force or sanctions (CAMEO 13)"),
    "PROTEST": ("PROTEST", "unchanged: demonstrations, strikes, riots (CAMEO 14)"),
    "MOBILIZE": ("MOBILIZE", "unchanged: raise police or military alert (CAMEO 15)"),
    "SANCTION": ("SANCTION", "unchanged: reduce relations, stop aid, expel (CAMEO 16)"),
    "COERCE": ("COERCE", "unchanged: arrests, bans, curfews, seizures (CAMEO 17)"),
    "ASSAULT": ("ASSAULT", "unchanged: unconventional violence (CAMEO 18, 20)"),
    "FIGHT": ("ASSAULT", "merged into ASSAULT: conventional military force (CAMEO 19)"),
}

SKIPPED = "DOCUMENT"
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold sentence: text, current PLOVER type and gold actor texts."""

    id: str
    text: str
    label: str  # the draft label as written in the file
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    @property
    def plover(self) -> str:
        """The gold label mapped to the current PLOVER type."""
        return OLD_TO_CURRENT[self.label][0]


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the pipeline coded for one record: the best event's type and actors.

    ``actor1``/``actor2`` hold the actor's span text then its canonical name.
    """

    plover: str | None = None
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()


def _actor_texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):  # "" or "diplomatic" in a few records: no actor
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def _record(raw: dict, path: Path) -> PloverRecord:
    label = raw.get("event")
    if label not in OLD_TO_CURRENT:
        raise ResourceError(f"{path}: record {raw.get('id')!r} has unknown event {label!r}; "
                            f"expected one of {', '.join(OLD_TO_CURRENT)} or {SKIPPED}")
    return PloverRecord(str(raw.get("id")), raw.get("text") or "", label,
                        _actor_texts(raw.get("source")), _actor_texts(raw.get("target")))


def read_plover(json_path: Path, limit: int | None = None) -> list[PloverRecord]:
    """Read PLOVER gold standard records (a JSON list), skipping DOCUMENT records."""
    path = Path(json_path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ResourceError(f"can't read PLOVER gold {path}: {err}; give a JSON list of "
                            "PLOVER gold standard records") from err
    if not isinstance(raw, list):
        raise ResourceError(f"{path} holds a {type(raw).__name__}: give a JSON list of records")
    records = [_record(r, path) for r in raw if isinstance(r, dict) and r.get("event") != SKIPPED]
    return records if limit is None else records[:limit]


def _words(text: str) -> str:
    words = WORD.findall(text.lower())
    return f" {' '.join(words)} " if words else ""


def actor_matches(texts: Iterable[str], gold: Iterable[str]) -> bool:
    """Whether any of ``texts`` contains, or is contained in, any gold actor text.

    Case-insensitive, on whole words (punctuation and spacing ignored); a text
    without words never matches.
    """
    ours = [t for t in map(_words, texts) if t]
    theirs = [g for g in map(_words, gold) if g]
    return any(o in g or g in o for o in ours for g in theirs)


def best_event(article: Article, gold_type: str) -> Event | None:
    """The first event (by trigger offset) whose type is ``gold_type``, else the first event."""
    events = sorted(article.events, key=lambda e: (e.trigger.start, e.trigger.end))
    return next((e for e in events if e.plover == gold_type), events[0] if events else None)


def _texts(actor: Actor | None) -> tuple[str, ...]:
    return (actor.span.text, actor.name) if actor else ()


def predict(article: Article, gold_type: str) -> Prediction:
    """The :class:`Prediction` of a coded article, choosing the best event for ``gold_type``."""
    event = best_event(article, gold_type)
    if event is None:
        return Prediction()
    target = event.actor("actor2") or event.actor("recipient")
    return Prediction(event.plover, _texts(event.actor("actor1")), _texts(target))


def _coded(texts: Iterable[str], settings: Settings) -> Iterator[Article]:
    pipeline = Pipeline.build(settings)
    pipeline.warm_up()
    return pipeline.process(article_from_text(t, settings) for t in texts)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _per_type(records: Sequence[PloverRecord], predictions: Sequence[Prediction]) -> dict:
    support = Counter(r.plover for r in records)
    pairs = list(zip(records, predictions, strict=True))
    right = Counter(r.plover for r, p in pairs if r.plover == p.plover)
    missed = Counter(r.plover for r, p in pairs if p.plover is None)
    return {t: {"support": n, "correct": right[t], "accuracy": _ratio(right[t], n),
                "no_event": missed[t]} for t, n in sorted(support.items())}


def _confusions(records: Sequence[PloverRecord], predictions: Sequence[Prediction]) -> list:
    pairs = Counter((r.plover, p.plover) for r, p in zip(records, predictions, strict=True)
                    if p.plover is not None and r.plover != p.plover)
    return [{"gold": g, "predicted": p, "count": n}
            for (g, p), n in pairs.most_common(TOP_CONFUSIONS)]


def _actor_rate(pairs: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> tuple[int, float]:
    scored = [(ours, gold) for ours, gold in pairs if gold]
    return len(scored), _ratio(sum(actor_matches(o, g) for o, g in scored), len(scored))


def score_plover(records: Sequence[PloverRecord], predictions: Sequence[Prediction]) -> dict:
    """Score one :class:`Prediction` per gold record (see the module docstring)."""
    if len(records) != len(predictions):
        raise ValueError(f"{len(records)} records but {len(predictions)} predictions: "
                         "give one prediction per record")
    pairs = list(zip(records, predictions, strict=True))
    with_source, actor1 = _actor_rate([(p.actor1, r.sources) for r, p in pairs])
    with_target, actor2 = _actor_rate([(p.actor2, r.targets) for r, p in pairs])
    _, actor1_text = _actor_rate([(p.actor1[:1], r.sources) for r, p in pairs])
    _, actor2_text = _actor_rate([(p.actor2[:1], r.targets) for r, p in pairs])
    return {
        "records": len(pairs),
        "coverage": _ratio(sum(p.plover is not None for p in predictions), len(pairs)),
        "type_accuracy": _ratio(sum(r.plover == p.plover for r, p in pairs), len(pairs)),
        "records_with_source": with_source,
        "actor1_match": actor1,
        "actor1_match_text": actor1_text,
        "records_with_target": with_target,
        "actor2_match": actor2,
        "actor2_match_text": actor2_text,
        "per_type": _per_type(records, predictions),
        "top_confusions": _confusions(records, predictions),
    }


def evaluate_plover(json_path: Path, settings: Settings, limit: int | None = None) -> dict:
    """Code every PLOVER gold record's sentence and return :func:`score_plover`'s figures.

    Sentences go through :meth:`Pipeline.process` in batches; ``limit`` reads
    only the first records; ``rejected`` counts sentences the pipeline refused
    (they have no event).
    """
    records = read_plover(Path(json_path), limit)
    predictions: list[Prediction] = []
    rejected = 0
    for record, article in zip(records, _coded((r.text for r in records), settings), strict=True):
        rejected += article.rejected is not None
        predictions.append(predict(article, record.plover))
    log.info("coded %d PLOVER records (%d rejected)", len(records), rejected)
    return {**score_plover(records, predictions), "rejected": rejected}
