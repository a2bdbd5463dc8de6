"""Events inside developing stories, ECB+ test topics 36-45 (real reports).

Each ECB+ topic is read as one developing story whose two sub-topics are its gold developments
(e.g. two earthquakes, two shootings of one series). Measured: how well the incremental
clusterer tells the developments of one story apart, i.e. pairwise precision / recall / F1 of
"same event" over the pairs of articles of one gold story only (pairs across stories are the
story-level task, scored by bench/ecb_events.py). Undated input (ECB+ carries no dates), so
events rest on what happened, who and where. Baseline in the same run: TF-IDF + average-link
at the threshold tuned on train topics 1-35 (bench/ecb_events.py), restricted the same way.

Run: .venv/bin/python bench/events_in_stories.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
from copy import deepcopy
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecb_docs import TEST_TOPICS, TRAIN_TOPICS, gold_event, gold_story, load_topics
from ecb_events import average_link_tree, best_threshold, cut
from newstrace.cluster import IncrementalClusterer
from newstrace.settings import Settings
from newstrace.store import SQLiteStore


def inside_stories(pred: dict[str, str], ids: list[str]) -> tuple[float, float, float]:
    """Pairwise P / R / F1 of 'same event' over pairs of one gold story."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(ids), 2):
        if gold_story(a) != gold_story(b):
            continue
        same_pred, same_gold = pred[a] == pred[b], gold_event(a) == gold_event(b)
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    docs = load_topics(TEST_TOPICS)
    ids = [d.id for d in docs]
    train = load_topics(TRAIN_TOPICS)
    _, threshold = best_threshold(train, average_link_tree(train))
    base = inside_stories(cut(docs, average_link_tree(docs), threshold), ids)
    rows = []
    for seed in range(args.seeds):
        order = docs[:]
        random.Random(seed).shuffle(order)
        store = SQLiteStore(":memory:")
        clusterer = IncrementalClusterer(store, Settings.lexical())
        for article in order:
            store.add_article(article)
            clusterer.add(deepcopy(article))
        clusterer.stories()
        rows.append(inside_stories({a.article: a.event for a in store.assignments()}, ids))
        store.close()
    med = [statistics.median(r[i] for r in rows) for i in range(3)]
    print(
        f"machine: {platform.machine()}; data: ECB+ test topics 36-45, {len(docs)} docs, "
        f"10 stories x 2 developments; {args.seeds} shuffled orders, lexical path"
    )
    print("| system | event P / R / F1 inside stories |")
    print("|---|---|")
    print(
        f"| TF-IDF average-link, threshold {threshold:.2f} from train | {base[0]:.3f} / {base[1]:.3f} / {base[2]:.3f} |"
    )
    per = ", ".join(f"{r[2]:.3f}" for r in rows)
    print(
        f"| newstrace incremental (per order F1: {per}) | {med[0]:.3f} / {med[1]:.3f} / {med[2]:.3f} |"
    )


if __name__ == "__main__":
    main()
