"""Readable titles for events and stories: the member headline closest to the centroid."""

from __future__ import annotations

import re
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
    best = best_headline(headlines, centroid, tfidf)
    return readable_title(best) if best else entity_title(entities) or "Untitled event"


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
        return readable_title(max(scored)[1])
    return entity_title(entities) or "Untitled story"


# A title a person reads in a list: at most this many characters
MAX_TITLE = 80
# "KYIV, Ukraine —", "GREYWICK, May 11 (Northline) -", "WASHINGTON (Reuters) -": a dateline
# opens with a place in capitals and ends with a dash; it says where, not who did what
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*"  # the place, in capitals
    r"(?:,\s*[^—–\-()]{1,40}?)?"  # ", Ukraine" / ", May 11"
    r"(?:\s*\([^)]{1,40}\))?"  # "(Reuters)"
    r"\s*(?:[—–]|--?)\s+"
)
# a closing attribution (", officials said.", ", according to the council.") is who told,
# not what happened
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:[\w'’.\-]+\s+){0,6}(?:said|says|told\s+\w+|reported|announced)"
    r"(?:\s+on\s+\w+)?|according\s+to\s+[^,]{1,60})\s*[.!]?$",
    re.IGNORECASE,
)
# where a long lead may be cut and still say who did what: before a clause that explains,
# times or qualifies it
_SUBORDINATE = r"(?:after|as|when|while|because|amid|before|despite|following|according)"
_CLAUSE_BREAKS = re.compile(
    r"(?:;|\s[—–])\s+"
    rf"|,\s+(?=(?:\w+ing|which|{_SUBORDINATE})\b)"  # ", killing ...", ", which ...", ", after ..."
    rf"|\s+(?={_SUBORDINATE}\s)"
)
MIN_CUT = 30


def readable_title(text: str, limit: int = MAX_TITLE) -> str:
    """A headline or lead sentence made a title: no dateline, no closing attribution, at
    most `limit` characters, cut at a clause boundary where one leaves enough, else at a
    word with an ellipsis."""
    title = " ".join(text.split())
    title = _DATELINE.sub("", title, count=1) or title
    title = _ATTRIBUTION.sub("", title) or title
    title = title.rstrip(" .")
    if title[:1].islower():
        title = title[0].upper() + title[1:]
    if len(title) <= limit:
        return title
    cuts = [m.start() for m in _CLAUSE_BREAKS.finditer(title) if MIN_CUT <= m.start() <= limit]
    if cuts:
        return title[: cuts[-1]].rstrip(" ,;")
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"
