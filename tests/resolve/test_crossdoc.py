"""Cross-document resolution on the written test set (tests/fixtures/crossdoc/cases.jsonl)."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventcoder.ingest.records import read_jsonl_file
from eventcoder.resolve.crossdoc import merged_events, resolve, unmerge
from eventcoder.runner.local import code_articles
from eventcoder.settings import Settings
from eventcoder.store import Store

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "crossdoc" / "cases.jsonl"
RECORDS = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def coded() -> list[Any]:
    settings = Settings.load(None)
    return list(code_articles(read_jsonl_file(CASES, settings), settings))


def _fill(path: Path, articles: list[Any], batches: int = 1) -> Store:
    store = Store.open(path)
    size = -(-len(articles) // batches)
    for start in range(0, len(articles), size):
        with store.batch():
            for article in articles[start:start + size]:
                store.save_article(article)
        resolve(store)
    return store


@pytest.fixture(scope="module")
def store(coded: list[Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = _fill(tmp_path_factory.mktemp("crossdoc") / "cases.sqlite", coded)
    yield opened
    opened.close()


def _shared(store: Store, case: str) -> set[str]:
    """Merged ids reported by more than one article of ``case``."""
    articles = defaultdict(set)
    for event in store.events():
        if event["article"]["id"].rsplit("-", 1)[0] == case:
            articles[event["merged_id"]].add(event["article"]["id"])
    return {m for m, ids in articles.items() if len(ids) > 1}


def _cases(expect: str) -> list[str]:
    return sorted({r["case"] for r in RECORDS if r["expect"] == expect})


def test_the_set_has_at_least_20_cases() -> None:
    assert len({r["case"] for r in RECORDS}) >= 20


@pytest.mark.parametrize("case", _cases("same") + _cases("update") + _cases("disagree")
                         + _cases("duplicate"))
def test_one_event_told_differently_is_merged(store: Store, case: str) -> None:
    assert _shared(store, case), f"{case}: the reports' events were not merged"


@pytest.mark.parametrize("case", _cases("different"))
def test_different_events_stay_apart(store: Store, case: str) -> None:
    assert not _shared(store, case)


def _merged_of(store: Store, case: str) -> Any:
    shared = _shared(store, case)
    return next(m for m in merged_events(store) if m.id in shared)


@pytest.mark.parametrize("case", _cases("update") + _cases("disagree"))
def test_fatalities_are_reconciled_by_the_stated_rule(store: Store, case: str) -> None:
    expected = next(r["fatalities"] for r in RECORDS if r["case"] == case)
    figure = _merged_of(store, case).figure("fatalities")
    assert figure.value == expected and figure.disagreement
    rule = "latest update" if case in _cases("update") else "lowest figure"
    assert figure.rule.startswith(rule)
    assert len({r.article_id for r in figure.reports}) == 2


def test_a_merge_keeps_its_reason_and_sources(store: Store) -> None:
    merged = _merged_of(store, "peshawar-mosque")
    assert merged.sources == 3 and len(merged.links) >= 2
    reason = merged.links[0]["reason"]
    assert {"type", "days", "km", "actors", "text", "score", "rule"} <= set(reason)
    assert reason["rule"] == "merged" and reason["days"] == 0


def test_wire_copy_is_a_near_duplicate_counted_once(store: Store) -> None:
    links = store.resolution.article_links()
    assert [(k["a"], k["b"]) for k in links] == [("beirut-wire-copy-1", "beirut-wire-copy-2")]
    assert _merged_of(store, "beirut-wire-copy").sources == 1


def test_stories_group_the_articles_of_a_case(store: Store) -> None:
    stories = {r["article_id"]: r["story_id"] for r in store.resolution.stories()}
    assert stories["peshawar-mosque-1"] == stories["peshawar-mosque-3"]
    assert stories["peshawar-mosque-1"] != stories["maiduguri-market-1"]
    assert store.events(article_id="gao-village-1")[0]["article"]["story_id"] == \
        stories["gao-village-1"]


def _snapshot(store: Store) -> tuple:
    events = sorted((e["id"], e["merged_id"], e["article"]["story_id"]) for e in store.events())
    links = [(k["a"], k["b"]) for k in store.resolution.event_links()]
    return events, links


def test_same_result_in_any_order_and_batches(store: Store, coded: list[Any],
                                              tmp_path: Path) -> None:
    shuffled = list(coded)
    random.Random(7).shuffle(shuffled)
    with _fill(tmp_path / "shuffled.sqlite", shuffled, batches=4) as other:
        assert _snapshot(other) == _snapshot(store)


def test_unmerge_splits_and_is_explained(coded: list[Any], tmp_path: Path) -> None:
    with _fill(tmp_path / "split.sqlite", coded) as store:
        event = store.events(article_id="cali-patrol-2")[0]
        assert unmerge(store, event["id"]) >= 1
        assert not _shared(store, "cali-patrol")
        assert any(k["vetoed"] for k in store.resolution.event_links(include_vetoed=True))
        resolve(store)  # a later run does not merge them again
        assert not _shared(store, "cali-patrol")
