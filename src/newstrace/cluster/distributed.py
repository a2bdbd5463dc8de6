"""A batch path beyond one machine: analysis mapped over partitions with Ray, then one pass.

Analysis (NER, embeddings) is the expensive, embarrassingly parallel part; clustering is a
single ordered pass over the results and stays in this process. Needs the `ray` extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newstrace.cluster.incremental import IncrementalClusterer
from newstrace.model import Article, Story
from newstrace.settings import Settings
from newstrace.store.base import Store

MISSING = "Ray is not installed: pip install 'newstrace[ray]' to analyse partitions on a cluster"


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(MISSING) from exc
    return ray


def partition(articles: Sequence[Article], parts: int) -> list[list[Article]]:
    """Contiguous, nearly equal partitions (arrival order is kept inside and across them)."""
    parts = max(1, min(parts, len(articles)))
    size, extra = divmod(len(articles), parts)
    out: list[list[Article]] = []
    start = 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(list(articles[start:end]))
        start = end
    return [p for p in out if p]


def _analyse_partition(articles: list[Article], settings: Settings) -> list[Article]:
    from newstrace.analyze import Analyzer

    Analyzer(settings).analyze(articles)
    return articles


def analyse_with_ray(
    articles: Sequence[Article], settings: Settings, parts: int = 8, address: str | None = None
) -> list[Article]:
    """Analyse articles on a Ray cluster (or local Ray) in `parts` partitions, order kept."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, ignore_reinit_error=True)
    task = ray.remote(_analyse_partition)
    futures = [task.remote(chunk, settings) for chunk in partition(articles, parts)]
    return [article for chunk in ray.get(futures) for article in chunk]


def cluster_batch(
    store: Store, articles: Sequence[Article], settings: Settings, parts: int = 8
) -> list[Story]:
    """Store, analyse (distributed) and cluster a batch; returns the stories."""
    fresh = [a for a in articles if store.add_article(a)]
    analysed = analyse_with_ray(fresh, settings, parts)
    clusterer = IncrementalClusterer(store, settings)
    for article in analysed:
        store.save_analysis(article)
        clusterer.add(article)
    return clusterer.stories()
