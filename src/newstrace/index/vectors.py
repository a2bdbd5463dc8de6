"""A bounded dense vector index: brute-force cosine over the active window, in numpy.

The clusterer keeps only recent events here (an active time window), so the matrix stays
small and an exact scan is faster than building an approximate index.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]


class VectorIndex:
    """Keyed unit vectors; `search` returns the most cosine-similar keys.

    Rows of removed keys are reused, so memory follows the number of live keys.
    """

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.dim = dim
        self._matrix = np.zeros((capacity, dim), dtype=np.float32)
        self._live = np.zeros(capacity, dtype=bool)
        self._row_of: dict[str, int] = {}
        self._key_of: dict[int, str] = {}
        self._free: list[int] = list(range(capacity - 1, -1, -1))

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, key: str) -> bool:
        return key in self._row_of

    def _grow(self) -> None:
        old = len(self._matrix)
        self._matrix = np.vstack([self._matrix, np.zeros((old, self.dim), dtype=np.float32)])
        self._live = np.concatenate([self._live, np.zeros(old, dtype=bool)])
        self._free.extend(range(2 * old - 1, old - 1, -1))

    def upsert(self, key: str, vector: Vector) -> None:
        """Insert or replace the vector of `key` (normalised here)."""
        norm = float(np.linalg.norm(vector))
        unit = vector / norm if norm > 0 else vector
        row = self._row_of.get(key)
        if row is None:
            if not self._free:
                self._grow()
            row = self._free.pop()
            self._row_of[key] = row
            self._key_of[row] = key
            self._live[row] = True
        self._matrix[row] = unit

    def remove(self, key: str) -> None:
        row = self._row_of.pop(key, None)
        if row is None:
            return
        del self._key_of[row]
        self._live[row] = False
        self._matrix[row] = 0.0
        self._free.append(row)

    def get(self, key: str) -> Vector | None:
        row = self._row_of.get(key)
        return None if row is None else self._matrix[row].copy()

    def search(
        self, vector: Vector, k: int = 10, min_score: float = -1.0
    ) -> list[tuple[str, float]]:
        """The `k` live keys most cosine-similar to `vector`, best first."""
        if not self._row_of:
            return []
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:
            return []
        scores = self._matrix @ (vector / norm).astype(np.float32)
        scores[~self._live] = -np.inf
        k = min(k, len(self._row_of))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self._key_of[int(r)], float(scores[r])) for r in top if scores[r] >= min_score]
