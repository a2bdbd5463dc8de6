"""Size limits: whole files for page-like formats, single records for streams (JSONL, WARC)."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 25_000_000


def megabytes(size: int) -> str:
    """`52428800` -> `52.4 MB` (decimal units, as file managers show them); small sizes in kB/bytes."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def too_large(what: str, size: int, limit: int) -> str:
    """`file too large: 52.4 MB > 25 MB limit (--max-bytes)`."""
    return f"{what} too large: {megabytes(size)} > {megabytes(limit)} limit (--max-bytes)"
