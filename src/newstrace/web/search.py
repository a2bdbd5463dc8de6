"""Full-text search over the store, with results placed in their stories."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newstrace.report.views.text import label_of, outlet_of
from newstrace.store.base import Store

_WORD = re.compile(r"\w+", re.UNICODE)


class SearchError(ValueError):
    """The query could not be searched even as plain words (the web maps it to 400)."""


@dataclass
class SearchHit:
    article: str
    title: str
    outlet: str
    published: str | None
    story: str | None
    story_title: str | None
    snippet: str


@dataclass
class SearchResult:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    interpreted_as: str | None = None  # set when the query was re-read as plain words


def _plain_words(query: str) -> str:
    """The query as quoted words: what a reader meant when the search syntax did not parse."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def _snippet(text: str, query: str, width: int = 240) -> str:
    """The stretch of text around the query: the phrase if it occurs, else its longest word."""
    lower = text.lower()
    words = sorted(_WORD.findall(query.lower()), key=len, reverse=True)
    phrase = " ".join(_WORD.findall(query.lower()))
    candidates = [p for p in (lower.find(w) for w in [phrase, *words]) if p >= 0]
    pos = candidates[0] if candidates else 0
    start = max(0, pos - width // 3)
    while 0 < start < pos and not text[start - 1].isspace():  # start on a word boundary
        start += 1
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def highlight(snippet: str, query: str) -> Any:
    """The snippet, escaped, with the query's words (3+ letters) marked."""
    from markupsafe import Markup, escape

    words = {w for w in _WORD.findall(query.lower()) if len(w) >= 3}
    if not words:
        return escape(snippet)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)
    out, last = [], 0
    for m in pattern.finditer(snippet):
        out.append(escape(snippet[last : m.start()]))
        out.append(Markup("<mark>{}</mark>").format(m.group(0)))
        last = m.end()
    out.append(escape(snippet[last:]))
    return Markup("").join(out)


def search_articles(store: Store, query: str, limit: int = 50) -> SearchResult:
    """Articles matching `query` (the store's full-text syntax, or else plain words)."""
    query = query.strip()
    if not query:
        raise SearchError("empty search: type one or more words")
    if not _WORD.search(query):
        raise SearchError(f"nothing to search for in {query!r}: use letters or digits")
    result = SearchResult(query=query)
    try:
        ids = store.search(query, limit=limit)
    except Exception:  # the backend's syntax error type differs per store
        plain = _plain_words(query)
        if not plain:
            raise SearchError(
                f"nothing to search for in {query!r}: use letters or digits"
            ) from None
        try:
            ids = store.search(plain, limit=limit)
        except Exception as exc:
            raise SearchError(f"could not search for {query!r}: {exc}") from None
        result.interpreted_as = plain
    story_of = store.stories_of(ids)
    articles = {a.id: a for a in store.articles(ids, with_analysis=False)}
    for aid in ids:
        article = articles.get(aid)
        if article is None:
            continue
        story_ref = story_of.get(aid)
        result.hits.append(
            SearchHit(
                article=aid,
                title=label_of(article),  # an untitled file: its opening words, not its id
                outlet=outlet_of(article),
                published=article.published,
                story=story_ref[0] if story_ref else None,
                story_title=story_ref[1] if story_ref else None,
                snippet=_snippet(article.text, query),
            )
        )
    return result
