"""tools/train_typing.py rebuilds a working model from labelled JSONL files."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from eventcoder.errors import ResourceError
from eventcoder.extract.classifier import NONE, load_typing_model, save_typing_model
from eventcoder.resources import nlp

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "training" / "typing"


def _tool():
    path = ROOT / "tools" / "train_typing.py"
    spec = importlib.util.spec_from_file_location("train_typing", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_typing"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def small_set(tmp_path_factory) -> Path:
    """The first 40 rows of three of the project's training files."""
    folder = tmp_path_factory.mktemp("typing")
    for name in ("battles-explosions.jsonl", "non-acled.jsonl", "civilians-protests-riots.jsonl"):
        lines = (TRAINING / name).read_text(encoding="utf-8").splitlines()[:40]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_training_gives_a_model_that_fits_its_data(small_set: Path, settings, tmp_path) -> None:
    tool = _tool()
    model, card = tool.train(small_set, settings, folds=1)
    assert card["examples"] == 120 and set(card["files"]) == {p.name for p in
                                                               small_set.glob("*.jsonl")}
    assert NONE in model.acled.labels and model.decision == tool.DECISION
    save_typing_model(model, tmp_path / "m.npz")
    reloaded = load_typing_model(str(tmp_path / "m.npz"))
    examples = tool.read_examples(small_set)
    docs = nlp(settings).pipe(e.text for e in examples)
    right = 0
    for example, doc in zip(examples, docs, strict=True):
        acled, _ = reloaded.predict(doc)
        right += max(acled, key=acled.get) == example.acled
    assert right / len(examples) > 0.9


def test_training_is_deterministic(small_set: Path, settings) -> None:
    tool = _tool()
    one, _ = tool.train(small_set, settings, folds=1)
    two, _ = tool.train(small_set, settings, folds=1)
    assert one.vocab == two.vocab
    assert (one.acled.weights == two.acled.weights).all()


def test_a_bad_label_names_the_file_and_line(tmp_path: Path) -> None:
    row = {"text": "Rebels shelled the town.", "acled": "Shelling", "plover": "ASSAULT"}
    (tmp_path / "bad.jsonl").write_text(json.dumps(row) + "\n")
    with pytest.raises(ResourceError, match=r"bad\.jsonl:1"):
        _tool().read_examples(tmp_path)
