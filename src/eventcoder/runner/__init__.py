"""Running the pipeline: locally in one process, or on a Dask cluster."""

from eventcoder.runner.local import RunSummary, code_articles, run_into_store

__all__ = ["RunSummary", "code_articles", "run_into_store"]
