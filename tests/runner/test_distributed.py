"""Scale-out on a real Dask cluster started by the test: same results as a local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.contract import article_to_json
from eventcoder.ingest import iter_articles
from eventcoder.runner import code_articles, run_into_store
from eventcoder.settings import Settings
from eventcoder.store import Store

distributed = pytest.importorskip("distributed")

FIXTURES = Path(__file__).parents[1] / "fixtures"
INPUTS = [FIXTURES / "cli" / "articles", FIXTURES / "cli" / "batch"]


@pytest.fixture(scope="module")
def client():
    from eventcoder.runner.distributed import local_cluster

    client = local_cluster(workers=2)
    yield client
    client.close()
    client.cluster.close()


def test_cluster_codes_like_a_local_run(client, settings: Settings) -> None:
    from eventcoder.runner.distributed import code_on_cluster

    articles = list(iter_articles(INPUTS, settings))
    local = [article_to_json(a) for a in code_articles(articles, settings)]
    remote = [article_to_json(a) for a in code_on_cluster(articles, settings, client,
                                                          chunk_size=2, in_flight=2)]
    assert remote == local  # same events, same ids, same order
    assert len(client.scheduler_info()["workers"]) == 2


def test_cluster_run_into_store(client, settings: Settings, tmp_path: Path) -> None:
    from eventcoder.runner.distributed import code_on_cluster

    with Store.open(tmp_path / "dask.sqlite") as store:
        summary = run_into_store(iter_articles(INPUTS, settings), store, settings,
                                 coder=lambda a: code_on_cluster(a, settings, client))
        assert summary.accepted == len(store.articles())
        assert sum(summary.rejected.values()) == len(store.rejections())
        assert summary.accepted > 0 and summary.rejected
