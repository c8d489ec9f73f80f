"""A plain-text timeline of events for the terminal: one block per event, by date."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

from eventcoder.export.csv_acled import trim
from eventcoder.export.regions import country_info

MAX_WIDTH = 100
INDENT = "    "


def render_timeline(events: list[dict[str, Any]], *, width: int | None = None) -> str:
    """Return the timeline of ``events`` (stored event dicts), dated first, undated last.

    ``width`` defaults to the terminal width (at most 100 columns).
    """
    width = width or min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)
    if not events:
        return "No events.\n"
    blocks = [_block(e, width) for e in sorted(events, key=_order)]
    return "\n\n".join(blocks) + "\n"


def _order(event: dict[str, Any]) -> tuple:
    day = (event.get("date") or {}).get("value")
    article = (event.get("article") or {}).get("id") or ""
    return (day is None, day or "", article, event["trigger"]["start"])


def _block(event: dict[str, Any], width: int) -> str:
    lines = [
        f"{date_label(event)} · {place_label(event)}",
        type_label(event),
        actors_label(event),
        counts_label(event),
        f"source: {source_label(event)}",
        f"“{_snippet(event, width)}”",
    ]
    return _wrapped(lines, width)


def _wrapped(lines: list[str], width: int) -> str:
    """The first line as a heading, the others indented under it, all wrapped to ``width``."""
    head, *rest = lines
    wrapped = [textwrap.fill(head, width, subsequent_indent=INDENT)]
    wrapped += [textwrap.fill(line, width, initial_indent=INDENT, subsequent_indent=INDENT + " ")
                for line in rest]
    return "\n".join(wrapped)


def date_label(event: dict[str, Any]) -> str:
    """Return "2022-01-07 (day)" or "unknown date"."""
    value = event.get("date") or {}
    if not value.get("value"):
        return "unknown date"
    return f"{value['value']} ({value.get('precision') or 'day'})"


def place_label(event: dict[str, Any]) -> str:
    """Return "Almaty, Kazakhstan" (with the words of the text when they differ)."""
    loc = event.get("location") or {}
    if not loc.get("name"):
        return "unknown place"
    country = country_info(loc.get("country_code"))[1]
    label = ", ".join(dict.fromkeys(p for p in (loc["name"], country) if p))
    said = loc.get("text")
    return f"{label} (“{said}”)" if said and said != loc["name"] else label


def type_label(event: dict[str, Any]) -> str:
    """Return "Riots: Mob violence / PLOVER ASSAULT (beat)"."""
    acled = event.get("acled") or {}
    plover = event.get("plover") or {}
    acled_part = ": ".join(p for p in (acled.get("event_type"), acled.get("sub_event_type")) if p)
    mode = f" ({plover['mode']})" if plover.get("mode") else ""
    return f"{acled_part or 'not an ACLED event'} / PLOVER {plover.get('event')}{mode}"


def actors_label(event: dict[str, Any]) -> str:
    """Return "actor1 (with assoc) → actor2 (with assoc)", or "no actor"."""
    sides = [_side(event, r, f"assoc_actor_{n}") for n, r in ((1, "actor1"), (2, "actor2"))]
    return " → ".join(s for s in sides if s) or "no actor"


def _side(event: dict[str, Any], role: str, assoc_role: str) -> str | None:
    main, assoc = _actor(event, role), _actor(event, assoc_role)
    if main and assoc:
        return f"{main} (with {assoc})"
    return main or assoc


def counts_label(event: dict[str, Any]) -> str:
    """Return "killed 18 · injured – · arrested –"."""
    pairs = (("killed", "fatalities"), ("injured", "injured"), ("arrested", "arrested"))
    return " · ".join(f"{word} {_num(event.get(key))}" for word, key in pairs)


def source_label(event: dict[str, Any]) -> str:
    """Return "attributed to X (reported)", "unattributed" or "author (Outlet)"."""
    attribution = event.get("attribution") or {}
    kind = attribution.get("kind") or "author"
    if kind == "attributed":
        verb = f" ({attribution['verb']})" if attribution.get("verb") else ""
        return f"attributed to {attribution.get('source') or attribution.get('text')}{verb}"
    if kind == "unattributed":
        return "unattributed"
    outlet = (event.get("article") or {}).get("source")
    return f"author ({outlet})" if outlet else "author"


def _snippet(event: dict[str, Any], width: int) -> str:
    text = (event.get("sentence") or {}).get("text") or event["trigger"]["text"]
    return trim(text, max(40, 2 * (width - len(INDENT))))


def _actor(event: dict[str, Any], role: str) -> str | None:
    for actor in event.get("actors") or ():
        if actor.get("role") == role:
            return actor.get("name") or actor.get("text")
    return None


def _num(value: int | None) -> str:
    return "–" if value is None else str(value)


def render_merged_timeline(merged: list[Any], *, width: int | None = None) -> str:
    """Return the timeline of merged events (:class:`~eventcoder.resolve.crossdoc.MergedEvent`).

    Each block gives the reconciled date, place, type, actors and counts, the
    number of sources, how each count evolved from report to report (with the
    rule that chose the figure), and the reports themselves.
    """
    width = width or min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)
    if not merged:
        return "No events.\n"
    return "\n\n".join(_merged_block(m, width) for m in merged) + "\n"


def _merged_block(merged: Any, width: int) -> str:
    event = merged.event
    first = merged.mentions[0]
    lines = [
        f"{date_label(event)} · {place_label(event)}",
        type_label(event),
        actors_label(event),
        counts_label(event),
        sources_label(merged),
        *(evolution_label(f) for f in merged.figures if len(f.reports) > 1),
        f"“{_snippet(first, width)}”",
    ]
    return _wrapped(lines, width)


def sources_label(merged: Any) -> str:
    """Return "3 sources: Reuters 2022-01-05, AP 2022-01-06 (+1 near duplicate)"."""
    seen: dict[str, str] = {}
    for mention in merged.mentions:
        article = mention.get("article") or {}
        label = " ".join(p for p in (article.get("source"), article.get("published")) if p)
        seen.setdefault(article.get("id") or "", label or article.get("id") or "?")
    copies = len(seen) - merged.sources
    tail = f" (+{copies} near duplicate{'s' if copies > 1 else ''})" if copies else ""
    noun = "source" if merged.sources == 1 else "sources"
    return f"{merged.sources} {noun}: {', '.join(seen.values())}{tail}"


def evolution_label(figure: Any) -> str:
    """Return "killed: 12 (AP 2022-01-05) → 18 (AFP 2022-01-06, update) = 18, <rule>"."""
    word = {"fatalities": "killed"}.get(figure.kind, figure.kind)
    steps = []
    for report in figure.reports:
        said = ", ".join(p for p in (report.source, report.published,
                                     "update" if report.update else None) if p)
        steps.append(f"{report.value} ({said})" if said else str(report.value))
    return f"{word}: {' → '.join(steps)} = {figure.value}, {figure.rule}"
