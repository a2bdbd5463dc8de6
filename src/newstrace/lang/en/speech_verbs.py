"""English speech and stance verbs: the lemmas a reporter uses to hand words to a source.

Word lists only; newstrace.analyze.cues inflects them and builds the cue regexes.
"""

from __future__ import annotations

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

IRREGULAR_FORMS = {
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
NOUN_LIKE_KEEP = frozenset({"reports", "notes", "warns", "vows", "promises", "cites", "calls"})

BARE_FORMS = ["shows", "showed", "finds"]
BE_VERBS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "’s"})
# subjects and auxiliaries after which a noun-like form is a verb ("they support")
GUARDS = "they we i you who he she it did does do also still strongly can could may might".split()  # noqa: SIM905

# headlines capitalise every word ("Mayor Says Bridge Will Reopen"): these verbs' finite forms
# cue attribution capitalised too
HEADLINE_LEMMAS = """say tell warn urge vow claim deny admit insist predict suggest think believe
argue accuse slam blast promise pledge reveal confirm demand""".split()  # noqa: SIM905
