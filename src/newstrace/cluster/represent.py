"""How the clusterer represents an article: word TF-IDF, name TF-IDF, optional dense vector.

Events of one story share their topic words ("earthquake", "rehab") and differ in who,
where and when; so proper names and numbers get a TF-IDF channel of their own next to all
content words. Raw term counts are kept per active article, so weights can be recomputed
with the document frequencies of later arrivals.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newstrace.index.tfidf import HashedTfidf, SparseVector
from newstrace.index.tokens import STOP_WORDS, content_words
from newstrace.lexicon import CALENDAR_WORDS
from newstrace.model import Vector

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]

_CLAUSE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_CALENDAR = CALENDAR_WORDS


def _base(word: str) -> str:
    """A word without its possessive ending, as the name channel reads it ("Obama's": obama)."""
    return word[:-2] if word.endswith(("'s", "’s")) and len(word) > 3 else word


def specific_tokens(text: str) -> list[str]:
    """Proper-name words (capitalised, not opening a sentence) and numbers: who, where, how many."""
    found: list[str] = []
    for clause in _CLAUSE.split(text):
        for position, token in enumerate(_TOKEN.findall(clause)):
            first = token[0]
            if first.isdigit():
                found.append(token.replace(",", ""))
            elif first.isupper() and position > 0:
                word = _base(token.lower())
                if len(word) > 1 and word not in STOP_WORDS and word not in _CALENDAR:
                    found.append(word)
    return found


@dataclass
class Member:
    """One active article as the clusterer keeps it: raw counts, not weights."""

    id: str
    word_terms: IntArray
    word_counts: FloatArray
    name_terms: IntArray
    name_counts: FloatArray
    dense: Vector | None
    day: float | None
    seq: int
    cached: SparseVector | None = None  # weights as of `cached_docs` documents
    cached_docs: int = 0


def _counts(counter: Counter[int]) -> tuple[IntArray, FloatArray]:
    terms = np.fromiter(counter.keys(), dtype=np.int64, count=len(counter))
    counts = np.fromiter(counter.values(), dtype=np.float32, count=len(counter))
    order = np.argsort(terms)
    return terms[order], counts[order]


def _split(vector: SparseVector, n_features: int) -> tuple[SparseVector, SparseVector]:
    """The word part and the name part of a combined vector (indices are sorted)."""
    cut = int(np.searchsorted(vector.indices, n_features))
    return (
        SparseVector(vector.indices[:cut], vector.values[:cut]),
        SparseVector(vector.indices[cut:], vector.values[cut:]),
    )


def _without(vector: SparseVector, terms: IntArray) -> SparseVector:
    keep = ~np.isin(vector.indices, terms, assume_unique=True)
    return SparseVector(vector.indices[keep], vector.values[keep])


def _cosine(a: SparseVector, b: SparseVector) -> float:
    return a.normalized().dot(b.normalized())


@dataclass(frozen=True)
class Channels:
    """Cosines of two texts per channel: all content words, names and numbers, and the
    content words that are not names (what happened)."""

    words: float
    names: float
    action: float | None  # None when either text has no words besides its names


class Representation:
    """Turns articles into members and members into one combined, unit-length sparse vector."""

    def __init__(self, name_weight: float = 0.5, n_features: int = 1 << 20) -> None:
        self.name_weight = name_weight
        self.words = HashedTfidf(n_features)
        self.names = HashedTfidf(n_features)
        self.n_features = n_features
        # dates say when, not what happened: kept out of the "what happened" channel
        self._calendar_terms = np.unique(
            np.array([self.words.hasher(w) for w in _CALENDAR], dtype=np.int64)
        )

    def member(
        self,
        article_id: str,
        text: str,
        dense: Vector | None,
        day: float | None,
        seq: int,
        count: bool = True,
    ) -> Member:
        """One arriving article; `count` adds it to the running document frequencies."""
        words: Counter[int] = Counter(self.words.hasher(w) for w in content_words(text))
        names: Counter[int] = Counter(self.names.hasher(w) for w in specific_tokens(text))
        if count:
            self.words.partial_fit(words)
            self.names.partial_fit(names)
        word_terms, word_counts = _counts(words)
        name_terms, name_counts = _counts(names)
        return Member(article_id, word_terms, word_counts, name_terms, name_counts, dense, day, seq)

    def _weigh(self, model: HashedTfidf, terms: IntArray, counts: FloatArray) -> FloatArray:
        if not len(terms):
            return np.zeros(0, dtype=np.float32)
        values = (1.0 + np.log(counts)) * model.idf(terms)
        norm = float(np.linalg.norm(values))
        return (values / norm).astype(np.float32) if norm > 0 else values.astype(np.float32)

    def vector(self, member: Member) -> SparseVector:
        """Words and names weighted with the current document frequencies, concatenated.

        Cached per member until the collection has grown by a fifth (idf moves slowly)."""
        n_docs = self.words.n_docs_
        if member.cached is not None and n_docs <= 1.2 * member.cached_docs + 5:
            return member.cached
        member.cached = self._vector(member)
        member.cached_docs = n_docs
        return member.cached

    def _vector(self, member: Member) -> SparseVector:
        words = self._weigh(self.words, member.word_terms, member.word_counts)
        names = self._weigh(self.names, member.name_terms, member.name_counts)
        w_names = self.name_weight if len(names) else 0.0
        w_words = 1.0 - self.name_weight if len(words) else 0.0
        indices = np.concatenate([member.word_terms, member.name_terms + self.n_features])
        values = np.concatenate([np.sqrt(w_words) * words, np.sqrt(w_names) * names]).astype(
            np.float32
        )
        return SparseVector(indices, values).normalized()

    def channel_cosines(self, a: SparseVector, b: SparseVector) -> Channels | None:
        """How far two combined vectors (an article's or a centroid) agree on all their words,
        on their names and on what happened (the words that name nobody); None when either
        side names nobody (no evidence either way)."""
        a_words, a_names = _split(a, self.n_features)
        b_words, b_names = _split(b, self.n_features)
        if not len(a_names.indices) or not len(b_names.indices):
            return None
        shared_names = np.intersect1d(a_names.indices, b_names.indices) - self.n_features
        named = np.union1d(shared_names, self._calendar_terms)
        a_action, b_action = _without(a_words, named), _without(b_words, named)
        return Channels(
            words=_cosine(a_words, b_words),
            names=_cosine(a_names, b_names),
            action=(
                _cosine(a_action, b_action)
                if len(a_action.indices) and len(b_action.indices)
                else None
            ),
        )

    def to_bytes(self) -> tuple[bytes, bytes]:
        return self.words.to_bytes(), self.names.to_bytes()

    def load(self, words: bytes, names: bytes) -> None:
        self.words = HashedTfidf.from_bytes(words)
        self.names = HashedTfidf.from_bytes(names)
