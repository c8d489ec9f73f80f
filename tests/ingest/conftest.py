"""Shared fixtures of the ingest tests: the fixture folder and default settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture
def fixtures() -> Path:
    """The folder of real input files."""
    return FIXTURES


@pytest.fixture
def settings() -> Settings:
    """Default settings, untouched by the environment or a config file."""
    return Settings()
