"""The embedded database: schema, migrations, idempotent upserts, queries.

Imports no NLP or HTTP code: the API, the dashboard and the exports read from here.
"""

from eventcoder.store.schema import SCHEMA_VERSION
from eventcoder.store.sqlite import Store

__all__ = ["SCHEMA_VERSION", "Store"]
