"""The words that mark attribution: speech and stance verbs in all their forms, and their regexes.

Kept apart from quotes.py so that sources, quantities and benchmarks share one list.
"""

from __future__ import annotations

import re

# verbs of saying and of stated stance; a reporter uses them to hand a statement to a source
SPEECH_LEMMAS = [
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "declare",
    "explain",
    "note",
    "warn",
    "claim",
    "insist",
    "argue",
    "assert",
    "report",
    "write",
    "tweet",
    "post",
    "confirm",
    "deny",
    "acknowledge",
    "admit",
    "suggest",
    "predict",
    "estimate",
    "urge",
    "allege",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "concede",
    "contend",
    "maintain",
    "stress",
    "emphasize",
    "emphasise",
    "recall",
    "reply",
    "respond",
    "answer",
    "ask",
    "caution",
    "complain",
    "charge",
    "counter",
    "disclose",
    "reveal",
    "indicate",
    "observe",
    "remark",
    "comment",
    "continue",
    "conclude",
    "testify",
    "signal",
    "hint",
    "agree",
    "boast",
    "proclaim",
    "reiterate",
    "repeat",
    "shout",
    "joke",
    "quip",
    "yell",
    "chant",
    "call",
    "describe",
    "accuse",
    "blame",
    "criticize",
    "criticise",
    "praise",
    "dismiss",
    "defend",
    "thank",
    "congratulate",
    "tout",
    "slam",
    "attack",
    "mention",
    "cite",
    "discuss",
    "express",
    "endorse",
    "demand",
    "believe",
    "think",
    "hope",
    "fear",
    "expect",
    "worry",
    "predict",
    "acknowledge",
    "recount",
    "lament",
    "question",
    "complain",
    "concede",
    "brag",
    "scoff",
    "retort",
    "contend",
    "inform",
    "assure",
    "remind",
    "announce",
    "quote",
]
# stance and support verbs that news uses to report a position ("X backed the plan")
SPEECH_LEMMAS += """want plan seek refuse decline support back endorse oppose favor favour prefer
propose offer mock highlight refer doubt reject vow applaud welcome condemn guarantee advise
recommend""".split()  # noqa: SIM905
# verbs that PolNeAR's train split marks as attribution cues in most of their uses (criticism,
# praise, talk, thought): counted on train, each attributes in >= ~55% of its occurrences there
SPEECH_LEMMAS += """decry slam assail bemoan speculate rebuke lash hail blast rail wonder denounce
lambaste interject balk retweet portray echo plead deride voice liken invoke dub articulate imply
deem talk speak encourage unveil outline champion persuade rebuff justify disavow advocate muse
distance reference term""".split()  # noqa: SIM905
# verbs that attribute only with a that-clause ("a poll showed that ...")
THAT_LEMMAS = [
    "show",
    "find",
    "conclude",
    "learn",
    "know",
    "realize",
    "realise",
    "understand",
    "feel",
    "recognize",
    "recognise",
    "acknowledge",
    "determine",
    "estimate",
    "indicate",
]
# verb + particle cues: "the minister laid out her plan", "as the report pointed out"
PHRASAL = [
    *(f"{verb} out" for verb in ("point", "pointed", "points", "pointing")),
    *(f"{verb} out" for verb in ("laid", "lays", "laying", "spelled", "spelt", "spells")),
    *(f"{verb} it" for verb in ("put", "puts", "putting")),  # "as X put it, '...'"
]

_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"],
    "think": ["thought", "thinks", "thinking"],
    "find": ["found", "finds", "finding"],
    "know": ["knew", "knows", "knowing", "known"],
    "feel": ["felt", "feels", "feeling"],
    "understand": ["understood", "understands"],
    "show": ["showed", "shows", "showing", "shown"],
    "learn": ["learned", "learnt", "learns"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "echo": ["echoed", "echoes", "echoing"],
}


def inflect(lemma: str) -> list[str]:
    """A verb's finite and -ing forms (regular English morphology plus a few irregulars)."""
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in ("admit", "quip", "signal", "scoff", "commit", "dub"):
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
NOUN_LIKE = frozenset(
    [
        "state",
        "attack",
        "question",
        "call",
        "report",
        "post",
        "charge",
        "comment",
        "answer",
        "repeat",
        "reply",
        "signal",
        "counter",
        "demand",
        "hope",
        "fear",
        "support",
        "thank",
        "praise",
        "defend",
        "express",
        "tout",
        "slam",
        "quote",
        "lament",
        "remark",
        "joke",
        "quip",
        "chant",
        "blame",
        "cite",
        "estimate",
        "promise",
        "pledge",
        "threaten",
        "vow",
        "warn",
        "concern",
        "note",
    ]
)
NOUN_LIKE = NOUN_LIKE | frozenset(
    """plan support back offer favor favour refuse doubt welcome reject blast voice outline talk
    distance reference rail hail lash wonder champion retweet muse term""".split()  # noqa: SIM905
)
_NOUN_LIKE_KEEP = frozenset({"reports", "notes", "warns", "vows", "promises", "cites", "calls"})


def _forms(lemma: str) -> list[str]:
    forms = inflect(lemma)
    if lemma in NOUN_LIKE:
        return [f for f in forms[1:] if f != forms[2] or f in _NOUN_LIKE_KEEP]
    return forms


# finite forms of that-verbs that also attribute without "that" ("a poll showed Clinton ahead")
BARE_FORMS = ["shows", "showed", "finds"]
SPEECH_FORMS = frozenset([*(f for lemma in SPEECH_LEMMAS for f in _forms(lemma)), *BARE_FORMS])
BE_VERBS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "’s"})
THAT_FORMS = frozenset(f for lemma in THAT_LEMMAS for f in inflect(lemma)) - SPEECH_FORMS
# the bare forms of noun-like verbs ("support", "plans", "doubts") and "see" are verbs right
# after a pronoun subject or an auxiliary: "they support Sanders", "who doubt it", "did back"
GUARDED_FORMS = sorted(
    {f for lemma in NOUN_LIKE & set(SPEECH_LEMMAS) for f in inflect(lemma)[::2]} | {"see", "sees"}
)
_GUARDS = "they we i you who he she it did does do also still strongly can could may might".split()  # noqa: SIM905
_GUARDED = "(?:" + "|".join(rf"(?<=\b{g}\s)" for g in _GUARDS) + ")"
SPEECH_CUE = "|".join(
    [*(p.replace(" ", r"\s+") for p in PHRASAL), *sorted(SPEECH_FORMS, key=len, reverse=True)]
)
_GUARDED_WORDS = "|".join(sorted(GUARDED_FORMS, key=len, reverse=True))
SPEECH_CUE += rf"|(?=(?:{_GUARDED_WORDS})\b){_GUARDED}(?:{_GUARDED_WORDS})"
THAT_CUE = "|".join(sorted(THAT_FORMS, key=len, reverse=True))
ANY_CUE_RE = re.compile(rf"\b(?:{SPEECH_CUE})\b", re.IGNORECASE)
