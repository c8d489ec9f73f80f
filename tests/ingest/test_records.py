"""JSONL, JSON and CSV/TSV corpora."""

from __future__ import annotations

import json
from datetime import date

from eventcoder.ingest import read_jsonl
from eventcoder.ingest.records import read_csv_file, read_json_file, read_jsonl_file
from eventcoder.model import content_id


def _by_id(articles):
    return {a.id: a for a in articles}


def test_jsonl_file_order_ids_and_rejections(fixtures, settings):
    articles = list(read_jsonl_file(fixtures / "corpus.jsonl", settings))
    fourth_text = json.loads((fixtures / "corpus.jsonl").read_text().splitlines()[4])["text"]
    assert [a.id for a in articles] == [
        "wire-001", "wire-002", "wire-003", content_id(fourth_text), "5", "wire-006", "wire-007",
    ]  # fmt: skip
    assert [a.rejected.reason if a.rejected else None for a in articles] == [
        None, None, "malformed", None, "missing_text", "not_english", None,
    ]  # fmt: skip
    assert articles[2].rejected.origin.endswith("corpus.jsonl:3")
    assert "line 3 is not JSON" in articles[2].rejected.detail


def test_jsonl_meta(fixtures, settings):
    articles = _by_id(read_jsonl_file(fixtures / "corpus.jsonl", settings))
    first = articles["wire-001"]
    assert first.meta.title == "Two killed in Taraz"
    assert first.meta.published == date(2022, 1, 6)
    assert (first.meta.source, first.meta.url) == (
        "Caspian Wire",
        "https://caspianwire.example/taraz",
    )
    assert articles["wire-002"].meta.published is None  # "published": null
    assert articles["wire-007"].meta.published is None  # "next tuesday": warned, kept
    assert articles["wire-007"].rejected is None


def test_read_jsonl_lines_one_article_per_line(settings):
    lines = [
        '{"id": "b", "text": "Troops fired on crowds in Almaty on Thursday, witnesses said."}\n',
        "\n",
        '{"id": "a", "text": "Banks reopened in Almaty on Monday after a week of unrest."}\n',
        '{"id": "c", "text": "cut off here\n',
        "[1, 2]\n",
        '{"id": "e", "text": 42}\n',
    ]
    articles = list(read_jsonl(lines, settings))
    assert [a.id for a in articles] == ["b", "a", "c", "line-5", "e"]
    assert [a.meta.origin for a in articles] == [f"<stdin>:{n}" for n in (1, 3, 4, 5, 6)]
    assert [a.rejected.reason if a.rejected else None for a in articles] == [
        None, None, "malformed", "malformed", "malformed",
    ]  # fmt: skip
    assert "expected an object" in articles[3].rejected.detail
    assert "'text' is a int" in articles[4].rejected.detail


def test_jsonl_ids_are_stable(fixtures, settings):
    first = [a.id for a in read_jsonl_file(fixtures / "corpus.jsonl", settings)]
    second = [a.id for a in read_jsonl_file(fixtures / "corpus.jsonl", settings)]
    assert first == second


def test_jsonl_overlong_line_is_skipped_without_stopping(tmp_path, settings):
    small = settings.updated(max_chars=100)
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "huge", "text": "x" * 200_000})
    ok = json.dumps({"id": "ok", "text": "Police detained 40 people in Aktobe on Saturday."})
    path.write_text(f"{huge}\n{ok}\n", encoding="utf-8")
    articles = list(read_jsonl_file(path, small))
    assert [a.id for a in articles] == ["line-1", "ok"]
    assert articles[0].rejected.reason == "too_large"
    assert articles[1].rejected is None


def test_jsonl_line_not_utf8(tmp_path, settings):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        '{"id": "x", "text": "Caf\u00e9 owners protested in Aktau today."}\n'.encode("latin-1")
    )
    (article,) = read_jsonl_file(path, settings)
    assert article.rejected.reason == "unreadable"
    assert "UTF-8" in article.rejected.detail


def test_json_list(fixtures, settings):
    first, second, third = read_json_file(fixtures / "corpus-list.json", settings)
    assert first.id == "list-1"
    assert first.meta.published == date(2022, 1, 5)
    assert first.meta.title == "State of emergency declared nationwide"
    assert second.id == "list-2" and second.text.startswith("Russian paratroopers")  # from "body"
    assert third.rejected.reason == "malformed"


def test_json_single_object(fixtures, settings):
    (article,) = read_json_file(fixtures / "single-record.json", settings)
    assert article.id == "one-1"
    assert article.meta.published == date(2022, 1, 10)


def test_json_that_is_not_json(fixtures, settings):
    (article,) = read_json_file(fixtures / "corpus.jsonl", settings)
    assert article.rejected.reason == "malformed"
    assert "not JSON" in article.rejected.detail


def test_csv_rows(fixtures, settings):
    articles = list(read_csv_file(fixtures / "corpus.csv", settings))
    assert [a.id for a in articles] == ["csv-1", "csv-2", "csv-3", "csv-4"]
    assert articles[0].meta.published == date(2022, 1, 10)
    assert articles[0].meta.url == "https://steppe.example/curfew"
    assert articles[1].meta.title == 'Tokayev names new prime minister, "a technocrat"'
    assert articles[1].text.endswith("unrest.\nParliament approved the nomination unanimously.")
    assert articles[1].meta.url is None
    assert articles[2].rejected.reason == "missing_text"
    assert articles[3].meta.published is None  # "Wed 12 Jan 2022" is not an accepted format


def test_tsv_with_content_column(fixtures, settings):
    (article,) = read_csv_file(fixtures / "corpus.tsv", settings)
    assert article.id == "t-1"
    assert article.text.startswith("Authorities lifted the curfew in Aktobe")


def test_csv_without_text_column(fixtures, settings):
    (article,) = read_csv_file(fixtures / "no-text-column.csv", settings)
    assert article.rejected.reason == "missing_text"
    assert "header row" in article.rejected.detail


def test_csv_bad_rows_do_not_stop_the_file(tmp_path, settings):
    path = tmp_path / "rows.csv"
    long_field = "y" * 200_000  # above the csv module's field limit
    good = "Police detained dozens of people in Almaty on Friday."
    path.write_text(
        f'id,text\nr1,"{long_field}"\nr2,{good}\nr3,{good},extra\nr4,"{good}"\n', encoding="utf-8"
    )
    articles = list(read_csv_file(path, settings))
    reasons = [a.rejected.reason if a.rejected else None for a in articles]
    assert reasons == ["malformed", None, "malformed", None]
    assert [a.id for a in articles][1:] == ["r2", "r3", "r4"]
    assert "3 fields, the header names 2" in articles[2].rejected.detail


def test_csv_in_cp1252(tmp_path, settings):
    path = tmp_path / "cp.csv"
    text = (
        "id,text\nc1,\u201cCaf\u00e9 owners\u201d in Aktau reopened their businesses on Tuesday.\n"
    )
    path.write_bytes(text.encode("cp1252"))
    (article,) = read_csv_file(path, settings)
    assert (
        article.text
        == "\u201cCaf\u00e9 owners\u201d in Aktau reopened their businesses on Tuesday."
    )
