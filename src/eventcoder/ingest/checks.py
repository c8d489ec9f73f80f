"""Checks every input passes before it becomes an article.

Bytes are bounded before they are read (``too_large``), sniffed for binary
content (``binary``) and decoded (``unreadable``); the decoded text is checked
for size, control characters, emptiness and language. A failed check raises
:class:`~eventcoder.errors.InputError`, which the readers turn into a recorded
:class:`~eventcoder.model.Rejection`.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventcoder.errors import InputError
from eventcoder.settings import Settings

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

log = logging.getLogger(__name__)

EMPTY = "empty"
BINARY = "binary"
NOT_ENGLISH = "not_english"
TOO_LARGE = "too_large"
UNREADABLE = "unreadable"
MALFORMED = "malformed"
MISSING_TEXT = "missing_text"
REASONS = (EMPTY, BINARY, NOT_ENGLISH, TOO_LARGE, UNREADABLE, MALFORMED, MISSING_TEXT)

BYTES_PER_CHAR = 4  # the most a character takes in UTF-8
MAX_CONTROL_RATIO = 0.05  # more control characters than this means binary data
LANGID_CHARS = 10_000  # language is decided on the first characters only
ENGLISH_LIKE = frozenset({"en", "pcm", "sco"})  # langid confuses plain English with these
_UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_SPACE = re.compile(r"\s+")


class NotEnglishError(InputError):
    """The text is in another language; ``language`` is its detected code."""

    def __init__(self, language: str, detail: str) -> None:
        super().__init__(NOT_ENGLISH, detail)
        self.language = language


def byte_limit(settings: Settings) -> int:
    """Return the most bytes a text of ``settings.max_chars`` characters can take."""
    return settings.max_chars * BYTES_PER_CHAR


def read_bounded(path: Path, limit: int) -> bytes:
    """Return the bytes of ``path``, reading at most ``limit + 1`` of them.

    Raises ``too_large`` when the file holds more than ``limit`` bytes, so a
    huge file is never read into memory, and ``unreadable`` on an OS error.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise InputError(UNREADABLE, f"cannot open {path}: {err.strerror or err}") from err
    if len(data) > limit:
        raise InputError(
            TOO_LARGE,
            f"{path} holds more than {limit} bytes (the limit for max_chars); "
            "split the file or raise max_chars in eventcoder.toml",
        )
    return data


def decode(data: bytes) -> str:
    """Return ``data`` decoded: UTF-8 (BOM stripped), else the best charset guess.

    Raises ``binary`` for bytes with NUL characters (unless a UTF-16/32 BOM
    announces them) and ``unreadable`` when no encoding fits.
    """
    if data.startswith(_UTF16_BOMS):
        return _decode_with_bom(data)
    if b"\x00" in data:
        raise InputError(BINARY, f"input contains NUL bytes (first at byte {data.index(0)})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _guess_decode(data)


def _decode_with_bom(data: bytes) -> str:
    encoding = "utf-32" if data.startswith(_UTF16_BOMS[:2]) else "utf-16"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        detail = f"input starts with a {encoding} BOM but is not {encoding}"
        raise InputError(UNREADABLE, detail) from err


def _guess_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            UNREADABLE, "input is not UTF-8 and no other encoding fits; re-save it as UTF-8"
        )
    log.info("input is not UTF-8, decoded as %s", best.encoding)
    return str(best)


def check_text(text: str, settings: Settings) -> str:
    """Check ``text`` and return its language code (``"en"``).

    Raises :class:`InputError` with reason ``too_large``, ``binary``, ``empty``
    or ``not_english``. The text itself is never changed.
    """
    if len(text) > settings.max_chars:
        raise InputError(
            TOO_LARGE,
            f"text has {len(text)} characters, more than max_chars={settings.max_chars}; "
            "split it or raise max_chars",
        )
    check_controls(text)
    visible = len(_SPACE.sub(" ", text).strip())
    if visible < settings.min_chars:
        raise InputError(
            EMPTY, f"text has {visible} characters, fewer than min_chars={settings.min_chars}"
        )
    return check_english(text, settings)


def check_controls(text: str) -> None:
    """Raise ``binary`` when ``text`` has NUL or too many control characters."""
    if "\x00" in text:
        raise InputError(BINARY, f"text contains NUL characters (first at {text.index(chr(0))})")
    sample = text[:LANGID_CHARS]
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        raise InputError(
            BINARY, f"{controls} of the first {len(sample)} characters are control characters"
        )


def check_english(text: str, settings: Settings) -> str:
    """Return ``"en"`` unless ``text`` is confidently in another language.

    Text is rejected only when the best language is not English-like and its
    probability reaches ``settings.min_english``: short English headlines
    ("Bomb kills 5 in Kabul") get low, scattered scores and must pass.
    """
    ranking = _identifier().rank(text[:LANGID_CHARS])
    best, probability = ranking[0]
    if best in ENGLISH_LIKE or probability < settings.min_english:
        return "en"
    english = sum(p for lang, p in ranking if lang in ENGLISH_LIKE)
    raise NotEnglishError(
        best,
        f"language detected: {best} (probability {probability:.2f}, English {english:.2f}); "
        "eventcoder codes English text only",
    )


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
