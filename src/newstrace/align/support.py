"""Does a source support a claim? Alignment to the best evidence sentence, then fact checks.

No NLI model can be had offline, so support is built from what can be checked: coverage of
the claim's words, names and figures by the best-aligned source sentences and the whole
source, plus explicit mismatches (number, name, negation, roles, quote speaker).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from newstrace.align import facts
from newstrace.align.lexical import SentenceFeatures, features, same_number, split_sentences
from newstrace.model import Vector
from newstrace.settings import Settings

SupportLabel = Literal["supported", "altered", "unsupported"]

# coverage of the claim by its best evidence sentence above which the pair is a restatement
RESTATEMENT_COVERAGE = 0.5


@dataclass
class SupportCheck:
    """The verdict on one claim sentence: score in [0, 1], label, best evidence and why."""

    score: float
    label: SupportLabel
    evidence: str | None
    evidence_index: int
    reason: str
    coverage: float = 0.0


@dataclass
class SourceIndex:
    """Source sentences prepared once for many claims: features, word index, document sets."""

    sentences: list[str]
    feats: list[SentenceFeatures]
    speakers: list[str | None]
    vectors: Vector | None
    word_index: dict[str, list[int]]
    words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    name_keys: frozenset[str]
    figures: list[float]
    quotes: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        sentences: Sequence[str],
        speakers: Sequence[str | None] | None = None,
        vectors: Vector | None = None,
    ) -> SourceIndex:
        feats = [features(s) for s in sentences]
        word_index: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(feats):
            for w in f.word_set:
                word_index[w].append(i)
        spk = list(speakers) if speakers is not None else [f.speaker for f in feats]
        return cls(
            sentences=list(sentences),
            feats=feats,
            speakers=spk,
            vectors=vectors,
            word_index=dict(word_index),
            words=frozenset(word_index),
            bigrams=frozenset(b for f in feats for b in f.bigrams),
            name_keys=frozenset(k for f in feats for k in f.name_keys),
            figures=[v for f in feats for v, _ in f.figures],
        )


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _coverage(claim: SentenceFeatures, words: frozenset[str] | set[str]) -> float:
    if not claim.word_set:
        return 1.0
    return len(claim.word_set & words) / len(claim.word_set)


class SupportChecker:
    """One checker for flags and `newstrace score-support`: score(), check(), check_index()."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    # -- public API -------------------------------------------------------------------------
    def score(self, source_text: str, claim: str) -> float:
        """Support of a (possibly multi-sentence) claim by a source text, in [0, 1]."""
        index = SourceIndex.build(split_sentences(source_text))
        claim_sentences = split_sentences(claim) or [claim]
        scores = [self.check_index(index, sentence).score for sentence in claim_sentences]
        return min(scores) * 0.5 + (sum(scores) / len(scores)) * 0.5

    def check(
        self,
        source_sentences: Sequence[str],
        claim_sentence: str,
        *,
        claim_speaker: str | None = None,
        source_speakers: Sequence[str | None] | None = None,
    ) -> SupportCheck:
        """Best evidence among `source_sentences`, a label and a human reason."""
        index = SourceIndex.build(source_sentences, speakers=source_speakers)
        return self.check_index(index, claim_sentence, claim_speaker=claim_speaker)

    def check_index(
        self,
        index: SourceIndex,
        claim_sentence: str,
        *,
        claim_speaker: str | None = None,
        claim_vector: Vector | None = None,
    ) -> SupportCheck:
        """As check(), against a prepared SourceIndex (many claims, one source)."""
        claim = features(claim_sentence)
        if not index.sentences:
            return SupportCheck(0.0, "unsupported", None, -1, "no source sentences")
        ranked = self._rank(index, claim, claim_vector)
        best = ranked[0] if ranked else -1
        evidence = index.feats[best] if best >= 0 else None
        cov_sent = _coverage(claim, evidence.word_set) if evidence else 0.0
        window: set[str] = set()
        for i in ranked[:2]:
            window |= index.feats[i].word_set
        cov_win = _coverage(claim, window)
        cov_doc = _coverage(claim, index.words)
        bigram_doc = (
            len(claim.bigrams & index.bigrams) / len(claim.bigrams) if claim.bigrams else cov_doc
        )
        novel_names = [
            k for k in claim.name_keys if k not in index.name_keys and k not in index.words
        ]
        novel_figures = [
            w for v, w in claim.figures if not any(same_number(v, o) for o in index.figures)
        ]

        # explicit changes against the restated sentence
        reason = ""
        if evidence is not None and cov_sent >= RESTATEMENT_COVERAGE:
            reason = self._change(claim, evidence, index, best, claim_speaker) or ""

        quote_reason = self._quote_check(index, claim, claim_speaker)
        strength = (
            2.2 * cov_win
            + 2.0 * cov_doc
            + 1.8 * bigram_doc
            + 0.8 * cov_sent
            - 1.6 * min(len(novel_names), 2)
            - 1.4 * min(len(novel_figures), 2)
            - 4.0
        )
        if reason:
            strength -= 3.0
        if quote_reason:
            strength -= 3.0
        score = _sigmoid(2.0 * strength)

        label: SupportLabel = "supported"
        if reason:
            label = "altered"
        elif quote_reason and quote_reason.startswith("speaker"):
            label, reason = "altered", quote_reason
        elif quote_reason:
            label, reason = "unsupported", quote_reason
        elif score < 0.5:
            label = "unsupported"
            if novel_figures:
                reason = f"number {novel_figures[0]} not in any source"
            elif novel_names:
                reason = f"{novel_names[0].title()} not named in any source"
            else:
                reason = f"only {cov_doc:.0%} of its words are in the sources"
        return SupportCheck(
            score=score,
            label=label,
            evidence=index.sentences[best] if best >= 0 else None,
            evidence_index=best,
            reason=reason,
            coverage=cov_sent,
        )

    # -- internals --------------------------------------------------------------------------
    def _rank(
        self, index: SourceIndex, claim: SentenceFeatures, claim_vector: Vector | None
    ) -> list[int]:
        """Source sentences most likely to be the claim's evidence, best first."""
        hits: dict[int, float] = defaultdict(float)
        for w in claim.word_set:
            postings = index.word_index.get(w)
            if not postings:
                continue
            weight = 1.0 / math.log(2.0 + len(postings))
            for i in postings:
                hits[i] += weight
        for i in list(hits):
            f = index.feats[i]
            hits[i] += 0.5 * len(claim.bigrams & f.bigrams) / (1 + len(claim.bigrams))
        if claim_vector is not None and index.vectors is not None and len(index.vectors):
            sims = index.vectors @ claim_vector
            for i in np.argsort(-sims)[:5]:
                hits[int(i)] += float(sims[i]) * 2.0
        return sorted(hits, key=lambda i: -hits[i])[:5]

    def _change(
        self,
        claim: SentenceFeatures,
        evidence: SentenceFeatures,
        index: SourceIndex,
        best: int,
        claim_speaker: str | None,
    ) -> str | None:
        change = facts.number_change(claim, evidence, index.figures)
        if change:
            return change
        change = facts.name_change(claim, evidence, index.name_keys | index.words)
        if change:
            return change
        change = facts.negation_change(claim, evidence)
        if change:
            return change
        change = facts.role_swap(claim.text, evidence.text)
        if change:
            return change
        return facts.speaker_change(claim_speaker or claim.speaker, index.speakers[best])

    def _quote_check(
        self, index: SourceIndex, claim: SentenceFeatures, claim_speaker: str | None
    ) -> str | None:
        """A quote must be found in some source, and given to the same speaker."""
        for quote in claim.quotes:
            where = facts.quote_found(quote, index.sentences)
            if where < 0:
                return "quote not in any source"
            change = facts.speaker_change(claim_speaker or claim.speaker, index.speakers[where])
            if change:
                return change
        return None
