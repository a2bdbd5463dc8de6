"""The checker's word-order measure equals the textbook longest common subsequence, on real text.

`ordered_share` (a share of the claim's words the evidence holds in the same order) is computed
bit-parallel, one integer per row of the dynamic programme; it is checked here against the
plain quadratic table on every pair of sentences of ECB+ test articles of one topic (reports
of one event: long shared runs) and of two topics, as the checker reads them (content words).
"""

from __future__ import annotations

import itertools
from pathlib import Path

from newstrace.align.support import ordered_share
from newstrace.analyze.words import content_words
from tests.analyze.test_fast_path import _read


def _table(claim: list[str], evidence: list[str]) -> float:
    """Longest common subsequence by the full dynamic-programming table."""
    if not claim or not evidence:
        return 0.0
    previous = [0] * (len(evidence) + 1)
    for word in claim:
        current = [0]
        for j, other in enumerate(evidence):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1] / len(claim)


def test_ordered_share_is_the_longest_common_subsequence(datasets_dir: Path) -> None:
    base = datasets_dir / "ecbplus" / "ECB+_LREC2014" / "ECB+"
    texts = [_read(p).text for t in (36, 41) for p in sorted((base / str(t)).glob("*.xml"))[:3]]
    sentences = [content_words(line) for text in texts for line in text.split("\n")]
    sentences = [s for s in sentences if s]
    partial = 0
    for claim, evidence in itertools.product(sentences, repeat=2):
        expected = _table(claim, evidence)
        assert ordered_share(claim, evidence) == expected
        partial += 0 < expected < 1
    assert partial > 1000  # most pairs share some words out of order: real subsequences
    assert ordered_share([], ["a"]) == ordered_share(["a"], []) == 0.0
