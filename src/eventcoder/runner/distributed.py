"""Scale-out: the same pipeline on a Dask cluster.

Articles travel to the workers in chunks; each worker process builds the
pipeline once (the stages hold only settings, and the heavy resources are
loaded by cached loaders on first use), codes its chunk through ``nlp.pipe``
and sends the coded articles back. Results come back in input order, so a run
on a cluster stores exactly what a local run stores.

Dask is an optional extra: ``.venv/bin/pip install -e '.[dask]'``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from eventcoder.errors import MissingExtraError
from eventcoder.model import Article
from eventcoder.pipeline import Pipeline
from eventcoder.settings import Settings

if TYPE_CHECKING:
    from distributed import Client


def _client_class() -> Any:
    try:
        from distributed import Client
    except ImportError as err:  # the extra is not installed
        raise MissingExtraError("running on a Dask cluster", "dask") from err
    return Client


@lru_cache(maxsize=2)
def _worker_pipeline(settings: Settings) -> Pipeline:
    pipeline = Pipeline.build(settings)
    pipeline.warm_up()
    return pipeline


def code_chunk(settings: Settings, chunk: list[Article]) -> list[Article]:
    """Code one chunk on a worker (the pipeline is built once per worker process)."""
    return list(_worker_pipeline(settings).process(chunk))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_on_cluster(articles: Iterable[Article], settings: Settings, client: Client,
                    chunk_size: int = 64, in_flight: int = 8) -> Iterator[Article]:
    """Code ``articles`` on the cluster behind ``client``, yielding them in input order.

    At most ``in_flight`` chunks are pending at once, so a corpus larger than memory
    streams through the cluster.
    """
    pending: deque = deque()
    for chunk in _chunks(articles, chunk_size):
        pending.append(client.submit(code_chunk, settings, chunk, pure=False))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def local_cluster(workers: int) -> Client:
    """A Dask cluster of ``workers`` processes on this machine (one thread each)."""
    client_class = _client_class()
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return client_class(cluster)


def connect(address: str) -> Client:
    """A client of the Dask scheduler at ``address`` ("tcp://host:8786")."""
    return _client_class()(address)
