"""eventcoder: news reports in, sourced and geocoded political events out."""

from eventcoder.errors import EventcoderError
from eventcoder.model import Article, ArticleMeta, Event, Span
from eventcoder.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleMeta",
    "Event",
    "EventcoderError",
    "Settings",
    "Span",
    "__version__",
]
