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

from newstrace.align import cross_encoder, facts
from newstrace.align.features import (
    Figure,
    SentenceFeatures,
    article_features,
    merged,
    sentence_features,
    text_features,
)
from newstrace.align.fitted import shipped_verdict
from newstrace.align.sequences import common_subsequence
from newstrace.align.support_model import SupportModel
from newstrace.analyze.words import stem, tokens
from newstrace.model import Article, Vector
from newstrace.settings import Settings

SupportLabel = Literal["supported", "altered", "unsupported"]

# coverage of the claim by its best evidence sentence above which the pair is a restatement
RESTATEMENT_COVERAGE = 0.5
# a sentence whose closest source sentences hold less than this share of its words says something new
NEW_CLAIM_COVERAGE = 0.6
# a looser restatement still shows a changed figure when both count the same unit
LOOSE_COVERAGE = 0.25
# the fitted verdict: altered when a changed fact is found and the model gives a flip this much,
# unsupported when it gives "not supported" (invented or flipped) this much; chosen on dev
VERDICT_FLIP = 0.7
VERDICT_UNSUPPORTED = 0.93
# ... and this much when nothing new is named (no new quote, name or figure), unless no source
# sentence comes near it in meaning (below this cosine, per vector family)
VERDICT_PLAIN_UNSUPPORTED = 0.95
# a reworded sentence naming someone new in place of the closest sentence's name is altered
# when the model gives support less than this
VERDICT_RENAMED = 0.5
UNRELATED_COSINE = {"minilm": 0.35, "lexical": 0.3}
# a changed figure, date or rank against a source sentence this close in meaning is a flip
# whatever the model says
RESTATED_COSINE = 0.6
COUNTABLE = ("number", "date", "rank")
# a negation added or removed counts only between sentences sharing this share of words
NEGATION_COVERAGE = 0.7
# the neural sentence vectors' width (MiniLM): other widths are the hashed lexical vectors
MINILM_DIM = 384
# the fitted verdict asks the trained reader when it gives support less than this (set, not tuned)
READER_DOUBT = 0.9
# sentence-vector cosine above which a sentence restates its evidence in other words
PARAPHRASE_COSINE = 0.6
# ... or this cosine together with a good share of the words
LOOSE_COSINE = 0.4


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
    names: frozenset[str]  # every name as written ("Los Angeles", "Calif.": facts.names_as_written)
    figures: list[Figure]
    tokens: list[str] = field(default_factory=list)
    token_positions: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        feats: Sequence[SentenceFeatures],
        speakers: Sequence[str | None] | None = None,
        vectors: Vector | None = None,
    ) -> SourceIndex:
        """The index of these sentences (their features read from the analysis layers)."""
        word_index: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(feats):
            for w in f.word_set:
                word_index[w].append(i)
        spk = list(speakers) if speakers is not None else [f.speaker for f in feats]
        all_tokens = [t for f in feats for t in tokens(f.text)]
        positions: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(all_tokens):
            positions[t].append(i)
        return cls(
            sentences=[f.text for f in feats],
            feats=list(feats),
            speakers=spk,
            vectors=vectors,
            word_index=dict(word_index),
            words=frozenset(word_index),
            bigrams=frozenset(b for f in feats for b in f.bigrams),
            name_keys=frozenset(k for f in feats for k in f.name_keys),
            names=frozenset(n for f in feats for n in facts.names_as_written(f)),
            figures=[x for f in feats for x in f.figures],
            tokens=all_tokens,
            token_positions=dict(positions),
        )


@dataclass
class ClaimMeasures:
    """Features of one claim sentence against a source, and the evidence behind them."""

    values: dict[str, float]
    best: int
    change: str
    quote_issue: str
    novel_names: list[str]
    novel_figures: list[str]
    # a change against the closest sentence by meaning, read even when few words are shared:
    # LLM rewrites restate a sentence in other words and change one fact in it
    loose_change: str = ""
    # names the claim and its evidence sentence both give
    shared_names: frozenset[str] = frozenset()
    # the closest source sentences, best first, and the claim: what the trained reader reads
    premise: str = ""
    claim: str = ""


def _title(key: str) -> str:
    return " ".join(w.capitalize() for w in key.split())


def ordered_share(claim_words: Sequence[str], evidence_words: Sequence[str]) -> float:
    """Longest common subsequence of the two word lists, as a share of the claim."""
    if not claim_words:
        return 0.0
    return common_subsequence(claim_words, evidence_words) / len(claim_words)


def _coverage(claim: SentenceFeatures, words: frozenset[str] | set[str]) -> float:
    if not claim.word_set:
        return 1.0
    return len(claim.word_set & words) / len(claim.word_set)


class SupportChecker:
    """One checker for flags and `newstrace score-support`: score(), check(), check_index()."""

    def __init__(self, settings: Settings | None = None, model: SupportModel | None = None) -> None:
        self.settings = settings or Settings()
        self.model = model or SupportModel.shipped()

    # -- public API -------------------------------------------------------------------------
    def score(self, source_text: str, claim: str) -> float:
        """Support of a (possibly multi-sentence) claim by a source text, in [0, 1]; both are
        analysed first, as ingest analyses an article (no vectors)."""
        return self._score_features(
            text_features(source_text, self.settings), text_features(claim, self.settings)
        )

    def _score_features(
        self, source: Sequence[SentenceFeatures], claims: Sequence[SentenceFeatures]
    ) -> float:
        """The support model's score over the claim's sentences (no vectors needed)."""
        index = SourceIndex.build(source)
        return self.model.predict([self.measure(index, c).values for c in claims])

    def score_analysed(self, source: Article, claim: Article) -> float:
        """Support of an analysed claim by an analysed source, in [0, 1]: the fitted verdict's
        probability of support for the claim's weakest sentence, read from the sentences,
        speakers and vectors analyze/ stored (what flags read); without vectors, the support
        model's score over the same layers."""
        source_feats, claim_feats = article_features(source), article_features(claim)
        if source.sentence_vectors is None or claim.sentence_vectors is None:
            return self._score_features(source_feats, claim_feats)
        index = SourceIndex.build(source_feats, vectors=source.sentence_vectors)
        weakest = 1.0
        for k, sentence in enumerate(claim_feats):
            m = self.measure(index, sentence, claim_vector=claim.sentence_vectors[k])
            verdict = self.verdict(m, index)
            if verdict is None:
                return self._score_features(source_feats, claim_feats)
            weakest = min(weakest, verdict[2] if verdict[0] == "supported" else verdict[2] / 2)
        return weakest

    def blame(self, source_text: str, claim: str) -> list[str]:
        """The claim's words the source does not back, most suspicious first: changed or new
        figures, names no source gives, then other words found nowhere in the source."""
        index = SourceIndex.build(text_features(source_text, self.settings))
        blamed: list[str] = []
        for sentence in text_features(claim, self.settings):
            m = self.measure(index, sentence)
            if m.change.startswith("number") and "->" in m.change:
                blamed.append(m.change.rsplit("->", 1)[1].strip())
            blamed.extend(m.novel_figures)
            blamed.extend(_title(n) for n in m.novel_names)
            words = sentence.words
            blamed.extend(w for w in words if w not in index.words and not w.isdigit())
        return list(dict.fromkeys(blamed))

    def check(
        self,
        source_sentences: Sequence[str],
        claim_sentence: str,
        *,
        claim_speaker: str | None = None,
        source_speakers: Sequence[str | None] | None = None,
    ) -> SupportCheck:
        """Best evidence among `source_sentences`, a label and a human reason (the sentences
        are analysed first, as ingest analyses an article)."""
        index = SourceIndex.build(
            sentence_features(source_sentences, self.settings), speakers=source_speakers
        )
        claim = sentence_features([claim_sentence], self.settings)[0]
        return self.check_index(index, claim, claim_speaker=claim_speaker)

    def check_index(
        self,
        index: SourceIndex,
        claim: SentenceFeatures,
        *,
        claim_speaker: str | None = None,
        claim_vector: Vector | None = None,
    ) -> SupportCheck:
        """As check(), against a prepared SourceIndex (many claims, one source)."""
        if not index.sentences:
            return SupportCheck(0.0, "unsupported", None, -1, "no source sentences")
        m = self.measure(index, claim, claim_speaker=claim_speaker, claim_vector=claim_vector)
        # the fitted verdict read sentence vectors when it was fitted: without them, the rules
        verdict = self.verdict(m, index) if claim_vector is not None else None
        label, reason, score = verdict or self._rule_verdict(m)
        return SupportCheck(
            score=score,
            label=label,
            evidence=index.sentences[m.best] if m.best >= 0 else None,
            evidence_index=m.best,
            reason=reason,
            coverage=m.values["cov_sent"],
        )

    def _rule_verdict(self, m: ClaimMeasures) -> tuple[SupportLabel, str, float]:
        """The hand-set rules over the support model's score (no sentence vectors)."""
        score = self.model.predict([m.values])
        reason = m.change
        label: SupportLabel = "supported"
        if reason:
            label = "altered"
        elif m.quote_issue and m.quote_issue.startswith("speaker"):
            label, reason = "altered", m.quote_issue
        elif m.quote_issue:
            label, reason = "unsupported", m.quote_issue
        elif m.novel_figures:
            label, reason = "unsupported", f"number {m.novel_figures[0]} not in any source"
        elif m.novel_names:
            label, reason = "unsupported", f"{_title(m.novel_names[0])} not named in any source"
        elif (
            score < self.model.threshold
            and m.values["cov_win"] < NEW_CLAIM_COVERAGE
            and m.values["cosine"] < PARAPHRASE_COSINE
            and not (m.values["cosine"] >= LOOSE_COSINE and m.values["cov_win"] >= 0.4)
        ):
            # a restatement in other words is supported; a sentence most of whose words no
            # source sentence holds says something new
            label = "unsupported"
            reason = f"only {m.values['cov_win']:.0%} of its words are in the closest sources"
        return label, reason, score

    def measure(
        self,
        index: SourceIndex,
        claim: SentenceFeatures,
        *,
        claim_speaker: str | None = None,
        claim_vector: Vector | None = None,
    ) -> ClaimMeasures:
        """The evidence sentence and every feature the support model reads."""
        ranked = self._rank(index, claim, claim_vector)
        best = ranked[0] if ranked else -1
        evidence = index.feats[best] if best >= 0 else None
        cov_sent = _coverage(claim, evidence.word_set) if evidence else 0.0
        window: set[str] = set()
        for i in ranked[:2]:
            window |= index.feats[i].word_set
        novel_names = [
            k
            for k in sorted(claim.name_keys)
            if k not in index.name_keys
            and k not in index.words
            and not all(w in index.name_keys or stem(w) in index.words for w in k.split())
            and not facts.short_form_of(k, index.names)
        ]
        novel_figures = [
            f.written
            for f in claim.figures
            if not any(facts.same_number(f.value, o.value) for o in index.figures)
        ]
        change = ""
        if evidence is not None and cov_sent >= RESTATEMENT_COVERAGE:
            change = self._change(claim, index, ranked, claim_speaker) or ""
        elif evidence is not None and claim.figures and cov_sent >= LOOSE_COVERAGE:
            # a reworded sentence that gives a new figure where its evidence gives another of
            # the same unit, and no source gives the new one with that unit
            change = facts.number_change(claim, evidence, evidence.figures, same_unit=True) or ""
            if change and facts.figure_with_unit_elsewhere(claim, index.feats):
                change = ""
        quote_issue = self._quote_check(index, claim, claim_speaker) or ""
        loose_change = change
        if not change and evidence is not None:
            loose_change = self._change(claim, index, ranked, claim_speaker) or ""
        n_words = max(1, len(claim.word_set))
        cosine = 0.0  # the closest source sentence by meaning, wherever it stands
        if claim_vector is not None and index.vectors is not None and len(index.vectors):
            cosine = float(np.max(index.vectors @ claim_vector))
        claim_tokens = tokens(claim.text)
        frags = fragments(claim_tokens, index.token_positions, index.tokens)
        n_tokens = max(1, len(claim_tokens))
        values = {
            "frag_coverage": sum(frags) / n_tokens,
            "frag_density": sum(f * f for f in frags) / n_tokens / n_tokens,
            "frag_count": len([f for f in frags if f > 1]) / n_tokens,
            "cov_sent": cov_sent,
            "cov_win": _coverage(claim, window),
            "cov_doc": _coverage(claim, index.words),
            "bigram_doc": (
                len(claim.bigrams & index.bigrams) / len(claim.bigrams)
                if claim.bigrams
                else _coverage(claim, index.words)
            ),
            "order_sent": ordered_share(claim.words, evidence.words) if evidence else 0.0,
            "novel_names": float(min(len(novel_names), 3)),
            "novel_figures": float(min(len(novel_figures), 3)),
            "novel_words": float(min(len(claim.word_set - index.words), 6)),
            "changed": 1.0 if change else 0.0,
            "quote_issue": 1.0 if quote_issue else 0.0,
            "length": math.log(n_words),
            "cosine": cosine,
        }
        values["loose_changed"] = 1.0 if loose_change else 0.0
        values["speaker_issue"] = 1.0 if quote_issue.startswith("speaker") else 0.0
        values["quoted"] = 1.0 if claim.quotes else 0.0
        values["specifics"] = float(min(len(claim.name_keys) + len(claim.figures), 6))
        shared = frozenset(
            n.lower()
            for n in claim.names
            if evidence is not None and n.lower() in evidence.name_keys
        )
        return ClaimMeasures(
            values,
            best,
            change,
            quote_issue,
            novel_names,
            novel_figures,
            loose_change,
            shared,
            premise=" ".join(index.sentences[i] for i in ranked[: cross_encoder.PREMISE]),
            claim=claim.text,
        )

    @property
    def encoder(self) -> cross_encoder.CrossEncoder | None:
        """The trained reader (align/cross_encoder.py), loaded on first use, beside the neural
        sentence vectors only (not on the lexical path); None without it or onnxruntime."""
        return None if self.settings.embedder == "lexical" else cross_encoder.shipped()

    def reader_score(self, m: ClaimMeasures) -> float | None:
        """The trained reader's probability that the claim's closest source sentences say it;
        None without the reader."""
        encoder = self.encoder
        if encoder is None or not m.premise:
            return None
        if "xenc" not in m.values:
            m.values["xenc"] = encoder.support(m.premise, m.claim)
        return m.values["xenc"]

    def verdict(
        self, m: ClaimMeasures, index: SourceIndex
    ) -> tuple[SupportLabel, str, float] | None:
        """The fitted verdict (bench/fit_verdict.py on the rewrite corpus): supported, altered
        (a fact of the closest source sentence changed) or unsupported (said by no source),
        with its reason and the probability of support; None when no model is shipped."""
        if index.vectors is None:
            return None
        neural = index.vectors.shape[1:] == (MINILM_DIM,)
        family = "minilm" if neural else "lexical"
        model = shipped_verdict(family)
        if model is None:
            return None
        p = model.probabilities(m.values)
        # in doubt, the verdict fitted with the trained reader's score decides (a cascade: the
        # reader costs two encoder passes, and most sentences are not in doubt)
        read = shipped_verdict(family + "+xenc")
        if read is not None and p["supported"] < READER_DOUBT and self.reader_score(m) is not None:
            p = read.probabilities(m.values)
        # a changed figure, date or rank in a sentence this close in meaning is a flip, even
        # reworded; a name, roles or a speaker need the sentence restated in much the same
        # words (m.change), a negation nearly the same words, and the model to agree
        loose = m.loose_change if m.loose_change.startswith(COUNTABLE) else ""
        change = m.change or loose
        if m.quote_issue.startswith("speaker"):
            change = change or m.quote_issue
        if change.startswith("negation") and m.values["cov_sent"] < NEGATION_COVERAGE:
            change = ""
        countable = change.startswith(COUNTABLE)
        restates = m.values["cosine"] >= RESTATED_COSINE
        if change and (p["flipped"] >= VERDICT_FLIP or (countable and restates)):
            return "altered", change, p["supported"]
        if (
            m.loose_change.startswith("name")
            and m.novel_names
            and m.shared_names
            and p["supported"] < VERDICT_RENAMED
        ):
            # a name no source gives, where the closest sentence gives another, in a sentence
            # that keeps the evidence's other people and that the model does not take for a
            # restatement: someone put in another's place
            return "altered", m.loose_change, p["supported"]
        if m.quote_issue and not m.quote_issue.startswith("speaker"):
            return "unsupported", m.quote_issue, p["supported"]  # words no source gives anyone
        if p["invented"] + p["flipped"] >= VERDICT_UNSUPPORTED:
            if m.quote_issue and not m.quote_issue.startswith("speaker"):
                reason = m.quote_issue
            elif m.novel_figures:
                reason = f"number {m.novel_figures[0]} not in any source"
            elif m.novel_names:
                reason = f"{_title(m.novel_names[0])} not named in any source"
            elif m.values["cosine"] < RESTATED_COSINE and (
                p["invented"] + p["flipped"] >= VERDICT_PLAIN_UNSUPPORTED
                or m.values["cosine"] < UNRELATED_COSINE[family]
            ):
                reason = "no source sentence says this"
            else:  # close in meaning to a source sentence, nothing new named: a restatement
                return "supported", "", p["supported"]
            return "unsupported", reason, p["supported"]
        return "supported", "", p["supported"]

    # -- internals --------------------------------------------------------------------------
    def _rank(
        self, index: SourceIndex, claim: SentenceFeatures, claim_vector: Vector | None
    ) -> list[int]:
        """Source sentences most likely to be the claim's evidence, best first."""
        hits: dict[int, float] = defaultdict(float)
        for w in sorted(claim.word_set):  # a fixed order: the same sums in every process
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
        return sorted(hits, key=lambda i: (-hits[i], i))[:5]  # ties: the earlier sentence

    def _change(
        self,
        claim: SentenceFeatures,
        index: SourceIndex,
        ranked: list[int],
        claim_speaker: str | None,
    ) -> str | None:
        """A fact the claim changes against the sentence it restates (ranked[0]). A claim that
        fuses two source sentences is checked against both before a change is called."""
        best = ranked[0]
        evidence = index.feats[best]
        partner = self._partner(claim, index, ranked)
        joint = evidence if partner is None else merged(evidence, index.feats[partner])
        change = facts.number_change(claim, evidence, index.figures)
        if change:
            return change
        change = facts.calendar_change(claim, evidence)
        if change:
            return change
        change = self._speaker_change(
            claim, evidence, claim_speaker or claim.speaker, index.speakers[best]
        )
        if change:  # before names: the speaker is the name that changed
            return change
        change = facts.name_change(claim, evidence, index.name_keys | index.words, joint)
        if change:
            return change
        if facts.negation_change(claim, evidence) and facts.negation_change(claim, joint):
            return facts.negation_change(claim, evidence)
        change = facts.opposite_change(claim, evidence)
        if change and facts.opposite_change(claim, joint):
            return change
        name_words = frozenset(
            w for k in claim.name_keys | evidence.name_keys | index.name_keys for w in k.split()
        )
        return facts.role_swap(claim, evidence, name_words)

    @staticmethod
    def _speaker_change(
        claim: SentenceFeatures,
        evidence: SentenceFeatures,
        claim_speaker: str | None,
        evidence_speaker: str | None,
    ) -> str | None:
        """Words credited to someone else: each speaker is named in its own sentence only
        (when a speaker's name stands in the other sentence too, the credit may have been read
        differently there: "she called Trump 'a liar'" is no words of Trump's)."""
        change = facts.speaker_change(claim_speaker, evidence_speaker)
        if not change or not claim_speaker or not evidence_speaker:
            return None
        claim_low, evidence_low = claim.text.lower(), evidence.text.lower()
        if claim_speaker.lower().split()[-1] in evidence_low:
            return None
        if evidence_speaker.lower().split()[-1] in claim_low:
            return None
        return change

    def _partner(
        self, claim: SentenceFeatures, index: SourceIndex, ranked: list[int]
    ) -> int | None:
        """A second source sentence that covers what the best one leaves out of the claim."""
        rest = claim.word_set - index.feats[ranked[0]].word_set
        best, best_gain = None, 1
        for i in ranked[1:3]:
            gain = len(rest & index.feats[i].word_set)
            if gain > best_gain:
                best, best_gain = i, gain
        return best

    def _quote_check(
        self, index: SourceIndex, claim: SentenceFeatures, claim_speaker: str | None
    ) -> str | None:
        """A quote must be found in some source, and given to the same speaker."""
        for quote in claim.quotes:
            where = facts.quote_found(quote, index.sentences)
            if where < 0:
                return "quote not in any source"
            change = self._speaker_change(
                claim,
                index.feats[where],
                claim_speaker or claim.speaker,
                index.speakers[where],
            )
            if change:
                return change
        return None


def fragments(
    claim_tokens: list[str], doc_positions: dict[str, list[int]], doc_tokens: list[str]
) -> list[int]:
    """Lengths of the extractive fragments of the claim found in the document (Grusky et al.,
    2018): greedily, the longest run of claim tokens that occurs as a run in the document."""
    lengths: list[int] = []
    i = 0
    while i < len(claim_tokens):
        best = 0
        for j in doc_positions.get(claim_tokens[i], ()):
            k = 0
            while (
                i + k < len(claim_tokens)
                and j + k < len(doc_tokens)
                and claim_tokens[i + k] == doc_tokens[j + k]
            ):
                k += 1
            best = max(best, k)
        if best:
            lengths.append(best)
            i += best
        else:
            i += 1
    return lengths
