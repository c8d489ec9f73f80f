"""The terminal timeline."""

from __future__ import annotations

import re
from typing import Any

from eventcoder.export import render_timeline


def test_dates_in_order_and_undated_last(events: list[dict[str, Any]]) -> None:
    text = render_timeline(list(reversed(events)), width=90)
    heads = [line.split(" · ")[0] for line in text.splitlines()
             if line and not line.startswith(" ")]
    dated = [h.split(" ")[0] for h in heads if h != "unknown date"]
    assert dated == sorted(dated) and len(dated) == 6
    assert heads[-2:] == ["unknown date", "unknown date"]
    assert heads[0] == "2020-10-20 (day)"


def test_block_contents(events: list[dict[str, Any]]) -> None:
    text = render_timeline(events, width=100)
    assert "2022-01-07 (day) · Almaty, Kazakhstan (“Alma-Ata”)" in text
    assert "Strategic developments: Non-violent transfer of territory / PLOVER MOBILIZE" in text
    assert "Rioters (Kazakhstan) → Police Forces of Kazakhstan (2019-)" in text
    assert "killed 18 · injured – · arrested –" in text
    assert "source: attributed to National Guard of Kazakhstan (reported)" in text
    assert "source: unattributed" in text and "source: author (Seed Wire)" in text
    assert "not an ACLED event / PLOVER REQUEST (aid)" in text
    assert "“Protests in Kazakhstan began on January 2.”" in text


def test_width_is_respected(events: list[dict[str, Any]]) -> None:
    text = render_timeline(events, width=60)
    assert max(len(line) for line in text.splitlines()) <= 60
    assert re.search(r"“.*…”", text, re.S)  # long sentences are trimmed


def test_no_events() -> None:
    assert render_timeline([]) == "No events.\n"


def test_associated_actors_are_shown(events: list[dict[str, Any]]) -> None:
    text = render_timeline(events, width=100)
    assert ("Military Forces of Russia (2000-) (with Police Forces of Kazakhstan (2019-))"
            in text)


def test_merged_event_shows_sources_and_count_evolution(events: list[dict[str, Any]]) -> None:
    from eventcoder.export.timeline import render_merged_timeline
    from eventcoder.resolve.crossdoc import reconcile

    first = next(e for e in events if e.get("fatalities"))
    later = {**first, "id": first["id"] + "b", "fatalities": first["fatalities"] + 5,
             "article": {**first["article"], "id": "later", "source": "Other Wire",
                         "published": "2099-01-01"}}
    merged = reconcile("m1", [later, first])
    text = render_merged_timeline([merged], width=200)
    assert "2 sources:" in text
    low, high = first["fatalities"], first["fatalities"] + 5
    assert f"killed {low} ·" in text and "lowest figure (sources disagree)" in text
    assert re.search(rf"killed: {low} \(.*\) → {high} \(Other Wire, 2099-01-01\)", text)
