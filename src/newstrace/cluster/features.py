"""What the clusterer compares: an article's lexical, dense, entity and time features.

Computed once per article when it arrives; analysis layers are used when present
(entity mentions, sentences, the article vector), with lexical fallbacks when absent.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from dateutil import parser as date_parser

from newstrace.index.tokens import STOP_WORDS
from newstrace.model import Article

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"})

# A run of capitalised words, e.g. "British Columbia", "Warren Jeffs", "UNRWA".
_PROPER = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’-]*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")
_MONTHS_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
    ]
)


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


def _normalise_entity(text: str) -> str:
    words = [w for w in re.findall(r"[\w'’-]+", text.lower()) if w not in STOP_WORDS]
    name = " ".join(words).replace("’s", "").replace("'s", "")
    return name.strip()


def lexical_entities(text: str) -> set[str]:
    """Capitalised word runs not opening a sentence: proper names without a NER model."""
    found: set[str] = set()
    for sentence in _SENTENCE_END.split(text):
        for match in _PROPER.finditer(sentence):
            if match.start() == 0 and " " not in match.group():
                continue  # a lone capitalised word opening the sentence is usually not a name
            name = _normalise_entity(match.group())
            if len(name) > 2 and name not in _MONTHS_DAYS:
                found.add(name)
    return found


def article_entities(article: Article) -> frozenset[str]:
    """Entity keys of an article: NER mentions when analysed, capitalised runs otherwise."""
    names: set[str] = set()
    for mention in article.mentions:
        if mention.label in ENTITY_LABELS:
            name = _normalise_entity(mention.canonical or mention.text)
            if len(name) > 2 and name not in _MONTHS_DAYS:
                names.add(name)
    if not names:
        names = lexical_entities(article_text(article))
    return frozenset(names)


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


def utc_now_day() -> float:
    return datetime.now(UTC).timestamp() / 86400.0
