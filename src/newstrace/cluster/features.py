"""Small readings of an article the clusterer needs: its text, a headline and its date."""

from __future__ import annotations

import re
from datetime import UTC

from dateutil import parser as date_parser

from newstrace.model import Article

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")


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


def headline(article: Article, limit: int = 120) -> str:
    """A readable one-line label: the title, else the first sentence, shortened."""
    text = article.title or (article.sentences[0].text if article.sentences else "")
    if not text:
        text = _SENTENCE_END.split(article.text.strip(), maxsplit=1)[0] if article.text else ""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
