"""Noun word lists: plurals that do not end in -s, read by the figure finder."""

from __future__ import annotations

# counted nouns whose plural has no -s: "six heavily armed men", "two dozen police"
IRREGULAR_PLURALS = frozenset(
    """men women people children police personnel feet teeth cattle livestock aircraft sheep
    fish deer staff crew militia""".split()  # noqa: SIM905
)
