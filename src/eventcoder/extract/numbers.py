"""Reading quantities: digits, number words and ACLED's vague quantities.

ACLED codes vague figures conservatively: "several"/"many"/"a few" as 10 is
too high for "a few", so eventcoder follows ACLED's published rule for the words
it names — tens 10, dozens 12, scores 20, hundreds 100, thousands 1000 — and
reads "several"/"a few"/"some" as 3 (recorded in docs/dates-and-counts.md). Ranges
take the lower figure ("between 10 and 15", "10-15" are 10) and bounds the stated one
("at least 12" is 12, "more than 100" is 100, "nearly 20" is 20).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "several": 3,
    "a few": 3,
    "few": 3,
    "some": 3,
    "a handful": 3,
    "handful": 3,
}
_DIGITS = re.compile(r"^\d{1,3}(?:[,.\s]\d{3})+$|^\d+$")
RANGE = re.compile(r"^(?:between\s+)?(?P<low>\S+)\s*(?:-|\u2013|to|and|or)\s*(?P<high>\S+)$")


def parse_number(text: str) -> int | None:
    """Return the integer ``text`` states ("18", "1,200", "twenty-one", "dozens"), or None."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    low = parse_range(text)
    if low is not None:
        return low
    if joined in VAGUE:
        return VAGUE[joined]
    if len(words) == 1 and _DIGITS.match(words[0]):
        return int(re.sub(r"[,.\s]", "", words[0]))
    return _parse_words(words)


def _parse_words(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for word in words:
        if word == "and":
            continue
        if word in UNITS or word in TENS:
            current += UNITS.get(word, 0) + TENS.get(word, 0)
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word.isdigit():
            current += int(word)
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_range(text: str) -> int | None:
    """The lower bound of a range of two figures ("10-15", "10 to 15", "five or six")."""
    match = RANGE.match(text.lower().strip())
    if match is None:
        return None
    low, high = (parse_number(match.group(g)) for g in ("low", "high"))
    if low is None or high is None or low >= high:
        return None
    return low
