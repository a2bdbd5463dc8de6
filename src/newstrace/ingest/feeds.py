"""RSS 2.0 and Atom feeds via feedparser: one article per entry.

Text is the entry's full content (content:encoded / atom:content) when present, else its
summary, HTML reduced to paragraphs. The feed's title is the outlet; the id is a slug of the
entry id (or link), so re-reading the same feed gives the same ids.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

from newstrace.ingest.clean import normalize_text, one_line, safe_markup_bytes
from newstrace.ingest.dates import from_struct_time, normalize_date
from newstrace.ingest.html import html_to_text
from newstrace.ingest.ids import domain, slug, url_slug
from newstrace.model import Article, IngestError

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    """An RSS/Atom/RDF root element in the first kilobytes."""
    return _FEED_ROOT.search(head[:4096]) is not None


def read_feed(data: bytes, *, source: str, stem: str) -> Iterator[Article | IngestError]:
    """Articles of every entry; a feed feedparser cannot read at all is one IngestError."""
    import feedparser

    try:
        parsed = feedparser.parse(safe_markup_bytes(data))
    except Exception as exc:  # feedparser trips on some malformed declarations and encodings
        yield IngestError(source, f"not a readable RSS/Atom feed: {type(exc).__name__}: {exc}")
        return
    entries = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            reason = f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}"
        else:
            reason = "feed has no entries"
        yield IngestError(source, reason)
        return
    outlet = one_line(parsed.feed.get("title")) or domain(parsed.feed.get("link"))
    for index, entry in enumerate(entries, start=1):
        yield _entry_article(
            entry, source=source, outlet=outlet, fallback_id=f"{stem}-{index}", index=index
        )


def _entry_article(
    entry: Any, *, source: str, outlet: str | None, fallback_id: str, index: int
) -> Article | IngestError:
    text = _entry_text(entry)
    if not text:
        return IngestError(source, "feed entry has no content or summary", f"entry {index}")
    link = entry.get("link")
    key = entry.get("id") or link
    article_id = (url_slug(key) if "://" in key else slug(key)) if key else fallback_id
    with warnings.catch_warnings():  # feedparser warns when it maps updated -> published
        warnings.simplefilter("ignore", DeprecationWarning)
        published = from_struct_time(entry.get("published_parsed") or entry.get("updated_parsed"))
    if published is None:
        published = normalize_date(entry.get("published") or entry.get("updated"))
    return Article(
        id=article_id,
        source=source,
        text=text,
        title=one_line(entry.get("title")),
        outlet=outlet or domain(link),
        published=published,
        author=one_line(_author(entry)),
        url=one_line(link),
        format="feed",
    )


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    candidates = [(p.get("value") or "", p.get("type") or "") for p in parts]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    for value, kind in candidates:
        if not value.strip():
            continue
        text = html_to_text(value) if "html" in kind or "<" in value else normalize_text(value)
        if text:
            return text
    return ""


def _author(entry: Any) -> str | None:
    names = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    if names:
        return ", ".join(names)
    author = entry.get("author")
    return str(author) if author else None
