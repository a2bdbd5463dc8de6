"""Flags: what a derived article invented or changed, and where independent reports disagree.

Original reporting is never flagged unsupported: an article derived from nothing is a source.
Figures that differ because different people stated them are not conflicts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newstrace.align.sentences import PreparedArticle
from newstrace.align.support import SourceIndex, SupportChecker
from newstrace.model import Evidence, Flag, SentencePair

# a sentence shorter than this (content words) is a byline or boilerplate, not a claim
MIN_CLAIM_WORDS = 4


class CombinedSources:
    """Sentences of several articles in one SourceIndex, remembering whose each one is."""

    def __init__(self, articles: Sequence[PreparedArticle]) -> None:
        self.owners: list[str] = []
        texts: list[str] = []
        speakers: list[str | None] = []
        vectors = []
        for prepared in articles:
            self.owners.extend([prepared.article.id] * len(prepared.texts))
            texts.extend(prepared.texts)
            speakers.extend(prepared.speakers)
            vectors.append(prepared.vectors)
        stacked = None
        if vectors and all(v is not None for v in vectors) and texts:
            stacked = np.vstack([v for v in vectors if v is not None]).astype(np.float32)
        self.index = SourceIndex.build(texts, speakers=speakers, vectors=stacked)


def _claim_vector(article: PreparedArticle, i: int) -> np.ndarray | None:
    return article.vectors[i] if article.vectors is not None else None


def derived_flags(
    derived: PreparedArticle,
    sources: Sequence[PreparedArticle],
    earlier: Sequence[PreparedArticle],
    checker: SupportChecker,
) -> list[Flag]:
    """Unsupported and altered sentences of `derived` against its sources.

    A sentence any one source supports is supported. A sentence none of its sources supports
    is still not flagged when an earlier article of the story (`earlier`) supports it: the
    writer may have taken it from there.
    """
    if not sources:
        return []
    combined = CombinedSources(sources)
    singles = [CombinedSources([s]) for s in sources] if len(sources) > 1 else [combined]
    others = CombinedSources(earlier) if earlier else None
    flags: list[Flag] = []
    for i, text in enumerate(derived.texts):
        if len(derived.feats[i].words) < MIN_CLAIM_WORDS:
            continue
        vector = _claim_vector(derived, i)
        speaker = derived.speakers[i]
        verdicts = [
            (
                single,
                checker.check_index(single.index, text, claim_speaker=speaker, claim_vector=vector),
            )
            for single in singles
        ]
        if any(v.label == "supported" for _, v in verdicts):
            continue
        altered = [(c, v) for c, v in verdicts if v.label == "altered"]
        owner, verdict = max(altered or verdicts, key=lambda cv: (cv[1].coverage, cv[1].score))
        if verdict.label == "unsupported" and len(singles) > 1:
            joint = checker.check_index(
                combined.index, text, claim_speaker=speaker, claim_vector=vector
            )
            if joint.label == "supported":
                continue
        evidence = []
        if verdict.evidence is not None and verdict.evidence_index >= 0:
            evidence.append(Evidence(owner.owners[verdict.evidence_index], verdict.evidence))
        if not evidence:
            evidence.extend(_nearest_source_sentences(derived, i, combined))
        if verdict.label == "unsupported" and others is not None:
            elsewhere = checker.check_index(
                others.index, text, claim_speaker=speaker, claim_vector=vector
            )
            if elsewhere.label == "supported":
                continue
        flags.append(
            Flag(
                article=derived.article.id,
                kind="altered" if verdict.label == "altered" else "unsupported",
                text=text,
                evidence=evidence,
                score=round(1.0 - verdict.score, 4),
                sentence=_sentence_index(derived, i),
                reason=verdict.reason,
            )
        )
    return flags


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
        one = SourceIndex.build([a.texts[j]], speakers=[a.speakers[j]])
        verdict = checker.check_index(one, b.texts[i], claim_speaker=b.speakers[i])
        if verdict.label != "altered":
            continue
        if verdict.reason.startswith("number"):
            owner_a, owner_b = _figure_owner(a, j), _figure_owner(b, i)
            if owner_a and owner_b and _different_people(owner_a, owner_b):
                continue
            kind = "numeric_conflict"
        elif verdict.reason.startswith("speaker"):
            continue  # the same words, credited differently: not a contradiction of fact
        else:
            kind = "contradiction"
        flags.append(
            Flag(
                article=b.article.id,
                kind=kind,  # type: ignore[arg-type]
                text=b.texts[i],
                evidence=[Evidence(a.article.id, a.texts[j])],
                score=round(1.0 - verdict.score, 4),
                sentence=_sentence_index(b, i),
                reason=verdict.reason,
            )
        )
    return flags


def _different_people(x: str, y: str) -> bool:
    a, b = set(x.lower().split()), set(y.lower().split())
    return not (a & b)
