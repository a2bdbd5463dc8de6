"""Which of two related articles is the source? Evidence first, and said; undetermined when
the evidence is balanced.

In order: one cites the other's outlet; publication times; then the text alone, weighed by the
fitted direction model (pair_features.direction_features: which one restates more of the other,
whose own sentences carry the specific details, rewrite hedges, credit lines, a copy cut short).
"The fuller text is the derived one" is not assumed: LLM rewrites mostly condense. When the
model is not sure either way the derivation says "undetermined" instead of guessing.
(A shared headline was tried as evidence and dropped: it picked the right direction 5 in 9.)
"""

from __future__ import annotations

from dataclasses import dataclass

from dateutil import parser as dateparser

from newstrace.align.fitted import shipped
from newstrace.align.meaning import Matching, vector_family
from newstrace.align.sentences import PreparedArticle
from newstrace.model import Article
from newstrace.provenance.derivation import PairEvidence
from newstrace.provenance.pair_features import direction_features

# the text-only direction is decided when the model's probability is this far from even
DIRECTION_MARGIN = 0.2
# articles sharing this share of their word 5-grams copy each other's sentences word for word:
# then the shorter one is a cut copy only when it stops where the other goes on (the tail),
# otherwise a paper may have wrapped wire paragraphs in its own reporting, and length and
# coverage say nothing about which came first
VERBATIM_SHARE = 0.5


@dataclass
class Direction:
    source: str
    derived: str
    evidence: str
    decided: bool = True


def timestamp(article: Article) -> float | None:
    if not article.published:
        return None
    try:
        return float(dateparser.isoparse(article.published).timestamp())
    except (ValueError, OverflowError):
        try:
            return float(dateparser.parse(article.published).timestamp())
        except (ValueError, OverflowError):
            return None


def _cites(citing: Article, cited: Article) -> bool:
    if not cited.outlet:
        return False
    outlet = cited.outlet.lower()
    return any(outlet == c.lower() or outlet in c.lower() for c in citing.cited_sources)


# a copy cut from the bottom has at most this many sentences after its last restated one
TRIMMED_TAIL = 1
# matches past a long gap standing sparser than this are strays, not the shared stretch
STRAY_DENSITY = 0.5
# a run of this many unaligned sentences is a cut, and an alignment after it is a stray match
LONG_GAP = 3


def _stretch(ordered: list[int]) -> list[int]:
    """The aligned positions without the stray matches past the shared stretch: after the
    last long gap, matches standing sparser than one in two positions are strays."""
    while True:
        gaps = [k for k in range(1, len(ordered)) if ordered[k] - ordered[k - 1] > LONG_GAP]
        if not gaps:
            return ordered
        k = gaps[-1]
        if len(ordered) - k >= STRAY_DENSITY * (ordered[-1] - ordered[k - 1]):
            return ordered
        ordered = ordered[:k]


def _unmatched(aligned: set[int], n: int, ignored: frozenset[int] = frozenset()) -> tuple[int, int]:
    """(sentences missing inside the aligned stretch, sentences missing after it).

    An aligned sentence that stands alone after a long unaligned run is a stray match (a
    sentence that happens to resemble one of the other article's), not the end of the stretch.
    `ignored` sentences (too short to align) count neither way.
    """
    if not aligned:
        return 0, n - len(ignored)
    ordered = _stretch(sorted(aligned))
    last = ordered[-1]
    inside = sum(1 for i in range(ordered[0], last) if i not in aligned and i not in ignored)
    tail = sum(1 for i in range(last + 1, n) if i not in ignored)
    return inside, tail


# a sentence copied word for word: this share of its words (Dice) in one sentence of the other
COPIED_DICE = 0.8


def _copied(matching: Matching) -> tuple[set[int], set[int]]:
    """The sentences of each article that stand word for word in the other."""
    lexical = matching.lexical
    if lexical.size == 0:
        return set(), set()
    in_a = {int(j) for j in range(lexical.shape[1]) if lexical[:, j].max() >= COPIED_DICE}
    in_b = {int(i) for i in range(lexical.shape[0]) if lexical[i].max() >= COPIED_DICE}
    return in_a, in_b


def _edit_evidence(evidence: PairEvidence) -> tuple[int, int]:
    """How strongly the edits point at b (first) or at a (second) being the derived one.

    Sentences inside the shared stretch that the other lacks are additions; an article that
    restates the other's opening but stops early is a copy trimmed from the bottom (syndicated
    copies are cut from the end).
    """
    a_inside, a_tail = _unmatched(set(evidence.aligned_a), evidence.n_a, evidence.short_a)
    b_inside, b_tail = _unmatched(set(evidence.aligned_b), evidence.n_b, evidence.short_b)
    # a copy cut from the bottom ends where its restating ends; when both go on past the
    # shared stretch, each has its own ending and neither was cut
    b_derived = b_inside + (2 if a_tail >= 2 and b_tail <= TRIMMED_TAIL else 0)
    a_derived = a_inside + (2 if b_tail >= 2 and a_tail <= TRIMMED_TAIL else 0)
    return b_derived, a_derived


# what each direction measure says, in words, when it points at b as the derived one
_REASONS = {
    "restated_diff": "restates most of the other, which says more",
    "length_ratio": "is the shorter",
    "own_detail_diff": "the other's own sentences carry the specific details",
    "own_generic_diff": "its own sentences are framing and filler",
    "markers_diff": "carries a rewrite's hedges",
    "credit_diff": "carries a credit line",
    "trimmed": "is the other cut short",
}


def decide(a: PreparedArticle, b: PreparedArticle, evidence: PairEvidence) -> Direction:
    """Direction between a and b, given b aligned onto a."""
    return from_metadata(a.article, b.article) or from_text(a, b, evidence)


def from_metadata(x: Article, y: Article) -> Direction | None:
    """A citation of the other's outlet, then publication times; None when neither decides
    (then the text does, and only then is its evidence worth computing)."""
    if _cites(y, x) and not _cites(x, y):
        return Direction(x.id, y.id, f"cites {x.outlet}")
    if _cites(x, y) and not _cites(y, x):
        return Direction(y.id, x.id, f"cites {y.outlet}")
    tx, ty = timestamp(x), timestamp(y)
    if tx is not None and ty is not None and tx != ty:
        return (
            Direction(x.id, y.id, "published earlier")
            if tx < ty
            else Direction(y.id, x.id, "published earlier")
        )
    return None


def from_text(a: PreparedArticle, b: PreparedArticle, evidence: PairEvidence) -> Direction:
    """The text-only direction: the fitted model over the direction measures."""
    matching = evidence.matching or Matching.of(a, b)
    b_derived, a_derived = _edit_evidence(evidence)
    trimmed = float(max(-3, min(3, b_derived - a_derived)))
    features = direction_features(a, b, matching, trimmed)
    try:
        model = shipped("direction", vector_family(a))
    except (OSError, KeyError):  # not fitted yet: no text-only direction
        return Direction(a.article.id, b.article.id, "undetermined: no fitted model", False)
    p = model.probability(features)  # probability that b was written from a
    source, derived = (a, b) if p >= 0.5 else (b, a)
    sign = 1.0 if p >= 0.5 else -1.0
    contributions = {
        name: sign * w * (features.get(name, 0.0) - mu) / (sd or 1.0)
        for name, mu, sd, w in zip(model.names, model.mean, model.scale, model.coef, strict=True)
    }
    top = [n for n, c in sorted(contributions.items(), key=lambda kv: -kv[1]) if c > 0.3][:2]
    why = "; ".join(_REASONS.get(n, n) for n in top) or "no single measure stands out"
    confidence = max(p, 1 - p)
    decided = abs(p - 0.5) >= DIRECTION_MARGIN
    if (
        evidence.features.get("grams_shared", 0.0) >= VERBATIM_SHARE
        and abs(trimmed) < 2
        and features["credit_diff"] == 0
    ):
        # copied word for word: a copy cut from the bottom lacks the other's tail; a paper that
        # inserts its own reporting into the copied sentences is the derived one; both
        # inserting, or nothing to tell them apart: unknown
        copied_a, copied_b = _copied(matching)
        a_inside, a_tail = _unmatched(copied_a, evidence.n_a, evidence.short_a)
        b_inside, b_tail = _unmatched(copied_b, evidence.n_b, evidence.short_b)
        if (
            a_inside == 0
            and b_inside == 0
            and min(a_tail, b_tail) <= TRIMMED_TAIL < max(a_tail, b_tail)
        ):
            source, derived = (a, b) if a_tail > b_tail else (b, a)
            decided, why = True, "is the other cut short, word for word"
        elif (a_inside == 0) != (b_inside == 0):
            source, derived = (a, b) if b_inside else (b, a)
            decided, why = True, "copies the other's sentences word for word and inserts its own"
        else:
            decided = False
            why = "both copy the same sentences word for word and each has its own"
        # decided by the copied sentences, not by the model: no model probability to show
        label = "text" if decided else "undetermined"
        subject = f"{derived.article.id} " if decided else ""
        return Direction(source.article.id, derived.article.id, f"{label}: {subject}{why}", decided)
    label = "text" if decided else "undetermined"
    return Direction(
        source.article.id,
        derived.article.id,
        f"{label}: {derived.article.id} {why} (p={confidence:.2f})"
        if decided
        else f"undetermined: {why} (p={confidence:.2f})",
        decided,
    )
