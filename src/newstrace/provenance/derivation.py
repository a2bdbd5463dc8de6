"""Is one article written from another? Shared sentences, their order and their wording.

Independent reports of one event share facts but few sentences; a copy, a syndicated version
or a rewrite restates many of its source's sentences in the source's order.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

from newstrace.align.sentences import PreparedArticle, align_articles, dice
from newstrace.align.support import SupportChecker
from newstrace.model import DerivationKind, SentencePair
from newstrace.settings import Settings

# the decision threshold on PairEvidence.score (tuned on the derivation benchmark's dev split)
DERIVATION_THRESHOLD = 0.5


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

    @property
    def derived(self) -> bool:
        return self.score >= DERIVATION_THRESHOLD


def compare(
    a: PreparedArticle,
    b: PreparedArticle,
    settings: Settings | None = None,
    checker: SupportChecker | None = None,
) -> PairEvidence:
    """Align b to a and score how likely one was written from the other."""
    pairs = align_articles(a, b, settings, checker)
    n_a, n_b = max(1, len(a.texts)), max(1, len(b.texts))
    aligned_a = {p.source_sentence for p in pairs}
    aligned_b = {p.derived_sentence for p in pairs}
    if pairs:  # a sentence of a restated inside a merged sentence of b aligns the other way
        reverse = align_articles(b, a, settings, checker)
        aligned_a |= {p.derived_sentence for p in reverse}
        aligned_b |= {p.source_sentence for p in reverse}
    covered_a = len(aligned_a) / n_a
    covered_b = len(aligned_b) / n_b
    if pairs:  # for direction only: merged sentences are restated, not added or cut
        aligned_a |= _contained(a, b)
        aligned_b |= _contained(b, a)
    shared = sum(p.relation == "shared" for p in pairs)
    shared_share = shared / len(pairs) if pairs else 0.0
    in_order = sum(1 for p, q in itertools.pairwise(pairs) if q.source_sentence > p.source_sentence)
    order = in_order / (len(pairs) - 1) if len(pairs) > 1 else 0.0
    # word overlap, not vector cosine: the score's weights were fitted on it, and independent
    # reports of one event are close in meaning without sharing wording
    mean_similarity = (
        sum(dice(b.feats[p.derived_sentence], a.feats[p.source_sentence]) for p in pairs)
        / len(pairs)
        if pairs
        else 0.0
    )
    # many restated sentences, closely worded: a derivation. Logistic weights fitted on the
    # derivation benchmark's dev split (bench/derivation.py --split dev).
    z = (
        -7.0
        + 2.7 * max(covered_a, covered_b)
        + 2.0 * min(covered_a, covered_b)
        + 0.15 * order
        + 1.8 * mean_similarity
        + 2.0 * math.log(max(1, len(pairs)))
    )
    strength = 1.0 / (1.0 + math.exp(-z)) if pairs else 0.0
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
        score=min(1.0, strength),
        kind=kind,
        n_a=len(a.texts),
        n_b=len(b.texts),
        aligned_a=frozenset(aligned_a),
        aligned_b=frozenset(aligned_b),
        short_a=frozenset(_short(a) - aligned_a),
        short_b=frozenset(_short(b) - aligned_b),
    )


# a sentence whose words stand, to this share, inside one sentence of the other article was
# merged into it (or split out of it): restated, not added
CONTAINED_SHARE = 0.7


# a sentence of fewer content words than this is too short to align or to count as added
MIN_DIRECTION_WORDS = 4


def _short(x: PreparedArticle) -> set[int]:
    return {i for i, f in enumerate(x.feats) if len(f.word_set) < MIN_DIRECTION_WORDS}


def _contained(x: PreparedArticle, y: PreparedArticle) -> set[int]:
    """Sentences of x whose content words lie mostly inside a single sentence of y."""
    found: set[int] = set()
    for i, f in enumerate(x.feats):
        if len(f.word_set) < MIN_DIRECTION_WORDS:
            continue
        counts: dict[int, int] = {}
        for w in f.word_set:
            for j in y.index.word_index.get(w, ()):
                counts[j] = counts.get(j, 0) + 1
        if counts and max(counts.values()) >= CONTAINED_SHARE * len(f.word_set):
            found.add(i)
    return found


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
        for i, text in enumerate(x.texts):
            if not first < i < last or i in aligned:
                continue
            if len(x.feats[i].word_set) < MIN_DIRECTION_WORDS:
                continue
            vector = x.vectors[i] if x.vectors is not None else None
            verdict = checker.check_index(
                y.index, text, claim_speaker=x.speakers[i], claim_vector=vector
            )
            if verdict.label != "unsupported":
                found.add(i)
        return found

    return replace(
        evidence,
        aligned_a=evidence.aligned_a | restated(a, b, evidence.aligned_a),
        aligned_b=evidence.aligned_b | restated(b, a, evidence.aligned_b),
    )
