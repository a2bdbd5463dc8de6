"""The running state of one event and one story: centroids, entities, time span, members.

Kept in memory while active and persisted through `Store.put_state` as one small blob
each (json header + numpy arrays, no pickle), so a new process continues where the last
one stopped.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newstrace.index.tfidf import SparseVector
from newstrace.model import Vector

CENTROID_TERMS = 400  # features kept in a lexical centroid
TOP_ENTITIES = 60  # entities kept per cluster
HEADLINES = 8  # candidate titles kept per event


@dataclass
class ClusterState:
    """What events and stories share: running centroids over their members."""

    id: str
    size: int = 0
    tfidf_sum: SparseVector = field(default_factory=SparseVector.empty)
    dense_sum: Vector | None = None
    entities: Counter[str] = field(default_factory=Counter)
    first_day: float | None = None
    last_day: float | None = None
    last_seq: int = 0

    # --- running centroids ---------------------------------------------------
    def absorb_vector(
        self, vector: SparseVector, dense: Vector | None, day: float | None, seq: int
    ) -> None:
        """Add one article's vectors to the running sums."""
        self.size += 1
        self.tfidf_sum = self.tfidf_sum.scaled_sum(vector).top(CENTROID_TERMS)
        if dense is not None:
            self.dense_sum = dense.copy() if self.dense_sum is None else self.dense_sum + dense
        self._extend_days(day, day)
        self.last_seq = max(self.last_seq, seq)

    def absorb_cluster(self, other: ClusterState) -> None:
        """Add another cluster's sums (a merge)."""
        weight_self = self.size
        self.size += other.size
        total = self.tfidf_sum.scaled_sum(other.tfidf_sum, 1.0)
        self.tfidf_sum = total.top(CENTROID_TERMS) if weight_self else other.tfidf_sum
        if other.dense_sum is not None:
            self.dense_sum = (
                other.dense_sum.copy()
                if self.dense_sum is None
                else self.dense_sum + other.dense_sum
            )
        self.entities.update(other.entities)
        self._extend_days(other.first_day, other.last_day)
        self.last_seq = max(self.last_seq, other.last_seq)

    def _extend_days(self, first: float | None, last: float | None) -> None:
        if first is not None:
            self.first_day = first if self.first_day is None else min(self.first_day, first)
        if last is not None:
            self.last_day = last if self.last_day is None else max(self.last_day, last)

    def centroid(self) -> SparseVector:
        return self.tfidf_sum.normalized()

    def dense_centroid(self) -> Vector | None:
        if self.dense_sum is None:
            return None
        norm = float(np.linalg.norm(self.dense_sum))
        return self.dense_sum / norm if norm > 0 else None

    # --- persistence ---------------------------------------------------------
    def _header(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "entities": dict(self.entities),
            "first_day": self.first_day,
            "last_day": self.last_day,
            "last_seq": self.last_seq,
        }

    def _arrays(self) -> dict[str, np.ndarray[Any, Any]]:
        arrays: dict[str, np.ndarray[Any, Any]] = {
            "ti": self.tfidf_sum.indices.astype(np.int32),
            "tv": self.tfidf_sum.values.astype(np.float32),
        }
        if self.dense_sum is not None:
            arrays["dense"] = self.dense_sum.astype(np.float32)
        return arrays

    def _load_common(self, header: dict[str, Any], arrays: Any) -> None:
        self.size = int(header["size"])
        self.entities = Counter({str(k): int(v) for k, v in header["entities"].items()})
        self.first_day = header["first_day"]
        self.last_day = header["last_day"]
        self.last_seq = int(header["last_seq"])
        self.tfidf_sum = SparseVector(
            arrays["ti"].astype(np.int64), arrays["tv"].astype(np.float32)
        )
        self.dense_sum = arrays["dense"].astype(np.float32) if "dense" in arrays else None


def _pack(header: dict[str, Any], arrays: dict[str, np.ndarray[Any, Any]]) -> bytes:
    buf = io.BytesIO()
    meta = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    np.savez(buf, meta=meta, **arrays)  # type: ignore[arg-type]
    return buf.getvalue()


def _unpack(data: bytes) -> tuple[dict[str, Any], Any]:
    arrays = np.load(io.BytesIO(data), allow_pickle=False)
    header: dict[str, Any] = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    return header, arrays


@dataclass
class EventState(ClusterState):
    """One event: its story, its member articles and candidate headlines."""

    story: str = ""
    articles: list[str] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)  # arrival number of each article
    headlines: list[str] = field(default_factory=list)

    def add_article(
        self,
        article_id: str,
        vector: SparseVector,
        dense: Vector | None,
        day: float | None,
        seq: int,
        headline: str,
    ) -> None:
        self.absorb_vector(vector, dense, day, seq)
        self.articles.append(article_id)
        self.seqs.append(seq)
        if headline and len(self.headlines) < HEADLINES:
            self.headlines.append(headline)

    def merge(self, other: EventState) -> None:
        self.absorb_cluster(other)
        self.articles.extend(other.articles)
        self.seqs.extend(other.seqs)
        room = HEADLINES - len(self.headlines)
        self.headlines.extend(other.headlines[: max(room, 0)])

    def to_bytes(self) -> bytes:
        header = self._header()
        header.update(
            story=self.story, articles=self.articles, seqs=self.seqs, headlines=self.headlines
        )
        return _pack(header, self._arrays())

    @classmethod
    def from_bytes(cls, data: bytes) -> EventState:
        header, arrays = _unpack(data)
        event = cls(id=header["id"], story=header["story"])
        event._load_common(header, arrays)
        event.articles = list(header["articles"])
        event.seqs = [int(x) for x in header["seqs"]]
        event.headlines = list(header["headlines"])
        return event


@dataclass
class StoryState(ClusterState):
    """One story: its events (ids, in founding order)."""

    events: list[str] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        header = self._header()
        header.update(events=self.events)
        return _pack(header, self._arrays())

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryState:
        header, arrays = _unpack(data)
        story = cls(id=header["id"])
        story._load_common(header, arrays)
        story.events = list(header["events"])
        return story
