"""Shared fixtures: the real pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventcoder.ingest import article_from_text
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "extract" / "kazakhstan-2022-01-07.txt"


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Default settings (the bundled spaCy pipeline, the default gazetteer cache)."""
    return Settings.load()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    """The full default pipeline, warmed up once."""
    built = Pipeline.build(settings)
    built.warm_up()
    return built


@pytest.fixture(scope="session")
def code(pipeline: Pipeline, settings: Settings) -> Callable[..., Article]:
    """Code one text: ``code(text, "2022-01-07")``."""

    def run(text: str, published: str | None = "2022-01-07") -> Article:
        day = date.fromisoformat(published) if published else None
        article = article_from_text(text, settings, published=day)
        return next(pipeline.process([article]))

    return run


@pytest.fixture(scope="session")
def seed(code: Callable[..., Article]) -> Article:
    """The seed article (published 2022-01-07), coded."""
    return code(SEED.read_text(encoding="utf-8"), "2022-01-07")
