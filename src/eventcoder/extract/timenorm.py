"""Normalise one temporal expression to a TimeML TIMEX3 value.

Pure functions only: no spaCy, no I/O, no clock. :func:`normalise` reads the
text of one expression ("two days ago", "Jan. 5", "the third quarter") and
resolves it against an anchor date, normally the article's publication date.

Conventions (TimeML 1.2 / TimeBank, plus the choices below):

- A day without a year is the occurrence of that day nearest the anchor, so a
  2 January article speaking of "December 30" means the previous year; when
  the tense contradicts the nearest one by over two months, tense wins.
- A month or season without a year is the latest one that has begun by the
  anchor, unless the tense is future (then the first one that has not ended).
- A bare weekday is the latest such day on or before the anchor (wire stories
  report the day's events by weekday), the first on or after it when the tense
  is future (a plan: "will meet", "is set to resume"); "last Monday" is
  strictly before, "next Monday" strictly after.
- "overnight" is the night before the anchor: value ``<anchor-1>TNI``, bounds
  anchor-1 .. anchor. Parts of a day ("Monday night", "this morning") get
  TimeML's ``TMO/TAF/TEV/TNI`` suffix; ``first``/``last`` still give the date.
- "N units ago/earlier" counts back from the anchor; "two days later", "the
  next day" depend on another time in the text and get no date here: "two days
  later" is TimeML's DURATION ``P2D`` with the reason, "the next day" has no value (the
  ``dates`` stage resolves "the next day", "that year", "the following month"
  against the time last talked about).
- A clock time on a day ("10 p.m. Wednesday", "noon Thursday") is a TimeML TIME:
  ``1998-02-11T22:00``; noon is ``T12:00``, midnight ``T24:00``, mid-afternoon ``TAF``.
- Without an anchor, relative expressions come back with ``value=None`` and a
  ``reason``; they are never anchored to today. Absolute dates still resolve.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from eventcoder.model import Precision

log = logging.getLogger(__name__)

UNANCHORED = "no publication date to anchor a relative expression"
NARRATIVE = "relative to another time in the text, not to the publication date"
Tense = str | None  # "past", "present", "future" or None


@dataclass(frozen=True, slots=True)
class Norm:
    """The normalised reading of one temporal expression."""

    value: str | None
    precision: Precision
    first: date | None = None
    last: date | None = None
    reason: str | None = None

    @property
    def timex_type(self) -> str:
        """TimeML type: DURATION for ``P..`` values, TIME for parts of days, else DATE."""
        if self.value and re.match(r"P[\dTX]", self.value):
            return "DURATION"
        return "TIME" if self.value and re.match(r"\d{4}-\d{2}-\d{2}T", self.value) else "DATE"


# --------------------------------------------------------------------- vocabulary

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a couple of": 2, "a couple": 2,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "current": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF",
}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
              "century": "CE"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}

MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
       r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WD = (r"(?P<wd>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|"
      r"sat(?:urday)?|sun(?:day)?)\.?")
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"
UNIT = r"(?P<unit>day|week|month|year|decade|century)s?"
POD = r"(?P<pod>morning|afternoon|evening|night)"
CLOCK = (r"(?:(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))? ?(?P<ampm>a\.?m|p\.?m)\.?|"
         r"(?P<named>noon|midnight|mid-?morning|mid-?afternoon))"
         r"(?: (?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|local time))?")
NAMED_TIMES = {"noon": "12:00", "midnight": "24:00", "midmorning": "MO", "mid-morning": "MO",
               "midafternoon": "AF", "mid-afternoon": "AF"}

LEADING = re.compile(
    r"^(?:on|in|at|by|during|since|until|till|from|of|for|as of|before|after|around|about|"
    r"throughout|through|within|over|between|and|or)\s+"
)
MODIFIERS = re.compile(
    r"^(?:the )?(?:early|mid|late|the end of|the beginning of|the start of|the middle of|"
    r"the first days of|the last days of|sometime|some time|as early as|as late as|"
    r"no later than|no earlier than|nearly|almost|roughly|approximately|more than|less than|"
    r"just over|just under|at least|only|just|some|fully|well over)[- ](?:in |of )?"
)


# --------------------------------------------------------------------- public API


def normalise(text: str, anchor: date | None, *, tense: Tense = None) -> Norm | None:
    """Return the TimeML reading of ``text`` against ``anchor``, or None if it is no date.

    ``tense`` ("past", "present", "future") of the governing verb breaks ties for
    expressions without a year. A relative expression without ``anchor`` comes
    back with ``value=None`` and a ``reason``.
    """
    cleaned = clean(text)
    if not cleaned:
        return None
    for pattern, handler in RULES:
        match = pattern.fullmatch(cleaned)
        if match:
            return handler(match, anchor, tense)
    stripped = MODIFIERS.sub("", cleaned, count=1)
    if stripped != cleaned:
        return normalise(stripped, anchor, tense=tense)
    return _fallback(cleaned, anchor, tense)


def clean(text: str) -> str:
    """Lower-case ``text``, spell out no numbers, drop leading prepositions and end punctuation."""
    text = re.sub(r"[\u2018\u2019`]", "'", text.lower())
    text = re.sub(r"[\u2013\u2014]", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:!?()\"")
    text = re.sub(r"(?<=\D)\.$", "", text) if not re.search(MON + "$", text) else text
    text = _numbers_to_digits(text)
    while (shorter := LEADING.sub("", text, count=1)) != text:
        text = shorter
    return text


def _numbers_to_digits(text: str) -> str:
    words = "|".join(sorted(NUMBERS, key=len, reverse=True))

    def compound(match: re.Match) -> str:
        tens, unit = match.group(1), match.group(2)
        return str(NUMBERS[tens] + (NUMBERS[unit] if unit else 0))

    text = re.sub(r"\b(?:the year )?two thousand(?: and)?\b", "2000", text)
    text = re.sub(rf"\b({words})(?:-(one|two|three|four|five|six|seven|eight|nine))?\b",
                  compound, text)
    # spoken years: "nineteen ninety-six" -> "19 96" -> "1996"; "2000 3" -> "2003"
    text = re.sub(r"\b(1[0-9]) ([1-9]\d)\b", r"\1\2", text)
    return re.sub(r"\b2000 ([1-9])\b", r"200\1", text)


# --------------------------------------------------------------------- interval builders


def day_norm(day: date, pod: str | None = None) -> Norm:
    """The reading of one calendar day, with an optional part of day (MO/AF/EV/NI)."""
    value = day.isoformat() + (f"T{pod}" if pod else "")
    return Norm(value, "day", day, day)


def week_norm(day: date) -> Norm:
    """The ISO week containing ``day`` ("2022-W01")."""
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return Norm(f"{year}-W{week:02d}", "week", monday, monday + timedelta(days=6))


def month_norm(year: int, month: int) -> Norm:
    """The calendar month ``year-month``."""
    last = calendar.monthrange(year, month)[1]
    return Norm(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last))


def year_norm(year: int) -> Norm:
    """The calendar year."""
    return Norm(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def quarter_norm(year: int, quarter: int) -> Norm:
    """The calendar quarter ``YYYY-Qn``."""
    first = date(year, 3 * quarter - 2, 1)
    return Norm(f"{year:04d}-Q{quarter}", "month", first, month_norm(year, 3 * quarter).last)


def half_norm(year: int, half: int) -> Norm:
    """The half year ``YYYY-Hn``."""
    first = date(year, 6 * half - 5, 1)
    return Norm(f"{year:04d}-H{half}", "month", first, month_norm(year, 6 * half).last)


def season_norm(year: int, code: str) -> Norm:
    """A meteorological season of the northern hemisphere; winter YYYY starts in December."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    first = date(year, start, 1)
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, start + 2)
    return Norm(f"{year:04d}-{code}", "month", first, month_norm(end_year, end_month).last)


def ref_norm(value: str, anchor: date | None) -> Norm:
    """PAST_REF / PRESENT_REF / FUTURE_REF, bounded by the anchor where it has one."""
    if anchor is None:
        return Norm(value, "day" if value == "PRESENT_REF" else "year", reason=UNANCHORED)
    if value == "PRESENT_REF":
        return Norm(value, "day", anchor, anchor)
    if value == "PAST_REF":
        return Norm(value, "year", None, anchor)
    return Norm(value, "year", anchor, None)


def _ref_at(value: str, precision: Precision, anchor: date | None) -> Norm:
    base = ref_norm(value, anchor)
    return Norm(value, precision, base.first, base.last, base.reason)


def unresolved(precision: Precision, reason: str = UNANCHORED) -> Norm:
    """A recognised expression that cannot be given a value, with why."""
    return Norm(None, precision, reason=reason)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


# --------------------------------------------------------------------- choosing a year


def nearest_day(month: int, day: int, anchor: date, tense: Tense = None) -> date | None:
    """The occurrence of ``month``/``day`` nearest ``anchor``, bent by ``tense``.

    Tense only overrides the nearest occurrence when it is more than two months on
    the wrong side of the anchor. Returns None for an impossible day (31 April).
    """
    options = [d for y in range(anchor.year - 4, anchor.year + 5)
               if (d := _safe_date(y, month, day)) is not None]
    if not options:
        return None
    best = min(options, key=lambda d: abs((d - anchor).days))
    slack = timedelta(days=62)
    if tense == "past" and best > anchor + slack:
        best = max((d for d in options if d <= anchor), default=best)
    elif tense == "future" and best < anchor - slack:
        best = min((d for d in options if d >= anchor), default=best)
    return best


def month_year(month: int, anchor: date, rel: str | None, tense: Tense) -> int:
    """The year of a month named without one ("in March", "last March")."""
    current = anchor.month
    if rel in ("last", "past", "this past"):
        return anchor.year if month < current else anchor.year - 1
    if rel in ("next", "this coming", "coming"):
        return anchor.year if month > current else anchor.year + 1
    if rel == "this" or (tense == "future" and month >= current):
        return anchor.year
    if tense == "future":
        return anchor.year + 1
    if tense == "past":
        return anchor.year if month <= current else anchor.year - 1
    ahead = month - current  # the nearest such month; a tie goes to the past
    return anchor.year - (ahead >= 6) + (ahead < -6)


def weekday_date(weekday: int, anchor: date, rel: str | None, tense: Tense) -> date:
    """The date of a weekday named relative to ``anchor`` (see the module's conventions)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("last", "past", "this past"):
        return anchor - timedelta(days=back or 7)
    if rel in ("next", "this coming", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if rel == "this":
        return anchor + timedelta(days=weekday - anchor.weekday())
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


# --------------------------------------------------------------------- rule handlers

Handler = Callable[[re.Match, date | None, Tense], Norm | None]


def _month(match: re.Match) -> int:
    return MONTHS[match.group("mon")[:3]]


def _two_digit_year(yy: int, anchor: date | None) -> int:
    pivot = (anchor.year if anchor else 2030) % 100 + 10
    century = (anchor.year if anchor else 2000) // 100 * 100
    return century + yy if yy <= pivot else century - 100 + yy


def _ymd(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    year = int(match.group("year"))
    if year < 100:
        year = _two_digit_year(year, anchor)
    day = _safe_date(year, int(match.group("m")), int(match.group("d")))
    return day_norm(day) if day else None


def _day_month(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    month = _month(match) if match.groupdict().get("mon") else int(match.group("m"))
    day = int(match.group("day") if match.groupdict().get("day") else match.group("d"))
    if match.group("year"):
        found = _safe_date(int(match.group("year")), month, day)
        return day_norm(found) if found else None
    if anchor is None:
        return unresolved("day")
    found = nearest_day(month, day, anchor, tense)
    return day_norm(found) if found else None


def _range(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    month, d1, d2 = _month(match), int(match.group("d1")), int(match.group("d2"))
    if d2 <= d1:
        return None
    if match.group("year"):
        year = int(match.group("year"))
    elif anchor is None:
        return unresolved("day")
    else:
        found = nearest_day(month, d1, anchor, tense)
        year = found.year if found else anchor.year
    first, last = _safe_date(year, month, d1), _safe_date(year, month, d2)
    if not first or not last:
        return None
    return Norm(first.isoformat(), "day", first, last)


def _month_named(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    month = _month(match)
    if match.group("year"):
        return month_norm(int(match.group("year")), month)
    if anchor is None:
        return unresolved("month")
    return month_norm(month_year(month, anchor, match.group("rel"), tense), month)


def _month_of_year(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    if anchor is None:
        return unresolved("month")
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[match.group("yrel")]
    return month_norm(year, _month(match))


def _year(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    year = int(match.group("year"))
    return year_norm(year) if 1000 <= year <= 2999 else None


def _this_year(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    """"The fiscal year", "the full year", "year-end": the anchor's year (TimeML: DATE)."""
    return year_norm(anchor.year) if anchor else unresolved("year")


def _decade(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    word = match.groupdict().get("word")
    digits = str(DECADE_WORDS[word]) if word else match.group("dec") or match.group("dec1")
    if len(digits) == 1:  # "the '90s": the latest such decade by the anchor
        now = anchor.year if anchor else 2000
        start = now // 100 * 100 + int(digits) * 10
        start = start - 100 if start > now else start
    else:
        start = int(digits) * 10
    return Norm(f"{start // 10:03d}", "year", date(start, 1, 1), date(start + 9, 12, 31))


def _century(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    number = int(match.group("n"))
    start = (number - 1) * 100
    return Norm(f"{number - 1:02d}", "year", date(max(start, 1), 1, 1), date(start + 99, 12, 31))


def _weekday(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    if anchor is None:
        return unresolved("day")
    weekday = WEEKDAYS[match.group("wd")[:3]]
    found = weekday_date(weekday, anchor, match.group("rel"), tense)
    pod = match.group("pod")
    return day_norm(found, PARTS_OF_DAY[pod] if pod else None)


def _deictic_day(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    if anchor is None:
        return unresolved("day")
    word, pod = match.group("word"), match.group("pod")
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1,
               "this": 0, "overnight": -1, "the day before yesterday": -2,
               "the day after tomorrow": 2, "earlier today": 0, "later today": 0,
               "earlier in the day": 0, "later in the day": 0}
    day = anchor + timedelta(days=offsets[word])
    if word in ("tonight", "last", "overnight"):
        pod = "night"
    if word == "overnight":
        return Norm(f"{day.isoformat()}TNI", "day", day, anchor)
    return day_norm(day, PARTS_OF_DAY[pod] if pod else None)


def _ago(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    unit, count = match.group("unit"), _count(match.group("n"))
    precision = _unit_precision(unit)
    if match.group("dir") in ("later", "after"):
        return _narrative_span(str(count), unit)
    if anchor is None:
        return unresolved(precision)
    sign = 1 if match.group("dir") in ("from now", "hence") else -1
    return shift(anchor, unit, sign * count)


def _vague_ago(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    precision = _unit_precision(match.group("unit"))
    if match.group("dir") in ("later", "after"):
        return _narrative_span("X", match.group("unit"))
    value = "FUTURE_REF" if match.group("dir") in ("from now", "hence") else "PAST_REF"
    return _ref_at(value, precision, anchor)


def _narrative_span(count: str, unit: str) -> Norm:
    """"Three days later": TimeML's DURATION (``P3D``) from a time in the text, not a date."""
    value = f"P{count}{UNIT_CODES[unit]}"
    return Norm(value, _unit_precision(unit), reason=NARRATIVE)


def _count(word: str) -> int:
    return 1 if word in ("a", "an") else int(word)


def _unit_precision(unit: str) -> Precision:
    return {"day": "day", "week": "week", "month": "month", "quarter": "month"}.get(unit, "year")


def shift(anchor: date, unit: str, count: int) -> Norm:
    """The day/week/month/year ``count`` units from ``anchor``, at that unit's precision."""
    if unit == "day":
        return day_norm(anchor + timedelta(days=count))
    if unit == "week":
        return week_norm(anchor + timedelta(weeks=count))
    if unit == "month":
        return month_norm(*_add_months(anchor.year, anchor.month, count))
    if unit == "decade":
        start = (anchor.year + 10 * count) // 10 * 10
        return Norm(f"{start // 10:03d}", "year", date(start, 1, 1), date(start + 9, 12, 31))
    if unit == "century":
        return Norm(f"{anchor.year // 100 + count:02d}", "year")
    return year_norm(anchor.year + count)


REL_OFFSETS = {
    "last": -1, "previous": -1, "prior": -1, "the previous": -1, "the prior": -1,
    "a year earlier": -1, "this": 0, "the current": 0, "current": 0, "the": 0,
    "earlier this": 0, "later this": 0, "the same": 0, "next": 1, "the coming": 1,
    "coming": 1, "the next": 1, "the following": 1, "that": 0, "the preceding": -1,
}


ANAPHORIC_RELS = ("the next", "the following", "the previous", "the prior", "the same", "that",
                  "the preceding")


def _relative_unit(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    rel, unit = match.group("rel"), match.group("unit")
    precision = _unit_precision(unit)
    if rel in ANAPHORIC_RELS and unit == "day":
        return unresolved("day", NARRATIVE)
    if anchor is None:
        return unresolved(precision)
    return shift(anchor, unit, REL_OFFSETS[rel])


def _year_earlier(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    return shift(anchor, "year", -1) if anchor else unresolved("year")


def _duration(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    unit, count = match.group("unit"), _count(match.group("n") or "1")
    value, precision = f"P{count}{UNIT_CODES[unit]}", _unit_precision(unit)
    rel = match.groupdict().get("rel")
    if anchor is None or not rel:
        return Norm(value, precision)
    if rel in ("next", "coming", "following"):
        return Norm(value, precision, anchor, _move(anchor, unit, count))
    return Norm(value, precision, _move(anchor, unit, -count), anchor)


def _move(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units, clamped to the end of a shorter month."""
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    months = count * {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    year, month = _add_months(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _quarter(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    size = 6 if match.group("unit") == "half" else 3
    build = half_norm if size == 6 else quarter_norm
    count = 12 // size
    number = ORDINALS[match.group("ord")] if match.group("ord") else None
    if number is not None and number > count:
        return None
    year = match.group("year") or match.group("year2")
    if year and number is None and (match.group("rel") or "").strip() in ("last", "final"):
        number = count  # "the last half of 1989"
    if year and number:
        return build(int(year), number)
    if anchor is None:
        return unresolved("month")
    index = anchor.year * count + (anchor.month - 1) // size  # periods since year 0
    target = _period_index(index, number, count, match.group("rel"), tense)
    return build(target // count, target % count + 1)


def _period_index(current: int, number: int | None, count: int, rel: str | None,
                  tense: Tense) -> int:
    """Pick the quarter/half meant: numbered ones by tense, unnumbered ones by ``rel``."""
    rel = (rel or "").strip()
    back = count if rel in ("year-earlier", "year-ago", "year earlier") else 0
    if number is None:
        offset = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(rel, -1)
        return current + offset - back
    position = current % count
    target = current - position + number - 1
    if rel in ("last", "previous", "prior") or (target > current and tense != "future"):
        target -= count if target >= current else 0
    elif rel == "next" or (tense == "future" and target < current - 1):
        # results are announced after a period closes: "will report third-quarter
        # earnings" in October is the quarter just ended, not next year's
        target += count if target <= current else 0
    return target - back


def _season(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    code = SEASONS[match.group("season")]
    if match.group("year"):
        return season_norm(int(match.group("year")), code)
    if anchor is None:
        return unresolved("month")
    rel = match.group("rel")
    years = range(anchor.year - 2, anchor.year + 2)
    norms = [season_norm(y, code) for y in years]
    if rel in ("last", "past", "this past"):
        return [n for n in norms if n.last < anchor][-1]
    if rel in ("next", "coming", "this coming"):
        return next(n for n in norms if n.first > anchor)
    if rel == "this":
        return season_norm(anchor.year - (code == "WI" and anchor.month <= 2), code)
    if tense == "future":
        return next(n for n in norms if n.last >= anchor)
    return [n for n in norms if n.first <= anchor][-1]


def _weekend(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    if anchor is None:
        return unresolved("week")
    rel = match.group("rel")
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # of the anchor's ISO week
    started = anchor.weekday() >= 5
    if rel in ("last", "past") or (rel is None and tense != "future" and not started):
        saturday -= timedelta(days=7)
    elif rel in ("next", "coming") and started:
        saturday += timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return Norm(f"{year}-W{week:02d}-WE", "week", saturday, saturday + timedelta(days=1))


def _ref(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    return ref_norm(REFS[match.group(0)], anchor)


def _ref_plural(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    value = "FUTURE_REF" if match.group("rel") in ("coming", "next few", "future") else "PAST_REF"
    return _ref_at(value, _unit_precision(match.group("unit")), anchor)


def _this_time(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    if anchor is None:
        return unresolved("day")
    return day_norm(anchor, PARTS_OF_DAY[match.group("pod")])


def _span_duration(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    rel, unit, count = match.group("rel"), match.group("unit"), match.group("n")
    if not count and unit == "day" and rel in ("next", "following", "previous"):
        return unresolved("day", NARRATIVE)
    if rel in ("first", "final"):
        return _duration(_Groups(match, rel=""), None, tense)
    return _duration(_Groups(match, rel="next" if rel in ("next", "coming", "following")
                             else "past"), anchor, tense)


def _quarter_of_year(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    """"The 1988 second quarter"; without an ordinal ("the 1988 period") the quarter of
    ``year`` matching the anchor's latest completed quarter (comparisons with a year before)."""
    if match.group("ord"):
        return _quarter(match, anchor, tense)
    year = int(match.group("year"))
    if anchor is None:
        return year_norm(year)
    latest = (anchor.month - 1) // 3 or 4  # the last completed quarter
    return quarter_norm(year, latest)


def _clock_on_day(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    """"10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": a TimeML TIME on that day."""
    day = normalise(match.group("rest"), anchor, tense=tense)
    if day is None or day.value is None:
        return day  # no date, or a day that needs an anchor
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.value):
        return None  # "noon March": a clock time belongs to a day
    return Norm(f"{day.value}T{_clock(match)}", "day", day.first, day.last)


def _clock(match: re.Match) -> str:
    """The TIMEX3 time of day: ``22:00`` for "10 p.m.", ``12:00`` noon, ``AF`` mid-afternoon."""
    if match.group("named"):
        return NAMED_TIMES[match.group("named")]
    hour = int(match.group("hour")) % 12 + (12 if match.group("ampm")[0] == "p" else 0)
    return f"{hour:02d}:{match.group('minute') or '00'}"


def _quarter_of_rel_year(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    """"Next year's first quarter": the numbered quarter (half) of the year named."""
    if anchor is None:
        return unresolved("month")
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[match.group("yrel")]
    build = half_norm if match.group("unit") == "half" else quarter_norm
    return build(year, ORDINALS[match.group("ord")])


def _first_half(match: re.Match, anchor: date | None, tense: Tense) -> Norm:
    return half_norm(int(match.group("year")), 1)


def _quarter_q(match: re.Match, anchor: date | None, tense: Tense) -> Norm | None:
    number = int(match.group("ord"))
    if match.group("year"):
        return quarter_norm(int(match.group("year")), number)
    return _quarter(_Groups(match, ord=("1st", "2nd", "3rd", "4th")[number - 1], unit="quarter"),
                    anchor, tense)


class _Groups:
    """A match whose named groups are partly replaced (to reuse a handler)."""

    def __init__(self, match: re.Match, **groups: str) -> None:
        self.match, self.groups = match, groups

    def group(self, name: str | int = 0) -> str | None:
        if isinstance(name, str) and name in self.groups:
            return self.groups[name]
        return self.match.group(name)

    def groupdict(self) -> dict[str, str | None]:
        return {**self.match.groupdict(), **self.groups}


# --------------------------------------------------------------------- the rule table

REL = r"(?:(?P<rel>last|this|next|this past|this coming|past|coming)\s)?"
DIRECTION = r"(?P<dir>ago|earlier|before|from now|hence|later|after)"
RULES: list[tuple[re.Pattern, Handler]] = [
    (re.compile(r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"), _ymd),
    (re.compile(r"(?P<year>(?:1[89]|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)"), _ymd),
    (re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{4}|\d{2})"), _ymd),
    (re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?P<year>)"), _day_month),
    (re.compile(rf"(?:between )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s?(?:-|to|and|until|through)"
                rf"\s?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MON},?(?: {YEAR})?"), _range),
    (re.compile(rf"(?:between )?{MON} (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s?(?:-|to|and|until|"
                rf"through)\s?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? {YEAR})?"), _range),
    (re.compile(rf"(?:{WD},? )?(?:the )?{DAY}(?: of)? {MON},?(?: {YEAR})?"), _day_month),
    (re.compile(rf"(?:{WD},? )?{MON},? (?:the )?{DAY}(?:,? {YEAR})?"), _day_month),
    (re.compile(rf"{REL}{MON}(?:,| of)? ?(?:{YEAR})?"), _month_named),
    (re.compile(rf"{MON}(?: of)? (?P<yrel>this|last|next) year"), _month_of_year),
    (re.compile(rf"(?:the year |(?:the )?fiscal(?: year)? |fy ?|calendar (?:year )?)?{YEAR}"),
     _year),
    (re.compile(r"(?:the )?(?:(?P<dec>\d{3})0|'(?P<dec1>\d)0)'?s"), _decade),
    (re.compile(r"the (?P<word>" + "|".join(DECADE_WORDS) + ")(?P<dec>)(?P<dec1>)"), _decade),
    (re.compile(r"(?:the |(?=\w+ year$))(?:(?:current|full|whole|entire) )?"
                r"(?:fiscal |calendar )?year|"
                r"(?:the )?(?:year[- ]end|year's end|end of the year)|"
                r"(?:earlier|later) in the year"), _this_year),
    (re.compile(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century"), _century),
    (re.compile(r"(?P<word>today|tonight|yesterday|tomorrow|overnight|the day before yesterday|"
                r"the day after tomorrow|earlier today|later today|earlier in the day|"
                r"later in the day)(?:'s)?(?: " + POD + ")?"),
     _deictic_day),
    (re.compile(r"(?P<word>last|this) " + r"(?P<pod>night)"), _deictic_day),
    (re.compile(rf"{CLOCK},? (?:on )?(?P<rest>.+)"), _clock_on_day),
    (re.compile(r"(?:this|earlier this|later this) " + POD), _this_time),
    (re.compile(rf"{REL}{WD}(?:'s)?(?: {POD})?"), _weekday),
    (re.compile(rf"(?P<n>\d+|an?) {UNIT} {DIRECTION}"), _ago),
    (re.compile(rf"(?:several|a few|few|many|some|a number of) {UNIT} {DIRECTION}"), _vague_ago),
    (re.compile(r"(?:the )?(?P<rel>recent|past|coming|next few|last few|previous|future) "
                r"(?:several |few )?(?P<unit>day|week|month|quarter|year|decade)s"), _ref_plural),
    (re.compile(rf"the (?P<rel>past|last|previous|next|coming|following|first|final)"
                rf"(?: (?P<n>\d+))? {UNIT}"), _span_duration),
    (re.compile(rf"(?P<rel>past|last|next|coming)(?: (?P<n>\d+))? {UNIT}s"), _span_duration),
    (re.compile(rf"(?P<rel>past) {UNIT}(?P<n>)"), _span_duration),
    (re.compile(r"(?:the )?(?P<rel>year-earlier|year-ago)(?P<unit>)"), _year_earlier),
    (re.compile(r"(?:the )?(?:(?:corresponding|comparable|same) )?(?:period|quarter)(?: of)? "
                r"(?:a year (?:ago|earlier)|last year)|last year's (?:quarter|period)"),
     _year_earlier),
    (re.compile(r"(?P<rel>last|this|next|the|the current|current|the coming|coming|the next|"
                r"the following|the previous|the prior|previous|prior|earlier this|"
                r"later this|the same|a year earlier|that|the preceding) "
                r"(?P<unit>day|week|month|year|decade|century)"), _relative_unit),
    (re.compile(r"(?P<n>\d+) " + UNIT), _duration),
    (re.compile(r"(?:the )?(?P<rel>(?:year-earlier|year-ago|year earlier|latest|current|last|"
                r"this|next|coming|previous|prior|same|most recent|recent) )?(?:(?:fiscal|"
                r"calendar)[- ])?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
                r"(?:fiscal[- ])?(?P<unit>quarter|half|(?<=latest )period|(?<=year-earlier )period|"
                r"(?<=year-ago )period)(?:-year)?(?: of (?:fiscal )?(?P<year>\d{4})"
                r"|,? (?:fiscal )?(?P<year2>\d{4}))?"), _quarter),
    (re.compile(r"(?:fiscal )?(?P<year>\d{4})(?:'s)? (?P<ord>first|second|third|fourth|1st|2nd|"
                r"3rd|4th)[- ](?P<unit>quarter|half)(?P<rel>)(?P<year2>)"), _quarter),
    (re.compile(r"the (?P<year>\d{4}) (?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
                r"[- ])?(?:fiscal[- ])?(?P<unit>quarter|half|period)(?P<rel>)(?P<year2>)"),
     _quarter_of_year),
    (re.compile(r"(?P<yrel>this|last|next) year's (?P<ord>first|second|third|fourth|1st|2nd|"
                r"3rd|4th)[- ](?:fiscal[- ])?(?P<unit>quarter|half)"), _quarter_of_rel_year),
    (re.compile(r"(?:the )?first 2 quarters(?: of)? (?P<year>\d{4})"),
     _first_half),
    (re.compile(r"q(?P<ord>[1-4])(?:,? (?P<year>\d{4}))?(?P<unit>)(?P<rel>)(?P<year2>)"),
     _quarter_q),
    (re.compile(rf"(?:the )?{REL}(?P<season>spring|summer|fall|autumn|winter)(?: of)?"
                rf"(?: {YEAR})?"), _season),
    (re.compile(r"(?:the )?(?:(?P<rel>last|this|next|past|coming) )?weekend"), _weekend),
    (re.compile("|".join(sorted(map(re.escape, REFS), key=len, reverse=True))), _ref),
]


# --------------------------------------------------------------------- dateparser fallback

FALLBACK_HINT = re.compile(
    rf"\b(?:{MON}|{WD})(?:\b|$)".replace("(?P<mon>", "(?:").replace("(?P<wd>", "(?:")
)


def _fallback(text: str, anchor: date | None, tense: Tense) -> Norm | None:
    """Ask dateparser, only for text naming a month or a weekday our rules did not read."""
    if not FALLBACK_HINT.search(text) or re.search(r"\b(?:old|age|aged)\b", text):
        return None
    if anchor is None and not re.search(r"\b\d{4}\b", text):
        return unresolved("day")
    base = datetime.combine(anchor or date(2000, 1, 1), datetime.min.time())
    prefer = "future" if tense == "future" else "past"
    data = _dateparser(prefer, base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return year_norm(found.year)
    if data.period == "month":
        return month_norm(found.year, found.month)
    return week_norm(found) if data.period == "week" else day_norm(found)


@lru_cache(maxsize=64)
def _dateparser(prefer: str, base: datetime) -> object:
    from dateparser.date import DateDataParser

    log.debug("dateparser fallback relative to %s", base)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "STRICT_PARSING": False}
    return DateDataParser(languages=["en"], settings=settings)
