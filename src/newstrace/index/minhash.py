"""MinHash signatures and LSH over word shingles: near-duplicate candidates in sub-linear time.

Wire copies and lightly edited reprints share most of their word n-grams; MinHash/LSH finds
them without comparing an article with every stored one (datasketch does the hashing).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from newstrace.index.tokens import words


def shingles(text: str, size: int = 3) -> set[bytes]:
    """Word `size`-grams of `text` (lower-cased), as bytes ready for hashing."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


class MinHashIndex:
    """Keyed MinHash LSH: `add` signatures, `query` keys whose Jaccard likely exceeds `threshold`.

    Signatures use crc32 shingle hashes (fast, stable across processes); `num_perm` trades
    precision for speed. `remove` keeps the index bounded to an active window.
    """

    def __init__(self, threshold: float = 0.5, num_perm: int = 64, shingle_size: int = 3) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._seed_hasher = MinHash(num_perm=num_perm, seed=1, hashfunc=_crc32)
        self._keys: set[str] = set()

    def signature(self, text: str) -> MinHash:
        """The MinHash of the text's word shingles."""
        sig = MinHash(
            num_perm=self.num_perm,
            seed=1,
            hashfunc=_crc32,
            permutations=self._seed_hasher.permutations,
            scheme=self._seed_hasher.scheme,
        )
        grams = shingles(text, self.shingle_size)
        if grams:
            sig.update_batch(list(grams))
        return sig

    def add(self, key: str, signature: MinHash) -> None:
        if key in self._keys:
            return
        self._lsh.insert(key, signature)
        self._keys.add(key)

    def query(self, signature: MinHash) -> list[str]:
        """Keys of stored signatures that collide with this one in at least one LSH band."""
        return list(self._lsh.query(signature))

    def remove(self, key: str) -> None:
        if key in self._keys:
            self._lsh.remove(key)
            self._keys.discard(key)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    @staticmethod
    def jaccard(a: MinHash, b: MinHash) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(a.jaccard(b))

    @staticmethod
    def to_bytes(signature: MinHash) -> bytes:
        return np.asarray(signature.hashvalues).tobytes()

    def from_bytes(self, data: bytes) -> MinHash:
        dtype = np.asarray(self._seed_hasher.hashvalues).dtype
        values = np.frombuffer(data, dtype=dtype).copy()
        return MinHash(
            num_perm=self.num_perm,
            seed=1,
            hashfunc=_crc32,
            hashvalues=values,
            permutations=self._seed_hasher.permutations,
            scheme=self._seed_hasher.scheme,
        )

    def keys(self) -> Iterable[str]:
        return list(self._keys)
