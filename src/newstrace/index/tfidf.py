"""Incremental TF-IDF over hashed features: no vocabulary to fit, document frequencies run.

Articles arrive one at a time, so the vectoriser cannot be fitted on a corpus first.
Hashing the words keeps the feature space fixed; document frequencies are counted as
articles arrive, and the weights of one article use the counts seen so far.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newstrace.index.tokens import FeatureHasher, content_words

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


@dataclass
class SparseVector:
    """An L2-normalised sparse vector: sorted feature `indices` and their `values`."""

    indices: IntArray
    values: FloatArray

    def dot(self, other: SparseVector) -> float:
        """Dot product (cosine, when both are normalised)."""
        if not len(self.indices) or not len(other.indices):
            return 0.0
        _, mine, theirs = np.intersect1d(
            self.indices, other.indices, assume_unique=True, return_indices=True
        )
        return float(np.dot(self.values[mine], other.values[theirs]))

    def top(self, k: int) -> SparseVector:
        """The `k` heaviest features, renormalised (bounds centroid size)."""
        if len(self.indices) <= k:
            return self
        keep = np.sort(np.argpartition(-self.values, k)[:k])
        return SparseVector(self.indices[keep], self.values[keep]).normalized()

    def normalized(self) -> SparseVector:
        norm = float(np.linalg.norm(self.values))
        if norm == 0.0:
            return self
        return SparseVector(self.indices, (self.values / norm).astype(np.float32))

    def scaled_sum(self, other: SparseVector, weight: float = 1.0) -> SparseVector:
        """self + weight * other, not renormalised (running centroid sums)."""
        indices = np.union1d(self.indices, other.indices)
        values = np.zeros(len(indices), dtype=np.float32)
        values[np.searchsorted(indices, self.indices)] += self.values
        values[np.searchsorted(indices, other.indices)] += weight * other.values
        return SparseVector(indices.astype(np.int64), values)

    @classmethod
    def sum_of(cls, vectors: list[SparseVector]) -> SparseVector:
        """The (unnormalised) sum of many sparse vectors in one pass."""
        if not vectors:
            return cls.empty()
        indices, inverse = np.unique(
            np.concatenate([v.indices for v in vectors]), return_inverse=True
        )
        values = np.bincount(inverse, weights=np.concatenate([v.values for v in vectors]))
        return cls(indices.astype(np.int64), values.astype(np.float32))

    @classmethod
    def empty(cls) -> SparseVector:
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.savez(buf, i=self.indices.astype(np.int32), v=self.values)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> SparseVector:
        arrays = np.load(io.BytesIO(data))
        return cls(arrays["i"].astype(np.int64), arrays["v"].astype(np.float32))


class HashedTfidf:
    """TF-IDF with hashed features and running document frequencies.

    `partial_fit` counts an article's words once; `transform` weighs with sublinear term
    frequency and smoothed idf from the counts so far. `df_` and `n_docs_` are the state.
    """

    def __init__(self, n_features: int = 1 << 20) -> None:
        self.hasher = FeatureHasher(n_features)
        self.df_ = np.zeros(n_features, dtype=np.int32)
        self.n_docs_ = 0

    def term_counts(self, text: str) -> Counter[int]:
        """Feature index -> count of the content words of `text`."""
        hasher = self.hasher
        return Counter(hasher(w) for w in content_words(text))

    def partial_fit(self, counts: Counter[int]) -> None:
        """Count one document's features in the document frequencies."""
        if counts:
            self.df_[np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))] += 1
        self.n_docs_ += 1

    def idf(self, indices: IntArray) -> FloatArray:
        n = self.n_docs_
        idf: FloatArray = (np.log((1.0 + n) / (1.0 + self.df_[indices])) + 1.0).astype(np.float32)
        return idf

    def weigh(self, counts: Counter[int]) -> SparseVector:
        """The normalised TF-IDF vector of one document's feature counts."""
        if not counts:
            return SparseVector.empty()
        indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        order = np.argsort(indices)
        indices, tf = indices[order], tf[order]
        values = (1.0 + np.log(tf)) * self.idf(indices)
        return SparseVector(indices, values.astype(np.float32)).normalized()

    def transform(self, text: str) -> SparseVector:
        return self.weigh(self.term_counts(text))

    def fit_transform(self, text: str) -> SparseVector:
        """Count the document, then weigh it (the streaming order)."""
        counts = self.term_counts(text)
        self.partial_fit(counts)
        return self.weigh(counts)

    def idf_of(self, token: str) -> float:
        """Smoothed idf of one word (how rare it has been so far)."""
        df = int(self.df_[self.hasher(token)])
        return math.log((1.0 + self.n_docs_) / (1.0 + df)) + 1.0

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        nonzero = np.flatnonzero(self.df_)
        np.savez_compressed(
            buf,
            n=np.array([self.n_docs_, len(self.df_)], dtype=np.int64),
            i=nonzero.astype(np.int32),
            c=self.df_[nonzero],
        )
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> HashedTfidf:
        arrays = np.load(io.BytesIO(data))
        n_docs, n_features = (int(x) for x in arrays["n"])
        model = cls(n_features)
        model.n_docs_ = n_docs
        model.df_[arrays["i"].astype(np.int64)] = arrays["c"]
        return model
