"""Output contract v1: real outputs validate against the JSON Schema and every span is exact."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from eventcoder.contract import article_to_json
from eventcoder.ingest import article_from_text, read_text_file
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

ARTICLES = Path(__file__).parent / "fixtures" / "cli" / "articles"
ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))
VOCAB = Path(__file__).parents[1] / "src" / "eventcoder" / "ontology" / "vocab.json"
DOC = Path(__file__).parents[1] / "docs" / "contract.md"


@cache
def validator() -> jsonschema.Draft202012Validator:
    """The contract's validator, read from the package data like a consumer would."""
    schema = json.loads(files("eventcoder").joinpath("schema/contract-v1.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(obj: dict[str, Any]) -> list[str]:
    """Every way ``obj`` breaks the contract, as readable lines (empty when it conforms)."""
    return [f"{e.json_path}: {e.message}" for e in validator().iter_errors(obj)]


def spans(coded: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (where, span) for every text span of a contract object."""
    for i, event in enumerate(coded["events"]):
        yield from _event_spans(f"events[{i}]", event)
    for i, place in enumerate(coded["places"]):
        yield f"places[{i}]", place
    for i, expr in enumerate(coded["dates"]):
        yield f"dates[{i}]", expr


def _event_spans(where: str, event: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield f"{where}.trigger", event["trigger"]
    yield from ((f"{where}.mentions[{i}]", m) for i, m in enumerate(event.get("mentions", [])))
    yield from ((f"{where}.actors[{i}]", a) for i, a in enumerate(event["actors"]))
    yield from ((f"{where}.labels[{i}]", a) for i, a in enumerate(event.get("labels", [])))
    yield from ((f"{where}.evidence.{k}", c) for k, c in event.get("evidence", {}).items())
    if event["date"] and event["date"]["start"] is not None:
        yield f"{where}.date", event["date"]
    if event["location"]:
        yield f"{where}.location", event["location"]
    attribution = event["attribution"]
    if attribution["kind"] != "author":
        yield f"{where}.attribution", attribution
        yield f"{where}.attribution.verb", {"text": attribution["verb"],
                                            "start": attribution["verb_start"],
                                            "end": attribution["verb_end"]}


def span_errors(coded: dict[str, Any], text: str) -> list[str]:
    """Spans whose text is not ``text[start:end]``, and sentences out of bounds."""
    bad = [f"{where}: {s['text']!r} != text[{s['start']}:{s['end']}] = "
           f"{text[s['start']:s['end']]!r}"
           for where, s in spans(coded) if not _exact(s, text)]
    for i, event in enumerate(coded["events"]):
        sentence, trigger = event["sentence"], event["trigger"]
        if not sentence["start"] <= trigger["start"] < trigger["end"] <= sentence["end"]:
            bad.append(f"events[{i}]: trigger {trigger} outside sentence {sentence}")
    return bad


def _exact(span: dict[str, Any], text: str) -> bool:
    start, end = span["start"], span["end"]
    return 0 <= start <= end <= len(text) and text[start:end] == span["text"]


def code_file(path: Path, settings: Settings, pipeline: Pipeline) -> dict[str, Any]:
    """Read and code one text file; return its contract object as a consumer parses it."""
    article = next(pipeline.process([read_text_file(path, settings)]))
    return json.loads(json.dumps(article_to_json(article)))


@pytest.fixture(scope="module")
def coded(settings: Settings, pipeline: Pipeline) -> dict[str, dict[str, Any]]:
    """The contract object of every fixture article, by file name (coded once)."""
    return {path.name: code_file(path, settings, pipeline) for path in ARTICLE_FILES}


def exact_text(path: Path) -> str:
    """The article text exactly as read: UTF-8 bytes decoded, no newline translation."""
    return path.read_bytes().decode("utf-8-sig")


def event_of(coded: dict[str, Any], plover: str, **fields: Any) -> dict[str, Any] | None:
    """The first event of type ``plover`` whose top-level ``fields`` have these values."""
    return next((e for e in coded["events"] if e["plover"]["event"] == plover
                 and all(e[k] == v for k, v in fields.items())), None)


# --- the schema itself ------------------------------------------------------------


def test_schema_enums_match_the_vocabularies() -> None:
    vocab = json.loads(VOCAB.read_text(encoding="utf-8"))
    defs = validator().schema["$defs"]
    assert defs["plover_event"]["enum"] == vocab["plover_events"]
    assert defs["acled_event_type"]["enum"] == list(vocab["acled"])
    subs = [s for kind in vocab["acled"].values() for s in kind["sub_event_types"]]
    assert sorted(defs["acled_sub_event_type"]["enum"]) == sorted(subs)
    assert (len(defs["acled_event_type"]["enum"]), len(subs)) == (6, 25)


# --- real articles ------------------------------------------------------------------


@pytest.mark.parametrize("name", [p.name for p in ARTICLE_FILES])
def test_output_validates_against_the_schema(coded: dict[str, dict[str, Any]], name: str) -> None:
    assert schema_errors(coded[name]) == []
    assert coded[name]["rejected"] is None
    assert coded[name]["events"], f"{name} gave no events"


@pytest.mark.parametrize("name", [p.name for p in ARTICLE_FILES])
def test_every_span_is_the_text_at_its_offsets(coded: dict[str, dict[str, Any]],
                                               name: str) -> None:
    assert span_errors(coded[name], exact_text(ARTICLES / name)) == []


def test_publication_date_comes_from_the_file_name(coded: dict[str, dict[str, Any]]) -> None:
    assert coded["kazakhstan-2022-01-07.txt"]["article"]["published"] == "2022-01-07"
    assert coded["maiduguri-attack-2021-06-10.txt"]["article"]["published"] == "2021-06-10"


def test_attack_with_fatalities(coded: dict[str, dict[str, Any]]) -> None:
    attack = event_of(coded["maiduguri-attack-2021-06-10.txt"], "ASSAULT", fatalities=12)
    assert attack is not None
    assert attack["injured"] == 5
    assert attack["location"]["country_code"] == "NG"
    assert attack["date"]["value"] == "2021-06-09"  # "on Wednesday night", published Thursday


def test_protest_dispersed_with_arrests(coded: dict[str, dict[str, Any]]) -> None:
    nairobi = coded["nairobi-protest-2023-07-12.txt"]
    arrests = event_of(nairobi, "COERCE", arrested=34)
    assert arrests is not None
    assert arrests["attribution"]["kind"] == "attributed"
    assert "interior ministry" in arrests["attribution"]["source"].lower()
    assert {e["acled"]["event_type"] for e in nairobi["events"]} >= {"Protests"}


def test_diplomatic_agreement(coded: dict[str, dict[str, Any]]) -> None:
    agree = event_of(coded["addis-ababa-agreement-2022-11-03.txt"], "AGREE")
    assert agree is not None
    assert agree["acled"]["sub_event_type"] == "Agreement"
    assert agree["cameo_root"] == "03"


def test_offsets_index_the_text_as_read_with_crlf_and_curly_quotes(
    tmp_path: Path, settings: Settings, pipeline: Pipeline
) -> None:
    """Windows line ends and non-ASCII quotes must not shift any offset."""
    source = exact_text(ARTICLES / "nairobi-protest-2023-07-12.txt")
    text = source.replace("\n", "\r\n").replace("said in a statement", "said in a “statement”")
    path = tmp_path / "nairobi-crlf-2023-07-12.txt"
    path.write_bytes(text.encode("utf-8"))
    result = code_file(path, settings, pipeline)
    assert "\r\n" in exact_text(path)
    assert schema_errors(result) == []
    assert span_errors(result, exact_text(path)) == []
    assert result["events"]


# --- rejected articles ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("В Алматы протестующие захватили здание городской администрации, сообщает МВД.",
     "not_english"),
])
def test_rejected_article_validates(settings: Settings, pipeline: Pipeline, text: str,
                                    reason: str) -> None:
    article = next(pipeline.process([article_from_text(text, settings, published="2022-01-07")]))
    result = json.loads(json.dumps(article_to_json(article)))
    assert schema_errors(result) == []
    assert result["rejected"]["reason"] == reason
    assert result["events"] == [] and result["places"] == [] and result["dates"] == []


# --- the schema rejects what breaks the contract --------------------------------------


def _breakages() -> list[tuple[str, Any]]:
    def set_path(*path: Any, value: Any) -> Any:
        def apply(obj: dict[str, Any]) -> None:
            target = obj
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        return apply

    def drop(*path: Any) -> Any:
        def apply(obj: dict[str, Any]) -> None:
            target = obj
            for key in path[:-1]:
                target = target[key]
            del target[path[-1]]
        return apply

    return [
        ("unknown PLOVER type", set_path("events", 0, "plover", "event", value="RIOT")),
        ("ACLED sub-type not in the codebook",
         set_path("events", 0, "acled", "sub_event_type", value="Riot")),
        ("negative offset", set_path("events", 0, "trigger", "start", value=-1)),
        ("offset as a string", set_path("events", 0, "trigger", "end", value="88")),
        ("author attribution with a span",
         set_path("events", 0, "attribution", value={"kind": "author", "source": None,
                                                      "text": "said", "verb": None,
                                                      "start": 3, "end": 7})),
        ("unknown modality", set_path("events", 0, "modality", value="likely")),
        ("inter outside 1-8", set_path("events", 0, "actors", 0, "inter", value=9)),
        ("date not ISO", set_path("events", 0, "date", "value", value="07/01/2022")),
        ("unknown precision", set_path("events", 0, "date", "precision", value="hour")),
        ("unknown feature", set_path("places", 0, "feature", value="village")),
        ("cameo root 21", set_path("events", 0, "cameo_root", value="21")),
        ("missing rejected", drop("rejected")),
        ("missing fatalities", drop("events", 0, "fatalities")),
        ("rejection without reason", set_path("rejected", value={"detail": "x"})),
    ]


@pytest.mark.parametrize(("what", "breakage"), _breakages(), ids=[w for w, _ in _breakages()])
def test_schema_rejects_a_broken_output(coded: dict[str, dict[str, Any]], what: str,
                                        breakage: Any) -> None:
    broken = copy.deepcopy(coded["kazakhstan-2022-01-07.txt"])
    breakage(broken)
    assert schema_errors(broken), f"the schema accepted an output with {what}"


def test_schema_allows_extra_keys(coded: dict[str, dict[str, Any]]) -> None:
    extended = copy.deepcopy(coded["kazakhstan-2022-01-07.txt"])
    extended["coder"] = {"name": "eventcoder"}
    extended["events"][0]["notes"] = "an extra key a newer coder adds"
    assert schema_errors(extended) == []


def test_the_documented_examples_conform() -> None:
    """docs/contract.md shows a real event and a rejection: both must still validate."""
    blocks = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    event, rejection = (json.loads(b) for b in blocks)
    wrapped = {**rejection, "events": [event], "rejected": None}
    assert schema_errors(wrapped) == []
    assert schema_errors(rejection) == []
