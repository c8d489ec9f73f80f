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


@pytest.mark.parametrize(
    ("office", "country", "day", "name"),
    [
        ("prime minister", "GB", date(2022, 7, 15), "Boris Johnson"),
        ("prime minister", "GB", date(2022, 9, 20), "Liz Truss"),
        ("prime minister", "GB", date(2022, 10, 26), "Rishi Sunak"),
        ("prime minister", "GB", date(2024, 7, 5), "Keir Starmer"),
        ("president", "US", date(2021, 1, 19), "Donald Trump"),
        ("president", "US", date(2021, 1, 20), "Joe Biden"),
        ("president", "US", date(2025, 1, 19), "Joe Biden"),
        ("president", "KZ", date(2019, 3, 19), "Nursultan Nazarbayev"),
        ("president", "AM", date(2021, 1, 1), "Armen Sarkissian"),
        ("president", "AM", date(2023, 1, 1), "Vahagn Khachaturyan"),
        ("prime minister", "PK", date(2022, 4, 1), "Imran Khan"),
        ("prime minister", "PK", date(2022, 4, 12), "Shehbaz Sharif"),
        ("prime minister", "PK", date(2023, 9, 1), "Anwaar-ul-Haq Kakar"),
        ("president", "LK", date(2022, 6, 1), "Gotabaya Rajapaksa"),
        ("president", "LK", date(2022, 8, 1), "Ranil Wickremesinghe"),
        ("prime minister", "LK", date(2022, 6, 1), "Ranil Wickremesinghe"),
        ("president", "PE", date(2022, 12, 6), "Pedro Castillo"),
        ("president", "PE", date(2023, 1, 15), "Dina Boluarte"),
        ("president", "CL", date(2022, 3, 10), "Sebastian Pinera"),
        ("president", "CL", date(2022, 3, 11), "Gabriel Boric"),
        ("president", "BR", date(2022, 12, 31), "Jair Bolsonaro"),
        ("president", "BR", date(2023, 1, 8), "Luiz Inacio Lula da Silva"),
        ("president", "AR", date(2023, 12, 9), "Alberto Fernandez"),
        ("president", "AR", date(2023, 12, 10), "Javier Milei"),
        ("president", "BF", date(2022, 1, 1), "Roch Marc Christian Kabore"),
        ("president", "BF", date(2022, 6, 1), "Paul-Henri Sandaogo Damiba"),
        ("president", "BF", date(2022, 10, 1), "Ibrahim Traore"),
        ("king", "CA", date(2023, 1, 1), "Charles III"),
        ("queen", "AU", date(2020, 1, 1), "Elizabeth II"),
    ],
)
def test_holder_across_handovers(kb, office: str, country: str, day: date, name: str) -> None:
    assert kb.holder(office, country, day).name == name


def test_government_while_in_office_elite_after(kb) -> None:
    truss = kb.find_alias("Liz Truss")
    coded = kb.person_coding(truss, date(2022, 10, 1))
    assert coded.acled_name == "Government of United Kingdom (2022-2022)"
    assert kb.person_coding(truss, date(2023, 1, 1)).inter is None
    castillo = kb.find_alias("Pedro Castillo")
    assert kb.person_coding(castillo, date(2022, 11, 1)).inter == 1
    assert kb.person_coding(castillo, date(2022, 12, 8)).sector == "ELI"


def test_regime_label_follows_the_executive(kb) -> None:
    assert kb.regime("IN", date(2022, 1, 7)) == "2014-"  # the prime minister, not the president
    assert kb.regime("US", date(2022, 6, 1)) == "2021-2025"  # ended periods are closed
    assert kb.regime("US", date(2025, 6, 1)) == "2025-"
    assert kb.regime("BF", date(2022, 10, 10)) == "2022-"  # regimes table: both coups of 2022
    assert kb.regime("AM", date(2022, 1, 7)) == "2018-"


def test_organisations_and_armed_groups(kb) -> None:
    assert kb.find_alias("MONUSCO peacekeepers").short == "MONUSCO"
    assert kb.find_alias("fighters of the Wagner Group").inter == 8
    assert kb.find_alias("JNIM militants").inter == 2
