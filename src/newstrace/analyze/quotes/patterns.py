"""The regular expressions of attribution, shared by the quote modules: cue verbs with their
auxiliaries, speaker phrases, the shapes of direct and reported speech, relayed sources."""

from __future__ import annotations

import re

from newstrace.analyze.cues import GUARDED_CUE, SPEECH_CUE, THAT_CUE
from newstrace.lang.en.abbreviations import TITLE_ABBREVIATIONS
from newstrace.lang.en.attribution import (
    ANONYMITY_PHRASES,
    DISCOURSE_ADVERBS,
    DOCUMENT_NOUNS,
    FRAMING_PARTICIPLES,
    NAMING_VERBS,
    NEGATORS,
    OUTLET_NOUNS,
    RELAY_VERBS,
    SHORT_FUNCTION_WORDS,
    SPEECH_NOUNS,
)
from newstrace.lang.en.lex_attrs import MONTH_NAMES, WEEKDAY_NAMES

CUE = SPEECH_CUE
_AUX = r"(?:(?:has|have|had|also|later|then|again|once|would|will|could|did|does|do|"
_AUX += r"publicly|privately|repeatedly|recently|previously|often|never|always|just|not|n't|"
_AUX += r"quickly|flatly|angrily|bluntly|simply|reportedly|still|even|can|may|might|must|should|strongly|been(?=\s+\w+ing\b))\s+)*"

# quotation pairs; single quotes need a word boundary outside so apostrophes do not pair
QUOTE_PATTERNS = [
    re.compile(r"“([^”“]{1,}?)”"),
    re.compile(r"``\s?([^`\n]+?)\s?''"),
    re.compile(r"(?<![\w'])''((?:[^'\n]|(?<=\w)'(?=\w))+?)''"),
    re.compile(r'(?<![\w])"([^"\n]{1,}?)"'),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘((?:[^’‘\n]|(?<=\w)’(?=\w))*?[^\s’])’(?!\w)"),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'((?:[^'\n]|(?<=\w)'(?=\w))*?[^\s'])'(?!\w)"),
]
# right after a quote: , said the minister.  /  , the minister said.
_ABBREV_DOT = "(?:" + "|".join(rf"(?<=\b{a})" for a in TITLE_ABBREVIATIONS) + r"|(?<=\b[A-Z]))\."
_NOT_ABBREV = "".join(rf"(?<!\b{a}\.)" for a in TITLE_ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
_SPK = rf"(?:[^.,;:!?\"“”]|{_ABBREV_DOT}|\.(?=[A-Za-z),]))"
AFTER_CUE_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*[-—–]?\s*(?P<cue>{CUE})\s+(?P<spk>{_SPK}{{1,140}}?)"
    rf"\s*(?=[,;:!?\"“”]|\.{_NOT_ABBREV}|\s+(?:in|on|at|during|after|before|when|while|from|last|this|because|as|since|"
    r"yesterday|today|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|$)",
    re.IGNORECASE,
)
AFTER_SPK_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*[-—–]?\s*(?P<spk>{_SPK}{{1,100}}?(?:,(?:{_SPK}|,){{1,160}},)?)\s+{_AUX}"
    rf"(?P<cue>{CUE})\b",
)
# a quote that ends in , ? or ! hands itself to the clause after it, whatever its verb:
# '"...," the minister elaborated, noting ...' / '"...?" wondered one resident.'
AFTER_ANY_VERB = re.compile(
    rf"^\s*(?:(?P<spk>{_SPK}{{1,80}}?)\s+(?P<cue>[a-z]{{3,}}(?:ed|s))|"
    rf"(?P<cue2>[a-z]{{3,}}ed)\s+(?P<spk2>{_SPK}{{1,80}}?))"
    r"(?:\s+(?:to|on|in|at|during|before|after|with|from|into)\s+[^,.;:!?\"“”]{1,40}?)?"
    rf"\s*(?=[,;:!?]|\.{_NOT_ABBREV}|\s+(?:before|after|while|as|when)\b|$)"
)
_NOUN_ALT = "|".join(sorted(SPEECH_NOUNS, key=len, reverse=True))
_NAMING_ALT = "|".join(sorted(NAMING_VERBS, key=len, reverse=True))
# "the mayor's pledge of a", "Ortiz's warning that": the possessor said the quoted words
POSSESSED_SPEECH = re.compile(
    rf"(?P<owner>\S+)['’]s?\s+(?:[a-z\-]+\s+){{0,2}}?(?:{_NOUN_ALT})\s+"
    r"(?:(?:of|for|to|that|about|as|on)\s+)?(?:(?:a|an|the|what\s+(?:he|she|they|it)\s+\w+)\s+)?$"
)
# "..., speaking on condition of anonymity, said": a circumstance of speaking, masked before the
# sentence is read so that "of anonymity" is never taken for what was said
ANONYMITY = re.compile(
    r"(?i)(?:,\s*)?\b(?:speaking|talking|who\s+spoke|who\s+talked)\s+(?:"
    + "|".join(re.escape(p) for p in ANONYMITY_PHRASES)
    + r")\b[^,.;:\"“”]{0,80}?(?=\s*(?:,|\.|;|$))(?:\s*,)?"
)
# ", marking three years of war": a clause whose subject is the event, in the reporter's words
FRAMING_CLAUSE = re.compile(r",\s+(?:" + "|".join(sorted(FRAMING_PARTICIPLES)) + r")\b")
# right before a quote: the minister said: / He said, / X told reporters:
DASH_SPEAKER = re.compile(
    r"^\s*[,.]?\s*[―—–-]+\s*(?P<spk>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})"
)
BEFORE_TAIL = re.compile(
    r"(?:\s+(?:reporters|journalists|the\s+[\w.]+(?:\s+[\w.]+){0,3}|him|her|them|us|me|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))?"
    r"(?:,?\s+(?:on|in|at|during|after|before|to|of|about|from)\s+[^,:\"“]{1,60})?\s*[,:]?\s*"
    r"(?:that\s+|as\s+|it\s+)?$"
)
# "Said Maren Olsen, who grew up there, “...”": the cue opens the sentence, the speaker follows
INVERTED_BEFORE = re.compile(
    rf"^\s*(?P<cue>{CUE})\s+(?P<spk>[^,:;\"“”]{{2,80}}?)\s*(?:,[^\"“”;]{{0,160}})?[,:]\s*$"
)
HARD_STOP = re.compile(rf"[;:!?\"“”]|\.{_NOT_ABBREV}(?=\s)")
COLON = re.compile(r"(?P<spk>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})\s*:\s*$")
ACCORDING_TO = re.compile(
    r"\b(?:[Aa]ccording to|[Aa]s (?:first |previously |earlier )?reported (?:by|in))\s+"
    r"(?:(?:new|recent|official|the|latest|preliminary)\s+)*"
    r"(?:(?:figures|data|estimates|numbers|statistics|results|records|documents)\s+"
    r"(?:from|by|of|released\s+by|compiled\s+by|published\s+by)\s+)?"
    rf"(?P<spk>(?:[^,.;:(\"“”]|\.(?=\w)|{_ABBREV_DOT}(?=\s)){{2,100}}?)"
    rf"(?=\s*(?:[,;:(\"“”]|\.{_NOT_ABBREV}|\.$)|\s+(?:who|which|that|of|in|on|at|from)\b|$)"
)
# "this L.A. Times story" -> "L.A. Times": a document named by its publisher
DOCUMENT_OF = re.compile(
    r"(?i)^(?:this|that|a|an|the|its|his|her|their)\s+(?P<name>.+?)\s+(?:story|report|article|"
    r"analysis|survey|poll|study|statement|data|figures|estimate|estimates|tally|count|review|"
    r"calculations?|investigation)$"
)
# research states findings: "Research carried out by the Forsa Institute found (that) ..."
FINDING_LEAD = re.compile(
    r"(?i)^(?P<pre>.*?\b(?:research|study|studies|survey|surveys|poll|polls|analysis|report|review|"
    r"investigation|inquiry|audit|census|data|researchers|scientists)\b[^,;:]{0,80}?)\s+"
    r"(?P<cue>found|finds|concluded|concludes|estimated|estimates|revealed|reveals|indicated|"
    r"indicates)\s+(?:that\s+)?(?P<content>.{8,})$"
)
# what follows a cue: an addressee ("told reporters"), a circumstance ("on Monday"), "that"
_LEAD_REST = (
    r"(?:\s+(?P<obj>reporters|journalists|the\s+[\w.]+(?:\s+[\w.]+){0,3}|him|her|them|us|me|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))??"
    r"(?:,?\s+(?:on|in|at|during|last|this)\s+[^,]{1,40}?)?\s*,?\s+(?:that\s+)?(?P<content>.{8,})$"
)
INDIRECT_LEAD = re.compile(rf"^(?P<pre>.*?)\s+{_AUX}(?P<cue>{CUE})\b" + _LEAD_REST)
# "ahead in the latest county poll", "in most surveys": the document a sentence is reported from
IN_DOCUMENT = re.compile(
    r"(?:,\s*)?\b[Ii]n\s+(?P<spk>(?:(?:the|a|an|this|that|its|their|his|her|our|most|every|all|"
    r"several|recent|new|two|three)\s+)?"
    r"(?:(?!(?:by|for|of|to|with|from|on|at|and|or|that|which|who|part)\b)(?![\w\-]+ing\b)"
    r"[\w\-’'./]+\s+){0,5}?(?:" + "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True)) + r"))\b"
)
# a line that names its speaker before a colon: headlines ("Mayor Ruiz: Ferries Will Return",
# "Ruiz to council: ...") and transcripts ("HOLM: We checked the levee.")
LABEL_LINE = re.compile(
    r"^(?:[A-Z]{3,}\s*[–—-]+\s*)?(?P<spk>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})"
    r"(?:\s+to\s+[^:]{2,40})?\s*:\s+(?P<content>[^\s:].{8,})$"
)
# a second verb of the sentence's subject: "X won the vote and said (that) ..."
COORDINATED_CUE = re.compile(rf"\s(?:and|but)\s+{_AUX}(?P<cue>{CUE})\b(?<!ing)" + _LEAD_REST)
# a relative clause's verb: "Ted Cruz, who said he would ...", "voters who say they ..."
RELATIVE_CUE = re.compile(
    rf"(?P<pre>.*?)(?:,\s*|\s)who\s+{_AUX}(?P<cue>{CUE})\b(?<!ing)" + _LEAD_REST
)
INDIRECT_THAT = re.compile(
    rf"^(?P<pre>.*?)\s+{_AUX}(?P<cue>{THAT_CUE})\s+that\s+(?P<content>.{{8,}})$", re.IGNORECASE
)
# after a trailing "..., X said": only circumstances ("on Monday", "in a statement"), no clause
_OUTLET_ALT = "|".join(sorted(OUTLET_NOUNS, key=len, reverse=True))
# the outlet a speaker told: "the news agency dpa", "the German daily Bild", "state broadcaster X"
_OUTLET_OBJECT = (
    r"(?:the\s+)?(?:[\w.'’\-]+\s+){0,3}?(?:news\s+)?(?:" + _OUTLET_ALT + r")\s+"
    r"(?P<outlet>(?:[A-Z][\w.'’&\-]*|(?!(?:"
    + "|".join(sorted(SHORT_FUNCTION_WORDS))
    + r")\b)[a-z]{2,4}\b)(?:\s+[A-Z][\w.'’&\-]*){0,3})"
)
TOLD_OUTLET = re.compile(r"^\s*" + _OUTLET_OBJECT)
# "X, which obtained details from Y," / "X, which cited Y,": how an outlet got its material
_RELAY_ALT = "|".join(sorted(RELAY_VERBS, key=len, reverse=True))
RELAY = re.compile(
    r"\s*,\s*(?:which|who)\s+(?:[\w'’\-]+\s+){0,2}?(?:" + _RELAY_ALT + r")\b"
    r"(?:[^,;]{0,80}?\s(?:from|with|to|by)\s+|\s+)(?P<src>[^,;]{2,80}?)\s*,\s*"
)
# "citing Y, (that) B" / "citing Y" at the end: the outlet relays Y's words
CITING = re.compile(r"(?i)^citing\s+(?P<src>[^,]{2,80}?)(?:\s*,\s*(?:that\s+)?(?P<rest>.{8,}))?$")
_TRAIL_TAIL = (
    r"(?:[\s,]+(?:"
    + _OUTLET_OBJECT.replace("(?P<outlet>", "(?:")
    + r"(?:\s+(?:on|in|at|during|last|this|late|early)\b[^,]{0,40})?|"
    r"citing\s+[^,]{2,80}|"
    r"(?:on|in|at|during|after|before|last|this|from|of|with|for|by|according|"
    r"adding|while|when|as|yesterday|today|tonight|earlier|later|late|early|recently|"
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b[^,]{0,80}|"
    r"[^,\s]+(?:\s+[^,\s]+)?))?"
)
# after "said X" the speaker takes every word up to the circumstances: no bare one- or two-word
# tail ("said the engineer" is not "said the" + "engineer")
_TRAIL_TAIL_AFTER_SPEAKER = _TRAIL_TAIL.replace(r"|[^,\s]+(?:\s+[^,\s]+)?))?", "))?")
# an appositive after a trailing speaker's name: "..., said Ana Ruiz, a fellow at X(, which Y)"
_APPOSITIVE = (
    r"(?<!\d),(?!\d)\s*(?!(?:and|but|or|so|yet|while|as|because|when|although|though|if|since|adding|"
    r"saying|noting|before|after|who|which|whose|on|in|at|during|last|this|citing)\b)"
    r"[^,;:]{2,160}?"
    + "".join(rf"(?<!\b{w})" for w in ("a", "an", "the", "of", "at", "for", "and"))
    + r"(?:,\s*(?:who|which|whose)\b[^;]{0,200}?(?=[.!?]?[\"”’]?$))?"
)
INDIRECT_TRAIL = re.compile(
    rf"^(?P<content>.{{8,}}?),\s*(?:(?P<cue1>{CUE})\s+(?P<spk1>[^,]{{2,140}}?(?:{_APPOSITIVE})?)"
    rf"{_TRAIL_TAIL_AFTER_SPEAKER}|"
    rf"(?P<spk2>[^,]{{2,120}}?(?:(?<!\d),(?!\d)[^,;:]{{2,160}}?,)?)\s+{_AUX}(?P<cue2>{CUE})"
    rf"{_TRAIL_TAIL})[.!?]?[\"”’]?$",
)
CLAUSE_CUT = re.compile(
    r"(?i)^.*(?:[;:]|\s[-—–―]+\s|\)\s*[-—–―]|\b(?:that|because|but|while|when|although|though|"
    r"since|as|and then|if|so|after|before|whether|where|what|which|whom|said|says|told|tells)\b)\s*"
)
LEADING_FILLER = re.compile(
    r"(?i)^(?:but|and|yet|so|still|meanwhile|however|instead|also|now|later|earlier|then|with|"
    r"in a statement|in an interview|in a speech|on \w+day|on twitter|in an email)\b[,\s]*"
)
TRAILING_PARTY = re.compile(r"\s*\([A-Z][\w.\- ]{0,14}\)?\.?$")
# "Sanders on Tuesday said", "officials last week said": a time is not part of the speaker
# (lower-case words only, and capitalised day and month names: "USA TODAY" is a name)
TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|last|this|early|late)\s+(?:"
    + "|".join(
        (*(d.capitalize() for d in WEEKDAY_NAMES), "week", "month", "year", "night", "morning")
    )
    + r")|in\s+(?:"
    + "|".join(m.capitalize() for m in MONTH_NAMES)
    + r")|yesterday|today|tonight|earlier|later)$"
)
TRAILING_ADVERB = re.compile(
    r"\s+([a-z]{2,}ly|further|also|again|too|then|now|later|once|almost|himself|herself|themselves|"
    + "|".join(sorted(DISCOURSE_ADVERBS))
    + r")$"
)
DESCRIPTION_HEAD = re.compile(
    r"(?i)\b(official|officials|spokesman|spokeswoman|spokesperson|source|sources|minister|"
    r"analyst|analysts|expert|experts|aide|aides|diplomat|diplomats|officer|officers|witness|"
    r"witnesses|resident|residents|police|authorities|lawmaker|lawmakers|senator|governor|"
    r"president|leader|leaders|statement|report|reports|people|person|member|members|campaign|"
    r"agency|ministry|government|company|spokesmen|representative|executive|director|chief|"
    r"poll|polls|survey|study|data|critics|supporters|voters|candidate|nominee|democrats|"
    r"republicans|organizers|organisers|protesters|activists|group|groups|team|"
    r"administration|office|department|military|army|commander|ceo|chairman|chairwoman|"
    r"mayor|judge|prosecutors?|lawyers?|attorneys?|doctors?|scientists?|researchers?|"
    r"economists?|observers?|residents?|workers?|employees?|staff|colleagues?|friends?|"
    r"family|mother|father|wife|husband|son|daughter|neighbou?rs?|advis[eo]rs?|commentators?|"
    r"media|researchers?|institute|foundation|pundits?|strategists?|economists?|insiders?|"
    r"consultants?|allies|ally|rivals?|opponents?|backers|donors?|partners?|child|children|"
    r"council|committee|board|unions?|parliament|court|cabinet|party|commission|senate|congress|"
    r"panel|bank|firm|airline|club|league|association|federation|authority|regulator|utility|"
    r"university|college|school|hospital|museum|institution|agencies|ministries)\b"
)
# plural nouns for kinds of people: environmentalists, researchers, voters, Democrats, critics
PEOPLE_NOUN = re.compile(r"(?:ists|ers|ors|ans|ents|ants|ats|ics|ives|ees)$")
# one of them, after a determiner: "the treasurer", "a shopkeeper", "one economist"
PERSON_NOUN = re.compile(
    r"(?i)^(?:the|a|an|one|another|this|that)\s+(?:\S+\s+){0,3}\S+(?:ist|ian|er|or|ant|ent|eer|ee)$"
)
# the same subject goes on: "..., adding that", "... and asserted that", "..., saying"
SAME_SPEAKER_CUE = re.compile(
    rf"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?:also\s+|then\s+|later\s+)?"
    rf"(?P<cue>(?:{CUE}))\b(?!\s+(?:by|to\s+be)\b)"
)
CUE_WORD = re.compile(rf"\b(?:{CUE})\b")
CUE_IN_HEAD = re.compile(rf"\s{_AUX}(?P<cue>{CUE})\b")
TOLD_OBJECT = re.compile(r"^(?P<obj>.{1,60}?)\s+that\s+(?P<rest>.{8,})$")
SECOND_CLAUSE = re.compile(r"(?:[,;]|\s[—–-]+)\s*(?:but|while|whereas|and|although|though)\s+")
CAPITALISED_WORD = re.compile(r"(?<![\w\-])[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*(?![\w\-])")
TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
NOT_SPEAKER_START = re.compile(
    r"(?i)^(?:it|this|that|there|what|which|who|when|where|how|why|to|the fact|"
    # a phrase opened by a preposition or a subordinator is a circumstance: "In a video",
    # "Whenever asked", "After the vote"
    r"in|on|at|after|before|during|with|without|for|from|since|while|whenever|if|although|"
    r"though|because|unless|until|despite|asked|once|upon|via|amid|maybe|perhaps)\b"
)


SUBORDINATOR = re.compile(
    r"(?i)^\s*(?:when|while|as|after|before|because|if|since|until|and|but)\b"
)


NEGATOR = re.compile(
    r"(?i)(?:\b(?:" + "|".join(w for w in NEGATORS if w.isalpha()) + r")\b|n['’]t\b)"
)


# how an appositive or a relative clause after a name opens: "X, a fellow at Y,", "X, who ...",
# "X, now a senator,", "X, Labour's leader,"
APPOSITIVE_OPENER = re.compile(
    r"\s*(?:a|an|the|who|whose|one|now|then|former|another|his|her|its|their|both|each|"
    r"[A-Z][\w.'’\-]*['’]s)\s"
)

# a noun-like stance verb after its subject: "Clara Boyd hopes to reopen the mill", "Residents
# fear the mill will close" (the subject must open the sentence and be a plausible speaker)
STANCE_LEAD = re.compile(
    rf"^(?P<pre>[^,;:\"“”]{{2,80}}?)\s+{_AUX}(?P<cue>{GUARDED_CUE})\b(?!['’])" + _LEAD_REST
)
# a circumstance set off by commas after the subject: "The company, in a statement, blamed"
CIRCUMSTANCE_ASIDE = re.compile(
    r",\s*(?:in|on|at|during|after|before|from|speaking|writing|via)\b[^,]{1,60},?\s*$"
)
# a participle of speech after the main clause: "The senator toured the plant, saying (that)
# ...": the main clause's subject speaks
PARTICIPLE_CUE = re.compile(
    rf",\s+(?:also\s+|then\s+|later\s+)?(?P<cue>(?:{CUE}))\b(?<=ing)" + _LEAD_REST
)
# "His remarks", "the mayor's latest statement": words owned by the speaker who said them
POSSESSED_WORDS = re.compile(
    r"(?P<owner>(?i:his|her|their|its)|[^,]{1,60}?(?=['’]s?\s)(?<!\s))(?:['’]s?)?\s+"
    r"(?:[a-z\-]+\s+){0,2}?(?:" + _NOUN_ALT + r")$"
)
# a name and nothing else: "Mike Ortiz", "Dr. Ana Ruiz", "Mr. O'Neill"
NAME_ONLY = re.compile(r"^(?:[A-Z][a-z]{0,3}\.\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w.'’\-]*){0,3}$")
