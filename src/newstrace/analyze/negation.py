"""Negated predicates of each sentence: the `negations` layer that later stages read.

"Authorities did not confirm any damage" is not a claim of damage. The support checker and the
flags need to know which sentences deny rather than assert, and what they deny; this component
finds each negator ("not", "n't", "never", "no", "nobody" ...) and the word it negates,
skipping auxiliaries and adverbs in between ("was not immediately clear" -> clear).
"""

from __future__ import annotations

import re

from newstrace.lang.en.attribution import NEGATION_SKIP, NEGATORS
from newstrace.lang.en.words import NOT_DENYING_AFTER_NO
from newstrace.model import Article, Negation

_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_NEGATOR = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(w for w in NEGATORS if w.isalpha())) + r")\b|n['’]t\b"
)
# "not only ... but also", "no doubt", "no longer" reads as one cue
_NOT_A_DENIAL = re.compile(r"(?i)^\s*(?:only|least|to mention|just)\b")
_LONGER = re.compile(r"(?i)^\s*longer\b")
_NOT_DENIED_BY_NO = re.compile(r"(?i)^\s*(?:" + "|".join(sorted(NOT_DENYING_AFTER_NO)) + r")\b")


def find_negations(article: Article) -> list[Negation]:
    """Every negator of the article's sentences with the word it negates, in text order."""
    out: list[Negation] = []
    for sent in article.sentences:
        for match in _NEGATOR.finditer(sent.text):
            rest = sent.text[match.end() :]
            if match.group(0).lower() == "not" and _NOT_A_DENIAL.match(rest):
                continue
            if match.group(0).lower() == "no" and _NOT_DENIED_BY_NO.match(rest):
                continue
            cue_end = match.end()
            longer = _LONGER.match(rest) if match.group(0).lower() == "no" else None
            if longer:
                cue_end += longer.end()
                rest = rest[longer.end() :]
            target = next(
                (
                    w.group(0)
                    for w in _WORD.finditer(rest)
                    if w.group(0).lower() not in NEGATION_SKIP
                ),
                "",
            )
            start = sent.start + match.start()
            out.append(
                Negation(
                    sentence=sent.index,
                    cue=sent.text[match.start() : cue_end],
                    target=target,
                    start=start,
                    end=sent.start + cue_end,
                )
            )
    return out
