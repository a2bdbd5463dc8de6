"""The longest common subsequence of two word lists, for the checks that ask whether one
sentence reads in the same order as another (word-order share, swapped names)."""

from __future__ import annotations

from collections.abc import Sequence


def common_subsequence(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of `a` and `b`."""
    if not a or not b:
        return 0
    # bit-parallel LCS (Hyyro 2004): one integer holds a row of the dynamic programme; the
    # zero bits of `row` among b's positions count the common subsequence
    where: dict[str, int] = {}
    for j, word in enumerate(b):
        where[word] = where.get(word, 0) | (1 << j)
    width = len(b)
    row = (1 << width) - 1
    for word in a:
        matches = row & where.get(word, 0)
        row = (row + matches) | (row - matches)
    return width - bin(row & ((1 << width) - 1)).count("1")
