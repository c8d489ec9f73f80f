"""Fixtures for the store tests: hand-coded articles and an open store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_builders import kazakhstan_article, lagos_article, rejected_article

from eventcoder.model import Article
from eventcoder.store import Store


@pytest.fixture
def kz() -> Article:
    return kazakhstan_article()


@pytest.fixture
def lagos() -> Article:
    return lagos_article()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: Store, kz: Article, lagos: Article) -> Store:
    with store.batch():
        store.save_article(kz)
        store.save_article(lagos)
        store.save_article(rejected_article())
    return store
