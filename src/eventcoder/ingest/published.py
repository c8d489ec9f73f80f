"""Publication dates from the many shapes inputs give them.

Accepted: ``date``/``datetime`` objects, ``YYYY-MM-DD``, ISO 8601 datetimes,
RFC 2822 dates (feeds, e-mail), ``time.struct_time`` (feedparser) and
None/blank. A value that cannot be read is not a rejection: it gives None
and a warning. Today's date is never substituted for a missing one.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

log = logging.getLogger(__name__)

_NAME_DATE = re.compile(r"(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})$")


def parse_published(value: object, origin: str | None = None) -> date | None:
    """Return the calendar date of ``value`` as the publisher wrote it, or None.

    A datetime keeps its own local date (its timezone is not converted), so
    "2022-01-07T23:30:00+06:00" gives 2022-01-07.
    """
    if value is None:
        return None
    parsed = read_date(value)
    if parsed is None and str(value).strip():
        log.warning("unreadable published date %r in %s: kept as None", value, origin or "input")
    return parsed


def read_date(value: object) -> date | None:
    """Return the date of ``value`` or None, quietly (see :func:`parse_published`)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return _from_struct(value)
    if isinstance(value, str):
        return _from_string(value.strip())
    return None


def _from_struct(value: time.struct_time) -> date | None:
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None


def _from_string(text: str) -> date | None:
    if not text:
        return None
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return read_date(parse(iso))
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def date_from_name(stem: str) -> date | None:
    """Return the trailing ``YYYY-MM-DD`` of a file name stem, if it is a real date.

    ``kazakhstan-2022-01-07`` gives 2022-01-07; ``report-2022-13-45`` gives None.
    """
    match = _NAME_DATE.search(stem)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
