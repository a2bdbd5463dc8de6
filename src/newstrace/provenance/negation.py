"""A restated sentence that denies more or fewer things than the source sentences it restates.

The support checker compares the words a negator denies; a rewrite that also swaps the denied
word for a synonym ('have not been reported' -> 'have been disclosed') or pushes it past the
checker's window slips through. For sentences the derivation aligned, the count of negators
against the aligned source sentences catches those, when the two say otherwise the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newstrace.align.features import SentenceFeatures
from newstrace.analyze.words import stem
from newstrace.lang.en.words import IMPLICIT_NEGATION

# a restated sentence holds at least this share of its words in the source sentences
CLOSE_RESTATEMENT = 0.75
# ... and is at least this long (content words)
MIN_WORDS = 4
_IMPLICIT = frozenset(stem(w) for w in IMPLICIT_NEGATION)


def negation_flip(
    claim: SentenceFeatures, restated: Mapping[str, Sequence[SentenceFeatures]]
) -> str | None:
    """'negation added: not X' / 'negation removed: not X' or None. `restated`: for each
    source article, the sentences of it that the claim restates; every source must agree."""
    found = [_flip(claim, sentences) for sentences in restated.values() if sentences]
    if not found or any(f is None for f in found):
        return None
    return found[0]


def _flip(claim: SentenceFeatures, sources: Sequence[SentenceFeatures]) -> str | None:
    in_claim = claim.negations
    in_sources = sum(s.negations for s in sources)
    if in_claim == in_sources:
        return None
    words = claim.word_set
    source_words: frozenset[str] = frozenset().union(*(s.word_set for s in sources))
    if len(words) < MIN_WORDS or (words | source_words) & _IMPLICIT:
        return None
    # a close restatement both ways: the claim's words are in the sources and the sources'
    # words in the claim (a merged or split sentence gives no count to compare)
    shared = len(words & source_words)
    if shared < CLOSE_RESTATEMENT * len(words) or shared < CLOSE_RESTATEMENT * len(source_words):
        return None
    claim_denied = claim.denied
    source_denied: frozenset[str] = frozenset().union(*(s.denied for s in sources))
    if in_claim > in_sources:
        what = sorted(claim_denied - source_denied)
        return "negation added" + (f": not {what[0]}" if what else "")
    what = sorted(source_denied - claim_denied)
    return "negation removed" + (f": not {what[0]}" if what else "")
