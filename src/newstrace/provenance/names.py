"""What a derived sentence seems to add that its sources hold after all: an ordinary word
written with a capital (a rewrite that moves 'early Friday' to the front of a sentence) taken
for a name, a quotation whose words a source holds in another order; and a name put in place of
the one the source sentence gives (altered, not invented). Names and quotations are the
sentence's entity mentions and quotes, as analyze/ found them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newstrace.align.facts import quote_found
from newstrace.align.features import SentenceFeatures, words_only
from newstrace.analyze.words import stem, tokens

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

_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z'’-]*")


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


def pseudo_name_keys(
    claim: SentenceFeatures, ordinary: frozenset[str], source_words: frozenset[str]
) -> frozenset[str]:
    """The name keys of the claim's 'names' that are ordinary words or stand in the sources."""
    keys: set[str] = set()
    for name in claim.names:
        if is_pseudo_name(name, ordinary, source_words):
            low = name.lower()
            keys.add(low)
            keys.update(low.split())
    return frozenset(keys)


def replaced_name(
    claim: SentenceFeatures, evidence: SentenceFeatures, name: str, ordinary: frozenset[str]
) -> str | None:
    """'name A -> B' when the claim restates the evidence but for a name the evidence gives
    and the claim does not (and says little else the evidence does not)."""
    name = next((n for n in claim.names if name.lower() in n.lower()), name)
    new_words = {stem(w) for w in tokens(name)}
    rest = claim.word_set - new_words
    if not rest:
        return None
    # each says little the other does not: a restatement, not a longer or shorter story
    for own, other in ((rest, evidence.word_set), (evidence.word_set, rest)):
        if len(own - other) > max(MAX_EXTRA_WORDS, (1 - REPLACED_NAME_COVERAGE) * len(own)):
            return None
    claim_words = set(tokens(claim.text))
    for given in evidence.names:
        words = given.split()
        while words and words[0].lower() in ordinary:
            words = words[1:]
        if words and not any(w.lower() in claim_words for w in words):
            return f"name {' '.join(words)} -> {name}"
    return None


def quotes_found(claim: SentenceFeatures, sources: list[SentenceFeatures]) -> bool:
    """Every quotation of the claim stands in some source: its words in order, or most of its
    content words inside one source sentence."""
    texts = [s.text for s in sources]
    for span in claim.quotes:
        if len(tokens(span)) < MIN_QUOTE_TOKENS or quote_found(span, texts) >= 0:
            continue
        words = words_only(span).word_set
        if len(words) < 2 or not any(
            len(words & s.word_set) >= QUOTE_WORDS_HELD * len(words) for s in sources
        ):
            return False
    return True
