"""Plain text files and article_from_text."""

from __future__ import annotations

import codecs
from datetime import date

from eventcoder.ingest import article_from_text, read_text_file
from eventcoder.model import content_id

HEADLINE_TEXT = "Police detained 40 protesters in Aktobe on Saturday, officials said."


def test_seed_article_text_is_the_file_exactly(fixtures, settings):
    path = fixtures / "kazakhstan-2022-01-07.txt"
    article = read_text_file(path, settings)
    assert article.rejected is None
    assert article.text == path.read_bytes().decode("utf-8")
    assert article.text.count("\n") == path.read_bytes().count(b"\n")
    assert article.meta.published == date(2022, 1, 7)
    assert article.meta.id == content_id(article.text)
    assert article.meta.origin == str(path)
    assert article.meta.language == "en"


def test_only_the_bom_is_removed(tmp_path, settings):
    path = tmp_path / "story.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"  " + HEADLINE_TEXT.encode() + b"\r\n\r\nSecond line.\r\n")
    article = read_text_file(path, settings)
    assert article.text == "  " + HEADLINE_TEXT + "\r\n\r\nSecond line.\r\n"
    assert article.meta.published is None  # no date in the name, and never today's


def test_cp1252_file_is_decoded(fixtures, settings):
    article = read_text_file(fixtures / "aktau-cp1252.txt", settings)
    assert article.rejected is None
    assert article.text.startswith("Officials in Aktau said on Tuesday that the “emergency regime”")


def test_ids_are_stable_across_reads(fixtures, settings):
    first = read_text_file(fixtures / "kazakhstan-2022-01-07.txt", settings)
    second = read_text_file(fixtures / "kazakhstan-2022-01-07.txt", settings)
    assert first.id == second.id
    assert first == second


def test_article_from_text_keeps_given_meta(settings):
    article = article_from_text(
        HEADLINE_TEXT,
        settings,
        id="a-1",
        published="2022-01-08T10:00:00+06:00",
        title="  Detentions in\n Aktobe ",
        source="Wire",
        url="https://wire.example/a-1",
        origin="test",
    )
    assert article.text == HEADLINE_TEXT
    assert article.meta.id == "a-1"
    assert article.meta.published == date(2022, 1, 8)
    assert article.meta.title == "Detentions in Aktobe"
    assert (article.meta.source, article.meta.url) == ("Wire", "https://wire.example/a-1")


def test_rejections_keep_meta_and_drop_text(settings):
    article = article_from_text("Kurz.", settings, id="short-1", title="Kurz", origin="test")
    assert article.rejected is not None
    assert article.rejected.reason == "empty"
    assert article.rejected.origin == "test"
    assert article.text == ""
    assert (article.meta.id, article.meta.title) == ("short-1", "Kurz")


def test_not_english_records_the_language(fixtures, settings):
    article = read_text_file(fixtures / "zhanaozen-de.txt", settings)
    assert article.rejected.reason == "not_english"
    assert "language detected: de" in article.rejected.detail
    assert article.meta.language == "de"
    assert article.text == ""


def test_empty_and_blank_files(fixtures, settings):
    for name in ("empty.txt", "blank.txt"):
        article = read_text_file(fixtures / name, settings)
        assert article.rejected.reason == "empty", name
        assert "fewer than min_chars" in article.rejected.detail


def test_binary_file(fixtures, settings):
    article = read_text_file(fixtures / "photo.bin", settings)
    assert article.rejected.reason == "binary"
    assert article.text == ""


def test_huge_file_is_rejected_before_decoding(fixtures, settings):
    small = settings.updated(max_chars=100)
    article = read_text_file(fixtures / "kazakhstan-2022-01-07.txt", small)
    assert article.rejected.reason == "too_large"
    assert "raise max_chars" in article.rejected.detail


def test_text_over_max_chars_but_under_the_byte_bound(tmp_path, settings):
    path = tmp_path / "long.txt"
    path.write_text(HEADLINE_TEXT * 2, encoding="utf-8")
    article = read_text_file(path, settings.updated(max_chars=len(HEADLINE_TEXT) + 5))
    assert article.rejected.reason == "too_large"
    assert "characters" in article.rejected.detail


def test_undecodable_file_is_unreadable(tmp_path, settings, monkeypatch):
    import charset_normalizer

    class NoGuess:
        def best(self):
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoGuess())
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"Protest \xff\xfe\xfa in the capital of the country today")
    article = read_text_file(path, settings)
    assert article.rejected.reason == "unreadable"
    assert "UTF-8" in article.rejected.detail
