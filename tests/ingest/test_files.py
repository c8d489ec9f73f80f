"""Walking files and folders: every input gives an article, bad ones rejected."""

from __future__ import annotations

import shutil
from collections import Counter

from eventcoder.ingest import REASONS, iter_articles
from eventcoder.ingest.files import choose_reader


def test_every_rejection_reason_is_produced(fixtures, settings):
    articles = list(iter_articles([fixtures], settings))
    reasons = Counter(a.rejected.reason for a in articles if a.rejected)
    tiny = settings.updated(max_chars=100)
    reasons.update(a.rejected.reason for a in iter_articles([fixtures / "almaty-ru.txt"], tiny))
    reasons.update(a.rejected.reason for a in iter_articles([fixtures / "absent.txt"], settings))
    assert set(reasons) == set(REASONS)
    for article in articles:
        if article.rejected:
            assert article.text == ""
            assert article.rejected.detail
            assert article.rejected.origin


def test_batch_goes_on_after_bad_inputs(fixtures, settings):
    paths = [
        fixtures / "photo.bin",
        fixtures / "missing-file.txt",
        fixtures / "no-text.html",
        fixtures / "broken-feed.rss",
        fixtures / "kazakhstan-2022-01-07.txt",
    ]
    articles = list(iter_articles(paths, settings))
    assert [a.rejected.reason if a.rejected else None for a in articles] == [
        "binary", "unreadable", "malformed", "malformed", None,
    ]  # fmt: skip
    assert "missing-file.txt is not a file" in articles[1].rejected.detail


def test_folder_is_sorted_recursive_and_skips_hidden(fixtures, tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    shutil.copy(fixtures / "kazakhstan-2022-01-07.txt", tmp_path / "b" / "kaz-2022-01-07.txt")
    shutil.copy(fixtures / "aktau-cp1252.txt", tmp_path / "a.txt")
    shutil.copy(fixtures / "aktau-cp1252.txt", tmp_path / ".hidden.txt")
    shutil.copy(fixtures / "aktau-cp1252.txt", tmp_path / ".cache" / "copy.txt")
    origins = [a.meta.origin for a in iter_articles([tmp_path], settings)]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "kaz-2022-01-07.txt")]


def test_ids_and_articles_are_identical_on_a_second_run(fixtures, settings):
    first = list(iter_articles([fixtures], settings))
    second = list(iter_articles([str(fixtures)], settings))
    assert [a.id for a in first] == [a.id for a in second]
    assert first == second
    texts = {}
    for article in first:  # equal ids only for equal texts (region.atom has a copy)
        if article.rejected is None:
            assert texts.setdefault(article.id, article.text) == article.text


def test_unknown_extension_and_no_extension_are_text(fixtures, tmp_path, settings):
    shutil.copy(fixtures / "kazakhstan-2022-01-07.txt", tmp_path / "kazakhstan-2022-01-07")
    shutil.copy(fixtures / "kazakhstan-2022-01-07.txt", tmp_path / "notes.md")
    articles = list(iter_articles([tmp_path], settings))
    assert [a.rejected for a in articles] == [None, None]
    assert articles[0].meta.published.isoformat() == "2022-01-07"
    assert articles[0].text == articles[1].text


def test_html_without_extension_is_sniffed(fixtures, tmp_path, settings):
    shutil.copy(fixtures / "almaty-protests.html", tmp_path / "page")
    (article,) = iter_articles([tmp_path / "page"], settings)
    assert article.meta.title == "Police disperse fuel-price protest in Almaty"
    assert "<p>" not in article.text


def test_reader_crash_is_recorded_not_raised(fixtures, settings, monkeypatch):
    import feedparser

    def explode(data):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(feedparser, "parse", explode)
    paths = [fixtures / "world-news.rss", fixtures / "kazakhstan-2022-01-07.txt"]
    first, second = iter_articles(paths, settings)
    assert first.rejected.reason == "malformed"
    assert "parser bug" in first.rejected.detail
    assert second.rejected is None


def test_choose_reader_by_extension(fixtures):
    names = {p.name: choose_reader(p).__name__ for p in sorted(fixtures.iterdir())}
    assert names["corpus.jsonl"] == "read_jsonl_file"
    assert names["corpus.tsv"] == "read_csv_file"
    assert names["region.atom"] == "read_feed_file"
    assert names["region-atom.xml"] == "read_feed_file"
    assert names["almaty-protests.html"] == "_html"
    assert names["photo.bin"] == "_text"
