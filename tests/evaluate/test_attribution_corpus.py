"""The attribution corpus: the scorer's bookkeeping, and the pipeline held to its floor.

The floor is read from docs/attribution.md ("Floor: **0.NN**"), so lowering it
is a visible change to the documentation, not to this file.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.evaluate.attribution import (
    AttributionItem,
    evaluate_attribution,
    find_event,
    read_corpus,
    score_item,
    score_items,
)
from eventcoder.model import Article, ArticleMeta, Attribution, Event, Span

ROOT = Path(__file__).parent.parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "attribution" / "corpus.jsonl"
DOC = ROOT / "docs" / "attribution.md"
CONSTRUCTIONS = {
    "said_that", "said_postposed", "according_to", "direct_quote", "quote_across_sentences",
    "it_was_noted", "it_became_known", "reportedly", "allegedly", "sources_said", "chain",
    "carry_over", "author", "claim_vs_assert", "loaded_label", "negated_by_source", "future",
}


def _floor() -> float:
    found = re.search(r"Floor: \*\*(0\.\d+)\*\*", DOC.read_text(encoding="utf-8"))
    assert found, f"{DOC} must state the regression floor as 'Floor: **0.NN**'"
    return float(found.group(1))


def _item(id: str, kind: str = "attributed", keys: tuple[str, ...] = ("police",),
          verb: str | None = "said", trigger: str = "detained") -> AttributionItem:
    return AttributionItem(id, "", None, trigger, kind, None, keys, verb, "asserted",
                           f"hand-{id}")


def _article(text: str, trigger: str, attr: Attribution, modality: str = "asserted") -> Article:
    start = text.index(trigger)
    span = Span(start, start + len(trigger), trigger)
    event = Event("e1", span, Span(0, len(text), text), "COERCE", attribution=attr,
                  modality=modality)
    return Article(ArticleMeta("a"), text, events=(event,))


def _said(text: str, source: str, verb: str) -> Attribution:
    start, vstart = text.index(source), text.index(verb)
    return Attribution("attributed", source, Span(start, start + len(source), source),
                       Span(vstart, vstart + len(verb), verb))


@pytest.fixture(scope="module")
def hand_results():
    text = "Police detained 40 people in Minsk, the ministry said."
    right = score_item(_item("1"), _article(text, "detained", _said(text, "Police", "said")))
    wrong = score_item(_item("2", keys=("interior ministry",)),
                       _article(text, "detained", _said(text, "the ministry", "said"), "future"))
    missing = score_item(_item("3", trigger="shelled"),
                         _article(text, "detained", Attribution("author")))
    return [right, wrong, missing]


def test_bookkeeping_on_hand_made_items(hand_results):
    report = score_items(hand_results)
    assert report["items"] == 3 and report["correct"] == 1
    assert report["accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert report["accuracy_when_found"] == 0.5
    assert report["no_event"] == 1
    assert report["modality_accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert [(m["id"], m["reason"]) for m in report["misses"]] == [("2", "source"),
                                                                  ("3", "no event")]
    assert report["misses"][1]["got"] is None
    assert [m["id"] for m in report["modality_misses"]] == ["2"]
    assert report["by_construction"]["hand-1"] == {"items": 1, "correct": 1, "accuracy": 1.0}


def test_unattributed_item_needs_a_null_source():
    text = "Police detained 40 people in Minsk, the ministry said."
    article = _article(text, "detained", _said(text, "the ministry", "said"))
    result = score_item(_item("4", kind="unattributed", keys=()), article)
    assert not result.kind_ok and not result.source_ok and result.verb_ok
    assert result.reason == "kind+source"


def test_trigger_found_among_merged_mentions():
    text = "Police detained and beat 40 people in Minsk."
    article = _article(text, "detained", Attribution("author"))
    event = article.events[0]
    merged = article.with_(events=(Event(event.id, event.trigger, event.sentence, "COERCE",
                                         mentions=(Span(20, 24, "beat"),)),))
    assert find_event(merged, "BEAT") is merged.events[0]
    assert find_event(merged, "shelled") is None


def test_attributed_item_without_keys_is_refused(tmp_path):
    row = {"id": "x", "text": "Police detained 40 people.", "published": "2020-08-10",
           "trigger": "detained", "kind": "attributed", "source": "Police",
           "source_keys": [], "verb": None, "modality": "asserted", "construction": "author"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="source_keys"):
        read_corpus(bad)


def test_corpus_covers_every_construction():
    items = read_corpus(CORPUS)
    counts = Counter(i.construction for i in items)
    assert len(items) >= 90
    assert set(counts) == CONSTRUCTIONS
    assert min(counts.values()) >= 5
    assert len({i.id for i in items}) == len(items)
    assert all(i.trigger.lower() in i.text.lower() for i in items)


@pytest.fixture(scope="session")
def corpus_report(pipeline, settings):
    return evaluate_attribution(CORPUS, settings, pipeline)


def test_corpus_accuracy_holds_the_floor(corpus_report):
    misses = "\n".join(f"{m['id']}: {m['reason']}" for m in corpus_report["misses"])
    assert corpus_report["accuracy"] >= _floor(), f"attribution regressed; misses:\n{misses}"


def test_report_breaks_down_every_construction(corpus_report):
    assert set(corpus_report["by_construction"]) == CONSTRUCTIONS
    assert corpus_report["items"] == sum(
        c["items"] for c in corpus_report["by_construction"].values())
    assert len(corpus_report["misses"]) == corpus_report["items"] - corpus_report["correct"]
