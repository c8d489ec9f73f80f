"""The error hierarchy. Every message says what was wrong and how to fix it."""

from __future__ import annotations


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class ConfigError(EventcoderError):
    """A setting is missing or wrong; the message names the setting and the fix."""


class ResourceError(EventcoderError):
    """A language pipeline, gazetteer or data file cannot be loaded."""


class PipelineError(EventcoderError):
    """The stages cannot be assembled (unknown stage, missing input)."""


class InputError(EventcoderError):
    """An input cannot be read or coded; carries a short ``reason`` code.

    Raised inside ingest and turned into a recorded
    :class:`eventcoder.model.Rejection`; it never stops a batch.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class StoreError(EventcoderError):
    """The database file cannot be opened or has an unknown schema."""


class MissingExtraError(EventcoderError):
    """An optional feature's packages are not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs optional packages: install them with "
            f"`.venv/bin/pip install -e '.[{extra}]'`"
        )
