"""The pipeline in one place: ingest -> analyze -> cluster -> align/provenance -> store.

Each step is resumable: work is found from what the store already holds (articles not yet
analysed, analysed articles not yet clustered, stories marked dirty), so a run killed at any
point is completed by running it again, ending where an uninterrupted run ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newstrace.model import IngestError, Story, StoryProvenance
from newstrace.settings import Settings
from newstrace.store.base import Store

DIRTY = "dirty-stories"
ANALYZE_BATCH = 32


@dataclass
class IngestReport:
    """What one ingest run did: new article ids, skipped duplicates, and per-input errors."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    stories_updated: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Progress:
    """Terminal progress bars (rich, on stderr) when enabled; a silent no-op otherwise.

    Each stage counts articles (or, for reading, inputs) and shows the rate and the time left;
    `advance` takes fractions, so a stage that works in batches still moves article by article.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @contextmanager
    def task(self, label: str, total: float | None) -> Iterator[Callable[[float], None]]:
        if not self.enabled:
            yield _ignore
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        with RichProgress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(stderr=True),
            transient=False,
        ) as bar:
            tid = bar.add_task(label, total=total, rate="")

            def advance(n: float) -> None:
                bar.advance(tid, n)
                speed = bar.tasks[tid].speed
                bar.update(tid, rate=f"{speed:,.1f}/s" if speed else "")

            yield advance


def _ignore(n: float) -> None:
    """Progress not shown."""


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Clustering and provenance multiply many small matrices (one article's sentences against
    another's, a vector against a story's): BLAS threads buy nothing there, and on a busy
    machine each hand-off to them waits for a free core. On the ECB+ test articles under load
    10 the sentence similarity took 5.8 s of a 47.6 s provenance stage with OpenBLAS's two
    threads and next to nothing with one; the results are identical (bench/real_speed.py
    --check). The analysis stage keeps its threads (the models bring their own)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # a dependency of scikit-learn; without it, BLAS as configured
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


class Pipeline:
    """Runs the stages over one store. Models load lazily, once, on first use."""

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        progress: bool = False,
        analyzer: Any = None,
    ):
        """`analyzer` replaces the in-process Analyzer (e.g. a RayAnalyzer on a cluster)."""
        self.store = store
        self.settings = settings or Settings()
        self.progress = Progress(progress)
        self._analyzer: Any = analyzer
        self.analyze_batch: int = getattr(analyzer, "batch_size", ANALYZE_BATCH)
        self._clusterer: Any = None
        self.on_error: Callable[[IngestError], None] = lambda err: None

    # --- stages ---------------------------------------------------------------
    @property
    def analyzer(self) -> Any:
        if self._analyzer is None:
            from newstrace.analyze import Analyzer

            self._analyzer = Analyzer(self.settings)
        return self._analyzer

    @property
    def clusterer(self) -> Any:
        if self._clusterer is None:
            from newstrace.cluster import IncrementalClusterer

            self._clusterer = IncrementalClusterer(self.store, self.settings)
        return self._clusterer

    def ingest(
        self, paths: Iterable[str | Path], max_bytes: int | None = None, meta: Any = None
    ) -> IngestReport:
        """Read inputs, store new articles, then analyse, cluster and update touched stories.
        `meta` (an ingest.meta.ArticleMeta) fills in each article's fields from a table."""
        from newstrace.ingest import DEFAULT_MAX_BYTES, read_paths

        started = time.perf_counter()
        report = IngestReport()
        with self.progress.task("reading", None) as advance:
            for item in read_paths(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES):
                if isinstance(item, IngestError):
                    report.errors.append(item)
                    self.on_error(item)
                    advance(1)
                    continue
                if meta is not None:
                    item = meta.apply(item)
                if self.store.add_article(item):
                    report.added.append(item.id)
                else:
                    report.skipped.append(item.id)
                advance(1)
        report.stories_updated = self.process_pending()
        report.seconds = time.perf_counter() - started
        return report

    def process_pending(self) -> list[str]:
        """Analyse, cluster and re-derive whatever the store says is not done yet."""
        self.analyze_pending()
        self.cluster_pending()
        return self.update_dirty_stories()

    def analyze_pending(self) -> int:
        ids = self.store.unanalyzed_ids()
        if not ids:
            return 0
        with self.progress.task("analysing", len(ids)) as advance:
            for start in range(0, len(ids), self.analyze_batch):
                batch = list(self.store.articles(ids[start : start + self.analyze_batch], False))
                self.analyzer.analyze(batch, progress=advance)  # moves per article
                with self.store.atomic():  # a whole batch or none: a re-run batches the same
                    for article in batch:
                        self.store.save_analysis(article)
        return len(ids)

    def cluster_pending(self) -> int:
        ids = self.store.unassigned_ids()
        if not ids:
            return 0
        with self.progress.task("clustering", len(ids)) as advance, one_blas_thread():
            every = self.settings.checkpoint_every
            for start in range(0, len(ids), every):
                chunk = ids[start : start + every]
                # one checkpoint: the clusterer's memory is settled into the store with the
                # chunk's assignments, all in one transaction, so a kill -9 rolls back to the
                # previous checkpoint and a re-run places the same articles the same way
                with self.store.atomic():
                    for article in self.store.articles(chunk):
                        assignment = self.clusterer.add(article)
                        self.store.put_state(DIRTY, assignment.story, b"1")
                        advance(1)
                    self.clusterer.flush()
        # each checkpoint's flush wrote the stories it changed; rewriting every stored story
        # here would make one new article cost as much as the whole corpus
        return len(ids)

    def update_dirty_stories(self) -> list[str]:
        dirty = sorted(key for key, _ in self.store.iter_state(DIRTY))
        # only the dirty stories are read: reading every stored story (and its events) made
        # each run cost more as the archive grew
        known = {s: story for s in dirty if (story := self.store.get_story(s)) is not None}
        done: list[str] = []
        # counted in articles, not stories: one big story is most of the work
        total = sum(len(known[s].articles) for s in dirty if s in known)
        with self.progress.task("provenance", total) as advance, one_blas_thread():
            for story_id in dirty:
                story = known.get(story_id)
                if story is not None:
                    self.update_story(story, advance)
                    done.append(story_id)
                self.store.delete_state(DIRTY, story_id)
        return done

    def update_story(
        self, story: Story, progress: Callable[[float], None] | None = None
    ) -> StoryProvenance:
        """Resolve entities across the story, then derivations, flags and claims: only the
        articles the stored provenance has not placed yet are compared (with their nearest
        neighbours), so one new article costs the same in a story of 20 or of 1,000.

        `progress` is told a quarter of an article as each is read and as its names are
        resolved, and the other half of every article once the story's provenance is done.
        """
        from newstrace.analyze import resolve_entities
        from newstrace.provenance import analyze_story, placed_articles

        tick = progress or _ignore
        articles = []
        for article in self.store.articles(story.articles):
            articles.append(article)
            tick(0.25)
        before = {a.id: [m.canonical for m in a.mentions] for a in articles}
        entities = resolve_entities(articles)
        for article in articles:  # canonical names were written onto the layers
            if [m.canonical for m in article.mentions] != before[article.id]:
                self.store.save_analysis(article)
            tick(0.25)
        previous = self.store.get_provenance(story.id)
        new_ids = None
        if previous is not None:
            new_ids = {a.id for a in articles} - placed_articles(previous)
        result: StoryProvenance = analyze_story(
            articles, entities, self.settings, previous, new_ids
        )
        result.story = story.id
        self.store.save_provenance(result)
        tick(0.5 * len(articles))
        return result

    def recluster(self) -> list[Story]:
        """Rebuild every story from scratch, then re-derive all of them."""
        from newstrace.cluster import recluster

        with self.progress.task("reclustering", None) as advance:
            stories: list[Story] = recluster(self.store, self.settings)
            advance(len(stories))
        self._clusterer = None
        for story in stories:
            self.store.put_state(DIRTY, story.id, b"1")
        self.update_dirty_stories()
        return stories

    # --- outputs ----------------------------------------------------------------
    def dossier(self, story_ids: Iterable[str] | None = None) -> dict[str, Any]:
        """The dossier of the given stories (all by default), schema-valid."""
        from newstrace.report.dossier import build_dossier

        stories = self.store.stories()
        if story_ids is not None:
            wanted = set(story_ids)
            stories = [s for s in stories if s.id in wanted]
        article_ids = [aid for s in stories for aid in s.articles]
        if story_ids is None:
            article_ids = [a.id for a in self.store.articles(None, False)]
        articles = list(self.store.articles(article_ids))
        provenance = [p for s in stories if (p := self.store.get_provenance(s.id)) is not None]
        used = sorted({a.analyzed_with for a in articles if a.analyzed_with})
        info = {
            "analyzed_with": used,
            "settings": {"embedder": self.settings.embedder, "ner": self.settings.ner},
        }
        return build_dossier(articles, stories, provenance, info)
