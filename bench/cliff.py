"""CLIFF (from AggreFact): consistent vs not, and whether the span we blame is the marked one.

Threshold chosen on CLIFF's `val` cut (balanced accuracy), reported on its `test` cut; the
coverage baseline is measured in the same run. Span: for an inconsistent summary with a marked
span, the first word we blame (SupportChecker.blame) lies inside a marked span ("top-1"), or
any blamed word does ("any").
Run: .venv/bin/python bench/cliff.py
"""

from __future__ import annotations

import ast
import csv
import os
import platform
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import balanced_accuracy_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
CLIFF = ROOT.parent / "shared" / "datasets" / "aggrefact_parts" / "CLIFF_error_types.csv"

from frank import best_threshold, coverage_baseline  # noqa: E402
from newstrace.align import SupportChecker  # noqa: E402
from newstrace.analyze.words import content_words  # noqa: E402
from newstrace.settings import Settings  # noqa: E402


def main() -> None:
    rows = list(csv.DictReader(CLIFF.open(encoding="utf-8")))
    checker = SupportChecker(Settings.lexical())
    machine = f"{platform.machine()} {len(os.sched_getaffinity(0))}-core, no GPU"
    labels = {
        cut: np.array([r["error_type"] == "correct" for r in rows if r["cut"] == cut])
        for cut in ("val", "test")
    }
    print(
        "| machine | data | system | threshold (val) | balanced acc (test) | ROC-AUC (test) | span top-1 / any (test) |"
    )
    print("|---|---|---|---|---|---|---|")
    for system, fn in (
        ("coverage baseline", coverage_baseline),
        ("newstrace SupportChecker", checker.score),
    ):
        scores = {
            cut: np.array([fn(r["doc"], r["summ"]) for r in rows if r["cut"] == cut])
            for cut in ("val", "test")
        }
        t = best_threshold(scores["val"], labels["val"])
        bacc = balanced_accuracy_score(labels["test"], scores["test"] >= t)
        auc = roc_auc_score(labels["test"], scores["test"])
        span = "-"
        if system.startswith("newstrace"):
            top1 = anyhit = n = 0
            for r in rows:
                if r["cut"] != "test" or r["error_type"] == "correct":
                    continue
                marked = ast.literal_eval(r["annotated_span"] or "[]")
                marked_words = {w for m in marked for w in content_words(m)}
                if not marked_words:
                    continue
                n += 1
                blamed = [set(content_words(b)) for b in checker.blame(r["doc"], r["summ"])]
                top1 += bool(blamed and blamed[0] & marked_words)
                anyhit += any(b & marked_words for b in blamed)
            span = f"{top1 / n:.3f} / {anyhit / n:.3f} (n={n})"
        print(
            f"| {machine} | CLIFF test ({len(labels['test'])}) | {system} | {t:.3f} | {bacc:.3f} | {auc:.3f} | {span} |"
        )


if __name__ == "__main__":
    main()
