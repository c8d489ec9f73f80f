"""ACLED, PLOVER and CAMEO vocabularies and the mappings between them (data files)."""

from eventcoder.ontology.acled import (
    ACLED_SUB_TYPES,
    PLOVER_EVENTS,
    acled_coding,
    cameo_root,
    disorder_type,
    plover_context,
)

__all__ = [
    "ACLED_SUB_TYPES",
    "PLOVER_EVENTS",
    "acled_coding",
    "cameo_root",
    "disorder_type",
    "plover_context",
]
