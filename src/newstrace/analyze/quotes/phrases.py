"""Speaker phrases: the noun phrase of a speaker from the words around a cue, and whether it
names a person, an organisation or a description of one (a clause is not a speaker)."""

from __future__ import annotations

import re

from newstrace.analyze.quotes.patterns import (
    BEFORE_TAIL,
    CIRCUMSTANCE_ASIDE,
    CLAUSE_CUT,
    CUE_IN_HEAD,
    DESCRIPTION_HEAD,
    DOCUMENT_OF,
    HARD_STOP,
    LEADING_FILLER,
    NAME_ONLY,
    NOT_SPEAKER_START,
    PEOPLE_NOUN,
    PERSON_NOUN,
    POSSESSED_WORDS,
    SUBORDINATOR,
    TRAILING_ADVERB,
    TRAILING_PARTY,
    TRAILING_TIME,
)
from newstrace.lang.en.attribution import DISCOURSE_ADVERBS
from newstrace.lang.en.speakers import (
    CLAUSE_VERBS,
    DANGLING,
    DETERMINERS,
    IRREGULAR_PAST,
    LY_NOUNS,
    MODALS,
    PARTICLES,
    PERSON_HEADS,
    PHRASE_PREPOSITIONS,
    PRONOUNS,
    REFLEXIVE,
    SHARE_HEADS,
    SHARE_HEDGES,
)
from newstrace.lang.en.speech_verbs import BE_VERBS


def strip_speaker(raw: str) -> str:
    """The noun phrase of a speaker from the words before or after a cue."""
    spk = subject_only(speaker_words(raw))
    return _tidy_tail(spk) if spk != speaker_words(raw) else spk


def _tidy_tail(spk: str) -> str:
    """A phrase cut before its clause's verb loses an adverb or time left at its end:
    'A campaign official later (walked back ...)' -> 'A campaign official'."""
    prev = None
    while prev != spk and len(spk.split()) > 1:
        prev = spk
        spk = TRAILING_TIME.sub("", spk)
        tail = TRAILING_ADVERB.search(spk)
        if tail and tail.group(1) not in LY_NOUNS:
            spk = spk[: tail.start()]
    return spk.strip(" ,")


def speaker_words(raw: str) -> str:
    """The words of a speaker phrase without fillers, times, adverbs and a party tag; any
    clause they run into is kept (`subject_only` cuts it)."""
    spk = " ".join(raw.split()).strip(" ,—–-")
    if len(spk.split()) > 1:
        spk = CLAUSE_CUT.sub("", spk)
    prev = None
    while prev != spk:
        prev = spk
        spk = LEADING_FILLER.sub("", spk).strip(" ,")
    if len(spk.split()) > 1:  # "Mook further", "Hillary Clinton essentially", "(R-Fla"
        spk = TRAILING_PARTY.sub("", spk)
        spk = TRAILING_TIME.sub("", spk)
        while (tail := TRAILING_ADVERB.search(spk)) and tail.group(1) not in LY_NOUNS:
            spk = spk[: tail.start()]
    return spk.strip(" ,")


def subject_only(spk: str) -> str:
    """'The state senator sought to calm the crowd, and took ...' -> 'The state senator': a
    speaker phrase that runs on into its own clause keeps the subject, cut before the first
    past-tense verb that follows a noun (not 'the retired judge', 'newly elected members')."""
    words = spk.split(" ")
    if words[-1].lower() in ("who", "which", "that", "whom"):  # "The mayor toured the pier
        return spk  # with the fishermen who": a relative clause's antecedent speaks, not him
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1].lower()
        if before in ("who", "which", "that", "whose"):
            return spk  # "a senior official who asked not to be named": a relative clause
        if not word.isalpha() or not word.islower():
            continue
        if not (word in IRREGULAR_PAST or (word.endswith("ed") and _regular_past(word))):
            continue
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if before.endswith("ly") and i >= 2 and (after in DETERMINERS or after[:1].isupper()):
            return " ".join(words[: i - 1])  # "Ruiz subsequently defended the decision"
        if before in DETERMINERS or before in DANGLING or before.endswith("ly"):
            continue
        if before.endswith(","):  # "Lopez, retired in May," is an appositive
            continue
        beyond = words[i + 2].lower() if i + 2 < len(words) else ""
        if word.endswith("ed") and (
            after in PHRASE_PREPOSITIONS
            or (after in PARTICLES and (after == "to" or beyond == "by"))
        ):
            continue  # "officials involved in the talks", "research carried out by X"
        return " ".join(words[:i])
    return spk


def _regular_past(word: str) -> bool:
    """'sued', 'voted', 'shrugged': a regular past form, not 'need', 'seed', 'bed' or 'red'."""
    return len(word) >= 4 and not word.endswith("eed")


# a description that a name after it pins down: "The head of the union, Mike Ortiz,"
DESCRIPTION_OPENER = re.compile(r"(?i)\s*(?:the|a|an|his|her|its|their|one|another)\s")

# an aside between dashes right before the cue: "The mayor — who took office in May — said"
_DASHED_ASIDE = re.compile(r"\s+(?:[—–]|--)\s+[^—–]{1,120}?\s+(?:[—–]|--)\s*$")
# "Residents on Mill Lane, which backs onto the river": the speaker ends before the clause
RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where)\b")


def speaker_from_pre(pre: str) -> tuple[str, int]:
    """The speaker in the words before a cue, and where it starts in `pre`.

    "In a statement, her adviser, Jake Sullivan" -> "Jake Sullivan";
    "Jeff Sessions, a Trump supporter," -> "Jeff Sessions, a Trump supporter".
    """
    body = _DASHED_ASIDE.sub("", pre.rstrip())  # "The mayor — who took office in May —"
    circumstance = CIRCUMSTANCE_ASIDE.search(body)
    if circumstance and circumstance.start() > 0:  # "The company, in a statement,"
        body = body[: circumstance.start()]
    aside = re.search(r",\s*(\w+)\s*,?$", body)
    if aside and aside.group(1).lower() in DISCOURSE_ADVERBS:  # "Port officials, however,"
        body = body[: aside.start()]
    relative = re.search(r",\s*(?:which|who|whose|where)\b[^,]*,$", body)
    if relative and relative.start() > 0:  # "X, president of Y, which represents Z,"
        body = body[: relative.start()] + ","
    appositive = body.endswith(",")
    chunks = [m for m in re.finditer(r"[^,]+", body)]
    if not chunks:
        return "", 0
    pick = chunks[-1]
    if (
        appositive
        and len(chunks) >= 2
        and NAME_ONLY.match(chunks[-1].group(0).strip())
        and DESCRIPTION_OPENER.match(chunks[-2].group(0))
    ):
        name = chunks[-1]  # "The head of the union, Mike Ortiz,": the name speaks
        lead = len(name.group(0)) - len(name.group(0).lstrip())
        return name.group(0).strip(), name.start() + lead
    if appositive and len(chunks) >= 2:
        first = chunks[-2]
        spk = strip_speaker(first.group(0))
        if spk:
            start = first.start() + first.group(0).find(spk)
            return subject_only(body[start:].rstrip(" ,")), start
    spk = strip_speaker(pick.group(0))
    return spk, pick.start() + max(pick.group(0).find(spk), 0)


def cue_at_end(head: str) -> tuple[int, str, str] | None:
    """'X told reporters on Monday: ' -> (start of the words before the cue, those words, cue).

    Linear time: tries the cues of `head` from the last one back, instead of a regex search
    from every position.
    """
    for cue in reversed(list(CUE_IN_HEAD.finditer(head))):
        if not BEFORE_TAIL.match(head, cue.end()):
            continue
        stops = list(HARD_STOP.finditer(head, 0, cue.start()))
        start = stops[-1].end() if stops else 0
        pre = head[start : cue.start()]
        if pre.strip():
            return start, pre, cue.group("cue")
    return None


def possessor_speaks(spk: str) -> str:
    """'His remarks', "the mayor's statement", "Ruiz's warning": the words are the
    possessor's, who is the speaker."""
    match = POSSESSED_WORDS.match(spk)
    return match.group("owner") if match else spk


def active_speaker(spk: str, cue: str) -> str:
    """The speaker with a progressive 'is' dropped; '' for a passive ('were reported'); the
    possessor of the words ("His remarks indicated", "the mayor's claim that")."""
    spk = re.sub(r"(?<=\w)['’]s?$", "", possessor_speaks(spk))
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


def is_share(spk: str) -> bool:
    """'21 percent', 'a third', 'more than six in 10', 'majorities in all five states': a share
    of the people a poll asked, who speak through it."""
    words = re.sub(r"(\d)%", r"\1 %", spk.lower()).split()
    while words and (words[0] in SHARE_HEDGES or re.fullmatch(r"[\d.,]+", words[0])):
        words.pop(0)
        if len(words) >= 2 and words[0] == "in" and re.fullmatch(r"\d+|ten", words[1]):
            return len(words) <= 5  # "six in 10", "four in 10 voters"
    if not words or (words[0] not in SHARE_HEADS and " ".join(words[:2]) != "per cent"):
        return False
    return len(words) <= 6 and (len(words) == 1 or words[1] in ("of", "in", "said", "cent"))


def plausible_speaker(spk: str, mentions_inside: int = 0) -> bool:
    if spk and is_share(spk) and spk.split()[0][:1] != "%":
        return True
    if not spk or (NOT_SPEAKER_START.match(spk) and spk.lower() not in PRONOUNS):
        return False
    words = spk.split()
    lowered = [w.lower().strip(",") for w in words]
    core = re.split(r"\b(?:who|which|whose|that)\b", spk.split(",")[0].lower())[0].split()
    negated = [
        i
        for i, w in enumerate(core)
        if w.endswith(("n't", "n’t"))
        or (w == "not" and (i + 1 == len(core) or core[i + 1] not in PHRASE_PREPOSITIONS))
    ]
    if negated:  # a negated verb: a clause ("Trump's statement didn't clarify"), but not
        return False  # a negated phrase ("one delegate not on the slate")
    if lowered[-1] in DANGLING or any(w in CLAUSE_VERBS for w in core[1:]):
        return False  # a clause, not a noun phrase: "He recently pitched himself to ... by"
    if any(w in MODALS for w in words[1:]):
        return False  # "the school would close": a clause ("Actor Will Ruiz" is a name)
    if len(words) > 1 and lowered[0] in PRONOUNS and lowered[1] not in REFLEXIVE:
        return False  # "he designed a clubhouse at ...": a pronoun starts a clause
    if len(spk.split(",")[0].split()) > 16:  # an appositive after the name may be long
        return False
    if words[0].endswith("ing") and (len(words) == 1 or words[1][:1].islower()):
        return False  # "Having announced ...", "putting them at odds": a participle
    if spk.lower() in PRONOUNS or mentions_inside:
        return True
    if any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and len(words) <= 4):
        return True
    return bool(
        DESCRIPTION_HEAD.search(spk)
        or PEOPLE_NOUN.search(lowered[-1])
        or PERSON_NOUN.match(spk)
        or lowered[-1] in PERSON_HEADS
        or lowered[-1].endswith(("men", "women", "person", "people"))  # "fishermen"
        or bool(re.search(r"\d+-year-old$", lowered[-1]))  # "the 46-year-old"
    )


def not_this_quotes(raw: str, cue: str) -> bool:
    """'"...," when Clinton blasted him' / '"..." a Trump tweet attacking X': a clause that
    starts with a subordinator, or an -ing form with no 'is', does not attribute the quote."""
    if SUBORDINATOR.match(raw):
        return True
    words = raw.split()
    return cue.endswith("ing") and not (words and words[-1].lower() in BE_VERBS)


def ends_in_aside(text: str) -> bool:
    """'The union, meanwhile': a subject with a discourse adverb, not a reported clause."""
    aside = re.search(r",\s*(\w+)\s*$", text)
    return bool(aside and aside.group(1).lower() in DISCOURSE_ADVERBS)


def participle_cue(trail: re.Match[str]) -> bool:
    """'..., others warning of cuts': an -ing cue after its subject with no 'is' is a
    participle of an absolute clause, not a finite 'X said'."""
    cue = trail.group("cue2") or ""
    if not cue.endswith("ing"):
        return False
    words = (trail.group("spk2") or "").split()
    return not (words and words[-1].lower() in BE_VERBS)


def according_speaker(raw: str) -> str:
    spk = strip_speaker(raw)
    document = DOCUMENT_OF.match(spk)
    if document and document.group("name")[:1].isupper():
        return document.group("name")
    return spk
