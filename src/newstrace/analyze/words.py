"""Word tokens and crude stems: the one tokeniser the support checker and provenance compare with.

Sentences, names, figures, quotes and negations come from the analysis layers; what is left to
compare between two sentences is their words. They are cut here, once, the same way for every
stage that reads sentence text (align/, provenance/), with the stop list in lang/en/words.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstrace.lang.en.words import CHECK_STOPWORDS, SUFFIXES

STOPWORDS = CHECK_STOPWORDS

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*|n['’]t")


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens; "n't" is its own token, a possessive "'s" goes."""
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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'reported' with 'reports' (once per word)."""
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed tokens that carry meaning (no stop words, no punctuation)."""
    return list(_content_words(text))


@lru_cache(maxsize=65536)
def _content_words(text: str) -> tuple[str, ...]:
    """content_words(), once per distinct text: provenance reads a sentence's words again for
    every article it is compared with."""
    return tuple(
        stem(t) for t in _tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())
    )
