"""Events inside one story by Ward's linkage: members that form one tight group are one event.

Stories are found incrementally; inside a story the events are re-derived from the story's
active members (a bounded set), so an early wrong join is repaired when later articles show
the story's real structure. Ward merges by increase in within-event spread, which adapts to
how alike a story's reports are in general.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from newstrace.index.tfidf import SparseVector
from newstrace.model import Vector


def gram(vectors: list[SparseVector]) -> npt.NDArray[np.float64]:
    """Pairwise dot products of sparse vectors, as a dense n x n matrix."""
    if not vectors:
        return np.zeros((0, 0))
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(v.indices) for v in vectors])
    features, columns = np.unique(np.concatenate([v.indices for v in vectors]), return_inverse=True)
    values = np.concatenate([v.values for v in vectors])
    matrix = csr_matrix((values, columns, indptr), shape=(len(vectors), len(features)))
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)


def ward_labels(
    vectors: list[SparseVector],
    threshold: float,
    dense: list[Vector | None] | None = None,
    dense_weight: float = 0.0,
    days: list[float | None] | None = None,
    max_gap_days: float = 4.0,
    reference_size: float = 0.0,
) -> list[int]:
    """Event label of each member (0-based, in order of first appearance)."""
    n = len(vectors)
    if n == 1:
        return [0]
    similarity = gram(vectors)
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
    return cut_tree(tree, n, threshold, reference_size)


def cut_tree(
    tree: npt.NDArray[np.float64], n: int, threshold: float, reference_size: float = 0.0
) -> list[int]:
    """Flat labels from a linkage, cutting top-down (0-based labels, in first-seen order).

    A node stays whole when its merge distance is within `threshold`, scaled by
    sqrt(size / reference_size) beyond `reference_size` members: the best split of many
    noisy reports of one event drifts apart as the event grows, so large events get room.
    """
    label = [0] * n
    next_label = 0
    stack = [2 * n - 2] if n > 1 else []
    if n == 1:
        return [0]
    while stack:
        node = stack.pop()
        if node < n:
            label[node] = next_label
            next_label += 1
            continue
        a, b, distance, size = tree[node - n]
        allowed = threshold
        if reference_size > 0 and size > reference_size:
            allowed *= float(np.sqrt(size / reference_size))
        if distance <= allowed:
            for leaf in _leaves(tree, n, node):
                label[leaf] = next_label
            next_label += 1
        else:
            stack.extend((int(b), int(a)))
    first_seen: dict[int, int] = {}
    return [first_seen.setdefault(x, len(first_seen)) for x in label]


def _leaves(tree: npt.NDArray[np.float64], n: int, node: int) -> list[int]:
    out: list[int] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current < n:
            out.append(current)
        else:
            a, b = tree[current - n][:2]
            stack.extend((int(a), int(b)))
    return out
