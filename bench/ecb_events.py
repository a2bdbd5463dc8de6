"""ECB+ test topics 36-45: incremental events and stories vs gold, Barhom et al. and a baseline.

Run from the repo root: `.venv/bin/python bench/ecb_events.py [--seeds 5] [--no-neural]`.
Docs are fed one at a time in shuffled orders (fixed seeds) through a real SQLite store; no
cluster count is given. Gold event = topic x sub-topic, gold story = topic. Parameters were
tuned on topics 1-35 only; the baseline's threshold too (its best test threshold is also shown).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from copy import deepcopy
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecb_docs import (
    ECB_DIR,
    TEST_TOPICS,
    TRAIN_TOPICS,
    ari,
    gold_event,
    gold_story,
    load_topics,
    pairwise_f1,
)
from newstrace.cluster import IncrementalClusterer, recluster
from newstrace.model import Article
from newstrace.settings import Settings
from newstrace.store import SQLiteStore

MACHINE = f"{platform.machine()} {__import__('os').cpu_count()}-core, no GPU"


def partitions(store: SQLiteStore) -> tuple[dict[str, str], dict[str, str]]:
    assignments = store.assignments()
    return {a.article: a.event for a in assignments}, {a.article: a.story for a in assignments}


def scores(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    return pairwise_f1(pred, gold)[2], ari(pred, gold)


def run_incremental(
    docs: list[Article], seed: int, settings: Settings, workdir: Path
) -> dict[str, float]:
    order = docs[:]
    random.Random(seed).shuffle(order)
    store = SQLiteStore(workdir / f"ecb-{settings.embedder}-{seed}.db")
    clusterer = IncrementalClusterer(store, settings)
    started = time.perf_counter()
    for article in order:
        store.add_article(article)
        clusterer.add(deepcopy(article))
    clusterer.stories()
    seconds = time.perf_counter() - started
    events, stories = partitions(store)
    gold_e = {d.id: gold_event(d.id) for d in docs}
    gold_s = {d.id: gold_story(d.id) for d in docs}
    ev_f1, ev_ari = scores(events, gold_e)
    st_f1, st_ari = scores(stories, gold_s)
    started = time.perf_counter()
    recluster(store, settings)
    rebuild_seconds = time.perf_counter() - started
    re_events, _ = partitions(store)
    re_f1, re_ari = scores(re_events, gold_e)
    store.close()
    return {
        "event_f1": ev_f1,
        "event_ari": ev_ari,
        "story_f1": st_f1,
        "story_ari": st_ari,
        "docs_per_s": len(docs) / seconds,
        "recluster_f1": re_f1,
        "recluster_ari": re_ari,
        "recluster_gap": abs(re_f1 - ev_f1),
        "recluster_s": rebuild_seconds,
        "n_events": len(set(events.values())),
        "n_stories": len(set(stories.values())),
    }


def barhom_row(docs: list[Article]) -> tuple[float, float]:
    clusters = json.loads((ECB_DIR / "barhom2019_predicted_test_doc_clusters.json").read_text())
    pred = {doc: f"c{i}" for i, cluster in enumerate(clusters) for doc in cluster}
    gold = {d.id: gold_event(d.id) for d in docs}
    pred = {d: pred.get(d, f"single-{d}") for d in gold}
    return scores(pred, gold)


def average_link_tree(docs: list[Article]) -> np.ndarray:
    """The average-link (cosine) tree of the docs' TF-IDF vectors (fitted on these docs)."""
    from scipy.cluster.hierarchy import linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [d.text for d in docs]
    )
    return np.asarray(linkage(matrix.toarray(), method="average", metric="cosine"))


def cut(docs: list[Article], tree: np.ndarray, threshold: float) -> dict[str, str]:
    from scipy.cluster.hierarchy import fcluster

    labels = fcluster(tree, threshold, criterion="distance")
    return {d.id: str(label) for d, label in zip(docs, labels, strict=True)}


def best_threshold(docs: list[Article], tree: np.ndarray) -> tuple[float, float]:
    gold = {d.id: gold_event(d.id) for d in docs}
    results = [
        (pairwise_f1(cut(docs, tree, t), gold)[2], float(t)) for t in np.arange(0.50, 1.0, 0.01)
    ]
    return max(results)


def analyse(docs: list[Article]) -> tuple[list[Article], str, float]:
    from newstrace.analyze import Analyzer

    analyzer = Analyzer(Settings())
    copies = [deepcopy(d) for d in docs]
    started = time.perf_counter()
    for start in range(0, len(copies), 32):
        analyzer.analyze(copies[start : start + 32])
    return copies, analyzer.name, len(copies) / (time.perf_counter() - started)


def median(rows: list[dict[str, float]], key: str) -> float:
    return float(statistics.median(r[key] for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--no-neural", action="store_true", help="lexical path only")
    args = parser.parse_args()
    docs = load_topics(TEST_TOPICS)
    train = load_topics(TRAIN_TOPICS)
    print(f"machine: {MACHINE}; data: ECB+ test topics 36-45, {len(docs)} docs, 20 gold events")

    bf1, bari = barhom_row(docs)
    train_f1, train_t = best_threshold(train, average_link_tree(train))
    gold = {d.id: gold_event(d.id) for d in docs}
    tree = average_link_tree(docs)
    base_f1, base_ari = scores(cut(docs, tree, train_t), gold)
    oracle_f1, oracle_t = best_threshold(docs, tree)
    oracle_ari = ari(cut(docs, tree, oracle_t), gold)

    header = (
        "| system | orders | event F1 | event ARI | story F1 | story ARI | docs/s "
        "| recluster F1 (gap) |"
    )
    print(header)
    print("|" + "---|" * 8)
    print(
        f"| Barhom et al. 2019 doc clusters (released file) | - | {bf1:.3f} | {bari:.3f} | - | - | - | - |"
    )
    print(
        f"| TF-IDF + average-link, threshold {train_t:.2f} tuned on train (train F1 {train_f1:.3f}) "
        f"| - | {base_f1:.3f} | {base_ari:.3f} | - | - | - | - |"
    )
    print(
        f"| TF-IDF + average-link, best test threshold {oracle_t:.2f} (oracle) | - "
        f"| {oracle_f1:.3f} | {oracle_ari:.3f} | - | - | - | - |"
    )
    paths: list[tuple[str, list[Article], Settings]] = [("lexical", docs, Settings.lexical())]
    if not args.no_neural:
        analysed, name, speed = analyse(docs)
        print(f"(analysis {name}: {speed:.1f} docs/s, not included in the clustering speed)")
        paths.append((name, analysed, Settings()))
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus, settings in paths:
            rows = [run_incremental(corpus, s, settings, Path(tmp)) for s in range(args.seeds)]
            f1s = ", ".join(f"{r['event_f1']:.3f}" for r in rows)
            print(
                f"| newstrace incremental ({name}); per order F1: {f1s} | {args.seeds} "
                f"| {median(rows, 'event_f1'):.3f} | {median(rows, 'event_ari'):.3f} "
                f"| {median(rows, 'story_f1'):.3f} | {median(rows, 'story_ari'):.3f} "
                f"| {median(rows, 'docs_per_s'):.0f} "
                f"| {median(rows, 'recluster_f1'):.3f} (max gap {max(r['recluster_gap'] for r in rows):.3f}) |"
            )
    print(
        "medians over shuffled arrival orders (seeds 0..n-1); recluster = newstrace.cluster.recluster"
    )


if __name__ == "__main__":
    main()
