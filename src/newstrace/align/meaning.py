"""Sentence matching on meaning: how closely each sentence of one article restates the other's.

LLM rewrites keep a source's facts and change nearly every word, so shared wording (Dice)
alone misses them; sentence vectors (MiniLM when installed) see the paraphrase. The similarity
of two sentences is the larger of the two, and a merged sentence of the rewrite is credited
with the best source sentence it restates. What the figures mean is fitted on the rewrite
corpus (bench/fit_provenance.py), separately for the neural and the lexical vectors, because
their cosines live on different scales.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newstrace.align.sentences import PreparedArticle, candidate_matrix, pair_of
from newstrace.align.support import SupportChecker
from newstrace.model import Article, SentencePair
from newstrace.settings import Settings

Matrix = npt.NDArray[np.float32]


# similarity levels (low, mid, high) at which sentences count as restated, per vector family:
# neural cosines of paraphrases sit high, hashed bag-of-words cosines of the same pairs lower;
# "mid" aligns a sentence to its source, "high" marks the same statement
LEVELS: dict[str, tuple[float, float, float]] = {
    "minilm": (0.55, 0.7, 0.85),
    "lexical": (0.3, 0.45, 0.65),
}


def vector_family(article: PreparedArticle) -> str:
    """ "minilm" when the article's vectors are neural, else "lexical": the scale of cosines."""
    return "minilm" if "minilm" in article.article.analyzed_with else "lexical"


def similarity(source: PreparedArticle, derived: PreparedArticle) -> tuple[Matrix, Matrix]:
    """(n_derived, n_source) similarity of every sentence pair, in [0, 1], and the shared
    wording (Dice) alone."""
    lexical = candidate_matrix(source, derived)
    if (
        source.vectors is not None
        and derived.vectors is not None
        and source.vectors.shape[1:] == derived.vectors.shape[1:]
        and len(source.vectors)
        and len(derived.vectors)
    ):
        cosine = np.clip(derived.vectors @ source.vectors.T, 0.0, 1.0).astype(np.float32)
        return np.maximum(lexical, cosine), lexical
    return lexical, lexical


@dataclass
class Matching:
    """Each sentence of `derived` against `source` and back: best partner and its similarity."""

    matrix: Matrix  # (n_derived, n_source)
    lexical: Matrix  # (n_derived, n_source): shared wording only
    best_source: npt.NDArray[np.int64]  # per derived sentence, its closest source sentence
    best_source_sim: Matrix  # per derived sentence
    best_derived: npt.NDArray[np.int64]  # per source sentence, its closest derived sentence
    best_derived_sim: Matrix  # per source sentence

    @classmethod
    def of(cls, source: PreparedArticle, derived: PreparedArticle) -> Matching:
        matrix, lexical = similarity(source, derived)
        if matrix.size == 0:
            empty_i = np.zeros(0, dtype=np.int64)
            empty_f = np.zeros(0, dtype=np.float32)
            return cls(
                matrix,
                lexical,
                np.zeros(matrix.shape[0], dtype=np.int64),
                np.zeros(matrix.shape[0], dtype=np.float32),
                empty_i if matrix.shape[1] == 0 else np.zeros(matrix.shape[1], dtype=np.int64),
                empty_f if matrix.shape[1] == 0 else np.zeros(matrix.shape[1], dtype=np.float32),
            )
        return cls(
            matrix,
            lexical,
            matrix.argmax(axis=1),
            matrix.max(axis=1),
            matrix.argmax(axis=0),
            matrix.max(axis=0),
        )

    def covered_derived(self, threshold: float, skip: frozenset[int] = frozenset()) -> float:
        """Share of the derived article's sentences restated from the source."""
        return _share(self.best_source_sim, threshold, skip)

    def covered_source(self, threshold: float, skip: frozenset[int] = frozenset()) -> float:
        """Share of the source's sentences the derived article restates."""
        return _share(self.best_derived_sim, threshold, skip)

    def in_order(self, threshold: float, from_source: bool = False) -> float:
        """Share of consecutive matched sentences whose partners come in the same order (read
        along the derived article, or along the source with `from_source`)."""
        best, sims = (
            (self.best_derived, self.best_derived_sim)
            if from_source
            else (self.best_source, self.best_source_sim)
        )
        matched = [int(k) for k, s in zip(best, sims, strict=True) if s >= threshold]
        if len(matched) < 2:
            return 0.0
        return sum(y >= x for x, y in itertools.pairwise(matched)) / (len(matched) - 1)


def _share(values: Matrix, threshold: float, skip: frozenset[int]) -> float:
    kept = [float(v) for k, v in enumerate(values) if k not in skip]
    if not kept:
        return 0.0
    return sum(v >= threshold for v in kept) / len(kept)


def restated_pairs(
    source: PreparedArticle,
    derived: PreparedArticle,
    matching: Matching,
    checker: SupportChecker | None,
    judge_all: bool = True,
) -> list[SentencePair]:
    """One pair per derived sentence that restates a source sentence (its closest, at the
    family's middle level), in derived order. The checker says whether a fact changed in it:
    for every pair, or (`judge_all` False) only for pairs saying the same thing."""
    _, mid, high = LEVELS[vector_family(source)]
    pairs = []
    for i, (j, sim) in enumerate(zip(matching.best_source, matching.best_source_sim, strict=True)):
        if sim >= mid:
            judge = checker if judge_all or sim >= high else None
            lexical = float(matching.lexical[i, j])
            pairs.append(pair_of(source, int(j), derived, i, float(sim), lexical, judge))
    return pairs


def align_articles(
    source: Article | PreparedArticle,
    derived: Article | PreparedArticle,
    settings: Settings | None = None,
    checker: SupportChecker | None = None,
) -> list[SentencePair]:
    """Each sentence of `derived` that restates a sentence of `source`, with the relation."""
    src = source if isinstance(source, PreparedArticle) else PreparedArticle.of(source)
    der = derived if isinstance(derived, PreparedArticle) else PreparedArticle.of(derived)
    if not src.texts or not der.texts:
        return []
    return restated_pairs(src, der, Matching.of(src, der), checker or SupportChecker(settings))
