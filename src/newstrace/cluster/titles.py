"""Readable titles for events and stories: the member headline closest to the centroid."""

from __future__ import annotations

from collections import Counter

from newstrace.index.tfidf import HashedTfidf, SparseVector


def best_headline(headlines: list[str], centroid: SparseVector, tfidf: HashedTfidf) -> str:
    """The candidate headline that shares the most weight with the cluster's centroid."""
    best, best_score = "", -1.0
    for text in headlines:
        if not text:
            continue
        score = tfidf.transform(text).dot(centroid)
        if score > best_score:
            best, best_score = text, score
    return best


def entity_title(entities: Counter[str], limit: int = 3) -> str:
    """A fallback title from the most frequent names, e.g. "Warren Jeffs, Texas"."""
    names = [name.title() for name, _ in entities.most_common(limit)]
    return ", ".join(names)


def event_title(
    headlines: list[str], centroid: SparseVector, entities: Counter[str], tfidf: HashedTfidf
) -> str:
    return best_headline(headlines, centroid, tfidf) or entity_title(entities) or "Untitled event"


def story_title(
    event_titles: list[tuple[str, int]],
    centroid: SparseVector,
    entities: Counter[str],
    tfidf: HashedTfidf,
) -> str:
    """The title of the event that best represents the story (closest, then largest)."""
    scored: list[tuple[float, str]] = []
    for title, size in event_titles:
        if title:
            scored.append((tfidf.transform(title).dot(centroid) + 0.01 * min(size, 20), title))
    if scored:
        return max(scored)[1]
    return entity_title(entities) or "Untitled story"
