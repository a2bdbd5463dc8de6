"""What two articles share, and how unevenly: the measurements derivation and direction read.

Derivation asks whether one article was written from the other. Two independent reports of
one event restate the same main facts, so close sentences alone do not decide it; what an
independent reporter would not share is the rest: nearly every sentence of the smaller article
restated, the same incidental figures, the same quotes cut the same way, the same order.

Direction asks which one is the source, from the text alone when dates say nothing. Each
direction measure is antisymmetric (swap the articles and it changes sign): which one restates
more of the other (a condensation is derived from the fuller text), which one's own sentences
carry the specific details an original report has (names, figures, quotes) rather than framing
and filler, which one carries a rewrite's hedges or a reprint's credit line, and whether one is
the other cut short at the bottom.

Every layer read here (sentences, entity mentions, figures, quotes) comes from analyze/.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache

import numpy as np

from newstrace.align.meaning import LEVELS, Matching, vector_family
from newstrace.align.sentences import PreparedArticle
from newstrace.lang.en.rewrites import CREDIT_PHRASES, REWRITE_PHRASES


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def marker_rate(article: PreparedArticle) -> float:
    """Rewrite hedges and filler per sentence."""
    if not article.texts:
        return 0.0
    pattern = _phrase_pattern(REWRITE_PHRASES)
    return sum(len(pattern.findall(t)) for t in article.texts) / len(article.texts)


def credit_pattern() -> re.Pattern[str]:
    """A reprint's credit line: copyright, "contributed to this report", ..."""
    return _phrase_pattern(CREDIT_PHRASES)


def has_credit(article: PreparedArticle) -> float:
    """1 when a credit line (copyright, "contributed to this report", ...) closes the text."""
    pattern = credit_pattern()
    tail = article.texts[-3:]
    return 1.0 if any(pattern.search(t) for t in tail) else 0.0


def specifics(article: PreparedArticle) -> list[int]:
    """Per sentence: how many names, figures and quotes it holds (from the analysis layers)."""
    counts = [0] * len(article.texts)
    position = {s.index: k for k, s in enumerate(article.article.sentences)}
    items: Iterable[int] = (
        *(m.sentence for m in article.article.mentions),
        *(q.sentence for q in article.article.quantities),
        *(q.sentence for q in article.article.quotes if q.kind == "direct"),
    )
    for sentence in items:
        k = position.get(sentence, -1)
        if 0 <= k < len(counts):
            counts[k] += 1
    return counts


def _figures(article: PreparedArticle) -> set[float]:
    return {round(q.value, 3) for q in article.article.quantities if q.value not in (0.0, 1.0)}


def _names(article: PreparedArticle) -> set[str]:
    return {(m.canonical or m.text).lower() for m in article.article.mentions}


def names_held(a: PreparedArticle, b: PreparedArticle) -> tuple[float, int]:
    """Share of the smaller article's names the other names too, and how many it names."""
    small, large = (b, a) if len(b.texts) <= len(a.texts) else (a, b)
    return _held(_names(small), _names(large))  # type: ignore[arg-type]


def _quote_words(article: PreparedArticle) -> list[set[str]]:
    out = []
    for q in article.article.quotes:
        if q.kind == "direct":
            words = {w.lower() for w in re.findall(r"[A-Za-z']+", q.text) if len(w) > 3}
            if len(words) >= 3:
                out.append(words)
    return out


def _held(small: Iterable[object], large: set[object]) -> tuple[float, int]:
    items = set(small)
    if not items:
        return 0.0, 0
    return len(items & large) / len(items), len(items)


def _quotes_shared(x: PreparedArticle, y: PreparedArticle) -> float:
    """Share of x's direct quotes whose words stand in one of y's sentences: quotes cut alike."""
    quotes = _quote_words(x)
    if not quotes:
        return 0.0
    y_words = [_word_set(t) for t in y.texts]
    held = sum(1 for q in quotes if any(len(q & w) >= 0.7 * len(q) for w in y_words))
    return held / len(quotes)


# an article is compared with up to 8 neighbours, and each neighbour with the articles after it:
# its words and 5-grams are read once per text, not once per comparison
@lru_cache(maxsize=8192)
def _word_set(sentence: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z']+", sentence.lower()))


def _grams(article: PreparedArticle) -> frozenset[tuple[str, ...]]:
    return _text_grams(" ".join(article.texts))


@lru_cache(maxsize=256)
def _text_grams(text: str) -> frozenset[tuple[str, ...]]:
    words = text.lower().split()
    return frozenset(tuple(words[i : i + 5]) for i in range(len(words) - 4))


def derivation_features(a: PreparedArticle, b: PreparedArticle, m: Matching) -> dict[str, float]:
    """Symmetric measures of how much of one article the other restates (b matched onto a)."""
    low, mid, high = LEVELS[vector_family(a)]
    small_is_b = len(b.texts) <= len(a.texts)
    cov = {}
    for name, t in (("low", low), ("mid", mid), ("high", high)):
        ca, cb = m.covered_source(t), m.covered_derived(t)
        cov[f"cov_small_{name}"] = cb if small_is_b else ca
        cov[f"cov_large_{name}"] = ca if small_is_b else cb
    sims_b = m.best_source_sim
    sims_a = m.best_derived_sim
    mean_b = float(np.mean(sims_b)) if len(sims_b) else 0.0
    mean_a = float(np.mean(sims_a)) if len(sims_a) else 0.0
    small, large = (b, a) if small_is_b else (a, b)
    figures, n_fig = _held(_figures(small), _figures(large))  # type: ignore[arg-type]
    names, _ = _held(_names(small), _names(large))  # type: ignore[arg-type]
    ga, gb = _grams(a), _grams(b)
    grams = len(ga & gb) / max(1, min(len(ga), len(gb)))
    return {
        **cov,
        "mean_small": mean_b if small_is_b else mean_a,
        "mean_large": mean_a if small_is_b else mean_b,
        "order": m.in_order(mid, from_source=not small_is_b),
        "figures_shared": figures if n_fig else 0.5,
        "names_shared": names,
        "quotes_shared": max(_quotes_shared(a, b), _quotes_shared(b, a)),
        "grams_shared": grams,
        "log_small": math.log1p(len(small.texts)),
    }


def direction_features(
    a: PreparedArticle, b: PreparedArticle, m: Matching, tail_evidence: float
) -> dict[str, float]:
    """Antisymmetric measures, positive when b looks derived from a (b matched onto a)."""
    _, mid, _ = LEVELS[vector_family(a)]
    cov_a, cov_b = m.covered_source(mid), m.covered_derived(mid)
    words_a = sum(len(t.split()) for t in a.texts) or 1
    words_b = sum(len(t.split()) for t in b.texts) or 1
    spec_a, spec_b = specifics(a), specifics(b)
    own_a = [s for s, sim in zip(spec_a, m.best_derived_sim, strict=True) if sim < mid]
    own_b = [s for s, sim in zip(spec_b, m.best_source_sim, strict=True) if sim < mid]
    # the specific details only one side has: an original's cut details, or a rewrite's few
    # inventions among its framing
    own_detail_a = sum(own_a) / max(1, len(a.texts))
    own_detail_b = sum(own_b) / max(1, len(b.texts))
    generic_a = sum(1 for s in own_a if s == 0) / max(1, len(a.texts))
    generic_b = sum(1 for s in own_b if s == 0) / max(1, len(b.texts))
    return {
        "restated_diff": cov_b - cov_a,
        "length_ratio": math.log(words_a / words_b),
        "own_detail_diff": own_detail_a - own_detail_b,
        "own_generic_diff": generic_b - generic_a,
        "markers_diff": marker_rate(b) - marker_rate(a),
        "credit_diff": has_credit(b) - has_credit(a),
        "trimmed": tail_evidence,
    }
