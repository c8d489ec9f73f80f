"""The SQLite store: idempotent saves, rejections, queries, summary."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from store_builders import kazakhstan_article, rejected_article

from eventcoder.contract import article_to_json
from eventcoder.errors import StoreError
from eventcoder.model import Article
from eventcoder.store import Store


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("articles", "events", "rejections", "runs")
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def _dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        conn.close()


def test_wal_mode_is_on(store: Store, db_path: Path) -> None:
    assert store.journal_mode == "wal"
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_saving_twice_gives_the_same_rows(filled: Store, db_path: Path, kz: Article,
                                          lagos: Article) -> None:
    first_counts, first_rows = _counts(db_path), _dump(db_path)
    with filled.batch():
        filled.save_article(kz)
        filled.save_article(lagos)
        filled.save_article(rejected_article())
    assert _counts(db_path) == first_counts == {"articles": 2, "events": 8, "rejections": 1,
                                                "runs": 0}
    assert _dump(db_path) == first_rows


def test_resaving_replaces_events_no_longer_produced(filled: Store, kz: Article) -> None:
    kept = kz.with_(events=kz.events[:2])
    filled.save_article(kept)
    ids = {e["id"] for e in filled.events(article_id=kz.id)}
    assert ids == {e.id for e in kz.events[:2]}
    assert filled.summary()["events"] == 4


def test_article_json_round_trips_the_contract(filled: Store, kz: Article) -> None:
    assert filled.article_json(kz.id) == article_to_json(kz)
    assert filled.article_json("no-such-id") is None


def test_rejections_are_kept_with_their_reason(filled: Store) -> None:
    filled.save_article(rejected_article("huge.html", "too_large"))
    rejections = filled.rejections()
    assert sorted(r["reason"] for r in rejections) == ["empty", "too_large"]
    assert {r["origin"] for r in rejections} == {"empty.txt", "huge.html"}
    assert filled.summary()["rejected_by_reason"] == {"empty": 1, "too_large": 1}


def test_save_rejection_of_accepted_article_is_refused(store: Store, kz: Article) -> None:
    with pytest.raises(StoreError, match="save_article"):
        store.save_rejection(kz)


def test_latest_outcome_wins_for_an_article_id(store: Store, kz: Article) -> None:
    store.save_article(kz)
    rejected = kz.with_(rejected=rejected_article().rejected, events=())
    store.save_article(rejected)
    assert store.articles() == [] and store.events() == []
    store.save_article(kz)
    assert store.rejections() == [] and len(store.events()) == 6


def test_events_are_ordered_by_date_with_undated_last(filled: Store) -> None:
    dates = [(e["date"] or {}).get("value") for e in filled.events()]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates[: len(dated)] == dated and dates[len(dated):] == [None, None]
    assert dated[0] == "2020-10-20"


def test_event_dicts_carry_sentence_text_and_article(filled: Store, kz: Article) -> None:
    event = next(e for e in filled.events() if e["plover"]["event"] == "MOBILIZE")
    sentence = event["sentence"]
    assert sentence["text"] == kz.text[sentence["start"]:sentence["end"]]
    assert sentence["text"].startswith("On January 7, Russian peacekeepers")
    assert event["article"]["source"] == "Seed Wire"
    assert datetime.fromisoformat(event["article"]["ingested_at"]).tzinfo is not None


@pytest.mark.parametrize(("filters", "expected"), [
    ({"country": "KZ"}, 5),
    ({"country": "kaz"}, 5),
    ({"country": "Nigeria"}, 2),
    ({"since": "2022-01-05"}, 3),
    ({"since": date(2020, 1, 1), "until": "2020-12-31"}, 2),
    ({"event_type": "riots"}, 3),
    ({"event_type": "REQUEST"}, 1),
    ({"event_type": "Arrests"}, 1),
])
def test_event_filters(filled: Store, filters: dict, expected: int) -> None:
    assert len(filled.events(**filters)) == expected


def test_bad_filters_say_how_to_fix(filled: Store) -> None:
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        filled.events(since="7 January")
    with pytest.raises(StoreError, match="ISO 3166"):
        filled.events(country="Atlantis")


def test_summary_counts_by_type(filled: Store) -> None:
    summary = filled.summary()
    assert summary["accepted"] == 2 and summary["rejected"] == 1 and summary["events"] == 8
    assert summary["events_by_plover"] == {"ASSAULT": 3, "PROTEST": 2, "COERCE": 1,
                                           "MOBILIZE": 1, "REQUEST": 1}
    assert summary["events_by_acled"]["Riots"] == 3
    assert sum(summary["events_by_acled"].values()) == 7  # the appeal is not an ACLED event


def test_articles_list_their_event_counts(filled: Store, kz: Article) -> None:
    listed = {a["id"]: a for a in filled.articles()}
    assert listed[kz.id]["events"] == 6
    assert listed[kz.id]["published"] == "2022-01-07"
    assert len(listed[kz.id]["text_sha256"]) == 64


def test_record_run_is_idempotent(store: Store) -> None:
    started = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    finished = datetime(2024, 5, 1, 12, 5, tzinfo=UTC)
    first = store.record_run(started=started, finished=finished, accepted=2, rejected=1, events=8)
    again = store.record_run(started=started, finished=finished, accepted=2, rejected=1, events=8)
    assert first == again
    assert store.runs() == [{"id": first, "started": "2024-05-01T12:00:00+00:00",
                             "finished": "2024-05-01T12:05:00+00:00", "accepted": 2,
                             "rejected": 1, "events": 8}]


def test_batch_rolls_back_on_error(store: Store, kz: Article) -> None:
    with pytest.raises(RuntimeError), store.batch():
        store.save_article(kz)
        raise RuntimeError("crash inside the batch")
    assert store.summary()["accepted"] == 0


def test_data_survives_reopening(db_path: Path) -> None:
    with Store.open(db_path) as first:
        first.save_article(kazakhstan_article())
    with Store.open(db_path) as second:
        assert second.summary()["events"] == 6
