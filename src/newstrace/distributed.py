"""Past one machine: the analysis stage mapped over a Ray cluster, everything else unchanged.

Analysis (sentences, NER, quotes, figures, embeddings) is the expensive, embarrassingly
parallel part of ingest; clustering and provenance are an ordered pass over its results and
stay in the driver. `RayAnalyzer` has the `Analyzer` interface, so `Pipeline` runs the same
stages whether analysis happens here or on a cluster. Needs the `ray` extra.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from newstrace.model import Article
from newstrace.settings import Settings

MISSING = "Ray is not installed: pip install 'newstrace[ray]' to analyse articles on a cluster"

# the driver hands Ray this many articles at a time (each worker takes a share)
RAY_BATCH = 256
# chunks sent to each worker per batch: progress and load balance without much call overhead
CHUNKS_PER_WORKER = 4


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ImportError(MISSING) from exc
    return ray


class _Worker:
    """One Ray actor: loads the models once, then analyses the chunks it is sent."""

    def __init__(self, settings: Settings) -> None:
        from newstrace.analyze import Analyzer

        self.analyzer = Analyzer(settings)

    def analyze(self, articles: list[Article]) -> list[Article]:
        self.analyzer.analyze(articles)
        return articles


def chunks(articles: list[Article], parts: int) -> list[list[Article]]:
    """Contiguous, nearly equal chunks, order kept inside and across them."""
    parts = max(1, min(parts, len(articles)))
    size, extra = divmod(len(articles), parts)
    out: list[list[Article]] = []
    start = 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(articles[start:end])
        start = end
    return [chunk for chunk in out if chunk]


class RayAnalyzer:
    """The Analyzer interface over a pool of Ray actors (local Ray when no address is given).

    `address` is a running cluster ("ray://host:10001" or "auto"); without one a local Ray
    starts with `workers` CPUs. Results are written back onto the caller's articles in place.
    """

    batch_size = RAY_BATCH

    def __init__(self, settings: Settings, workers: int = 2, address: str | None = None) -> None:
        ray = _ray()
        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=workers, **options)
        actor = ray.remote(num_cpus=1)(_Worker)
        self._ray = ray
        self._actors = [actor.remote(settings) for _ in range(max(1, workers))]

    def analyze(
        self, articles: list[Article], progress: Callable[[float], None] | None = None
    ) -> None:
        """Analyse `articles` on the workers and copy the layers back, in the caller's order.

        Each worker gets a few small chunks rather than one big one: progress moves as each
        chunk comes back, and a worker that finishes early is not left waiting on a long one.
        """
        todo = list(articles)
        parts = chunks(todo, len(self._actors) * CHUNKS_PER_WORKER)
        futures = [
            self._actors[i % len(self._actors)].analyze.remote(part) for i, part in enumerate(parts)
        ]
        size = {future: len(part) for future, part in zip(futures, parts, strict=True)}
        pending = list(futures)
        while pending:
            ready, pending = self._ray.wait(pending, num_returns=1)
            if progress is not None:
                progress(sum(size[f] for f in ready))
        done = [article for chunk in self._ray.get(futures) for article in chunk]
        for target, result in zip(todo, done, strict=True):
            for field in fields(Article):
                setattr(target, field.name, getattr(result, field.name))

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
