"""Is one article written from another? Shared sentences, their order and their wording.

Independent reports of one event share facts but few sentences; a copy, a syndicated version
or a rewrite restates many of its source's sentences in the source's order.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

import numpy as np

from newstrace.align.fitted import shipped
from newstrace.align.meaning import LEVELS, Matching, restated_pairs, vector_family
from newstrace.align.sentences import PreparedArticle, shared_word_counts, word_counts
from newstrace.align.support import SupportChecker
from newstrace.model import DerivationKind, SentencePair
from newstrace.provenance.pair_features import derivation_features, names_held
from newstrace.settings import Settings

# the decision threshold on PairEvidence.score: at or above, a derivation
DERIVATION_THRESHOLD = 0.5
# an article naming at least MIN_NAMES people, places or organisations is written from another
# only if that one names at least this share of them too (every rewrite and copy of the corpus's
# train and dev splits does; briefs written from one template about other towns do not)
MIN_NAMES = 2
MIN_NAMES_SHARED = 0.3
# at or above this (and below the threshold), a possible rewrite: listed with its score, never
# shown as independent
POSSIBLE_THRESHOLD = 0.2


@dataclass
class PairEvidence:
    """What the alignment of two articles says about copying between them."""

    a: str
    b: str
    pairs: list[SentencePair]  # sentences of b aligned to sentences of a
    covered_a: float  # share of a's sentences restated in b
    covered_b: float  # share of b's sentences restated from a
    shared_share: float  # share of the aligned pairs that are the same words
    order: float  # share of consecutive aligned pairs that keep a's order
    mean_similarity: float
    score: float
    kind: DerivationKind
    n_a: int = 0
    n_b: int = 0
    aligned_a: frozenset[int] = frozenset()
    aligned_b: frozenset[int] = frozenset()
    # sentences too short to align ("She was 91."): no sign of an addition or a cut
    short_a: frozenset[int] = frozenset()
    short_b: frozenset[int] = frozenset()
    matching: Matching | None = None
    features: dict[str, float] = field(default_factory=dict)
    level: float = 0.0  # the similarity at which a sentence counts as restated

    @property
    def derived(self) -> bool:
        return self.score >= DERIVATION_THRESHOLD


def compare(
    a: PreparedArticle,
    b: PreparedArticle,
    settings: Settings | None = None,
    checker: SupportChecker | None = None,
) -> PairEvidence:
    """Match b's sentences onto a's by meaning and score how likely one was written from the
    other (the fitted derivation model over pair_features.derivation_features)."""
    checker = checker or SupportChecker(settings)
    matching = Matching.of(a, b)
    _, mid, _ = LEVELS[vector_family(a)]
    features = derivation_features(a, b, matching)
    score = derivation_probability(features, vector_family(a))
    names_share, names_count = names_held(a, b)
    if names_count >= MIN_NAMES and names_share < MIN_NAMES_SHARED:
        # one template filled with other places and people: not the same story's text
        score = min(score, POSSIBLE_THRESHOLD / 2)
    # whether a restated sentence changed a fact is asked of the checker for a pair that may
    # be a derivation; between independent reports only of sentences saying the same thing
    pairs = restated_pairs(a, b, matching, checker, judge_all=score >= POSSIBLE_THRESHOLD)
    score = score if pairs else 0.0
    n_a, n_b = max(1, len(a.texts)), max(1, len(b.texts))
    aligned_a = {j for j, sim in enumerate(matching.best_derived_sim) if sim >= mid}
    aligned_a |= {p.source_sentence for p in pairs}
    aligned_b = {p.derived_sentence for p in pairs}
    covered_a = len(aligned_a) / n_a
    covered_b = len(aligned_b) / n_b
    if pairs:  # for direction only: merged sentences are restated, not added or cut
        aligned_a |= _contained(a, b)
        aligned_b |= _contained(b, a)
    shared = sum(p.relation == "shared" for p in pairs)
    shared_share = shared / len(pairs) if pairs else 0.0
    in_order = sum(1 for p, q in itertools.pairwise(pairs) if q.source_sentence > p.source_sentence)
    order = in_order / (len(pairs) - 1) if len(pairs) > 1 else 0.0
    mean_similarity = sum(p.similarity for p in pairs) / len(pairs) if pairs else 0.0
    kind: DerivationKind = "paraphrase"
    if shared_share >= 0.9 and covered_a >= 0.9 and covered_b >= 0.9:
        kind = "verbatim"
    elif shared_share >= 0.6:
        kind = "syndication"
    return PairEvidence(
        a=a.article.id,
        b=b.article.id,
        pairs=pairs,
        covered_a=covered_a,
        covered_b=covered_b,
        shared_share=shared_share,
        order=order,
        mean_similarity=mean_similarity,
        score=score,
        kind=kind,
        n_a=len(a.texts),
        n_b=len(b.texts),
        aligned_a=frozenset(aligned_a),
        aligned_b=frozenset(aligned_b),
        short_a=frozenset(_short(a) - aligned_a),
        short_b=frozenset(_short(b) - aligned_b),
        matching=matching,
        features=features,
        level=mid,
    )


def derivation_probability(features: dict[str, float], family: str) -> float:
    """The fitted model's probability that one article of the pair was written from the other."""
    try:
        return shipped("derivation", family).probability(features)
    except (OSError, KeyError):  # no fitted weights yet (bench/fit_provenance.py writes them)
        return 0.0


# a sentence whose words stand, to this share, inside one sentence of the other article was
# merged into it (or split out of it): restated, not added
CONTAINED_SHARE = 0.7


# a sentence of fewer content words than this is too short to align or to count as added
MIN_DIRECTION_WORDS = 4


def _short(x: PreparedArticle) -> set[int]:
    return {i for i, f in enumerate(x.feats) if len(f.word_set) < MIN_DIRECTION_WORDS}


def _contained(x: PreparedArticle, y: PreparedArticle) -> set[int]:
    """Sentences of x whose content words lie mostly inside a single sentence of y."""
    shared = shared_word_counts(x, y)
    if not shared.size:
        return set()
    most = shared.max(axis=1)
    sizes = word_counts(x)
    keep = (sizes >= MIN_DIRECTION_WORDS) & (most > 0) & (most >= CONTAINED_SHARE * sizes)
    return {int(i) for i in np.flatnonzero(keep)}


def with_restated_elsewhere(
    evidence: PairEvidence, a: PreparedArticle, b: PreparedArticle, checker: SupportChecker
) -> PairEvidence:
    """For direction: an unaligned sentence that the other article supports (reworded past
    what the aligner pairs, or with a fact changed) was restated, not added."""

    def restated(x: PreparedArticle, y: PreparedArticle, aligned: frozenset[int]) -> set[int]:
        found: set[int] = set()
        if not aligned:
            return found
        first, last = min(aligned), max(aligned)  # the tail tells a cut, not a rewording
        for i in range(len(x.texts)):
            if not first < i < last or i in aligned:
                continue
            if len(x.feats[i].word_set) < MIN_DIRECTION_WORDS:
                continue
            vector = x.vectors[i] if x.vectors is not None else None
            verdict = checker.check_index(
                y.index, x.feats[i], claim_speaker=x.speakers[i], claim_vector=vector
            )
            if verdict.label != "unsupported":
                found.add(i)
        return found

    return replace(
        evidence,
        aligned_a=evidence.aligned_a | restated(a, b, evidence.aligned_a),
        aligned_b=evidence.aligned_b | restated(b, a, evidence.aligned_b),
    )
