"""Who is quoted saying what: direct quotes (any quotation marks) and indirect speech.

Rules over the sentence text plus the article's entity mentions. A direct quote's speaker is
looked for right after the quote ("...," said X / "...," X said), right before it (X said: "..."),
then at a cue earlier in its sentence (X called it "absurd"); split quotes around "he said" are
joined; an unattributed quote continues the paragraph's last speaker. Pronouns resolve to the
person the text was last about; descriptions ("a senior official who asked not to be named")
are kept as written. Indirect speech: "X said (that) ...", "..., X said.", "according to X".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.analyze.cues import BE_VERBS, SPEECH_CUE, THAT_CUE
from newstrace.analyze.entities import TITLES
from newstrace.analyze.resolve import normalise_name
from newstrace.lang.en.attribution import (
    ANONYMITY_PHRASES,
    DISCOURSE_ADVERBS,
    FRAMING_PARTICIPLES,
    NAMING_VERBS,
    NEGATORS,
    OUTLET_NOUNS,
    RELAY_VERBS,
    SHORT_FUNCTION_WORDS,
    SPEECH_NOUNS,
)
from newstrace.model import EntityMention, Quote, Sentence

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_CUE = SPEECH_CUE
_AUX = r"(?:(?:has|have|had|also|later|then|again|once|would|will|could|did|does|do|"
_AUX += r"publicly|privately|repeatedly|recently|previously|often|never|always|just|not|n't|"
_AUX += r"quickly|flatly|angrily|bluntly|simply|reportedly|still|even|can|may|might|must|should|strongly|been(?=\s+\w+ing\b))\s+)*"

# quotation pairs; single quotes need a word boundary outside so apostrophes do not pair
_QUOTE_PATTERNS = [
    re.compile(r"“([^”“]{1,}?)”"),
    re.compile(r"``\s?([^`\n]+?)\s?''"),
    re.compile(r"(?<![\w'])''((?:[^'\n]|(?<=\w)'(?=\w))+?)''"),
    re.compile(r'(?<![\w])"([^"\n]{1,}?)"'),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘((?:[^’‘\n]|(?<=\w)’(?=\w))*?[^\s’])’(?!\w)"),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'((?:[^'\n]|(?<=\w)'(?=\w))*?[^\s'])'(?!\w)"),
]
# right after a quote: , said the minister.  /  , the minister said.
_ABBREVIATIONS = "Mr Ms Mrs Dr St Jr Sr Gov Sen Rep Gen Lt Col Capt Prof Rev Sgt Del Det Adm Maj Cmdr Supt Insp".split()  # noqa: SIM905
_ABBREV_DOT = "(?:" + "|".join(rf"(?<=\b{a})" for a in _ABBREVIATIONS) + r"|(?<=\b[A-Z]))\."
_NOT_ABBREV = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.)"
_SPK = rf"(?:[^.,;:!?\"“”]|{_ABBREV_DOT}|\.(?=[A-Za-z),]))"
_AFTER_CUE_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*[-—–]?\s*(?P<cue>{_CUE})\s+(?P<spk>{_SPK}{{1,140}}?)"
    rf"\s*(?=[,;:!?\"“”]|\.{_NOT_ABBREV}|\s+(?:in|on|at|during|after|before|when|while|from|last|this|because|as|since|"
    r"yesterday|today|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|$)",
    re.IGNORECASE,
)
_AFTER_SPK_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*[-—–]?\s*(?P<spk>{_SPK}{{1,100}}?(?:,(?:{_SPK}|,){{1,160}},)?)\s+{_AUX}"
    rf"(?P<cue>{_CUE})\b",
)
# a quote that ends in , ? or ! hands itself to the clause after it, whatever its verb:
# '"...," the minister elaborated, noting ...' / '"...?" wondered one resident.'
_AFTER_ANY_VERB = re.compile(
    rf"^\s*(?:(?P<spk>{_SPK}{{1,80}}?)\s+(?P<cue>[a-z]{{3,}}(?:ed|s))|"
    rf"(?P<cue2>[a-z]{{3,}}ed)\s+(?P<spk2>{_SPK}{{1,80}}?))"
    r"(?:\s+(?:to|on|in|at|during|before|after|with|from|into)\s+[^,.;:!?\"“”]{1,40}?)?"
    rf"\s*(?=[,;:!?]|\.{_NOT_ABBREV}|\s+(?:before|after|while|as|when)\b|$)"
)
_NOUN_ALT = "|".join(sorted(SPEECH_NOUNS, key=len, reverse=True))
_NAMING_ALT = "|".join(sorted(NAMING_VERBS, key=len, reverse=True))
# "the mayor's pledge of a", "Ortiz's warning that": the possessor said the quoted words
_POSSESSED_SPEECH = re.compile(
    rf"(?P<owner>\S+)['’]s?\s+(?:[a-z\-]+\s+){{0,2}}?(?:{_NOUN_ALT})\s+"
    r"(?:(?:of|for|to|that|about|as|on)\s+)?(?:(?:a|an|the|what\s+(?:he|she|they|it)\s+\w+)\s+)?$"
)
# "..., speaking on condition of anonymity, said": a circumstance of speaking, masked before the
# sentence is read so that "of anonymity" is never taken for what was said
_ANONYMITY = re.compile(
    r"(?i)(?:,\s*)?\b(?:speaking|talking|who\s+spoke|who\s+talked)\s+(?:"
    + "|".join(re.escape(p) for p in ANONYMITY_PHRASES)
    + r")\b[^,.;:\"“”]{0,80}?(?=\s*(?:,|\.|;|$))(?:\s*,)?"
)
# ", marking three years of war": a clause whose subject is the event, in the reporter's words
_FRAMING_CLAUSE = re.compile(r",\s+(?:" + "|".join(sorted(FRAMING_PARTICIPLES)) + r")\b")
_DETERMINERS = frozenset("the a an this that these those his her their its our".split())  # noqa: SIM905
# right before a quote: the minister said: / He said, / X told reporters:
_DASH_SPEAKER = re.compile(
    r"^\s*[,.]?\s*[―—–-]+\s*(?P<spk>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})"
)
_BEFORE_TAIL = re.compile(
    r"(?:\s+(?:reporters|journalists|the\s+[\w.]+(?:\s+[\w.]+){0,3}|him|her|them|us|me|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))?"
    r"(?:,?\s+(?:on|in|at|during|after|before|to|of|about|from)\s+[^,:\"“]{1,60})?\s*[,:]?\s*"
    r"(?:that\s+|as\s+|it\s+)?$"
)
_HARD_STOP = re.compile(rf"[;:!?\"“”]|\.{_NOT_ABBREV}(?=\s)")
_COLON = re.compile(r"(?P<spk>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4})\s*:\s*$")
_ACCORDING_TO = re.compile(
    r"\b[Aa]ccording to\s+(?:(?:new|recent|official|the|latest|preliminary)\s+)*"
    r"(?:(?:figures|data|estimates|numbers|statistics|results|records|documents)\s+"
    r"(?:from|by|of|released\s+by|compiled\s+by|published\s+by)\s+)?"
    rf"(?P<spk>(?:[^,.;:(\"“”]|\.(?=\w)|{_ABBREV_DOT}(?=\s)){{2,100}}?)"
    rf"(?=\s*(?:[,;:(\"“”]|\.{_NOT_ABBREV}|\.$)|\s+(?:who|which|of|in|on|at|from)\b|$)"
)
# "this L.A. Times story" -> "L.A. Times": a document named by its publisher
_DOCUMENT_OF = re.compile(
    r"(?i)^(?:this|that|a|an|the|its|his|her|their)\s+(?P<name>.+?)\s+(?:story|report|article|"
    r"analysis|survey|poll|study|statement|data|figures|estimate|estimates|tally|count|review|"
    r"calculations?|investigation)$"
)
# research states findings: "Research carried out by the Forsa Institute found (that) ..."
_FINDING_LEAD = re.compile(
    r"(?i)^(?P<pre>.*?\b(?:research|study|studies|survey|surveys|poll|polls|analysis|report|review|"
    r"investigation|inquiry|audit|census|data|researchers|scientists)\b[^,;:]{0,80}?)\s+"
    r"(?P<cue>found|finds|concluded|concludes|estimated|estimates|revealed|reveals|indicated|"
    r"indicates)\s+(?:that\s+)?(?P<content>.{8,})$"
)
_INDIRECT_LEAD = re.compile(
    rf"^(?P<pre>.*?)\s+{_AUX}(?P<cue>{_CUE})\b"
    r"(?:\s+(?P<obj>reporters|journalists|the\s+[\w.]+(?:\s+[\w.]+){0,3}|him|her|them|us|me|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*))??"
    r"(?:,?\s+(?:on|in|at|during|last|this)\s+[^,]{1,40}?)?\s*,?\s+(?:that\s+)?(?P<content>.{8,})$"
)
_INDIRECT_THAT = re.compile(
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
_TOLD_OUTLET = re.compile(r"^\s*" + _OUTLET_OBJECT)
# "X, which obtained details from Y," / "X, which cited Y,": how an outlet got its material
_RELAY_ALT = "|".join(sorted(RELAY_VERBS, key=len, reverse=True))
_RELAY = re.compile(
    r"\s*,\s*(?:which|who)\s+(?:[\w'’\-]+\s+){0,2}?(?:" + _RELAY_ALT + r")\b"
    r"(?:[^,;]{0,80}?\s(?:from|with|to|by)\s+|\s+)(?P<src>[^,;]{2,80}?)\s*,\s*"
)
# "citing Y, (that) B" / "citing Y" at the end: the outlet relays Y's words
_CITING = re.compile(r"(?i)^citing\s+(?P<src>[^,]{2,80}?)(?:\s*,\s*(?:that\s+)?(?P<rest>.{8,}))?$")
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
_INDIRECT_TRAIL = re.compile(
    rf"^(?P<content>.{{8,}}?),\s*(?:(?P<cue1>{_CUE})\s+(?P<spk1>[^,]{{2,140}}?)|"
    rf"(?P<spk2>[^,]{{2,120}}?)\s+{_AUX}(?P<cue2>{_CUE}))"
    rf"{_TRAIL_TAIL}[.!?]?[\"”’]?$",
)
_CLAUSE_CUT = re.compile(
    r"(?i)^.*(?:[;:]|\s[-—–―]+\s|\)\s*[-—–―]|\b(?:that|because|but|while|when|although|though|"
    r"since|as|and then|if|so|after|before|whether|where|what|said|says|told|tells)\b)\s*"
)
_LEADING_FILLER = re.compile(
    r"(?i)^(?:but|and|yet|so|still|meanwhile|however|instead|also|now|later|earlier|then|with|"
    r"in a statement|in an interview|in a speech|on \w+day|on twitter|in an email)\b[,\s]*"
)
_TRAILING_PARTY = re.compile(r"\s*\([A-Z][\w.\- ]{0,14}\)?\.?$")
_TRAILING_ADVERB = re.compile(
    r"\s+([a-z]{2,}ly|further|also|again|too|then|now|later|once|almost|himself|herself|themselves|"
    + "|".join(sorted(DISCOURSE_ADVERBS))
    + r")$"
)
_LY_NOUNS = frozenset(
    """family assembly supply rally ally daily weekly monthly quarterly anomaly monopoly reply
    bully italy only""".split()  # noqa: SIM905
)
_DESCRIPTION_HEAD = re.compile(
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
    r"panel|bank|firm|airline|club|league|association|federation|authority|regulator|utility)\b"
)
# plural nouns for kinds of people: environmentalists, researchers, voters, Democrats, critics
_PEOPLE_NOUN = re.compile(r"(?:ists|ers|ors|ans|ents|ants|ats|ics|ives|ees)$")
# one of them, after a determiner: "the treasurer", "a shopkeeper", "one economist"
_PERSON_NOUN = re.compile(
    r"(?i)^(?:the|a|an|one|another|this|that)\s+(?:\S+\s+){0,3}\S+(?:ist|ian|er|or|ant|ent|eer|ee)$"
)
# the same subject goes on: "..., adding that", "... and asserted that", "..., saying"
_SAME_SPEAKER_CUE = re.compile(
    rf"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?:also\s+|then\s+|later\s+)?"
    rf"(?P<cue>(?:{_CUE}))\b(?!\s+(?:by|to\s+be)\b)"
)
_CUE_WORD = re.compile(rf"\b(?:{_CUE})\b")
_CUE_IN_HEAD = re.compile(rf"\s{_AUX}(?P<cue>{_CUE})\b")
_TOLD_OBJECT = re.compile(r"^(?P<obj>.{1,60}?)\s+that\s+(?P<rest>.{8,})$")
_SECOND_CLAUSE = re.compile(r"(?:[,;]|\s[—–-]+)\s*(?:but|while|whereas|and|although|though)\s+")
_CAPITALISED_WORD = re.compile(r"(?<![\w\-])[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*(?![\w\-])")
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_NOT_SPEAKER_START = re.compile(
    r"(?i)^(?:it|this|that|there|what|which|who|when|where|how|why|to|the fact)\b"
)


@dataclass
class _Span:
    start: int  # the quoted words, without the marks
    end: int
    text: str
    open_len: int = 1  # length of the opening and closing marks ('' and `` are two)
    close_len: int = 1


def find_quote_spans(text: str) -> list[_Span]:
    """Quoted passages (content without the marks), non-overlapping, in text order."""
    spans: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            a, b = match.start(), match.end()
            if any(a < y and x < b for x, y in taken) or not match.group(1).strip():
                continue
            taken.append((a, b))
            spans.append(
                _Span(
                    match.start(1),
                    match.end(1),
                    match.group(1),
                    match.start(1) - match.start(),
                    match.end() - match.end(1),
                )
            )
    spans.extend(_open_paragraph_spans(text, taken))
    spans.sort(key=lambda s: s.start)
    return spans


_OPENERS = '“"‘'
_PARAGRAPH_LINE = re.compile(r"[^\n]+")


def _open_paragraph_spans(text: str, taken: list[tuple[int, int]]) -> list[_Span]:
    """Paragraphs of a quote that runs on: the paragraph opens a quotation that it does not
    close, and the next paragraph opens one again (the convention for multi-paragraph quotes)."""
    lines = [m for m in _PARAGRAPH_LINE.finditer(text) if m.group(0).strip()]
    out: list[_Span] = []
    for line, nxt in itertools.pairwise(lines):
        body = line.group(0)
        lead = len(body) - len(body.lstrip())
        mark = body[lead : lead + 1]
        if not mark or mark not in _OPENERS or not nxt.group(0).lstrip().startswith(mark):
            continue
        start = line.start() + lead
        if any(a <= start < b for a, b in taken):
            continue  # the paragraph's quotation is closed
        end = line.end() - (len(body) - len(body.rstrip()))
        if end - start < 12:
            continue
        taken.append((start, end))
        out.append(_Span(start + 1, end, text[start + 1 : end], 1, 0))
    return out


def _close_open_paragraphs(quotes: list[Quote], open_spans: list[_Span]) -> None:
    """A quote left open at a paragraph's end goes on in the next paragraph; it is the words
    of whoever the next quote is given to."""
    if not open_spans:
        return
    texts = {s.text.strip() for s in open_spans}
    for i, quote in enumerate(quotes):
        if quote.speaker or quote.speaker_text or quote.text not in texts:
            continue
        after = next((q for q in quotes[i + 1 :] if q.speaker or q.speaker_text), None)
        if after is not None:
            quote.speaker, quote.speaker_text = after.speaker, after.speaker_text


def _strip_speaker(raw: str) -> str:
    """The noun phrase of a speaker from the words before or after a cue."""
    spk = " ".join(raw.split()).strip(" ,—–-")
    if len(spk.split()) > 1:
        spk = _CLAUSE_CUT.sub("", spk)
    prev = None
    while prev != spk:
        prev = spk
        spk = _LEADING_FILLER.sub("", spk).strip(" ,")
    if len(spk.split()) > 1:  # "Mook further", "Hillary Clinton essentially", "(R-Fla"
        spk = _TRAILING_PARTY.sub("", spk)
        while (tail := _TRAILING_ADVERB.search(spk)) and tail.group(1) not in _LY_NOUNS:
            spk = spk[: tail.start()]
    return spk.strip(" ,")


_PHRASE_PREPOSITIONS = frozenset(
    [
        "on",
        "in",
        "at",
        "near",
        "along",
        "from",
        "across",
        "outside",
        "inside",
        "around",
        "by",
        "for",
        "with",
        "of",
        "behind",
    ]
)
# an aside between dashes right before the cue: "The mayor — who took office in May — said"
_DASHED_ASIDE = re.compile(r"\s+(?:[—–]|--)\s+[^—–]{1,120}?\s+(?:[—–]|--)\s*$")
# "Residents on Mill Lane, which backs onto the river": the speaker ends before the clause
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where)\b")


def _speaker_from_pre(pre: str) -> tuple[str, int]:
    """The speaker in the words before a cue, and where it starts in `pre`.

    "In a statement, her adviser, Jake Sullivan" -> "Jake Sullivan";
    "Jeff Sessions, a Trump supporter," -> "Jeff Sessions, a Trump supporter".
    """
    body = _DASHED_ASIDE.sub("", pre.rstrip())  # "The mayor — who took office in May —"
    aside = re.search(r",\s*(\w+)\s*,?$", body)
    if aside and aside.group(1).lower() in DISCOURSE_ADVERBS:  # "Port officials, however,"
        body = body[: aside.start()]
    relative = re.search(r",\s*(?:which|who|whose|where)\b[^,]*,?$", body)
    if relative and relative.start() > 0:  # "X, president of Y, which represents Z,"
        body = body[: relative.start()] + ","
    appositive = body.endswith(",")
    chunks = [m for m in re.finditer(r"[^,]+", body)]
    if not chunks:
        return "", 0
    pick = chunks[-1]
    if appositive and len(chunks) >= 2:
        first = chunks[-2]
        spk = _strip_speaker(first.group(0))
        if spk:
            start = first.start() + first.group(0).find(spk)
            return body[start:].rstrip(" ,"), start
    spk = _strip_speaker(pick.group(0))
    return spk, pick.start() + max(pick.group(0).find(spk), 0)


def _cue_at_end(head: str) -> tuple[int, str, str] | None:
    """'X told reporters on Monday: ' -> (start of the words before the cue, those words, cue).

    Linear time: tries the cues of `head` from the last one back, instead of a regex search
    from every position.
    """
    for cue in reversed(list(_CUE_IN_HEAD.finditer(head))):
        if not _BEFORE_TAIL.match(head, cue.end()):
            continue
        stops = list(_HARD_STOP.finditer(head, 0, cue.start()))
        start = stops[-1].end() if stops else 0
        pre = head[start : cue.start()]
        if pre.strip():
            return start, pre, cue.group("cue")
    return None


def _active_speaker(spk: str, cue: str) -> str:
    """The speaker with a progressive 'is' dropped; '' for a passive ('were reported')."""
    words = spk.split()
    if words and words[-1].lower() in BE_VERBS:
        if cue.endswith("ing"):
            return " ".join(words[:-1])
        return ""
    if (
        len(words) >= 2
        and words[-2].lower() in BE_VERBS
        and words[-1].lower() in ("now", "also", "being", "not", "still", "widely", "often")
    ):
        return ""
    return spk


_REFLEXIVE = frozenset("himself herself themselves itself both all alone".split())  # noqa: SIM905
_DANGLING = frozenset(
    "to by for of with who that which and or the a an in on at from as into about".split()  # noqa: SIM905
)
_CLAUSE_VERBS = frozenset(
    """is are was were has have had knows know spoke speaks came went gets got made makes took
    keeps kept pitched tried tries wants wanted seems seemed appears appeared""".split()  # noqa: SIM905
)


def _plausible_speaker(spk: str, mentions_inside: int = 0) -> bool:
    if not spk or (_NOT_SPEAKER_START.match(spk) and spk.lower() not in PRONOUNS):
        return False
    words = spk.split()
    lowered = [w.lower().strip(",") for w in words]
    core = re.split(r"\b(?:who|which|whose|that)\b", spk.split(",")[0].lower())[0].split()
    if any(w.endswith(("n't", "n’t")) or w == "not" for w in core):
        return False  # a negated verb: a clause ("Trump's statement didn't clarify")
    if lowered[-1] in _DANGLING or any(w in _CLAUSE_VERBS for w in core[1:]):
        return False  # a clause, not a noun phrase: "He recently pitched himself to ... by"
    if len(words) > 1 and lowered[0] in PRONOUNS and lowered[1] not in _REFLEXIVE:
        return False  # "he designed a clubhouse at ...": a pronoun starts a clause
    if len(spk.split(",")[0].split()) > 16:  # an appositive after the name may be long
        return False
    if spk.lower() in PRONOUNS or mentions_inside:
        return True
    if any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and len(words) <= 4):
        return True
    return bool(
        _DESCRIPTION_HEAD.search(spk) or _PEOPLE_NOUN.search(lowered[-1]) or _PERSON_NOUN.match(spk)
    )


_TITLE_SMALL = frozenset(
    "a an and or the of to in on for with at by from as is it its but nor vs".split()  # noqa: SIM905
)


def _looks_like_title(quoted: str) -> bool:
    """A quoted title: up to eight words, each capitalised save small function words."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", quoted)
    if not words or len(words) > 8 or quoted.strip()[-1:] in "?!":
        return False
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words) and any(
        w[:1].isupper() for w in words[1:]
    )


class QuoteExtractor:
    """Extracts Quote records from one article's text, sentences and entity mentions."""

    def __init__(self, text: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]):
        self.text = text
        self.sentences = sentences
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [s.start for s in sentences]
        self.spans = find_quote_spans(text)
        self._inside = [(s.start - 1, s.end + 1) for s in self.spans]
        self._speakers: list[tuple[int, str]] = []  # (offset, resolved PERSON speaker)
        self._genders: dict[str, str] = {}  # normalised name -> the pronoun used for them
        self._surnames = {
            m.text.split()[-1] for m in self.mentions if m.label == "PERSON" and " " in m.text
        }
        self._persons = self._person_mentions()
        self.extra: list[Quote] = []  # indirect words found while reading direct quotes

    def sentence_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def _in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self._inside)

    # --- speaker resolution --------------------------------------------------------------
    def _person_mentions(self) -> list[EntityMention]:
        """PERSON mentions plus every later bare surname of a person named in full that the
        NER missed or mislabelled ("Footage of Al-Awlaki", "cheers Trump's words")."""
        persons = [m for m in self.mentions if self._is_person(m)]
        names = {s.lower() for s in self._surnames if len(s) > 2 and s[:1].isalpha()}
        if not names:
            return persons
        taken = {i for m in self.mentions for i in range(m.start, m.end)}
        for match in _CAPITALISED_WORD.finditer(self.text):
            a, b = match.start(), match.end()
            if match.group(0).lower() not in names or a in taken or b - 1 in taken:
                continue
            persons.append(EntityMention(match.group(0), "PERSON", self.sentence_at(a), a, b))
        return sorted(persons, key=lambda m: m.start)

    def _is_person(self, mention: EntityMention) -> bool:
        """A PERSON mention, or the surname of a person named in full in this article."""
        return mention.label == "PERSON" or mention.text in self._surnames

    def _gender_of(self, mention: EntityMention) -> str | None:
        """'he' or 'she' when the text already tells: an earlier pronoun or a title."""
        name = normalise_name(mention.text)
        known = self._genders.get(name) or self._genders.get(name.split()[-1] if name else "")
        if known:
            return known
        title = _TITLE_BEFORE.search(self.text, max(mention.start - 6, 0), mention.start)
        if title:
            return "he" if title.group(1).lower() == "mr" else "she"
        return None

    def _antecedent(self, offset: int, pronoun: str = "") -> str | None:
        """The person a he/she at `offset` refers to: the subject of a recent sentence, a recent
        speaker, else the last person named (outside quotes). A person the text already calls
        by the other pronoun (or title) is passed over; of a subject and a speaker, the later one
        wins ('X said ... . Y welcomed it. "...," he said' is Y)."""
        here = self.sentence_at(offset)
        first = max(here - 3, 0)
        window_start = self.sentences[first].start if self.sentences else 0

        def fits(mention: EntityMention) -> bool:
            gender = self._gender_of(mention) if pronoun in ("he", "she") else None
            return gender is None or gender == pronoun

        best: tuple[float, str, int] | None = None
        for mention in self._persons:
            if mention.start >= offset or mention.start < window_start:
                continue
            if self._in_quote(mention.start) or not fits(mention):
                continue
            sent = self.sentences[self.sentence_at(mention.start)]
            lead = self.text[sent.start : mention.start]
            score = 0.0
            if len(lead.split()) <= 3 and not re.search(r"[,;]", lead):
                score += 2.0  # the sentence's subject
            if self.text[mention.end : mention.end + 2] in ("'s", "’s"):
                score -= 1.0
            score += 0.1 * (mention.start - window_start) / max(offset - window_start, 1)
            if best is None or score > best[0]:
                best = (score, mention.text, mention.start)
        for at, name in reversed(self._speakers):
            if not window_start <= at < offset:
                continue
            if (
                pronoun in ("he", "she")
                and self._genders.get(normalise_name(name), pronoun) != pronoun
            ):
                continue
            if best is None or best[0] < 2.0 or at > best[2]:
                return name
            break
        if best is not None:
            return best[1]
        for mention in reversed(self._persons):
            if mention.start < offset and not self._in_quote(mention.start) and fits(mention):
                return mention.text
        return None

    def resolve(self, speaker_text: str, start: int, end: int, offset: int) -> str | None:
        """Canonical-ish speaker: a named mention in the span, a pronoun's antecedent, else text."""
        low = speaker_text.lower()
        if low in _PERSON_PRONOUNS:
            person = self._antecedent(offset, low)
            if person and low in ("he", "she"):
                name = normalise_name(person)
                self._genders.setdefault(name, low)
                if name:
                    self._genders.setdefault(name.split()[-1], low)
            return person
        if low in PRONOUNS:
            return None
        comma = self.text.find(", ", start, end)
        if comma > start and any(  # "Jesse Lehrich, Clinton's spokesman": head before the comma
            m.label == "PERSON" and start <= m.start < comma and not self._possessive(m)
            for m in self.mentions
        ):
            end = comma
        inside = [
            m
            for m in self.mentions
            if m.start >= start and m.end <= end and m.label in ("PERSON", "ORG", "NORP", "GPE")
        ]
        inside = [
            m
            for m in inside
            if (m.label in ("PERSON", "ORG") or len(m.text) >= len(speaker_text.strip()) - 4)
            and not self._inside_phrase(m, start)
            and not (self._possessive(m) and re.search(r"\w", self.text[m.end + 2 : end]))
        ]
        if inside:

            def rank(m: EntityMention) -> tuple[int, int, int]:
                # "Clinton spokesman Jesse Lehrich": the last person named is the head
                return (self._possessive(m), m.label != "PERSON", -m.start)

            chosen = min(inside, key=rank)
            return normalise_name(chosen.text) if chosen.label == "PERSON" else chosen.text
        return _RELATIVE_CLAUSE.split(speaker_text, maxsplit=1)[0].strip() or None

    def _possessive(self, mention: EntityMention) -> bool:
        """'Governor X's chief of staff, Y': X only determines the phrase whose head speaks."""
        return self.text[mention.end : mention.end + 2] in ("'s", "’s")

    def _inside_phrase(self, mention: EntityMention, start: int) -> bool:
        """'Residents on Mill Lane', 'a spokesman for Olaf Scholz': a name after a preposition
        belongs to a phrase whose head (residents, spokesman) is the speaker, not the name."""
        before = self.text[start : mention.start].split()
        while before and before[-1].lower().strip(".") in TITLES:  # "for Mayor Tom Hale"
            before.pop()
        return len(before) >= 2 and before[-1].lower() in _PHRASE_PREPOSITIONS

    def _remember(self, speaker: str | None, offset: int) -> None:
        if speaker and any(m.text == speaker and m.label == "PERSON" for m in self.mentions):
            self._speakers.append((offset, speaker))

    # --- direct quotes ---------------------------------------------------------------------
    def direct(self) -> list[Quote]:
        quotes: list[Quote] = []
        quote_ends: list[int] = []
        last: tuple[str | None, str | None, int] = (None, None, -10)
        for span in self.spans:
            sentence = self.sentence_at(span.start)
            para = self.sentences[sentence].paragraph if self.sentences else 0
            found = self._speaker_after(span) or self._speaker_before(span)
            if found is None and _looks_like_title(span.text):
                continue  # "Fox News Sunday", "Make Your Kid a Millionaire": a name, not speech
            found = found or self._speaker_of_noun(span) or self._speaker_in(span)
            if found is None:
                if quotes and self._is_continuation(quote_ends[-1], span.start):
                    head = re.sub(r",$", ".", quotes[-1].text.rstrip())
                    quotes[-1].text = f"{head} {span.text.strip()}"
                    quote_ends[-1] = span.end
                    continue
                if len(span.text.split()) < 4 or not re.search(r"[.!?,]\W*$", span.text):
                    continue  # a title or scare quote nobody is said to have said
                same_para = last[2] == para
                next_para = last[2] == para - 1 and self._opens_paragraph(span)
                introduced = self._introduced_before(span, sentence)
                if last[0] and (same_para or next_para):
                    speaker, speaker_text, cue = last[0], last[1], None
                elif introduced is not None:  # 'X was blunt. "..."': named just before
                    speaker, speaker_text, cue = introduced, introduced, None
                    last = (speaker, speaker_text, para)
                else:
                    speaker, speaker_text, cue = None, None, None
            else:
                speaker_text, cue, s_start, s_end = found
                speaker = self.resolve(speaker_text, s_start, s_end, span.start)
                last = (speaker, speaker_text, para)
                self._remember(speaker, span.start)
            quotes.append(
                Quote(
                    text=span.text.strip(),
                    speaker=speaker,
                    sentence=sentence,
                    kind="direct",
                    cue=cue,
                    speaker_text=speaker_text,
                )
            )
            quote_ends.append(span.end)
            if found is not None:
                going_on = self._going_on(span, sentence, speaker, speaker_text)
                if going_on is not None:
                    self.extra.append(going_on)
        _close_open_paragraphs(quotes, [s for s in self.spans if s.close_len == 0])
        return quotes

    def _introduced_before(self, span: _Span, sentence: int) -> str | None:
        """A quote opening its sentence, with no speaker of its own, belongs to the person the
        sentence before is about when that sentence names them first and quotes no one:
        'Maria Lopez, who leads the union, was blunt. "We will strike."'"""
        if not self.sentences or sentence == 0:
            return None
        here = self.sentences[sentence]
        if self.text[here.start : span.start - span.open_len].strip():
            return None
        prev = self.sentences[sentence - 1]
        if here.paragraph - prev.paragraph > 1 or any(
            prev.start <= s.start < prev.end for s in self.spans
        ):
            return None
        named = [m for m in self._persons if prev.start <= m.start < prev.end]
        named = [m for m in named if not self._possessive(m)]
        subject = named[0] if named else None
        if subject is not None and len(self.text[prev.start : subject.start].split()) <= 3:
            return normalise_name(subject.text)
        # '..., Schiff said.' / 'X, a partner at Y, called him a master.': the person next to
        # the sentence's speech verb
        for cue in _CUE_WORD.finditer(self.text, prev.start, prev.end):
            for m in named:
                gap = self.text[m.end : cue.start()] if m.end <= cue.start() else ""
                after = self.text[cue.end() : m.start] if m.start >= cue.end() else None
                if (gap and len(gap.split()) <= 8 and not re.search(r"[.;:]", gap)) or (
                    after is not None and len(after.split()) <= 1
                ):
                    return normalise_name(m.text)
        return None

    def _going_on(
        self, span: _Span, sentence: int, speaker: str | None, speaker_text: str | None
    ) -> Quote | None:
        """'"...," X said, adding that B': the speaker's indirect words after their quote."""
        if not self.sentences:
            return None
        close = span.end + span.close_len
        end = self.sentences[sentence].end
        nxt = next((s.start - s.open_len for s in self.spans if s.start > close), end)
        tail = self.text[close : min(end, nxt)]
        own = _CUE_WORD.search(tail)  # the quote's own "said" comes first
        for cue in _SAME_SPEAKER_CUE.finditer(tail, own.end() if own else 0):
            content = re.match(r"\s*,?\s*(?:that\s+)?(?P<c>[^\"“‘].{8,})$", tail[cue.end() :])
            if content is None or len(content.group("c").split()) < 3:
                continue
            return Quote(
                text=content.group("c").strip(' ,."“”'),
                speaker=speaker,
                sentence=sentence,
                kind="indirect",
                cue=cue.group("cue").lower(),
                speaker_text=speaker_text,
            )
        return None

    def _opens_paragraph(self, span: _Span) -> bool:
        line_start = self.text.rfind("\n", 0, span.start) + 1
        return not self.text[line_start : span.start - 1].strip()

    def _is_continuation(self, prev_end: int, start: int) -> bool:
        between = self.text[prev_end:start]
        if "\n" in between.strip(' \t\r,."”’') or len(between) > 90:
            return False
        return bool(re.search(rf"\b(?:{_CUE})\b", between))

    def _speaker_after(self, span: _Span) -> tuple[str, str, int, int] | None:
        close = span.end + span.close_len
        tail = self.text[close : close + 200].split("\n", 1)[0]
        if not re.match(r"^\s*[,.!?—–-]?\s*\S", tail):
            return None
        dash = _DASH_SPEAKER.match(tail)
        if dash:  # "...” ― Pamela Padilla"
            s_start = close + dash.start("spk")
            return dash.group("spk"), "―", s_start, s_start + len(dash.group("spk"))
        for pattern in (_AFTER_CUE_FIRST, _AFTER_SPK_FIRST):
            match = pattern.match(tail)
            if not match:
                continue
            raw = match.group("spk")
            if pattern is _AFTER_SPK_FIRST and _not_this_quotes(raw, match.group("cue")):
                continue
            spk = _strip_speaker(raw.split(",")[0] if pattern is _AFTER_SPK_FIRST else raw)
            if pattern is _AFTER_SPK_FIRST:
                spk = _active_speaker(spk, match.group("cue"))
            s_start = close + match.start("spk") + max(raw.find(spk), 0)
            if pattern is _AFTER_SPK_FIRST:
                spk = self._with_named_appositive(spk, raw, s_start)
            n_inside = sum(1 for m in self.mentions if s_start <= m.start < s_start + len(raw))
            if not _plausible_speaker(spk, n_inside):
                continue
            return spk, match.group("cue").lower(), s_start, s_start + len(spk)
        return self._speaker_after_any_verb(span, tail, close)

    def _with_named_appositive(self, spk: str, raw: str, s_start: int) -> str:
        """'the committee chair, Omar Haddad,': a description followed by the person's name
        keeps the name, so the speaker resolves to the person."""
        parts = raw.split(",")
        if len(parts) < 2 or self._person_in(s_start, s_start + len(spk)):
            return spk
        name = parts[1].strip()
        at = self.text.find(name, s_start + len(spk))
        if name and self._person_in(at, at + len(name)) and len(name.split()) <= 4:
            return self.text[s_start : at + len(name)]
        return spk

    def _person_in(self, start: int, end: int) -> bool:
        return any(m.label == "PERSON" and start <= m.start < end for m in self.mentions)

    def _speaker_after_any_verb(
        self, span: _Span, tail: str, close: int
    ) -> tuple[str, str, int, int] | None:
        """'"...," the minister elaborated': a quote ending in , ? or ! is handed to the
        clause right after it even when its verb is not a known speech verb."""
        if not (span.text.rstrip()[-1:] in ",?!" or tail.lstrip().startswith(",")):
            return None
        body = tail.lstrip()
        body = body[1:] if body.startswith(",") else body
        offset = close + len(tail) - len(body)
        match = _AFTER_ANY_VERB.match(body)
        if match is None or _SUBORDINATOR.match(body):
            return None
        group = "spk" if match.group("spk") else "spk2"
        raw = match.group(group)
        spk = _strip_speaker(raw)
        s_start = offset + match.start(group) + max(raw.find(spk), 0)
        n_inside = sum(1 for m in self.mentions if s_start <= m.start < s_start + len(spk))
        if not _plausible_speaker(spk, n_inside) or len(spk.split()) > 8:
            return None
        cue = (match.group("cue") or match.group("cue2") or "").lower()
        return spk, cue, s_start, s_start + len(spk)

    def _speaker_before(self, span: _Span) -> tuple[str, str, int, int] | None:
        open_at = span.start - span.open_len
        sent = self.sentences[self.sentence_at(open_at)] if self.sentences else None
        line_start = self.text.rfind("\n", 0, open_at) + 1
        head_start = max(sent.start if sent else 0, line_start, open_at - 400)
        head = self.text[head_start:open_at]
        if not head.strip() and line_start > 1:
            prev_start = self.text.rfind("\n", 0, max(line_start - 1, 0))
            prev_line = self.text[prev_start + 1 : line_start].strip()
            if not prev_line:  # skip one blank line between paragraphs
                prev_end = max(prev_start, 0)
                prev_start = self.text.rfind("\n", 0, prev_end)
                prev_line = self.text[prev_start + 1 : prev_end].strip()
            if prev_line.endswith(":") and len(prev_line) < 240:
                head_start = self.text.find(prev_line, prev_start + 1)
                head = prev_line
        colon = _COLON.search(head)
        before = _cue_at_end(head)
        if (colon and colon.start() == 0) or (colon and not before):
            spk = colon.group("spk")
            s_start = head_start + colon.start("spk")
            if _plausible_speaker(spk, 1):
                return spk, ":", s_start, s_start + len(spk)
        if not before:
            dash_or_colon = head.rstrip().endswith((":", "—", "–", "--"))
            if dash_or_colon and not _CUE_IN_HEAD.search(head):  # "X scolded him: ", "X — "
                named = [
                    m
                    for m in self.mentions
                    if head_start <= m.start < head_start + len(head)
                    and m.label in ("PERSON", "ORG")
                ]
                if named:
                    mark = head.rstrip()[-1]
                    return named[0].text, mark, named[0].start, named[0].end
            return None
        pre_start, pre, cue = before
        spk, rel = _speaker_from_pre(pre)
        spk = _active_speaker(spk, cue)
        s_start = head_start + pre_start + rel
        n_inside = sum(1 for m in self.mentions if s_start <= m.start < s_start + len(spk))
        if not _plausible_speaker(spk, n_inside):
            return None
        return spk, cue.lower(), s_start, s_start + len(spk)

    def _speaker_of_noun(self, span: _Span) -> tuple[str, str, int, int] | None:
        """'the mayor's pledge of a "swift reply"': the owner of a speech noun said the words."""
        sent = self.sentences[self.sentence_at(span.start)] if self.sentences else None
        if sent is None:
            return None
        head = self.text[sent.start : span.start - span.open_len]
        match = _POSSESSED_SPEECH.search(head)
        if match is None:
            return None
        words = head[: match.end("owner")].split()
        taken: list[str] = []
        for word in reversed(words):  # "criticised the council", "Mayor Dan Ortiz"
            if word[:1].isupper() or not taken:
                taken.insert(0, word)
            elif word.lower() in _DETERMINERS:
                taken.insert(0, word)
                break
            elif len(taken) < 3 and word.isalpha() and word.lower() not in _DANGLING:
                taken.insert(0, word)
            else:
                break
        while taken and taken[0][:1].isupper() and len(taken) > 1 and taken[0].lower() in _DANGLING:
            taken.pop(0)
        spk = " ".join(taken)
        s_start = sent.start + head.rfind(spk, 0, match.end("owner"))
        n_inside = sum(1 for m in self.mentions if s_start <= m.start < s_start + len(spk))
        if not spk or not _plausible_speaker(spk, n_inside):
            return None
        return spk, "'s", s_start, s_start + len(spk)

    def _speaker_in(self, span: _Span) -> tuple[str, str, int, int] | None:
        """A cue earlier in the quote's sentence: 'X called the plan "a disaster"'."""
        sent = self.sentences[self.sentence_at(span.start)] if self.sentences else None
        if sent is None:
            return None
        head = self.text[sent.start : span.start - 1]
        for match in _CUE_IN_HEAD.finditer(head):
            pre = head[: match.start()]
            if self._in_quote(sent.start + match.start("cue")):
                continue
            spk, rel = _speaker_from_pre(pre)
            spk = _active_speaker(spk, match.group("cue"))
            s_start = sent.start + rel
            n_inside = sum(1 for m in self.mentions if s_start <= m.start < s_start + len(spk))
            if _plausible_speaker(spk, n_inside) and len(spk.split(",")[0].split()) <= 12:
                return spk, match.group("cue").lower(), s_start, s_start + len(spk)
        return None

    # --- indirect speech ---------------------------------------------------------------------
    def indirect(self, quoted_sentences: set[int]) -> list[Quote]:
        quotes: list[Quote] = []
        for sent in self.sentences:
            if sent.index in quoted_sentences:
                continue
            found = self._indirect_in(sent)
            if found is not None:
                quotes.append(found)
                self._remember(found.speaker, sent.start)
                for _ in range(3):  # 'X said A, adding that B, but Y argued C'
                    found = self._next_clause(sent, found)
                    if found is None:
                        break
                    quotes.append(found)
        return quotes

    def _next_clause(self, sent: Sentence, first: Quote) -> Quote | None:
        """A second attribution inside the first one's content, the earlier of: the same speaker
        going on ('X accused A and asserted that B', 'X said A, adding that B') or another
        speaker after a conjunction ('X said A, but Y argued B'). `first` is cut before it."""
        options = [found for found in (self._same_speaker(sent, first), self._second(sent, first))]
        found = min((f for f in options if f is not None), key=lambda f: f[0], default=None)
        if found is None:
            return None
        first.text = first.text[: found[0]].rstrip(" ,;")
        return found[1]

    def _same_speaker(self, sent: Sentence, first: Quote) -> tuple[int, Quote] | None:
        for cue in _SAME_SPEAKER_CUE.finditer(first.text):
            if cue.start() < 8:
                continue
            content = re.match(r"\s*,?\s*(?:that\s+)?(?P<c>.{8,})$", first.text[cue.end() :])
            if content is None or len(content.group("c").split()) < 3:
                continue
            quote = Quote(
                text=content.group("c").strip(' ,."“”'),
                speaker=first.speaker,
                sentence=sent.index,
                kind="indirect",
                cue=cue.group("cue").lower(),
                speaker_text=first.speaker_text,
            )
            return cue.start(), quote
        return None

    def _second(self, sent: Sentence, first: Quote) -> tuple[int, Quote] | None:
        for join in _SECOND_CLAUSE.finditer(first.text):
            rest = first.text[join.end() :]
            cue = _CUE_IN_HEAD.search(rest)
            if cue is None or cue.start() > 80:
                continue
            content = re.match(r"\s*,?\s*(?:that\s+)?(?P<c>.{8,})$", rest[cue.end() :])
            at = sent.text.find(rest)
            if content is None or at < 0:
                continue
            shifted = Sentence(sent.index, rest, sent.start + at, sent.end, sent.paragraph)
            second = self._lead(shifted, rest[: cue.start()], cue.group("cue"), content.group("c"))
            if second is not None:
                return join.start(), second
        return None

    def _indirect_in(self, sent: Sentence) -> Quote | None:
        text = _ANONYMITY.sub(lambda m: " " * len(m.group(0)), sent.text)
        match = _ACCORDING_TO.search(text)
        if match:
            spk = _according_speaker(match.group("spk"))
            relay = _RELAY.match(text, match.end())
            if spk and relay:  # "according to X, which obtained details from Y, B"
                content = (text[: match.start()] + " " + text[relay.end() :]).strip(" ,.")
                a = sent.start + relay.start("src")
                quote = self._make(content, relay.group("src"), "according to", sent, a)
                if quote is not None:
                    quote.via_outlet = spk
                return quote
            content = (text[: match.start()] + " " + text[match.end() :]).strip(" ,.")
            if spk:
                a = sent.start + match.start("spk")
                return self._make(content, spk, "according to", sent, a)
        commas = [i for i, c in enumerate(text) if c == ","][-2:]
        trail = (  # only when a cue follows one of the last two commas (cheap check first)
            _INDIRECT_TRAIL.match(text) if commas and _CUE_WORD.search(text, commas[0]) else None
        )
        if trail and _CUE_IN_HEAD.search(trail.group("content")):
            trail = None  # "X said A, but Y argued B": the leading attribution comes first
        if trail and _ends_in_aside(trail.group("content")):
            trail = None  # "The union, meanwhile, said ...": the speaker comes first
        if trail and _participle_cue(trail):
            trail = None  # "..., with some voicing support and others warning": no finite cue
        if trail:
            group = "spk1" if trail.group("spk1") else "spk2"
            raw = trail.group(group) or ""
            spk = _strip_speaker(raw)
            if group == "spk2":
                spk = _active_speaker(spk, trail.group("cue2") or "")
            a = sent.start + trail.start(group) + max(raw.find(spk), 0)
            n_inside = sum(1 for m in self.mentions if a <= m.start < a + len(spk))
            if _plausible_speaker(spk, n_inside) and len(spk.split()) <= 10:
                cue = (trail.group("cue1") or trail.group("cue2") or "").lower()
                content = trail.group("content").strip(' ,"“”')
                quote = self._make(content, spk, cue, sent, a)
                if quote is not None:
                    self._relayed(quote, text[trail.end("spk1" if group == "spk1" else "cue2") :])
                return quote
        for pattern in (_INDIRECT_LEAD, _INDIRECT_THAT, _FINDING_LEAD):
            lead = pattern.match(text)
            if not lead:
                continue
            found = self._lead(sent, lead.group("pre"), lead.group("cue"), lead.group("content"))
            if found:
                return found
        # the first cue had no speaker before it: try the later ones ("... who think that")
        for cue in list(_CUE_IN_HEAD.finditer(text))[1:4]:
            rest = re.match(r"\s*,?\s*(?:that\s+)?(?P<content>.{8,})$", text[cue.end() :])
            if rest:
                found = self._lead(
                    sent, text[: cue.start()], cue.group("cue"), rest.group("content")
                )
                if found:
                    return found
        return None

    def _lead(self, sent: Sentence, pre: str, cue: str, content: str) -> Quote | None:
        """'SPEAKER cue CONTENT' when the words before the cue end in a plausible speaker."""
        if cue.lower().startswith("continu") and content.lstrip().startswith("to "):
            return None  # "X continues to pick up support": aspect, not speech
        spk, rel = _speaker_from_pre(pre)
        spk = _active_speaker(spk, cue)
        a = sent.start + rel
        n_inside = sum(1 for m in self.mentions if a <= m.start < a + len(spk))
        if _plausible_speaker(spk, n_inside) and len(spk.split(",")[0].split()) <= 14:
            return self._make(content.strip(' ,."“”'), spk, cue.lower(), sent, a)
        return None

    def _make(self, content: str, spk: str, cue: str, sent: Sentence, a: int) -> Quote | None:
        via: str | None = None
        if cue.startswith(("tell", "told")):
            told = _TOLD_OBJECT.match(content)  # "told the news agency AFP that ..."
            if told and len(told.group("obj").split()) <= 8:
                content = told.group("rest")
                outlet = _TOLD_OUTLET.match(told.group("obj"))
                via = outlet.group("outlet") if outlet else None
        citing = _CITING.match(content)
        if citing:  # "X reported, citing Y, that B" / "B, X reported, citing Y"
            at = sent.text.find(citing.group("src"))
            via = self.resolve(spk, a, a + len(spk), a) or spk
            spk, a = citing.group("src"), sent.start + max(at, 0)
            content = citing.group("rest") or sent.text[: max(sent.text.find(via), 0)]
            content = content.strip(' ,."“”')
        content = _FRAMING_CLAUSE.split(content, maxsplit=1)[0]  # ", marking ...": the reporter's
        if len(content.split()) < 3 or content.lower().startswith("by "):
            return None  # "Additional reporting by X": a credit, not speech
        speaker = self.resolve(spk, a, a + len(spk), a)
        return Quote(
            text=content,
            speaker=speaker,
            sentence=sent.index,
            kind="indirect",
            cue=cue,
            speaker_text=spk,
            via_outlet=via,
        )

    def _relayed(self, quote: Quote, tail: str) -> None:
        """The trailing attribution's tail names who relayed or who was relayed:
        '..., the chairman told the news agency dpa' / '..., Reuters reported, citing Y'."""
        told = _TOLD_OUTLET.match(tail) if (quote.cue or "").startswith(("tell", "told")) else None
        if told:
            quote.via_outlet = told.group("outlet")
            return
        citing = re.match(r"^\s*,?\s*citing\s+(?P<src>[^,.;]{2,80})", tail)
        if citing:
            quote.via_outlet = quote.speaker or quote.speaker_text
            src = citing.group("src").strip()
            quote.speaker_text = src
            quote.speaker = src


_SUBORDINATOR = re.compile(
    r"(?i)^\s*(?:when|while|as|after|before|because|if|since|until|and|but)\b"
)


def _not_this_quotes(raw: str, cue: str) -> bool:
    """'"...," when Clinton blasted him' / '"..." a Trump tweet attacking X': a clause that
    starts with a subordinator, or an -ing form with no 'is', does not attribute the quote."""
    if _SUBORDINATOR.match(raw):
        return True
    words = raw.split()
    return cue.endswith("ing") and not (words and words[-1].lower() in BE_VERBS)


def _ends_in_aside(text: str) -> bool:
    """'The union, meanwhile': a subject with a discourse adverb, not a reported clause."""
    aside = re.search(r",\s*(\w+)\s*$", text)
    return bool(aside and aside.group(1).lower() in DISCOURSE_ADVERBS)


def _participle_cue(trail: re.Match[str]) -> bool:
    """'..., others warning of cuts': an -ing cue after its subject with no 'is' is a
    participle of an absolute clause, not a finite 'X said'."""
    cue = trail.group("cue2") or ""
    if not cue.endswith("ing"):
        return False
    words = (trail.group("spk2") or "").split()
    return not (words and words[-1].lower() in BE_VERBS)


def according_to(sentence: str) -> str | None:
    """The X of 'according to X' in a sentence (also inside a quotation), else None."""
    match = _ACCORDING_TO.search(sentence)
    return _according_speaker(match.group("spk")) or None if match else None


def _according_speaker(raw: str) -> str:
    spk = _strip_speaker(raw)
    document = _DOCUMENT_OF.match(spk)
    if document and document.group("name")[:1].isupper():
        return document.group("name")
    return spk


def extract_quotes(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[EntityMention]
) -> list[Quote]:
    """All quotes of one article, direct and indirect, in sentence order."""
    extractor = QuoteExtractor(text, sentences, mentions)
    direct = extractor.direct()
    quoted: set[int] = set()
    for span in extractor.spans:  # a sentence holding (part of) a direct quote is not re-read
        if len(span.text.split()) >= 4 and not _looks_like_title(span.text):
            first = extractor.sentence_at(span.start)
            quoted.update(range(first, extractor.sentence_at(span.end) + 1))
    quoted.update(q.sentence for q in direct)
    indirect = extractor.indirect(quoted)
    found = sorted(direct + extractor.extra + indirect, key=lambda q: q.sentence)
    for quote in found:
        quote.negated = _cue_negated(text, sentences, quote)
    return found


_NEGATOR = re.compile(
    r"(?i)(?:\b(?:" + "|".join(w for w in NEGATORS if w.isalpha()) + r")\b|n['’]t\b)"
)


def _cue_negated(text: str, sentences: Sequence[Sentence], quote: Quote) -> bool:
    """'Police did not confirm any damage': a negator between the speaker and the cue."""
    if not quote.cue or not quote.speaker_text or not quote.cue[:1].isalpha():
        return False
    if not 0 <= quote.sentence < len(sentences):
        return False
    sent = sentences[quote.sentence]
    body = text[sent.start : sent.end]
    at = body.find(quote.speaker_text)
    if at < 0:
        return False
    after = at + len(quote.speaker_text)
    cue = re.search(rf"(?i)\b{re.escape(quote.cue)}\b", body[after : after + 60])
    return bool(cue and _NEGATOR.search(body, after, after + cue.start()))
