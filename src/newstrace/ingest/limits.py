"""Size limits: whole files for page-like formats, single records for streams (JSONL, WARC)."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 25_000_000
# One article's text, in characters. A long-form feature is ~100 k; past this a "file" is a
# book, a log or many articles run together, and analysis (quotes weigh every cue against
# every name of the article) would grow with the square of its length. Refused, not cut.
MAX_ARTICLE_CHARS = 500_000


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


def too_long_article(chars: int, exact: bool = True) -> str:
    """Why one text is refused as an article, and what to do instead."""
    size = f"{chars:,} characters" if exact else f"at least {chars:,} characters"
    return (
        f"text too long for one article: {size} > {MAX_ARTICLE_CHARS:,} limit "
        "(split it into one file per article, or one JSON line per article)"
    )
