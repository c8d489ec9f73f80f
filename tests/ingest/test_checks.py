"""Decoding, size, binary and language checks."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest import read_text_file
from eventcoder.ingest.checks import (
    NotEnglishError,
    check_english,
    check_text,
    decode,
    read_bounded,
)


def test_decode_strips_utf8_bom_and_keeps_newlines():
    assert decode(codecs.BOM_UTF8 + b"one\r\ntwo\n") == "one\r\ntwo\n"


def test_decode_reads_utf16_with_bom_despite_nul_bytes():
    assert decode("Almaty – Astana".encode("utf-16")) == "Almaty – Astana"


def test_decode_guesses_cp1252(fixtures):
    text = decode((fixtures / "aktau-cp1252.txt").read_bytes())
    assert "“emergency regime”" in text
    assert "café owners" in text
    assert "mayor’s office" in text


def test_decode_rejects_nul_bytes_as_binary(fixtures):
    with pytest.raises(InputError) as caught:
        decode((fixtures / "photo.bin").read_bytes())
    assert caught.value.reason == "binary"
    assert "NUL" in caught.value.detail


def test_control_characters_are_binary(settings):
    text = "Protest in Almaty " + "\x01\x02\x03\x04\x1b" * 10
    with pytest.raises(InputError) as caught:
        check_text(text, settings)
    assert caught.value.reason == "binary"
    assert "control characters" in caught.value.detail


def test_tabs_and_form_feeds_are_not_binary(settings):
    text = "Police\tdetained\f protesters in the capital on Monday, officials said.\n"
    assert check_text(text, settings) == "en"


@pytest.mark.parametrize(
    "headline",
    [
        "Bomb kills 5 in Kabul",
        "Riots in Kazakhstan",
        "UN: 3 dead after clashes",
        "Taldykorgan Nazarbayev Almaty Tokayev",
        "Protesters clash with police in Almaty",
    ],
)
def test_short_english_headlines_pass(headline, settings):
    assert check_english(headline, settings) == "en"


@pytest.mark.parametrize(
    ("name", "language"), [("zhanaozen-de.txt", "de"), ("almaty-ru.txt", "ru")]
)
def test_other_languages_are_rejected_with_the_language(fixtures, settings, name, language):
    with pytest.raises(NotEnglishError) as caught:
        check_text((fixtures / name).read_text(encoding="utf-8"), settings)
    assert caught.value.reason == "not_english"
    assert caught.value.language == language
    assert f"language detected: {language}" in caught.value.detail


def test_too_many_characters_is_too_large(settings):
    small = settings.updated(max_chars=50)
    with pytest.raises(InputError) as caught:
        check_text("Police dispersed the crowd. " * 3, small)
    assert caught.value.reason == "too_large"
    assert "max_chars=50" in caught.value.detail


def test_short_text_is_empty_after_whitespace_is_normalised(settings):
    with pytest.raises(InputError) as caught:
        check_text("  Riots \n\n\n  erupted   ", settings)
    assert caught.value.reason == "empty"
    assert "min_chars=20" in caught.value.detail


class CountingReader(io.BytesIO):
    """A file whose reads are counted, standing in for a huge file."""

    def __init__(self, size: int) -> None:
        super().__init__(b"x" * size)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def test_huge_file_is_rejected_after_reading_only_the_bound(monkeypatch, settings):
    handle = CountingReader(1_000_000)
    monkeypatch.setattr(Path, "open", lambda self, mode="r", *a, **k: handle)
    article = read_text_file(Path("huge.txt"), settings.updated(max_chars=100))
    assert article.rejected.reason == "too_large"
    assert handle.bytes_read == 100 * 4 + 1


def test_read_bounded_reports_a_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_bounded(tmp_path / "absent.txt", limit=10)
    assert caught.value.reason == "unreadable"
    assert "absent.txt" in caught.value.detail
