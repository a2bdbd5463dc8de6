"""Sentence alignment across two analysed articles: which sentence restates which.

Candidates come from lexical overlap always and from sentence vectors when both articles carry
them (paraphrases share few words); the support checker then decides whether an aligned pair
says the same thing (shared / reworded) or changes a fact (altered).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from newstrace.align.features import SentenceFeatures, analysed_text, article_features
from newstrace.align.support import SourceIndex, SupportChecker, ordered_share
from newstrace.model import Article, SentencePair, Vector
from newstrace.settings import Settings

Relation = Literal["shared", "reworded", "altered"]

# above this Dice, with the words in the same order, the sentences are the same text (copied)
SHARED_DICE = 0.85


@dataclass
class PreparedArticle:
    """An article's sentences, their features, speakers and vectors, computed once."""

    article: Article
    texts: list[str]
    feats: list[SentenceFeatures]
    speakers: list[str | None]
    vectors: Vector | None
    index: SourceIndex
    # one sentence as a source of its own (an aligned pair is checked against it alone), built
    # once: an article's sentence is paired again with each article compared with it
    _alone: dict[int, SourceIndex] = field(default_factory=dict, repr=False, compare=False)

    def sentence_index(self, j: int) -> SourceIndex:
        """Sentence j alone, with its speaker, as a SourceIndex."""
        if j not in self._alone:
            self._alone[j] = SourceIndex.build([self.feats[j]], speakers=[self.speakers[j]])
        return self._alone[j]

    @classmethod
    def of(cls, article: Article) -> PreparedArticle:
        """The article's sentences and their features, read from its analysis layers (an
        article that was never analysed is analysed here first, as ingest would)."""
        layers = article if article.sentences else analysed_text(article.text)
        feats = article_features(layers)
        texts = [f.text for f in feats]
        speakers = [f.speaker for f in feats]
        vectors = article.sentence_vectors
        if vectors is not None and len(vectors) != len(texts):
            vectors = None
        index = SourceIndex.build(feats, speakers=speakers, vectors=vectors)
        return cls(article, texts, feats, speakers, vectors, index)


def dice(a: SentenceFeatures, b: SentenceFeatures) -> float:
    if not a.word_set or not b.word_set:
        return 0.0
    return 2 * len(a.word_set & b.word_set) / (len(a.word_set) + len(b.word_set))


def shared_word_counts(x: PreparedArticle, y: PreparedArticle) -> npt.NDArray[np.float64]:
    """(n_x, n_y): how many content words each sentence of x shares with each sentence of y.

    Only the words both articles use are visited (their postings in the two word indexes), and
    the counts are one small product of 0/1 matrices: exact integers, in float64.
    """
    counts = np.zeros((len(x.texts), len(y.texts)))
    common = x.index.words & y.index.words
    if not common or not counts.size:
        return counts
    rows_x: list[int] = []
    cols_x: list[int] = []
    rows_y: list[int] = []
    cols_y: list[int] = []
    for k, w in enumerate(common):
        for i in x.index.word_index[w]:
            rows_x.append(i)
            cols_x.append(k)
        for j in y.index.word_index[w]:
            rows_y.append(j)
            cols_y.append(k)
    in_x = np.zeros((len(x.texts), len(common)))
    in_y = np.zeros((len(y.texts), len(common)))
    in_x[rows_x, cols_x] = 1.0
    in_y[rows_y, cols_y] = 1.0
    return np.asarray(in_x @ in_y.T)


def word_counts(x: PreparedArticle) -> npt.NDArray[np.float64]:
    """How many distinct content words each sentence of x has."""
    return np.array([len(f.word_set) for f in x.feats], dtype=np.float64)


def candidate_matrix(source: PreparedArticle, derived: PreparedArticle) -> np.ndarray:
    """Dice of every (derived, source) sentence pair (float32)."""
    shared = shared_word_counts(derived, source)
    total = word_counts(derived)[:, None] + word_counts(source)[None, :]
    scores = np.zeros(shared.shape)
    np.divide(2 * shared, total, out=scores, where=(shared > 0) & (total > 0))
    return scores.astype(np.float32)


def pair_of(
    src: PreparedArticle,
    j: int,
    der: PreparedArticle,
    i: int,
    similarity: float,
    lexical: float,
    checker: SupportChecker | None,
) -> SentencePair:
    """Derived sentence i restates source sentence j: the pair, with how they relate."""
    return SentencePair(
        source=src.article.id,
        source_sentence=j,
        derived=der.article.id,
        derived_sentence=i,
        similarity=round(min(1.0, similarity), 4),
        relation=_relation(src, j, der, i, lexical, checker),
    )


def _relation(
    src: PreparedArticle,
    j: int,
    der: PreparedArticle,
    i: int,
    lexical: float,
    checker: SupportChecker | None,
) -> Relation:
    """shared (same words), reworded (same fact, other words) or altered (a fact changed);
    without a checker, only shared or reworded."""
    if checker is not None:
        verdict = checker.check_index(
            src.sentence_index(j), der.feats[i], claim_speaker=der.speakers[i]
        )
        if verdict.label == "altered":
            return "altered"
    if der.texts[i].strip() == src.texts[j].strip():
        return "shared"
    a, b = der.feats[i].words, src.feats[j].words
    if lexical >= SHARED_DICE and min(ordered_share(a, b), ordered_share(b, a)) >= SHARED_DICE:
        return "shared"  # the same words in the same order: copied, perhaps lightly edited
    return "reworded"


# inside a gap between two aligned pairs, a looser match is enough: the position is known
GAP_MIN_DICE = 0.25
GAP_MIN_COSINE = 0.55
GAP_MIN_DICE_WITH_COSINE = 0.08


def fill_gaps(
    source: Article | PreparedArticle,
    derived: Article | PreparedArticle,
    pairs: list[SentencePair],
    settings: Settings | None = None,
    checker: SupportChecker | None = None,
) -> list[SentencePair]:
    """`pairs` plus the rewrites that sit between two aligned pairs of a known derivation.

    A paraphrasing rewrite keeps its source's order: a derived sentence left unpaired between
    pairs (i0 -> j0) and (i1 -> j1) most likely restates an unpaired source sentence between
    j0 and j1, so there a looser similarity pairs them, in order. Only for articles already
    judged derived: between independent reports the order says nothing.
    """
    src = source if isinstance(source, PreparedArticle) else PreparedArticle.of(source)
    der = derived if isinstance(derived, PreparedArticle) else PreparedArticle.of(derived)
    if not pairs or not src.texts or not der.texts:
        return list(pairs)
    checker = checker or SupportChecker(settings)
    lexical = candidate_matrix(src, der)
    cosine = None
    if src.vectors is not None and der.vectors is not None:
        cosine = der.vectors @ src.vectors.T
    used_i = {p.derived_sentence for p in pairs}
    used_j = {p.source_sentence for p in pairs}
    anchors = [(-1, -1)]
    for p in sorted(pairs, key=lambda p: p.derived_sentence):
        if p.source_sentence > anchors[-1][1]:
            anchors.append((p.derived_sentence, p.source_sentence))
    anchors.append((len(der.texts), len(src.texts)))
    added: list[SentencePair] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(anchors):
        gap_i = [i for i in range(i0 + 1, i1) if i not in used_i]
        gap_j = [j for j in range(j0 + 1, j1) if j not in used_j]
        candidates: list[tuple[float, int, int]] = []
        for i in gap_i:
            for j in gap_j:
                lex = float(lexical[i, j])
                cos = float(cosine[i, j]) if cosine is not None else 0.0
                if lex >= GAP_MIN_DICE or (
                    cos >= GAP_MIN_COSINE and lex >= GAP_MIN_DICE_WITH_COSINE
                ):
                    candidates.append((max(lex, cos), i, j))
        chosen: list[tuple[int, int, float]] = []
        for similarity, i, j in sorted(candidates, reverse=True):
            if all((i - ci) * (j - cj) > 0 for ci, cj, _ in chosen):  # keep the order
                chosen.append((i, j, similarity))
        added += [
            pair_of(src, j, der, i, similarity, float(lexical[i, j]), checker)
            for i, j, similarity in chosen
        ]
    return sorted([*pairs, *added], key=lambda p: p.derived_sentence)
