"""What the support checker compares in a sentence, read from the layers analyze/ stored.

The checker never parses text again: the sentence comes from the sentence layer, its names from
the entity mentions, its figures (with what they count) from the quantities, its quotations and
speakers from the quotes, what it denies from the negations. Only its words are cut here, by
analyze's tokeniser. Text that arrives raw (`newstrace score-support`, `SupportChecker.check`) is
analysed first by the same analyzer (`analysed_text`, `analysed_sentences`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from newstrace.analyze.pipeline import Analyzer
from newstrace.analyze.words import STOPWORDS, content_words, stem, tokens
from newstrace.lexicon import NUMBER_WORDS
from newstrace.model import Article, Quantity, Sentence
from newstrace.settings import Settings

# a quotation of fewer words is a scare-quoted phrase, not words put in someone's mouth
MIN_QUOTE_WORDS = 3
# units that count time, in hours: "a two-day strike" restates "a 48-hour strike"
_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0}
_NOT_NAMES = frozenset(
    [
        "he",
        "she",
        "they",
        "we",
        "i",
        "it",
        "you",
        "the",
        "a",
        "an",
        "this",
        "that",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
    ]
)


class Figure(NamedTuple):
    """A figure of the sentence: its value, as written, and what it counts (a stem; "percent")."""

    value: float
    written: str
    unit: str


@dataclass(frozen=True)
class SentenceFeatures:
    """What the checks need to know about one sentence, read once from its article's layers."""

    text: str
    words: tuple[str, ...]
    word_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    figures: tuple[Figure, ...] = ()
    names: tuple[str, ...] = ()  # entity mentions as written, possessive cut
    name_keys: frozenset[str] = frozenset()  # each name and each of its words, lower-cased
    denied: frozenset[str] = frozenset()  # stems of the words its negators deny
    negations: int = 0  # how many negators it holds
    quotes: tuple[str, ...] = ()  # direct quotations of at least a few words
    speaker: str | None = None  # a named speaker of a quotation in it

    def without_names(self, keys: frozenset[str]) -> SentenceFeatures:
        """The same sentence with these name keys read as ordinary words."""
        return replace(self, name_keys=self.name_keys - keys)

    def without_quotes(self) -> SentenceFeatures:
        return replace(self, quotes=())


def words_only(text: str) -> SentenceFeatures:
    """A sentence's words with no layer (a name or quoted span compared by its words)."""
    words = tuple(content_words(text))
    return SentenceFeatures(text, words, frozenset(words), frozenset(itertools.pairwise(words)))


def merged(a: SentenceFeatures, b: SentenceFeatures) -> SentenceFeatures:
    """Two sentences read as one (a claim that fuses them is checked against both)."""
    words = a.words + b.words
    return SentenceFeatures(
        text=f"{a.text} {b.text}",
        words=words,
        word_set=a.word_set | b.word_set,
        bigrams=a.bigrams | b.bigrams,
        figures=a.figures + b.figures,
        names=a.names + b.names,
        name_keys=a.name_keys | b.name_keys,
        denied=a.denied | b.denied,
        negations=a.negations + b.negations,
        quotes=a.quotes + b.quotes,
        speaker=a.speaker or b.speaker,
    )


def unit_key(unit: str) -> str:
    """What a figure counts, comparable across wordings: '%' and 'per cent' are 'percent'."""
    low = unit.lower().strip()
    if low in ("%", "percent", "per cent", "pct", "percentage points", "points"):
        return "percent" if low != "points" else "point"
    words = [w for w in tokens(low) if w.isalpha()]
    return stem(words[-1]) if words else ""


def hours(figure: Figure) -> float | None:
    """A figure that counts hours, days or weeks, in hours."""
    factor = _HOURS.get(figure.unit.removesuffix("s"))
    return figure.value * factor if factor is not None else None


def is_name(speaker: str) -> bool:
    """Capitalised words, not a pronoun or a description ('The government')."""
    words = speaker.split()
    return (
        bool(words)
        and words[0].lower() not in _NOT_NAMES
        and all(w[:1].isupper() for w in words if w.lower() not in ("of", "de", "van", "von", "al"))
    )


def _name(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _figure(quantity: Quantity) -> Figure:
    """A quantity as the checks compare it; a hyphened figure ("two-day") counts its last part.
    As written, it starts at the figure: "about 12,000 litres" is shown as "12,000 litres"
    (a qualifier is no part of the number a reader compares)."""
    written = _from_figure(quantity.span) or f"{quantity.value:g}"
    unit = quantity.unit
    if not unit and "-" in written:
        unit = written.rsplit("-", 1)[1]
    return Figure(quantity.value, written, unit_key(unit))


def _from_figure(span: str) -> str:
    words = span.split()
    for k, word in enumerate(words):
        bare = word.strip("$£€(").lower().split("-")[0]
        if bare[:1].isdigit() or bare in NUMBER_WORDS:
            return " ".join(words[k:])
    return span


def _part_in(quote: str, sentence: str) -> str:
    """The words of a quotation that stand in this sentence: a quotation may run on over
    several sentences (and paragraphs), of which this sentence holds the start."""
    if quote in sentence:
        return quote
    at = sentence.find(quote[: min(len(quote), 24)])
    if at < 0:
        return quote
    n = 0
    while n < len(quote) and at + n < len(sentence) and quote[n] == sentence[at + n]:
        n += 1
    return quote[:n].rstrip(" ,;:\"”’'")


def article_features(article: Article) -> list[SentenceFeatures]:
    """Every sentence of an analysed article, read from its layers (by sentence position)."""
    position = {s.index: k for k, s in enumerate(article.sentences)}
    n = len(article.sentences)
    figures: list[list[Figure]] = [[] for _ in range(n)]
    names: list[list[str]] = [[] for _ in range(n)]
    denied: list[set[str]] = [set() for _ in range(n)]
    negations = [0] * n
    quotes: list[list[str]] = [[] for _ in range(n)]
    speakers: list[str | None] = [None] * n
    for q in article.quantities:
        if (k := position.get(q.sentence)) is not None:
            figures[k].append(_figure(q))
    for m in article.mentions:
        if (k := position.get(m.sentence)) is not None:
            names[k].append(_name(m.text))
    for neg in article.negations:
        if (k := position.get(neg.sentence)) is not None:
            negations[k] += 1
            if neg.target:
                denied[k].add(stem(neg.target.lower()))
    for quote in article.quotes:
        k = position.get(quote.sentence)
        if k is None:
            continue
        words = _part_in(quote.text, article.sentences[k].text)
        if quote.kind == "direct" and len(tokens(words)) >= MIN_QUOTE_WORDS:
            quotes[k].append(words)
        if speakers[k] is None and quote.speaker and is_name(quote.speaker_text or quote.speaker):
            speakers[k] = quote.speaker
    out = []
    for k, sentence in enumerate(article.sentences):
        base = words_only(sentence.text)
        keys: set[str] = set()
        for name in names[k]:
            low = name.lower()
            keys.add(low)
            keys.update(w for w in low.split() if w not in STOPWORDS and len(w) > 1)
        out.append(
            replace(
                base,
                figures=tuple(figures[k]),
                names=tuple(dict.fromkeys(names[k])),
                name_keys=frozenset(keys),
                denied=frozenset(denied[k]),
                negations=negations[k],
                quotes=tuple(quotes[k]),
                speaker=speakers[k],
            )
        )
    return out


_ANALYZERS: dict[str, Analyzer] = {}


def _analyzer(settings: Settings | None) -> Analyzer:
    """One analyzer per NER choice, loaded once (its models are big); no vectors."""
    settings = settings or Settings()
    if settings.ner not in _ANALYZERS:
        _ANALYZERS[settings.ner] = Analyzer(settings, embed=False)
    return _ANALYZERS[settings.ner]


def analysed_text(text: str, settings: Settings | None = None) -> Article:
    """Raw text analysed as ingest analyses it (sentences, mentions, quotes, figures,
    negations; no vectors)."""
    analyzer = _analyzer(settings)
    article = Article(id="text", source="text", text=text)
    analyzer.analyze([article])
    return article


def analysed_sentences(sentences: Sequence[str], settings: Settings | None = None) -> Article:
    """Sentences given one by one, analysed as ingest analyses an article, each kept whole as
    one sentence of the sentence layer (so evidence indexes stay the caller's)."""
    analyzer = _analyzer(settings)
    text, layer = "", []
    for k, s in enumerate(sentences):
        if k:
            text += "\n\n"
        layer.append(
            Sentence(index=k, text=s, start=len(text), end=len(text) + len(s), paragraph=k)
        )
        text += s
    article = Article(id="sentences", source="sentences", text=text, sentences=layer)
    for step, component in analyzer.components():
        if step not in ("sentences", "vectors"):
            component([article])
    return article


def text_features(text: str, settings: Settings | None = None) -> list[SentenceFeatures]:
    """The sentences of raw text, analysed (one source checked against many claims is
    analysed once)."""
    settings = settings or Settings()
    key = (settings.ner, text)
    found = _RECENT.get(key)
    if found is None:
        found = tuple(article_features(analysed_text(text, settings)))
        if len(_RECENT) >= RECENT_TEXTS:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = found
    return list(found)


# raw texts analysed lately, oldest first (a source scored against many claims is analysed once)
RECENT_TEXTS = 64
_RECENT: dict[tuple[str, str], tuple[SentenceFeatures, ...]] = {}


def sentence_features(
    sentences: Sequence[str], settings: Settings | None = None
) -> list[SentenceFeatures]:
    return article_features(analysed_sentences(sentences, settings))
