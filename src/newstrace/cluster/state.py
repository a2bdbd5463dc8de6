"""The running state of one event and one story: centroids, entities, time span, members.

Kept in memory while active and persisted through `Store.put_state` as one small blob
each (json header + numpy arrays, no pickle), so a new process continues where the last
one stopped.
"""

from __future__ import annotations

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
    """json header line (with each array's dtype and length) followed by the raw arrays."""
    header = dict(header)
    header["_arrays"] = [[name, str(a.dtype), int(a.size)] for name, a in arrays.items()]
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    return b"".join(
        [len(head).to_bytes(4, "little"), head, *(a.tobytes() for a in arrays.values())]
    )


def _unpack(data: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray[Any, Any]]]:
    size = int.from_bytes(data[:4], "little")
    header: dict[str, Any] = json.loads(data[4 : 4 + size].decode("utf-8"))
    arrays: dict[str, np.ndarray[Any, Any]] = {}
    offset = 4 + size
    for name, dtype, count in header.pop("_arrays"):
        array = np.frombuffer(data, dtype=np.dtype(dtype), count=count, offset=offset)
        arrays[name] = array.copy()
        offset += array.nbytes
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

    def set_members(
        self,
        article_ids: list[str],
        vectors: list[SparseVector],
        dense: list[Vector | None],
        days: list[float | None],
        seqs: list[int],
    ) -> None:
        """Replace members and recompute the sums in one pass (after a rebuild)."""
        self.articles = list(article_ids)
        self.seqs = list(seqs)
        self.size = len(article_ids)
        self.tfidf_sum = SparseVector.sum_of(vectors).top(CENTROID_TERMS)
        present = [d for d in dense if d is not None]
        self.dense_sum = np.sum(present, axis=0).astype(np.float32) if present else None
        known = [d for d in days if d is not None]
        self.first_day = min(known) if known else None
        self.last_day = max(known) if known else None
        self.last_seq = max(seqs, default=0)

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
