"""Fixtures for the export tests: a store filled with the hand-coded articles."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventcoder.store import Store


def _builders() -> Any:
    """Load tests/store/store_builders.py (shared with the store tests) by path."""
    if "store_builders" in sys.modules:
        return sys.modules["store_builders"]
    path = Path(__file__).resolve().parents[1] / "store" / "store_builders.py"
    spec = importlib.util.spec_from_file_location("store_builders", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["store_builders"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def builders() -> Any:
    return _builders()


@pytest.fixture
def store(tmp_path: Path, builders: Any) -> Iterator[Store]:
    with Store.open(tmp_path / "events.sqlite") as opened:
        with opened.batch():
            opened.save_article(builders.kazakhstan_article())
            opened.save_article(builders.lagos_article())
            opened.save_article(builders.rejected_article())
        yield opened


@pytest.fixture
def events(store: Store) -> list[dict[str, Any]]:
    return store.events()
