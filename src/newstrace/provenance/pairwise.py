"""Any two articles side by side: the one call the compare view and `newstrace compare` make.

The story analysis compares every pair and keeps only the links above the bar. A reader also
wants to hold two articles of their choice side by side — a link below the bar, or none — and
see, sentence by sentence, what the support checker says of the second against the first. This
module is that single entry point into align/ and provenance/, so their implementation can
change behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstrace.align.sentences import PreparedArticle, fill_gaps
from newstrace.align.support import SupportChecker, SupportLabel
from newstrace.model import Article, DerivationKind, SentencePair
from newstrace.provenance.derivation import DERIVATION_THRESHOLD, compare
from newstrace.settings import Settings


@dataclass
class SentenceVerdict:
    """What the checker says of one sentence of the second article against the first."""

    sentence: int
    label: SupportLabel
    score: float
    reason: str
    evidence: str | None
    evidence_index: int


@dataclass
class PairComparison:
    """Two articles aligned: `b`'s sentences against `a`'s, the link score and the verdicts."""

    a: str
    b: str
    score: float
    kind: DerivationKind
    above_bar: bool  # the score clears the bar the story analysis uses for a derivation
    threshold: float
    pairs: list[SentencePair] = field(default_factory=list)  # b's sentences aligned to a's
    verdicts: list[SentenceVerdict] = field(default_factory=list)  # one per sentence of b


def compare_articles(a: Article, b: Article, settings: Settings | None = None) -> PairComparison:
    """Align `b` to `a`, score the link, and check each sentence of `b` against `a`."""
    checker = SupportChecker(settings)
    pa, pb = PreparedArticle.of(a), PreparedArticle.of(b)
    evidence = compare(pa, pb, settings, checker)
    pairs = fill_gaps(pa, pb, evidence.pairs, checker=checker) if evidence.pairs else []
    verdicts = []
    for i, claim in enumerate(pb.feats):
        vector = pb.vectors[i] if pb.vectors is not None else None
        check = checker.check_index(
            pa.index, claim, claim_speaker=pb.speakers[i], claim_vector=vector
        )
        verdicts.append(
            SentenceVerdict(
                sentence=i,
                label=check.label,
                score=round(check.score, 3),
                reason=check.reason,
                evidence=check.evidence,
                evidence_index=check.evidence_index,
            )
        )
    return PairComparison(
        a=a.id,
        b=b.id,
        score=round(evidence.score, 4),
        kind=evidence.kind,
        above_bar=evidence.derived,
        threshold=DERIVATION_THRESHOLD,
        pairs=pairs,
        verdicts=verdicts,
    )
