"""FRANK: does `score-support` tell consistent summaries from unfaithful ones?

Threshold chosen on the validation split (balanced accuracy), reported on test, with the
plain word-coverage baseline measured in the same run.
Run: .venv/bin/python bench/frank.py
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import balanced_accuracy_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FRANK = ROOT.parent / "shared" / "datasets" / "frank"

from newstrace.align import SupportChecker  # noqa: E402
from newstrace.analyze.words import content_words  # noqa: E402
from newstrace.settings import Settings  # noqa: E402


def load() -> dict[str, list[dict[str, str]]]:
    test = set((FRANK / "test_split.txt").read_text().split())
    val = set((FRANK / "validation_split.txt").read_text().split())
    splits: dict[str, list[dict[str, str]]] = {"validation": [], "test": []}
    with (FRANK / "frank_reconstructed.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            if row["hash"] in test:
                splits["test"].append(row)
            elif row["hash"] in val:
                splits["validation"].append(row)
    return splits


def coverage_baseline(article: str, summary: str) -> float:
    """Share of the summary's content words that occur in the article."""
    words = content_words(summary)
    doc = set(content_words(article))
    return sum(w in doc for w in words) / max(1, len(words))


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    candidates = np.unique(scores)
    accs = [balanced_accuracy_score(labels, scores >= t) for t in candidates]
    return float(candidates[int(np.argmax(accs))])


def main() -> None:
    splits = load()
    checker = SupportChecker(Settings.lexical())
    systems = {"coverage baseline": coverage_baseline, "newstrace SupportChecker": checker.score}
    rows = []
    for name, fn in systems.items():
        results = {}
        per_pair: list[float] = []
        for split, data in splits.items():
            scores = []
            for row in data:
                t0 = time.perf_counter()
                scores.append(fn(row["article"], row["summary"]))
                per_pair.append(time.perf_counter() - t0)
            labels = np.array([float(r["Factuality"]) == 1.0 for r in data])
            results[split] = (np.array(scores), labels)
        threshold = best_threshold(*results["validation"])
        s, y = results["test"]
        bacc = balanced_accuracy_score(y, s >= threshold)
        auc = roc_auc_score(y, s)
        pairs_per_s = 1.0 / statistics.median(per_pair)
        rows.append((name, len(y), threshold, bacc, auc, pairs_per_s))
    machine = f"{platform.machine()} {len(__import__('os').sched_getaffinity(0))}-core, no GPU"
    print(
        "| machine | data | system | threshold (val) | balanced acc (test) | ROC-AUC (test) | pairs/s (median) |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, n, t, bacc, auc, speed in rows:
        print(
            f"| {machine} | FRANK test ({n}) | {name} | {t:.3f} | {bacc:.3f} | {auc:.3f} | {speed:.0f} |"
        )


if __name__ == "__main__":
    main()
