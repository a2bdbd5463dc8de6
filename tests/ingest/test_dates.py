"""Date strings from pages, feeds and headers -> ISO 8601 UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newstrace.ingest import normalize_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-03-04T10:00:00Z", "2026-03-04T10:00:00Z"),
        ("2026-03-04T10:00:00+01:00", "2026-03-04T09:00:00Z"),
        ("2026-03-04", "2026-03-04T00:00:00Z"),
        ("2026-03-04 10:00", "2026-03-04T10:00:00Z"),
        ("Wed, 04 Mar 2026 10:00:00 GMT", "2026-03-04T10:00:00Z"),
        ("Wed, 04 Mar 2026 10:00:00 -0500", "2026-03-04T15:00:00Z"),
        ("March 4, 2026 10:00 AM EST", "2026-03-04T15:00:00Z"),
        ("Published: 4 March 2026", "2026-03-04T00:00:00Z"),
        ("Updated 10:05 a.m. ET March 4, 2026", "2026-03-04T15:05:00Z"),
        ("1772618400", "2026-03-04T10:00:00Z"),
        ("1772618400000", "2026-03-04T10:00:00Z"),
    ],
)
def test_known_forms(raw: str, expected: str) -> None:
    assert normalize_date(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "yesterday", "Tuesday", "March 2026", "page 2026", "3000-01-01", None]
)
def test_unknown_or_partial_dates_are_none(raw: str | None) -> None:
    assert normalize_date(raw) is None


def test_naive_datetime_is_utc() -> None:
    assert normalize_date(datetime(2026, 3, 4, 10, 0)) == "2026-03-04T10:00:00Z"
    assert normalize_date(datetime(2026, 3, 4, 10, 0, tzinfo=UTC)) == "2026-03-04T10:00:00Z"
