"""Near-duplicate articles (SimHash over word shingles) and bag-of-words similarity.

Wire copies and re-publications differ by a headline, a byline or a trailing
paragraph; their 64-bit SimHash fingerprints differ in a few bits. A fingerprint
is cut into :data:`BANDS` bands: two fingerprints within :data:`MAX_BITS` bits
share at least one band exactly (pigeonhole), so candidates are found by an
index lookup, never by comparing every pair.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

BITS = 64
MAX_BITS = 6  # fingerprints this close are near duplicates (chance for unrelated texts ~1e-11)
BANDS = MAX_BITS + 1  # so that a near duplicate shares at least one band exactly
SHINGLE = 3  # words per shingle
_WIDTHS = [BITS // BANDS + (1 if n < BITS % BANDS else 0) for n in range(BANDS)]
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """Return the lower-cased words of ``text`` (numbers kept, punctuation dropped)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def terms(text: str) -> Counter[str]:
    """Return the content words of ``text`` with their counts (stop words and 1-2 letters out)."""
    return Counter(w for w in words(text) if len(w) > 2 and w not in STOP_WORDS)


def simhash(text: str) -> int:
    """Return the 64-bit SimHash of the word shingles of ``text``."""
    tally = [0] * BITS
    for shingle in _shingles(words(text)):
        value = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest())
        for bit in range(BITS):
            tally[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(BITS) if tally[bit] > 0)


def _shingles(tokens: list[str]) -> Iterable[str]:
    if len(tokens) < SHINGLE:
        return [" ".join(tokens)] if tokens else []
    return (" ".join(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def bands(fingerprint: int) -> list[tuple[int, int]]:
    """Return the (band number, band value) keys under which ``fingerprint`` is indexed."""
    keys, shift = [], 0
    for n, width in enumerate(_WIDTHS):
        keys.append((n, fingerprint >> shift & ((1 << width) - 1)))
        shift += width
    return keys


def hamming(a: int, b: int) -> int:
    """Return the number of bits in which ``a`` and ``b`` differ."""
    return (a ^ b).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    """True when two fingerprints are at most :data:`MAX_BITS` bits apart."""
    return hamming(a, b) <= MAX_BITS


def unit_vector(counts: Mapping[str, float], idf: Mapping[str, float] | None = None
                ) -> dict[str, float]:
    """Return the L2-normalised, sublinear-tf (optionally idf-weighted) vector of ``counts``."""
    weights = {t: (1.0 + math.log(n)) * (idf.get(t, 0.0) if idf is not None else 1.0)
               for t, n in counts.items() if n > 0}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items() if w} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Return the dot product of two unit vectors (their cosine)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
