"""Flags: what a derived article invented or changed, and where independent reports disagree.

Original reporting is never flagged unsupported: an article derived from nothing is a source.
Figures that differ because different people stated them are not conflicts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newstrace.align.facts import same_number
from newstrace.align.features import SentenceFeatures
from newstrace.align.sentences import PreparedArticle, dice
from newstrace.align.support import SourceIndex, SupportCheck, SupportChecker
from newstrace.analyze.words import STOPWORDS, content_words, stem, tokens
from newstrace.model import Evidence, Flag, FlagKind, Quantity, SentencePair
from newstrace.provenance.names import (
    QUOTE_NOT_FOUND,
    is_pseudo_name,
    novel_name,
    ordinary_words,
    pseudo_name_keys,
    quotes_found,
    replaced_name,
)
from newstrace.provenance.negation import negation_flip
from newstrace.provenance.pair_features import credit_pattern

# a sentence shorter than this (content words) is a byline or boilerplate, not a claim
MIN_CLAIM_WORDS = 4


class CombinedSources:
    """Sentences of several articles in one SourceIndex, remembering whose each one is."""

    def __init__(self, articles: Sequence[PreparedArticle]) -> None:
        self.owners: list[str] = []
        feats: list[SentenceFeatures] = []
        speakers: list[str | None] = []
        vectors = []
        for prepared in articles:
            self.owners.extend([prepared.article.id] * len(prepared.texts))
            feats.extend(prepared.feats)
            speakers.extend(prepared.speakers)
            vectors.append(prepared.vectors)
        stacked = None
        if vectors and all(v is not None for v in vectors) and feats:
            stacked = np.vstack([v for v in vectors if v is not None]).astype(np.float32)
        self.index = SourceIndex.build(feats, speakers=speakers, vectors=stacked)


def _claim_vector(article: PreparedArticle, i: int) -> np.ndarray | None:
    return article.vectors[i] if article.vectors is not None else None


def derived_flags(
    derived: PreparedArticle,
    sources: Sequence[PreparedArticle],
    earlier: Sequence[PreparedArticle],
    checker: SupportChecker,
    pairs: Sequence[SentencePair] = (),
) -> list[Flag]:
    """Unsupported and altered sentences of `derived` against its sources.

    `pairs` (the derivations' sentence pairs) say which source sentences each derived one
    restates: a supported sentence that denies more or less than those is altered.

    A sentence any one source supports is supported. A sentence none of its sources supports
    is still not flagged when an earlier article of the story (`earlier`) supports it: the
    writer may have taken it from there.
    """
    if not sources:
        return []
    combined = CombinedSources(sources)
    singles = [CombinedSources([s]) for s in sources] if len(sources) > 1 else [combined]
    others = CombinedSources(earlier) if earlier else None
    ordinary = ordinary_words([derived.article.text, *(s.article.text for s in sources)])
    source_feats = [f for s in sources for f in s.feats]
    by_id = {s.article.id: s for s in sources}
    aligned: dict[int, list[tuple[str, int]]] = {}  # derived sentence -> restated source ones
    for pair in pairs:
        if pair.source in by_id:
            aligned.setdefault(pair.derived_sentence, []).append(
                (pair.source, pair.source_sentence)
            )
    source_words = frozenset(w for f in source_feats for w in tokens(f.text))
    flags: list[Flag] = []
    for i, text in enumerate(derived.texts):
        if len(derived.feats[i].words) < MIN_CLAIM_WORDS:
            continue
        claim = derived.feats[i]
        vector = _claim_vector(derived, i)
        speaker = derived.speakers[i]
        found = _verdict(claim, singles, combined, checker, speaker, vector)
        if found is None:
            restated: dict[str, list[SentenceFeatures]] = {}
            for s, j in aligned.get(i, []):
                if j < len(by_id[s].feats):
                    restated.setdefault(s, []).append(by_id[s].feats[j])
            flip = negation_flip(claim, restated)
            if flip:
                flags.append(
                    Flag(
                        article=derived.article.id,
                        kind="altered",
                        text=text,
                        evidence=[Evidence(s, f.text) for s, fs in restated.items() for f in fs],
                        score=0.5,
                        sentence=_sentence_index(derived, i),
                        reason=flip,
                    )
                )
            continue
        if found and found[1].reason == QUOTE_NOT_FOUND and quotes_found(claim, source_feats):
            # the quotation stands in a source in other order or with words cut
            found = _verdict(claim.without_quotes(), singles, combined, checker, speaker, vector)
        name = novel_name(found[1].reason) if found else None
        if found and name and is_pseudo_name(name, ordinary, source_words):
            # a capitalised ordinary word is no new name: check the sentence without it
            plain = claim.without_names(pseudo_name_keys(claim, ordinary, source_words))
            found = _verdict(plain, singles, combined, checker, speaker, vector)
            name = novel_name(found[1].reason) if found else None
        if found is None:
            continue
        owner, verdict = found
        label, reason = verdict.label, verdict.reason
        if name and verdict.evidence is not None:
            owner_feats = owner.index.feats[verdict.evidence_index]
            replaced = replaced_name(claim, owner_feats, name, ordinary)
            if replaced:
                label, reason = "altered", replaced
        evidence = []
        if verdict.evidence is not None and verdict.evidence_index >= 0:
            evidence.append(Evidence(owner.owners[verdict.evidence_index], verdict.evidence))
        if not evidence:
            evidence.extend(_nearest_source_sentences(derived, i, combined))
        if is_credit_line(text) or (
            label == "unsupported" and names_itself(text, derived.article.outlet)
        ):
            continue  # a credit or a plug ("Stay with Newsbeat Daily"): the outlet, not the story
        if label == "unsupported" and others is not None:
            elsewhere = checker.check_index(
                others.index, claim, claim_speaker=speaker, claim_vector=vector
            )
            if elsewhere.label == "supported":
                continue
        flags.append(
            Flag(
                article=derived.article.id,
                kind="altered" if label == "altered" else "unsupported",
                text=text,
                evidence=evidence,
                score=round(1.0 - verdict.score, 4),
                sentence=_sentence_index(derived, i),
                reason=reason,
            )
        )
    return flags


def is_credit_line(text: str) -> bool:
    """A reprint's credit or copyright line ("X contributed to this report."): where the text
    came from, not a claim about the story."""
    return credit_pattern().search(text) is not None


def names_itself(text: str, outlet: str | None) -> bool:
    """The sentence names the outlet that publishes it: a credit line, a plug, a note to readers."""
    if not outlet:
        return False
    name = outlet.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if len(name) < 5:
        return False  # "Post", "Sun": too common a word to tell the outlet from the story
    return re.search(rf"(?i)\b{re.escape(name)}\b", text) is not None


def _verdict(
    claim: SentenceFeatures,
    singles: Sequence[CombinedSources],
    combined: CombinedSources,
    checker: SupportChecker,
    speaker: str | None,
    vector: np.ndarray | None,
) -> tuple[CombinedSources, SupportCheck] | None:
    """The verdict of the source that best explains the sentence; None when one supports it
    (or all of them together do)."""
    verdicts = [
        (
            single,
            checker.check_index(single.index, claim, claim_speaker=speaker, claim_vector=vector),
        )
        for single in singles
    ]
    if any(v.label == "supported" for _, v in verdicts):
        return None
    altered = [(c, v) for c, v in verdicts if v.label == "altered"]
    owner, verdict = max(altered or verdicts, key=lambda cv: (cv[1].coverage, cv[1].score))
    if verdict.label == "unsupported" and len(singles) > 1:
        joint = checker.check_index(
            combined.index, claim, claim_speaker=speaker, claim_vector=vector
        )
        if joint.label == "supported":
            return None
    return owner, verdict


def _nearest_source_sentences(
    derived: PreparedArticle, i: int, combined: CombinedSources
) -> list[Evidence]:
    """What the sources say around the place of an unsupported sentence: the source sentence
    that the closest supported neighbour restates."""
    for offset in (-1, 1, -2, 2):
        k = i + offset
        if not 0 <= k < len(derived.texts):
            continue
        near = combined.index
        ranked = [
            j
            for j, f in enumerate(near.feats)
            if len(f.word_set & derived.feats[k].word_set)
            >= max(2, len(derived.feats[k].word_set) // 2)
        ]
        if ranked:
            return [Evidence(combined.owners[ranked[0]], near.sentences[ranked[0]])]
    return []


def _sentence_index(article: PreparedArticle, i: int) -> int:
    sentences = article.article.sentences
    return sentences[i].index if i < len(sentences) else i


def _figure_owner(article: PreparedArticle, sentence: int) -> str | None:
    for quantity in article.article.quantities:
        if quantity.sentence == sentence and quantity.attributed_to:
            return quantity.attributed_to
    return article.speakers[sentence] if sentence < len(article.speakers) else None


def conflict_flags(
    a: PreparedArticle,
    b: PreparedArticle,
    pairs: Sequence[SentencePair],
    checker: SupportChecker,
) -> list[Flag]:
    """Contradictions and numeric conflicts between two independent articles.

    `pairs` aligns b's sentences onto a's; only pairs judged altered can conflict. Differing
    figures stated by different people are kept apart (not a conflict).
    """
    flags: list[Flag] = []
    for pair in pairs:
        if pair.relation != "altered":
            continue
        i, j = pair.derived_sentence, pair.source_sentence
        one = SourceIndex.build([a.feats[j]], speakers=[a.speakers[j]])
        verdict = checker.check_index(one, b.feats[i], claim_speaker=b.speakers[i])
        if verdict.label != "altered":
            continue
        if verdict.reason.startswith(("number", "speaker")):
            # figures are compared by figure_conflicts, which knows what each one counts and
            # who stated it; the same words credited differently contradict no fact
            continue
        if verdict.reason.startswith("name") and pair.similarity < STRONG_ALIGNMENT:
            continue  # independent reports name people their own way
        kind: FlagKind = "contradiction"
        flags.append(
            Flag(
                article=b.article.id,
                kind=kind,
                text=b.texts[i],
                evidence=[Evidence(a.article.id, a.texts[j])],
                score=round(1.0 - verdict.score, 4),
                sentence=_sentence_index(b, i),
                reason=verdict.reason,
            )
        )
    return flags


def _different_people(x: str, y: str) -> bool:
    a, b = set(content_words(x)), set(content_words(y))
    return bool(a) and bool(b) and not (a & b)


# an aligned pair of independent sentences this similar can contradict each other on a name
STRONG_ALIGNMENT = 0.6
# words either side of a figure that say what it counts and what happened to it
CONTEXT_WINDOW = 4
# two sentences giving figures are about one thing above this word overlap or cosine
SAME_THING_DICE = 0.3
SAME_THING_COSINE = 0.75
# sentences giving one figure must share this many other content words to be about one thing
MIN_SHARED_CONTEXT = 2


def _position(article: PreparedArticle, sentence_index: int) -> int:
    for position, sentence in enumerate(article.article.sentences):
        if sentence.index == sentence_index:
            return position
    return sentence_index


def _compatible(x: Quantity, y: Quantity) -> bool:
    """Two figures that can both be true: equal, approximate and close, or a bound the other
    satisfies ('more than 6,000' and '6,500')."""
    if same_number(x.value, y.value):
        return True
    for p, q in ((x, y), (y, x)):
        if p.qualifier == "more_than" and q.value > p.value:
            return True
        if p.qualifier == "less_than" and q.value < p.value:
            return True
        if p.qualifier == "range" and p.upper is not None and p.value <= q.value <= p.upper:
            return True
    if "about" in (x.qualifier, y.qualifier):
        return abs(x.value - y.value) <= 0.1 * max(abs(x.value), abs(y.value))
    return False


def figure_conflicts(
    a: PreparedArticle, b: PreparedArticle
) -> tuple[list[Flag], list[SentencePair]]:
    """The same kind of figure, in sentences about the same thing, with incompatible values,
    not credited to different people: a numeric conflict between two independent reports.
    Returns the flags (on b) and the conflicting sentence pairs (for the claims)."""
    flags: list[Flag] = []
    pairs: list[SentencePair] = []
    seen: set[int] = set()
    for qb in b.article.quantities:
        unit = _unit_key(qb.unit)
        if not unit:
            continue
        i = _position(b, qb.sentence)
        if i in seen or i >= len(b.texts):
            continue
        for qa in a.article.quantities:
            if _unit_key(qa.unit) != unit or _compatible(qa, qb):
                continue
            j = _position(a, qa.sentence)
            if j >= len(a.texts):
                continue
            if _mentions(a, qa.sentence, qb.value) or _mentions(b, qb.sentence, qa.value):
                continue  # both figures given by one side: a change it reports ("up from")
            if not _about_the_same(a, j, b, i):
                continue
            shared = _context(a.texts[j], qa) & _context(b.texts[i], qb)
            if len(shared) < MIN_SHARED_CONTEXT:
                continue
            if (
                qa.attributed_to
                and qb.attributed_to
                and _different_people(qa.attributed_to, qb.attributed_to)
            ):
                continue
            seen.add(i)
            flags.append(
                Flag(
                    article=b.article.id,
                    kind="numeric_conflict",
                    text=b.texts[i],
                    evidence=[Evidence(a.article.id, a.texts[j])],
                    score=round(min(1.0, len(shared) / 4), 4),
                    sentence=_sentence_index(b, i),
                    reason=f"{qa.span or qa.value} vs {qb.span or qb.value}",
                )
            )
            pairs.append(
                SentencePair(a.article.id, j, b.article.id, i, similarity=0.0, relation="altered")
            )
            break
    return flags, pairs


def _about_the_same(a: PreparedArticle, j: int, b: PreparedArticle, i: int) -> bool:
    """Two sentences about one thing: enough shared words, or close in meaning."""
    if dice(a.feats[j], b.feats[i]) >= SAME_THING_DICE:
        return True
    if a.vectors is not None and b.vectors is not None:
        return float(a.vectors[j] @ b.vectors[i]) >= SAME_THING_COSINE
    return False


def _mentions(article: PreparedArticle, sentence: int, value: float) -> bool:
    return any(
        q.sentence == sentence and same_number(q.value, value) for q in article.article.quantities
    )


def _context(sentence: str, quantity: Quantity) -> set[str]:
    """Content words near the figure (not numbers, not the unit): what happened to what."""
    words = tokens(sentence)
    anchor = tokens(quantity.span or str(quantity.value))
    unit = {stem(w) for w in tokens(quantity.unit)}
    at = next((i for i in range(len(words)) if anchor and words[i : i + len(anchor)] == anchor), -1)
    if at < 0:
        return set()
    near = words[max(0, at - CONTEXT_WINDOW) : at + len(anchor) + CONTEXT_WINDOW]
    return {
        stem(w)
        for w in near
        if w not in STOPWORDS
        and w not in _QUALIFIERS
        and not w[:1].isdigit()
        and stem(w) not in unit
        and len(w) > 2
    }


_QUALIFIERS = frozenset(
    [
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "fewer",
        "less",
        "least",
        "most",
        "up",
        "estimated",
    ]
)


def _unit_key(unit: str) -> str:
    words = unit.lower().split()
    return stem(words[-1]) if words else ""
