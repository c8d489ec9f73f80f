"""`validate_actor_file`: a good file passes, each kind of mistake is reported with where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.resolve.actors_validate import validate_actor_file

FIXTURES = Path(__file__).parents[1] / "fixtures" / "actors"
SHIPPED = Path(__file__).parents[2] / "src" / "eventcoder" / "resolve" / "actors.json"


def test_good_file_has_no_problems() -> None:
    assert validate_actor_file(FIXTURES / "good.json") == []


def test_shipped_file_validates_clean() -> None:
    assert validate_actor_file(SHIPPED) == []


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("invalid_json.json", "line 3"),
        ("missing_keys.json", "missing key 'name'"),
        ("missing_keys.json", "missing key 'from'"),
        ("bad_country.json", "country 'FRA' is not an ISO 3166-1"),
        ("bad_country.json", "country 'ZZ' is not an ISO 3166-1"),
        ("bad_dates.json", "'01/02/2030' is not an ISO date"),
        ("bad_dates.json", "'from' 2035-01-01 is after 'to' 2032-01-01"),
        ("overlap.json", "terms of Jane Roe and John Doe overlap on 2031-01-01"),
        ("shared_alias.json", "warning: alias 'roe' names both Jane Roe and Richard Roe"),
        ("unknown_office.json", "office 'grand vizier' is not in the top-level 'offices'"),
        ("bad_inter.json", "inter 9 must be an ACLED inter code 1-8"),
    ],
)
def test_broken_files_are_reported(fixture: str, expected: str) -> None:
    problems = validate_actor_file(FIXTURES / fixture)
    assert any(expected in p for p in problems), problems


def test_missing_file_says_so(tmp_path: Path) -> None:
    assert "can't read" in validate_actor_file(tmp_path / "absent.json")[0]
