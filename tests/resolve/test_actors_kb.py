"""The actor knowledge base: dated offices, regimes, organisations, agents, extension files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.resolve.actors import Person, load_actor_kb
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def kb():
    return load_actor_kb(Settings())


def test_sitting_president_is_government(kb) -> None:
    tokayev = kb.find_alias("President Kassym-Jomart Tokayev")
    assert isinstance(tokayev, Person)
    coded = kb.person_coding(tokayev, date(2022, 1, 5))
    assert (coded.inter, coded.acled_name) == (1, "Government of Kazakhstan (2019-)")


def test_out_of_office_is_not_government(kb) -> None:
    tokayev = kb.find_alias("Tokayev")
    assert kb.person_coding(tokayev, date(2010, 1, 1)).inter is None


@pytest.mark.parametrize(
    ("office", "country", "day", "name"),
    [
        ("president", "KZ", date(2018, 1, 1), "Nursultan Nazarbayev"),
        ("president", "KZ", date(2019, 3, 20), "Kassym-Jomart Tokayev"),
        ("prime minister", "AM", date(2022, 1, 7), "Nikol Pashinyan"),
        ("president", "US", date(2024, 6, 1), "Joe Biden"),
        ("president", "US", date(2025, 6, 1), "Donald Trump"),
        ("president", "RU", date(2010, 1, 1), "Dmitry Medvedev"),
    ],
)
def test_holder_on_date(kb, office: str, country: str, day: date, name: str) -> None:
    assert kb.holder(office, country, day).name == name


def test_regime_periods(kb) -> None:
    assert kb.regime("KZ", date(2022, 1, 7)) == "2019-"
    assert kb.regime("RU", date(2022, 1, 7)) == "2000-"  # ACLED's continuous Putin regime


def test_csto_is_known(kb) -> None:
    csto = kb.find_alias("the Collective Security Treaty Organization")
    assert csto.short == "CSTO" and csto.inter == 8


def test_agents_by_lemma(kb) -> None:
    assert kb.agent_in("kazakhstani law enforcement agency").inter == 1
    assert kb.agent("protester").inter == 6
    assert kb.agent("monument") is None


def test_extension_file_adds_people(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"people": [{
        "name": "Jane Roe", "aliases": ["jane roe"], "country": "FR",
        "offices": [{"office": "interior minister", "from": "2030-01-01", "to": None}]}]}))
    kb = load_actor_kb(Settings(actor_files=(str(extra),)))
    assert kb.holder("interior minister", "FR", date(2031, 1, 1)).name == "Jane Roe"


def test_broken_extension_file_says_how_to_fix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ResourceError, match="fix the JSON"):
        load_actor_kb(Settings(actor_files=(str(bad),)))
