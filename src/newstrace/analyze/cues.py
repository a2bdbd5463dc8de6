"""The words that mark attribution: speech and stance verbs in all their forms, and their regexes.

The lemmas are language data (newstrace.lang.en.speech_verbs); here they are inflected and
turned into the cue patterns that quotes, sources and benchmarks share.
"""

from __future__ import annotations

import re

from newstrace.lang.en.speech_verbs import (
    BARE_FORMS,
    GUARDS,
    HEADLINE_LEMMAS,
    IRREGULAR_FORMS,
    NOUN_LIKE,
    NOUN_LIKE_KEEP,
    PHRASAL,
    SPEECH_LEMMAS,
    THAT_LEMMAS,
)


def inflect(lemma: str) -> list[str]:
    """A verb's finite and -ing forms (regular English morphology plus a few irregulars)."""
    if lemma in IRREGULAR_FORMS:
        return [lemma, *IRREGULAR_FORMS[lemma]]
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in ("admit", "quip", "signal", "scoff", "commit", "dub", "slam"):
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    third = (
        lemma + "es"
        if lemma.endswith(("s", "sh", "ch", "x", "z"))
        else (
            lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else lemma + "s"
        )
    )
    return [lemma, past, third, ing]


# lemmas whose bare and -s forms are mostly nouns in news ("a firebomb attack", "the last
# question", "in the state"): only their -ed and -ing forms cue attribution
def _forms(lemma: str) -> list[str]:
    forms = inflect(lemma)
    if lemma in NOUN_LIKE:
        return [f for f in forms[1:] if f != forms[2] or f in NOUN_LIKE_KEEP]
    return forms


# finite forms of that-verbs that also attribute without "that" ("a poll showed Clinton ahead")
SPEECH_FORMS = frozenset([*(f for lemma in SPEECH_LEMMAS for f in _forms(lemma)), *BARE_FORMS])
# "Mayor Says Bridge Will Reopen": finite forms capitalised in title-case headlines (the bare
# form and the -ing form are left out: "Say Goodbye", "Saying No" are not attributions)
HEADLINE_FORMS = frozenset(
    f.capitalize() for lemma in HEADLINE_LEMMAS for f in inflect(lemma) if f not in (lemma,)
) - {f.capitalize() for lemma in HEADLINE_LEMMAS for f in inflect(lemma) if f.endswith("ing")}
THAT_FORMS = frozenset(f for lemma in THAT_LEMMAS for f in inflect(lemma)) - SPEECH_FORMS
# the bare forms of noun-like verbs ("support", "plans", "doubts") and "see" are verbs right
# after a pronoun subject or an auxiliary: "they support Sanders", "who doubt it", "did back"
GUARDED_FORMS = sorted(
    {f for lemma in NOUN_LIKE & set(SPEECH_LEMMAS) for f in inflect(lemma)[::2]} | {"see", "sees"}
)
_GUARDED = (
    "(?:" + "|".join(rf"(?<=\b{g}\s)" for g in (*GUARDS, *(g.capitalize() for g in GUARDS))) + ")"
)
SPEECH_CUE = "|".join(
    [
        *(p.replace(" ", r"\s+") for p in PHRASAL),
        *sorted(SPEECH_FORMS | HEADLINE_FORMS, key=len, reverse=True),
    ]
)
_GUARDED_WORDS = "|".join(sorted(GUARDED_FORMS, key=len, reverse=True))
SPEECH_CUE += rf"|(?=(?:{_GUARDED_WORDS})\b){_GUARDED}(?:{_GUARDED_WORDS})"
THAT_CUE = "|".join(sorted(THAT_FORMS, key=len, reverse=True))
ANY_CUE_RE = re.compile(rf"\b(?:{SPEECH_CUE})\b", re.IGNORECASE)
# the same forms after any subject: "Clara Boyd hopes to ...", "Residents fear ..." (read only
# where the words before them are a plausible speaker that opens the sentence)
GUARDED_CUE = _GUARDED_WORDS
