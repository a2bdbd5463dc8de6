"""Small readings of an article the clusterer needs: its text, a headline and its date."""

from __future__ import annotations

import re
from datetime import UTC

from dateutil import parser as date_parser

from newstrace.lexicon import CALENDAR_WORDS
from newstrace.model import Article

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")


_WORD = re.compile(r"\w+")


def _reads_as_words(line: str) -> bool:
    """A line most of whose words are not dates, times or numbers."""
    words = _WORD.findall(line)
    stamp = sum(1 for w in words if w.lower() in CALENDAR_WORDS or any(c.isdigit() for c in w))
    return len(words) >= 3 and stamp * 2 < len(words)


def parse_day(published: str | None) -> float | None:
    """Days since 1970-01-01 (UTC) of an ISO date, or None when missing or unreadable."""
    if not published:
        return None
    try:
        when = date_parser.isoparse(published)
    except (ValueError, OverflowError):
        try:
            when = date_parser.parse(published)
        except (ValueError, OverflowError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return float(when.timestamp()) / 86400.0


def article_text(article: Article) -> str:
    """Title and body, the title once."""
    if article.title and not article.text.startswith(article.title):
        return f"{article.title}\n{article.text}"
    return article.text


def headline(article: Article, limit: int = 300) -> str:
    """A readable one-line label: the title, else the first line that reads as words (not a
    "Posted 26 September, 3:47pm" stamp), cut at its first sentence; shortened."""
    text = article.title or ""
    if not text:
        line = next((ln for ln in article.text.split("\n") if _reads_as_words(ln)), "")
        text = _SENTENCE_END.split(line.strip(), maxsplit=1)[0]
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
