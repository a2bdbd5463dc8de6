"""Lexical features of a sentence: tokens, content words, figures, names, negation, quotes.

Everything here works on plain text with no model, so the support checker and the aligner
always have a fallback; richer analysis layers (mentions, quotes) are added on top when present.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from newstrace.lexicon import MONTHS, NUMBER_WORDS

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "according",
        "one",
        "mr",
        "mrs",
        "ms",
        "dr",
        "s",
        "t",
        "also",
        "per",
        "via",
        "upon",
        "whose",
        "within",
        "would'nt",
        "its",
        "week",
        "weeks",
        "year",
        "years",
        "day",
        "days",
        "time",
        "today",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "new",
    ]
)

# words that reverse or deny what the sentence states
NEGATORS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
        "n't",
        "denied",
        "denies",
        "deny",
        "refused",
        "refuses",
        "refuse",
        "failed",
        "fails",
        "fail",
        "unable",
    ]
)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*|n['’]t")
_WORD_NUMBERS = NUMBER_WORDS
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "bn": 1e9,
    "k": 1e3,
}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|per ?cent|percent)?"
    r"(?:\s*(thousand|million|billion|trillion|bn|m|k)\b)?",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”]([^\"“”]{8,}?)[\"“”]")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])| [.!?] (?=\S)|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Prof|Lt|Col|Capt|Sgt|No|vs|Inc|Co|Corp|Ltd)|\b[A-Z])\.\S*\s+$"
)
_NAME = re.compile(
    r"\b([A-Z][a-zA-Z'’\-]+(?:\s+(?:of\s+|de\s+|van\s+|von\s+)?[A-Z][a-zA-Z'’\-]+)*)"
)
_SPEAKER_AFTER = re.compile(
    r"[\"”],?\s+(?:said|says|added|told|explained|wrote|according to)\s+"
    r"(?:(?:the|a|an|[a-z]+)\s+){0,3}((?:[A-Z][\w'’\-]+\s*){1,4})"
)
_SPEAKER_BEFORE = re.compile(
    r"((?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+)\s+(?:said|says|added|told|explained|wrote)\b"
)


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens; "n't" is its own token."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    """tokens(), computed once per distinct sentence: the checks ask again and again."""
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0).lower().replace("’", "'")
        if tok.endswith("n't") and tok != "n't":
            out.append(tok[:-3])
            out.append("n't")
        elif tok.endswith("'s"):
            out.append(tok[:-2])
        else:
            out.append(tok)
    return tuple(out)


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'reported' with 'reports'."""
    for suffix in ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed tokens that carry meaning (no stop words, no punctuation)."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


# "no" before these words does not deny anything ("no fewer than", "no longer", "no doubt")
_NOT_NEGATING_AFTER_NO = frozenset(
    ["fewer", "less", "more", "longer", "later", "sooner", "matter", "doubt", "one"]
)


def negation_count(text: str) -> int:
    words = tokens(text)
    count = 0
    for i, t in enumerate(words):
        if t not in NEGATORS:
            continue
        if t == "no" and i + 1 < len(words) and words[i + 1] in _NOT_NEGATING_AFTER_NO:
            continue
        if t == "not" and i + 1 < len(words) and words[i + 1] in ("only", "just"):
            continue  # "not only ... but also"
        count += 1
    return count


def negated_words(text: str) -> frozenset[str]:
    """The content words a negator denies: 'did not stay' -> {stay}, 'no effect' -> {effect}.

    Comparing these, not counts, keeps a negation elsewhere in a merged sentence from
    reading as a changed fact.
    """
    words = tokens(text)
    out: set[str] = set()
    for i, t in enumerate(words):
        if t not in NEGATORS:
            continue
        if t == "no" and i + 1 < len(words) and words[i + 1] in _NOT_NEGATING_AFTER_NO:
            continue
        if t == "not" and i + 1 < len(words) and words[i + 1] in ("only", "just"):
            continue
        for w in words[i + 1 : i + 5]:
            if w not in STOPWORDS and w not in NEGATORS and not _AUXILIARY.match(w):
                out.add(stem(w))
                break
    return frozenset(out)


_AUXILIARY = re.compile(
    r"^(?:be|been|being|is|are|was|were|do|does|did|have|has|had|will|would|"
    r"could|can|should|may|might|must|yet|even|ever|always|necessarily)$"
)


_CLOCK_AFTER = re.compile(r"\s*(?:o['’]clock\b|[ap]\.?m\.?(?!\w)|:\d\d\b)", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"[\s-]*(hour|day|week)s?\b", re.IGNORECASE)
_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0}


def duration_hours(text: str, written: str) -> float | None:
    """A figure that counts hours, days or weeks, in hours: '48-hour' and 'two-day' are equal."""
    at = text.find(written)
    if at < 0:
        return None
    m = _DURATION_AFTER.match(text, at + len(written))
    if m is None:
        return None
    value = numbers(written)
    return value[0][0] * _HOURS[m.group(1).lower()] if value else None


def _to_float(raw: str) -> float:
    return float(raw.replace(",", ""))


def numbers(text: str) -> list[tuple[float, str]]:
    """Figures in the text as (value, as written): '5,000' -> 5000, '2.5 million' -> 2.5e6."""
    found: list[tuple[float, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _NUMBER.finditer(text):
        if _CLOCK_AFTER.match(text, m.end(1)) or text[: m.start(1)].endswith(":"):
            continue  # "6 a.m.", "eight o'clock", "6:30": a time of day, not a figure
        value = _to_float(m.group(1))
        scale = m.group(3)
        if scale:
            scale_key = scale.lower()
            if scale_key in ("m", "k") and not m.group(0)[len(m.group(1)) :].startswith(scale):
                scale_key = ""
            value *= _SCALES.get(scale_key, 1.0)
        found.append((value, m.group(0).strip()))
        taken.append(m.span())
    for m in _WORD_NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group(1).lower()
        if not m.group(2) and _CLOCK_AFTER.match(text, m.end(1)):
            continue
        if word == "one" and not m.group(2):
            continue  # "one" is mostly a pronoun
        value = float(_WORD_NUMBERS[word])
        if m.group(2):
            value *= _SCALES[m.group(2).lower()]
        found.append((value, m.group(0)))
    return found


def same_number(a: float, b: float) -> bool:
    """Equal up to rounding ('2.5 million' vs '2,500,000'; '3.2%' vs '3.20')."""
    if a == b:
        return True
    big = max(abs(a), abs(b))
    return big > 0 and abs(a - b) / big < 0.005


def is_year(value: float) -> bool:
    return value.is_integer() and 1800 <= value <= 2100


_POSSESSIVE = re.compile(r"['’]s?$")


def names(text: str) -> list[str]:
    """Capitalised word runs that look like names; a sentence-initial common word is skipped."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        name = m.group(1)
        words = name.split()
        at_start = m.start() == 0 or text[: m.start()].rstrip().endswith((".", '"', "“", ":"))
        while words and (words[0].lower() in STOPWORDS or words[0].lower() in _WORD_NUMBERS):
            words = words[1:]
        if not words:
            continue
        if at_start and len(words) == 1:
            continue  # a capitalised first word is mostly an ordinary word
        if len(words) == 1 and words[0].lower() in MONTHS:
            continue
        if len(words) > 4:
            continue  # a title-case headline, not a name
        words = [_POSSESSIVE.sub("", w) for w in words]
        out.append(" ".join(words))
    return out


_COMMON_CAPITALISED = frozenset(
    [
        "but",
        "and",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "there",
        "these",
        "those",
        "when",
        "while",
        "after",
        "before",
        "as",
        "if",
        "however",
        "meanwhile",
        "yet",
        "so",
        "police",
        "officials",
        "authorities",
    ]
)


def name_keys(text: str) -> set[str]:
    """Each name and each of its words, lower-cased: 'Barack Obama' matches a later 'Obama'."""
    keys: set[str] = set()
    for name in names(text):
        low = name.lower()
        keys.add(low)
        keys.update(w for w in low.split() if w not in STOPWORDS and len(w) > 1)
    return keys


def quoted_spans(text: str) -> list[str]:
    """Words inside quotation marks (at least a few words long)."""
    return [m.group(1).strip() for m in _QUOTED.finditer(text) if len(m.group(1).split()) >= 3]


def quote_speaker(text: str) -> str | None:
    """The name given as the speaker of a quote in this sentence, when written out."""
    m = _SPEAKER_AFTER.search(text)
    if m:
        return m.group(1).strip()
    m = _SPEAKER_BEFORE.search(text)
    if m:
        words = [w for w in m.group(1).split() if w.lower() not in STOPWORDS]
        if words:
            return " ".join(words)
    return None


def split_sentences(text: str) -> list[str]:
    """Regex sentence splitter, used when an article carries no sentence layer."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[max(start, m.start() - 8) : m.end()]):
            continue
        piece = text[start : m.end()].strip()
        if piece:
            parts.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


@dataclass
class SentenceFeatures:
    """What the checks need to know about one sentence, computed once."""

    text: str
    words: list[str]
    word_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    figures: list[tuple[float, str]]
    name_keys: frozenset[str]
    negations: int
    quotes: list[str] = field(default_factory=list)
    speaker: str | None = None


@lru_cache(maxsize=65536)
def features(text: str) -> SentenceFeatures:
    words = content_words(text)
    return SentenceFeatures(
        text=text,
        words=words,
        word_set=frozenset(words),
        bigrams=frozenset(itertools.pairwise(words)),
        figures=numbers(text),
        name_keys=frozenset(name_keys(text)),
        negations=negation_count(text),
        quotes=quoted_spans(text),
        speaker=quote_speaker(text),
    )


def fragments(
    claim_tokens: list[str], doc_positions: dict[str, list[int]], doc_tokens: list[str]
) -> list[int]:
    """Lengths of the extractive fragments of the claim found in the document (Grusky et al.,
    2018): greedily, the longest run of claim tokens that occurs as a run in the document."""
    lengths: list[int] = []
    i = 0
    while i < len(claim_tokens):
        best = 0
        for j in doc_positions.get(claim_tokens[i], ()):
            k = 0
            while (
                i + k < len(claim_tokens)
                and j + k < len(doc_tokens)
                and claim_tokens[i + k] == doc_tokens[j + k]
            ):
                k += 1
            best = max(best, k)
        if best:
            lengths.append(best)
            i += best
        else:
            i += 1
    return lengths
