"""Word tokens shared by the lexical indexes: lower-cased words without stop words."""

from __future__ import annotations

import re
import zlib

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)

_STOP_TEXT = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own s same she should so some such t than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according mr mrs ms one two new also would could may might us its it's
    year years day days week last first like get got make made many much"""

STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())


def words(text: str) -> list[str]:
    """All lower-cased word tokens of `text` (stop words kept): the unit of shingles."""
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Lower-cased word tokens without stop words and one-letter tokens: the unit of TF-IDF."""
    return [w for w in words(text) if len(w) > 1 and w not in STOP_WORDS]


class FeatureHasher:
    """Maps a token to a stable feature index (crc32, identical in every process).

    Python's own `hash` is salted per process, so it cannot index persisted statistics.
    A bounded cache keeps the common tokens from being hashed again.
    """

    def __init__(self, n_features: int = 1 << 20, cache_size: int = 200_000) -> None:
        if n_features & (n_features - 1):
            raise ValueError("n_features must be a power of two")
        self.n_features = n_features
        self._mask = n_features - 1
        self._cache: dict[str, int] = {}
        self._cache_size = cache_size

    def __call__(self, token: str) -> int:
        index = self._cache.get(token)
        if index is None:
            index = zlib.crc32(token.encode("utf-8")) & self._mask
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[token] = index
        return index
