"""Fact-level mismatches between a claim sentence and the source sentence it restates.

Each check returns a human reason ("number 5,000 -> 50,000") or None. They run only on a
pair the aligner already judged to be about the same thing, so a difference is a change,
not a different topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from newstrace.align.features import Figure, SentenceFeatures, hours, is_name
from newstrace.align.sequences import common_subsequence
from newstrace.analyze.words import STOPWORDS, stem, tokens
from newstrace.lang.en.abbreviations import ABBREVIATIONS
from newstrace.lang.en.opposites import OPPOSITE_WORDS, OPPOSITES
from newstrace.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, ORDINAL_WORDS, WEEKDAY_NAMES

_PASSIVE_MARKERS = frozenset({"by"})
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
# a name this short followed by a period is an abbreviation ("Calif.", "Mass.", "Mo.")
_ABBREVIATION_LETTERS = 5
# words that credit a statement; moving a name around them is rewording, not a role swap
_CUES = frozenset({"said", "says", "according", "told", "added", "stated"})


def calendar_change(claim: SentenceFeatures, evidence: SentenceFeatures) -> str | None:
    """A weekday, month, year or rank put in place of the evidence's own: "arrested Friday" restated
    as "arrested on Thursday", "third-biggest" as "second-biggest". Only when each sentence
    names one the other does not, so an added date is no change."""
    claim_words = set(tokens(claim.text))
    evidence_words = set(tokens(evidence.text))
    # calendar names count only capitalised ("May 3", not "may be")
    claim_capitals = {w.lower() for w in _CAPITALISED.findall(claim.text)}
    evidence_capitals = {w.lower() for w in _CAPITALISED.findall(evidence.text)}
    years = {w for w in claim_words | evidence_words if _YEAR.match(w)}
    for kind, vocabulary in (
        ("date", WEEKDAY_NAMES),
        ("date", MONTH_NAMES),
        ("date", tuple(years)),
        ("rank", tuple(ORDINAL_WORDS)),
    ):
        words = set(vocabulary)
        ours, others = claim_words, evidence_words
        if kind == "date" and not years & words:
            ours, others = claim_capitals, evidence_capitals
        mine = sorted(w for w in ours & words if w not in evidence_words)
        theirs = sorted(w for w in others & words if w not in claim_words)
        if mine and theirs:
            return f"{kind} {theirs[0].capitalize()} -> {mine[0].capitalize()}"
    mine_days, their_days = _days(claim.text), _days(evidence.text)
    changed = sorted(mine_days - their_days)
    dropped = sorted(their_days - mine_days)
    if changed and dropped:
        return f"date {_day(dropped[0])} -> {_day(changed[0])}"
    return None


# a month as written (name or abbreviation) -> its name
_MONTH_WORDS = {
    **{m: m for m in MONTH_NAMES},
    **{a: next(m for m in MONTH_NAMES if m.startswith(a[:3])) for a in MONTH_ABBREVIATIONS},
}


def _days(text: str) -> set[tuple[str, int]]:
    """The days of the month a sentence names, by tokens: "May 13", "13 May", "13th of May"."""
    words = tokens(text)
    capitals = {w.lower() for w in _CAPITALISED.findall(text)}
    out: set[tuple[str, int]] = set()
    for k, word in enumerate(words):
        month = _MONTH_WORDS.get(word)
        if month is None or word not in capitals:
            continue
        for near in (words[k + 1 : k + 2], words[max(0, k - 3) : k]):
            for other in near:
                day = other.removesuffix("st").removesuffix("nd").removesuffix("rd")
                day = day.removesuffix("th")
                if day.isdigit() and 1 <= int(day) <= 31:
                    out.add((month, int(day)))
    return out


def _day(day: tuple[str, int]) -> str:
    return f"{day[0].capitalize()} {day[1]}"


def same_number(a: float, b: float) -> bool:
    """Equal up to rounding ('2.5 million' vs '2,500,000'; '3.2%' vs '3.20')."""
    if a == b:
        return True
    big = max(abs(a), abs(b))
    return big > 0 and abs(a - b) / big < 0.005


def given(figure: Figure, other: Figure) -> bool:
    """`other` states `figure`: the same number, counting the same thing when both say what."""
    return same_number(figure.value, other.value) and (
        not figure.unit or not other.unit or figure.unit == other.unit
    )


def number_change(
    claim: SentenceFeatures,
    evidence: SentenceFeatures,
    known: Sequence[Figure],
    same_unit: bool = False,
) -> str | None:
    """A figure of the claim that no source gives, where the evidence gives another of the same
    unit (a loosely aligned pair, `same_unit`, must name what it counts). A source gives the
    figure when it states the same number of the same thing: "three sons" is not given by
    "three weeks ago" elsewhere in the article (a figure without a unit matches any)."""
    if not claim.figures or not evidence.figures:
        return None
    durations = [h for f in evidence.figures if (h := hours(f)) is not None]
    for figure in claim.figures:
        if any(given(figure, other) for other in known):
            continue
        in_hours = hours(figure)
        if in_hours is not None and any(same_number(in_hours, other) for other in durations):
            continue  # "a two-day strike" restates "a 48-hour strike"
        for other in evidence.figures:
            if any(same_number(other.value, f.value) for f in claim.figures):
                continue
            if (same_unit or (other.unit and figure.unit)) and other.unit != figure.unit:
                continue
            if same_unit and not figure.unit:
                continue
            return f"number {other.written} -> {figure.written}"
    return None


def figure_with_unit_elsewhere(claim: SentenceFeatures, sources: list[SentenceFeatures]) -> bool:
    """Every figure of the claim is given, with the same unit, by some source sentence."""
    return all(
        any(
            same_number(figure.value, other.value) and other.unit == figure.unit
            for f in sources
            for other in f.figures
        )
        for figure in claim.figures
    )


def negation_change(claim: SentenceFeatures, evidence: SentenceFeatures) -> str | None:
    """One says it happened, the other says it did not: a word both sentences hold is denied
    in one of them only."""
    claim_denied, evidence_denied = claim.denied, evidence.denied
    added = [w for w in sorted(claim_denied - evidence_denied) if w in evidence.word_set]
    if added and len(claim_denied) > len(evidence_denied):
        return f"negation added: not {added[0]}"
    removed = [w for w in sorted(evidence_denied - claim_denied) if w in claim.word_set]
    if removed and len(evidence_denied) > len(claim_denied):
        return f"negation removed: not {removed[0]}"
    return None


def opposite_change(claim: SentenceFeatures, evidence: SentenceFeatures) -> str | None:
    """A word traded for its opposite ("welcomed" -> "criticised", "before" -> "after") in a
    sentence that restates its evidence, with no negator in either (a denied opposite, "did not
    win" for "lost", restates it)."""
    if claim.negations or evidence.negations:
        return None
    claim_tokens, evidence_tokens = tokens(claim.text), tokens(evidence.text)
    claim_set, evidence_set = set(claim_tokens), set(evidence_tokens)
    if not claim_set & OPPOSITE_WORDS or not evidence_set & OPPOSITE_WORDS:
        return None  # most sentence pairs: no word with an opposite on either side
    for one, other in OPPOSITES:
        for was, now in ((one, other), (other, one)):
            old, new = evidence_set & was, claim_set & now
            if not old or not new or claim_set & was or evidence_set & now:
                continue
            if _same_slot(evidence_tokens, old, claim_tokens, new):
                return f"opposite: {min(old)} -> {min(new)}"
    return None


def _places(text: list[str], words: set[str]) -> set[tuple[str, str]]:
    """Where runs of `words` stand in `text`: the content words right before and right after
    each run ("" at either end of the sentence)."""
    content = [t for t in text if t not in STOPWORDS or t in words]
    found = set()
    i = 0
    while i < len(content):
        if content[i] not in words:
            i += 1
            continue
        j = i
        while j < len(content) and content[j] in words:
            j += 1
        found.add((content[i - 1] if i > 0 else "", content[j] if j < len(content) else ""))
        i = j
    return found


def _same_place(a: list[str], a_words: set[str], b: list[str], b_words: set[str]) -> bool:
    """A run of `a_words` in `a` and one of `b_words` in `b` stand between the same content
    words on both sides: one name put in the very place of another ("clashed with A during the
    shoot" / "clashed with B during the shoot"), not merely next to a shared word."""
    return bool(_places(a, a_words) & _places(b, b_words))


def _same_slot(a: list[str], a_words: set[str], b: list[str], b_words: set[str]) -> bool:
    """A word of `a_words` in `a` and one of `b_words` in `b` have the same content word right
    before or right after them: the opposite took the word's place ("polls taken before the
    debate" / "after the debate"), where a turned-around clause puts it elsewhere ("left before
    the storm" / "after the storm, it left")."""
    places_b = _places(b, b_words)
    return any(
        (before and before == other_before) or (after and after == other_after)
        for before, after in _places(a, a_words)
        for other_before, other_after in places_b
    )


def name_change(
    claim: SentenceFeatures,
    evidence: SentenceFeatures,
    known: frozenset[str],
    joint: SentenceFeatures | None = None,
) -> str | None:
    """A name in the claim that neither the evidence nor any source names, in place of one that
    the evidence names and the claim dropped; or a name the source gives elsewhere put in the
    very place of the evidence's name ("Chen beat Ruiz" for "Ortega beat Ruiz", Chen being in
    the story too). `joint` is the evidence with the sentence the claim may fuse with it."""
    first = next(iter(tokens(claim.text)), "")  # capitalised at the start: no sign of a name
    initials = {i for n in (*evidence.names, *claim.names) for i in _initials(n)}
    evidence_names = names_as_written(evidence)
    candidates = [
        k
        for k in sorted(claim.name_keys)
        if " " not in k
        and k not in STOPWORDS
        and k != first
        and not short_form_of(k, evidence_names)
    ]
    new = [k for k in candidates if k not in known and stem(k) not in known]
    around = joint or evidence
    moved_in = [
        k
        for k in candidates
        if k not in new
        and k not in around.name_keys
        and k not in around.word_set
        and stem(k) not in around.word_set
    ]
    dropped = [
        k
        for k in sorted(evidence.name_keys)
        if " " not in k
        and k not in claim.name_keys
        and k not in claim.word_set
        and k not in initials
        and not _spelled_out(k, new + moved_in)
        and not any(_respelled(k, word) for word in new + moved_in)
    ]
    if not dropped:
        return None
    if new:
        return f"name {_full_name(dropped[0], evidence)} -> {_full_name(new[0], claim)}"
    if not moved_in:
        return None
    evidence_tokens, claim_tokens = tokens(evidence.text), tokens(claim.text)
    full_names = [k.split() for k in known if " " in k]
    for key in dropped:
        if any(key in name and w in name for name in full_names for w in moved_in):
            continue  # "Hardwicke" for "Catherine": two names of one person
        if _same_place(evidence_tokens, {key}, claim_tokens, set(moved_in)):
            return f"name {_full_name(key, evidence)} -> {_full_name(moved_in[0], claim)}"
    return None


def _respelled(a: str, b: str) -> bool:
    """Two spellings of one name ("Kurbanguly" / "Gurbanguly", "Berdimuhamedov" /
    "Berdymukhamedov"): transliterations differ by a letter or two."""
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.8


def _full_name(key: str, sentence: SentenceFeatures) -> str:
    """The name as the sentence writes it ("Britt Ekdahl") for one of its words ("ekdahl")."""
    return next((n for n in sentence.names if key in n.lower().split()), _title(key))


def _spelled_out(key: str, new: list[str]) -> bool:
    """The dropped name `key` is a title's abbreviation ("Sen.") or one that a new word spells
    out ("Calif." -> "California"): a restatement, no other name. (A name that ends the
    sentence, "... in Queens.", is no abbreviation for its period.)"""
    short = key.rstrip(".")
    return short in ABBREVIATIONS or any(_spells_out(word, short) for word in new)


def names_as_written(sentence: SentenceFeatures) -> set[str]:
    """The sentence's names, a short one with the period that marks it as an abbreviation
    ("Calif." though the mention layer keeps "Calif")."""
    found = set(sentence.names)
    for name in sentence.names:
        if (
            len(name) <= _ABBREVIATION_LETTERS
            and name.isalpha()
            and re.search(rf"\b{re.escape(name)}\.", sentence.text)
        ):
            found.add(name + ".")
    return found


def short_form_of(word: str, names: frozenset[str] | set[str]) -> bool:
    """`word` (a name key) is another form of one of `names`: their initials ("LA" for "Los
    Angeles") or an abbreviation of it spelled out ("California" for "Calif.", "Missouri" for
    "Mo.": the abbreviation's letters, in order, from the word's first letter)."""
    for name in names:
        low = name.lower()
        if word in _initials(name):
            return True
        if low.endswith(".") and "." not in low[:-1] and _spells_out(word, low[:-1]):
            return True
    return False


def _spells_out(word: str, abbreviation: str) -> bool:
    if len(word) <= len(abbreviation) or word[:1] != abbreviation[:1]:
        return False
    rest = iter(word)
    return all(letter in rest for letter in abbreviation)


def _initials(name: str) -> set[str]:
    """The initials of a name of several words, lower-cased ("Los Angeles" -> "la"), also as
    written with "The" ("Hollywood Reporter" -> "thr"); none for one word."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if len(words) < 2:
        return set()
    letters = "".join(w[0] for w in words).lower()
    return {letters, letters.removeprefix("t") if words[0].lower() == "the" else "t" + letters}


def _title(key: str) -> str:
    return " ".join(w.capitalize() for w in key.split())


def role_swap(
    claim: SentenceFeatures, evidence: SentenceFeatures, name_words: frozenset[str] = frozenset()
) -> str | None:
    """Same words around a shared pivot, but a name that stood before it now stands after it
    and another the other way ('A defeated B' vs 'B defeated A'). Voice changes ('B was
    defeated by A') are not swaps, but a passive made active with its words in the same order
    is ('she was struck by a car' vs 'she struck a car'). Only names (words of `name_words`)
    count as moved."""
    claim_text, evidence_text = claim.text, evidence.text
    claim_tokens = [t for t in tokens(claim_text) if t not in STOPWORDS or t in _PASSIVE_MARKERS]
    evidence_tokens = [
        t for t in tokens(evidence_text) if t not in STOPWORDS or t in _PASSIVE_MARKERS
    ]
    passive: list[str] | None = None  # the one sentence of the two with a "by"
    if ("by" in claim_tokens) != ("by" in evidence_tokens):
        voice = voice_swap(claim_tokens, evidence_tokens)
        if voice:
            return voice
        passive = claim_tokens if "by" in claim_tokens else evidence_tokens
    claim_set, evidence_set = set(claim_tokens) - {"by"}, set(evidence_tokens) - {"by"}
    n_shared, sizes = len(claim_set & evidence_set), sorted((len(claim_set), len(evidence_set)))
    if n_shared < 0.8 * sizes[0] or n_shared < 0.6 * sizes[1]:
        # a reworded sentence: only the relation right between the two names can tell
        return relation_swap(claim_text, evidence_text, name_words)
    claim_pos = {t: i for i, t in reversed(list(enumerate(claim_tokens)))}
    evidence_pos = {t: i for i, t in reversed(list(enumerate(evidence_tokens)))}
    shared = [t for t in claim_pos if t in evidence_pos and t != "by"]
    if len(shared) < 3:
        return None
    speakers = {w.lower() for f in (claim, evidence) for w in (f.speaker or "").split()}

    def once(word: str) -> bool:
        return claim_tokens.count(word) == 1 and evidence_tokens.count(word) == 1

    for pivot in shared:
        if pivot in name_words or pivot in _CUES:
            continue
        cp, ep = claim_pos[pivot], evidence_pos[pivot]
        moved_after = [
            t for t in shared if claim_pos[t] > cp and evidence_pos[t] < ep and t in name_words
        ]
        moved_before = [
            t for t in shared if claim_pos[t] < cp and evidence_pos[t] > ep and t in name_words
        ]
        # a name read at one place in each sentence (a repeated word has no one place)
        moved_after = [t for t in moved_after if t not in speakers and once(t)]
        moved_before = [t for t in moved_before if t not in speakers and once(t)]
        if moved_after and moved_before:
            x, y = moved_before[-1], moved_after[0]
            if passive is not None and _across_by(passive, x, y):
                continue  # "B was defeated by A" for "A defeated B": the voice changed
            if _rest_in_order(claim_tokens, evidence_tokens, {*moved_after, *moved_before}):
                return f"roles swapped: {_title(x)} <-> {_title(y)}"
    return None


def voice_swap(claim_tokens: list[str], evidence_tokens: list[str]) -> str | None:
    """One sentence is passive ("she was struck by a car") and the other keeps its words in the
    same order without the passive ("she struck a car"): the one acted upon became the actor.
    A real change of voice turns the sentence around ("a car struck her"), and a sentence that
    drops the actor ("she was struck") drops the word after "by" too: neither is a swap.
    Tokens are content words plus "by"."""
    passive, active = (
        (claim_tokens, evidence_tokens) if "by" in claim_tokens else (evidence_tokens, claim_tokens)
    )
    at = passive.index("by")
    if at < 2 or at + 1 >= len(passive):
        return None
    verb, patient, agent = passive[at - 1], passive[at - 2], passive[at + 1]
    if verb not in active:
        return None
    v = active.index(verb)
    if patient not in active[:v] or agent not in active[v + 1 :]:
        return None
    if not _rest_in_order(passive[:at] + passive[at + 1 :], active, set()):
        return None
    was, now = f"{verb} by {agent}", f"{verb} {agent}"
    if passive is claim_tokens:
        was, now = now, was
    return f"roles swapped: {was} -> {now}"


def _across_by(passive: list[str], x: str, y: str) -> bool:
    """`x` and `y` stand on either side of the passive's "by" (the acted upon and the actor)."""
    by, at_x, at_y = passive.index("by"), passive.index(x), passive.index(y)
    return min(at_x, at_y) < by < max(at_x, at_y)


def relation_swap(claim_text: str, evidence_text: str, name_words: frozenset[str]) -> str | None:
    """In a reworded restatement, two names on either side of the same relation, the other way
    round: "A ... testified against B" restated as "B ... testified against A". The words
    right before the second name must be the same (the relation), and neither stretch may be
    a passive ("by") or a credit ("said")."""
    claim_tokens, evidence_tokens = tokens(claim_text), tokens(evidence_text)
    names = [
        w
        for w in sorted(name_words)
        if claim_tokens.count(w) == 1 and evidence_tokens.count(w) == 1
    ]
    for x in names:
        for y in names:
            if x == y:
                continue
            ex, ey = evidence_tokens.index(x), evidence_tokens.index(y)
            cx, cy = claim_tokens.index(x), claim_tokens.index(y)
            if not (ex < ey and cy < cx):
                continue
            evidence_mid = evidence_tokens[ex + 1 : ey]
            claim_mid = claim_tokens[cy + 1 : cx]
            if len(evidence_mid) < 2 or len(claim_mid) < 2:
                continue
            if {"by"} & set(evidence_mid + claim_mid) or _CUES & set(evidence_mid + claim_mid):
                continue
            relation = evidence_mid[-2:]
            if claim_mid[-2:] == relation and any(t not in STOPWORDS for t in relation):
                return f"roles swapped: {_title(x)} <-> {_title(y)}"
    return None


def _rest_in_order(claim: list[str], evidence: list[str], swapped: set[str]) -> bool:
    """Without the names that moved, the shorter sentence reads in the same order inside the
    longer one: only the names traded places (turning clauses around moves whole stretches, not
    two names; a rewrite may drop or add a detail around them)."""
    a = [t for t in claim if t not in swapped]
    b = [t for t in evidence if t not in swapped]
    if not a or not b:
        return False
    return common_subsequence(a, b) >= 0.85 * max(min(len(a), len(b)), 3)


def speaker_change(claim_speaker: str | None, evidence_speaker: str | None) -> str | None:
    """The same words given to someone else (both speakers named, not pronouns)."""
    if not claim_speaker or not evidence_speaker:
        return None
    if not (is_name(claim_speaker) and is_name(evidence_speaker)):
        return None
    a = {w for w in claim_speaker.lower().split() if w not in STOPWORDS}
    b = {w for w in evidence_speaker.lower().split() if w not in STOPWORDS}
    if a and b and not (a & b):
        return f"speaker changed: {evidence_speaker} -> {claim_speaker}"
    return None


def quote_found(quote: str, source_texts: list[str]) -> int:
    """Index of the source text that holds these quoted words (fuzzily), or -1."""
    quote_tokens = tokens(quote)
    if len(quote_tokens) < 3:
        return -1
    grams = {tuple(quote_tokens[i : i + 3]) for i in range(len(quote_tokens) - 2)}
    best, best_index = 0.0, -1
    for index, text in enumerate(source_texts):
        src = tokens(text)
        src_grams = {tuple(src[i : i + 3]) for i in range(len(src) - 2)}
        share = len(grams & src_grams) / len(grams)
        if share > best:
            best, best_index = share, index
    return best_index if best >= 0.5 else -1
