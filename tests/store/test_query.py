"""The shared web-search syntax, written for SQLite FTS5."""

from __future__ import annotations

import pytest

from newstrace.store.query import to_fts5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rail strike", '("rail") AND ("strike")'),
        ('"rail strike"', '("rail strike")'),
        ("ferry OR bridge", '("ferry" OR "bridge")'),
        ("depot -ferry", '("depot") NOT "ferry"'),
        ("engine*", '("engine"*)'),
        ("U.S. rates", '("U S") AND ("rates")'),
        ('"unbalanced AND ( quote', '("unbalanced AND quote")'),
        ("OR strike", '("strike")'),
    ],
)
def test_translation(query: str, expected: str) -> None:
    assert to_fts5(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "-ferry", "()*", '""'])
def test_nothing_to_look_for(query: str) -> None:
    assert to_fts5(query) is None
