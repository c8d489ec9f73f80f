"""`eventcoder sources learn` and `evaluate actors` from the command line, on real files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.resolve.focus import load_profile

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_sources_learn_writes_a_profile_the_places_stage_reads(tmp_path: Path) -> None:
    out = tmp_path / "profile.json"
    result = runner.invoke(app, ["sources", "learn",
                                 str(FIXTURES / "sources" / "two-outlets.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    profile = load_profile(out)
    focus = profile.focus("riverparish-times.example")
    assert focus is not None
    assert json.loads(out.read_text())  # a real JSON file
    assert "Louisiana" in json.dumps(json.loads(out.read_text()))
    assert profile.focus("highland-courier.example") is None  # one article is not a focus


def test_sources_learn_needs_an_output_path() -> None:
    corpus = FIXTURES / "sources" / "two-outlets.jsonl"
    result = runner.invoke(app, ["sources", "learn", str(corpus)])
    assert result.exit_code != 0


def test_evaluate_actors_scores_annotated_sentences() -> None:
    result = runner.invoke(app, ["evaluate", "actors",
                                 str(FIXTURES / "actors" / "mini-actors.jsonl")])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert 0 <= figures["actor1_match"] <= 1 and "misses" not in figures
