"""Events inside one story by Ward's linkage: members that form one tight group are one event.

Stories are found incrementally; inside a story the events are re-derived from the story's
active members (a bounded set), so an early wrong join is repaired when later articles show
the story's real structure. Ward merges by increase in within-event spread, which adapts to
how alike a story's reports are in general.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from newstrace.index.tfidf import SparseVector
from newstrace.model import Vector


def gram(vectors: list[SparseVector], n_features: int) -> npt.NDArray[np.float64]:
    """Pairwise dot products of unit sparse vectors, as a dense n x n matrix."""
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(v.indices) for v in vectors])
    indices = np.concatenate([v.indices for v in vectors]) if vectors else np.zeros(0, np.int64)
    values = np.concatenate([v.values for v in vectors]) if vectors else np.zeros(0, np.float32)
    matrix = csr_matrix((values, indices, indptr), shape=(len(vectors), n_features))
    product = (matrix @ matrix.T).toarray().astype(np.float64)
    return np.asarray(product)


def ward_labels(
    vectors: list[SparseVector],
    n_features: int,
    threshold: float,
    dense: list[Vector | None] | None = None,
    dense_weight: float = 0.0,
    days: list[float | None] | None = None,
    max_gap_days: float = 4.0,
) -> list[int]:
    """Event label of each member (0-based, in order of first appearance)."""
    n = len(vectors)
    if n == 1:
        return [0]
    similarity = gram(vectors, n_features)
    if dense is not None and dense_weight > 0 and all(d is not None for d in dense):
        stacked = np.vstack([np.asarray(d, dtype=np.float64) for d in dense])
        similarity = (1.0 - dense_weight) * similarity + dense_weight * (stacked @ stacked.T)
    squared = np.clip(2.0 - 2.0 * similarity, 0.0, None)
    if days is not None:
        known = np.array([d is not None for d in days])
        if known.sum() > 1:
            when = np.array([d if d is not None else 0.0 for d in days], dtype=np.float64)
            gap = np.abs(when[:, None] - when[None, :])
            both = known[:, None] & known[None, :]
            # reports days apart are separate developments: push them beyond any threshold
            squared = squared + np.where(both & (gap > max_gap_days), 4.0 * threshold**2, 0.0)
    np.fill_diagonal(squared, 0.0)
    condensed = squareform(np.sqrt(squared), checks=False)
    tree = linkage(condensed, method="ward")
    raw = fcluster(tree, threshold, criterion="distance")
    first_seen: dict[int, int] = {}
    return [first_seen.setdefault(int(label), len(first_seen)) for label in raw]
