"""`eventcoder actors validate`: the shipped knowledge base is clean; broken files fail."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app

SHIPPED = Path(__file__).parents[1] / "src" / "eventcoder" / "resolve" / "actors.json"
BROKEN = Path(__file__).parent / "fixtures" / "actors" / "bad_country.json"
runner = CliRunner()


def test_shipped_knowledge_base_validates() -> None:
    result = runner.invoke(app, ["actors", "validate", str(SHIPPED)])
    assert result.exit_code == 0, result.output


def test_broken_file_fails_with_the_problems() -> None:
    result = runner.invoke(app, ["actors", "validate", str(BROKEN)])
    assert result.exit_code == 1
    assert "not an ISO 3166-1 alpha-2 code" in result.output
