"""Regression: two attack reports that read alike but happened in different countries
(Peshawar, Pakistan and Maiduguri, Nigeria) once became one story through text similarity."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app

CASES = Path(__file__).parents[1] / "fixtures" / "crossdoc" / "cases.jsonl"


def test_alike_attacks_in_two_countries_are_two_stories(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(CASES.read_text(encoding="utf-8").splitlines(True)[:6]))
    db = tmp_path / "s.sqlite"
    assert CliRunner().invoke(app, ["run", str(corpus), "--db", str(db), "--quiet"]).exit_code == 0
    out = tmp_path / "e.jsonl"
    assert CliRunner().invoke(app, ["export", "--db", str(db), "--format", "jsonl",
                                    "--out", str(out)]).exit_code == 0
    stories: dict[str, set[str]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)["article"]
        stories.setdefault(article["story_id"], set()).add(article["id"].split("-")[0])
    assert all(len(places) == 1 for places in stories.values()), stories
    assert {"peshawar", "maiduguri"} <= {p for places in stories.values() for p in places}
