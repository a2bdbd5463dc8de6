"""Word tables every stage shares (number and ordinal words, months, weekdays), read from the
language data.

The lists live in newstrace.lang.en.lex_attrs; this module keeps the import path that align/
and cluster/ use.
"""

from __future__ import annotations

from newstrace.lang.en.lex_attrs import (
    CALENDAR_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)

__all__ = [
    "CALENDAR_WORDS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
]
