"""How alike an article and a cluster (or two clusters) are: one score in [0, 1].

A weighted mean of lexical cosine (TF-IDF), dense cosine (article vectors, when both sides
have them) and entity overlap, then a time penalty: the same topic days apart stays one story
but not one event. Weights and thresholds were tuned on ECB+ topics 1-35 (bench/ecb_events.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from newstrace.cluster.features import ArticleFeatures
from newstrace.cluster.state import ClusterState
from newstrace.index.tfidf import SparseVector
from newstrace.model import Vector

BLOCKED = -1.0


@dataclass
class ClusterParams:
    """Weights and thresholds of the clusterer (defaults tuned on ECB+ train topics)."""

    weight_tfidf: float = 0.5
    weight_dense: float = 0.3
    weight_entities: float = 0.2
    event_threshold: float = 0.30  # join an event at or above this score
    story_threshold: float = 0.18  # found an event inside a story at or above this score
    merge_threshold: float = 0.40  # merge two events of one story at or above this score
    duplicate_jaccard: float = 0.6  # a near-copy joins its original's event outright
    event_max_gap_days: float = 4.0  # an event does not span longer gaps than this
    event_gap_penalty: float = 0.03  # score lost per day beyond the first
    story_max_gap_days: float = 45.0  # a story goes dormant after this many quiet days
    candidates: int = 24  # clusters scored per article
    active_days: float = 45.0  # events idle longer than this leave memory
    active_articles: int = 50_000  # ... as do events idle for this many arrivals (undated streams)


def entity_overlap(entities: frozenset[str], cluster: Counter[str], size: int) -> float:
    """Share of the article's names that are frequent in the cluster, in [0, 1]."""
    if not entities or not cluster or size <= 0:
        return 0.0
    hits = sum(min(1.0, 2.0 * cluster[e] / size) for e in entities if e in cluster)
    frequent = sum(1 for c in cluster.values() if 2.0 * c >= size)
    denominator = max(1, min(len(entities), max(frequent, 1)))
    return min(1.0, hits / denominator)


def day_gap(day: float | None, first: float | None, last: float | None) -> float:
    """Days between a date and a span; 0 when either is unknown or the date is inside."""
    if day is None or first is None or last is None:
        return 0.0
    if day < first:
        return first - day
    if day > last:
        return day - last
    return 0.0


def _dense_cos(a: Vector | None, b: Vector | None) -> float | None:
    if a is None or b is None or a.shape != b.shape:
        return None
    return float(np.dot(a, b))


def combine(params: ClusterParams, lexical: float, dense: float | None, entities: float) -> float:
    """Weighted mean of the available signals."""
    total = params.weight_tfidf * lexical + params.weight_entities * entities
    weight = params.weight_tfidf + params.weight_entities
    if dense is not None:
        total += params.weight_dense * max(dense, 0.0)
        weight += params.weight_dense
    return total / weight if weight else 0.0


def article_score(
    params: ClusterParams,
    features: ArticleFeatures,
    cluster: ClusterState,
    centroid: SparseVector,
    dense_centroid: Vector | None,
    max_gap: float,
) -> float:
    """Similarity of an article to an event or story, time-penalised; BLOCKED beyond max_gap."""
    gap = day_gap(features.day, cluster.first_day, cluster.last_day)
    if gap > max_gap:
        return BLOCKED
    score = combine(
        params,
        features.tfidf.dot(centroid),
        _dense_cos(features.dense, dense_centroid),
        entity_overlap(features.entities, cluster.entities, cluster.size),
    )
    return score - params.event_gap_penalty * max(0.0, gap - 1.0)


def cluster_score(params: ClusterParams, a: ClusterState, b: ClusterState, max_gap: float) -> float:
    """Similarity of two clusters (for local merges); BLOCKED when their spans are too far apart."""
    if a.first_day is not None and b.first_day is not None:
        gap = max(
            day_gap(b.first_day, a.first_day, a.last_day),
            0.0,
        )
        gap = min(gap, day_gap(b.last_day, a.first_day, a.last_day))
        if gap > max_gap:
            return BLOCKED
    frequent_a = frozenset(e for e, c in a.entities.items() if 2 * c >= a.size)
    ent_ab = entity_overlap(frequent_a, b.entities, b.size)
    frequent_b = frozenset(e for e, c in b.entities.items() if 2 * c >= b.size)
    ent_ba = entity_overlap(frequent_b, a.entities, a.size)
    return combine(
        params,
        a.centroid().dot(b.centroid()),
        _dense_cos(a.dense_centroid(), b.dense_centroid()),
        0.5 * (ent_ab + ent_ba),
    )
