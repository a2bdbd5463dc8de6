"""The one storage interface. SQLite (default) and PostgreSQL implement it.

Algorithms never know where rows live: they call these methods with plain dataclasses.
Every write method is atomic (one transaction), so a kill -9 leaves the store sound.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Protocol

from newstrace.model import Article, Assignment, Event, Story, StoryProvenance, StoryStats


class Store(Protocol):
    """What every backend provides."""

    # --- articles -------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Insert an article; False (and no change) when its id or content hash is already stored."""
        ...

    def has_hash(self, content_hash: str) -> bool: ...

    def has_article(self, article_id: str) -> bool: ...

    def get_article(self, article_id: str, with_analysis: bool = True) -> Article | None: ...

    def articles(
        self,
        ids: Iterable[str] | None = None,
        with_analysis: bool = True,
        layers: Collection[str] | None = None,
    ) -> Iterator[Article]:
        """All articles (or those with the given ids) in ingest order; with `layers`, only
        those analysis layers are decoded (the others stay empty)."""
        ...

    def article_count(self) -> int: ...

    def unanalyzed_ids(self) -> list[str]:
        """Ids of stored articles whose analysis was never saved, in ingest order (resume after a kill)."""
        ...

    def unassigned_ids(self) -> list[str]:
        """Ids of analysed articles with no cluster assignment yet, in ingest order."""
        ...

    # --- analysis layers ------------------------------------------------
    def save_analysis(self, article: Article) -> None:
        """Store sentences, mentions, quotes, quantities and vectors of an analysed article."""
        ...

    # --- clusters -------------------------------------------------------
    def save_assignment(self, assignment: Assignment) -> None: ...

    def assignments(self) -> list[Assignment]: ...

    def save_stories(self, stories: list[Story]) -> None:
        """Replace titles/membership of the given stories (and their events)."""
        ...

    def delete_story(self, story_id: str) -> None:
        """Remove a story (e.g. emptied by a merge), its events and its provenance."""
        ...

    def stories(self) -> list[Story]: ...

    def get_story(self, story_id: str) -> Story | None: ...

    def story_stats(self, limit: int | None = None, offset: int = 0) -> list[StoryStats]:
        """Stories with articles, most recently active first, counted in the database (a
        story list stays fast however large the corpus)."""
        ...

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """article id -> (story id, story title) for the given articles that have a story."""
        ...

    def story_count(self) -> int:
        """How many stories have articles."""
        ...

    def get_event(self, event_id: str) -> Event | None: ...

    def put_state(self, namespace: str, key: str, value: bytes) -> None:
        """Opaque state of a stage (e.g. cluster centroids), keyed by namespace and key."""
        ...

    def get_state(self, namespace: str, key: str) -> bytes | None: ...

    def iter_state(self, namespace: str) -> Iterator[tuple[str, bytes]]: ...

    def delete_state(self, namespace: str, key: str) -> None: ...

    # --- provenance -----------------------------------------------------
    def save_provenance(self, result: StoryProvenance) -> None:
        """Replace derivations, flags, claims and entities of one story."""
        ...

    def get_provenance(self, story_id: str) -> StoryProvenance | None: ...

    # --- transactions ---------------------------------------------------
    def atomic(self) -> AbstractContextManager[None]:
        """Group the writes made inside into one transaction: all land or none do. A stage
        that keeps state in memory writes a checkpoint's worth inside one block, so a kill -9
        leaves the store at the last checkpoint, from which a re-run continues exactly."""
        ...

    # --- search and lifecycle ------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[str]:
        """Article ids matching a full-text query (FTS5 on SQLite)."""
        ...

    def close(self) -> None: ...
