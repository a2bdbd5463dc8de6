"""What a derived sentence seems to add that its sources hold after all: an ordinary word
written with a capital (a rewrite that moves 'early Friday' to the front of a sentence) read
as a new name, words between two quotations read as a quote; and a name put in place of the
one the source sentence gives (altered, not invented)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newstrace.align.facts import quote_found
from newstrace.align.lexical import features, quoted_spans, stem, tokens

NOT_NAMED = " not named in any source"
QUOTE_NOT_FOUND = "quote not in any source"
# a quoted span of fewer tokens is the text between two quotations, or a scare-quoted phrase
MIN_QUOTE_TOKENS = 3
# a quotation whose content words one source sentence holds to this share stands in it
QUOTE_WORDS_HELD = 2 / 3
# a sentence restating its source this closely, apart from the new name, had a name replaced
REPLACED_NAME_COVERAGE = 0.75
# ... each adding at most this many words (or a quarter) of its own: more is other material
MAX_EXTRA_WORDS = 3

_QUOTE_MARK = re.compile(r"[\"“”]")
_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z'’-]*")
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w'’-]*")
_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def ordinary_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the texts write in lower case somewhere: ordinary words, whatever their case."""
    return frozenset(m.group(0).replace("’", "'") for t in texts for m in _LOWER_WORD.finditer(t))


def novel_name(reason: str) -> str | None:
    """The name an 'X not named in any source' verdict is about."""
    return reason[: -len(NOT_NAMED)] if reason.endswith(NOT_NAMED) else None


def is_pseudo_name(name: str, ordinary: frozenset[str], source_words: frozenset[str]) -> bool:
    """Every word of the 'name' is an ordinary word or stands in the sources anyway."""
    words = tokens(name)
    return bool(words) and all(w in ordinary or w in source_words for w in words)


def decapitalised(text: str, ordinary: frozenset[str]) -> str:
    """The sentence with capitalised ordinary words written in lower case."""
    return _CAPITAL_WORD.sub(
        lambda m: m.group(0).lower() if m.group(0).lower() in ordinary else m.group(0), text
    )


def replaced_name(claim: str, evidence: str, name: str, ordinary: frozenset[str]) -> str | None:
    """'name A -> B' when the claim restates the evidence but for a name the evidence gives
    and the claim does not (and says little else the evidence does not)."""
    name = next((run for run in _CAPITAL_RUN.findall(claim) if name in run), name)
    new_words = {stem(w) for w in tokens(name)}
    c, e = features(claim), features(evidence)
    rest = c.word_set - new_words
    if not rest:
        return None
    # each says little the other does not: a restatement, not a longer or shorter story
    for own, other in ((rest, e.word_set), (e.word_set, rest)):
        if len(own - other) > max(MAX_EXTRA_WORDS, (1 - REPLACED_NAME_COVERAGE) * len(own)):
            return None
    claim_words = set(tokens(claim))
    for run in _CAPITAL_RUN.findall(evidence):
        words = run.split()
        while words and words[0].lower() in ordinary:
            words = words[1:]
        if words and not any(w.lower() in claim_words for w in words):
            return f"name {' '.join(words)} -> {name}"
    return None


def quotes_found(claim: str, sources: list[str]) -> bool:
    """Every quotation of the claim stands in some source: its words in order, or most of its
    content words inside one source sentence."""
    for span in quoted_spans(claim):
        if len(tokens(span)) < MIN_QUOTE_TOKENS or quote_found(span, sources) >= 0:
            continue
        words = features(span).word_set
        if len(words) < 2 or not any(
            len(words & features(s).word_set) >= QUOTE_WORDS_HELD * len(words) for s in sources
        ):
            return False
    return True


def unquoted(text: str) -> str:
    """The sentence without its quotation marks."""
    return _QUOTE_MARK.sub("", text)
