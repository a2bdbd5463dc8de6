"""Read paths into a store, one transaction per article, and count what happened."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.ingest.limits import DEFAULT_MAX_BYTES
from newstrace.ingest.reader import read_paths
from newstrace.model import Article, IngestError
from newstrace.store.base import Store


@dataclass
class IngestOutcome:
    """Outcome of one ingest run: ids added, ids already stored, errors."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def read(self) -> int:
        return len(self.added) + len(self.duplicates)


def ingest_into(
    store: Store,
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_item: Callable[[Article | IngestError, bool], None] | None = None,
) -> IngestOutcome:
    """Add every readable article to `store`; re-running after an interruption finishes the job.

    `on_item(item, added)` is called after each article or error (progress bars, logging).
    """
    report = IngestOutcome()
    for item in read_paths(paths, max_bytes=max_bytes):
        added = False
        if isinstance(item, IngestError):
            report.errors.append(item)
        elif store.add_article(item):
            added = True
            report.added.append(item.id)
        else:
            report.duplicates.append(item.id)
        if on_item is not None:
            on_item(item, added)
    return report
