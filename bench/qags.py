"""QAGS-CNNDM and QAGS-XSum: Spearman correlation of `score-support` with human consistency.

Baseline in the same run: the share of the summary's content words found in the document.
Run: .venv/bin/python bench/qags.py
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
QAGS = ROOT.parent / "shared" / "datasets" / "qags"

from frank import coverage_baseline  # noqa: E402
from newstrace.align import SupportChecker  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

PUBLISHED = {"cnndm": 0.739, "xsum": 0.572}  # AlignScore-large


def main() -> None:
    checker = SupportChecker(Settings.lexical())
    machine = f"{platform.machine()} {len(os.sched_getaffinity(0))}-core, no GPU"
    print(
        "| machine | data | system | Spearman | AlignScore-large (published) | pairs/s (median) |"
    )
    print("|---|---|---|---|---|---|")
    for name in ("cnndm", "xsum"):
        rows = json.loads((QAGS / f"qags_{name}.json").read_text())
        human = [float(r["consistency"]) for r in rows]
        for system, fn in (
            ("coverage baseline", coverage_baseline),
            ("newstrace SupportChecker", checker.score),
        ):
            scores, times = [], []
            for r in rows:
                t0 = time.perf_counter()
                scores.append(fn(r["document"], r["summary"]))
                times.append(time.perf_counter() - t0)
            rho = spearmanr(scores, human).statistic
            speed = 1.0 / statistics.median(times)
            print(
                f"| {machine} | QAGS-{name.upper()} ({len(rows)}) | {system} | {rho:.3f} | "
                f"{PUBLISHED[name]:.3f} | {speed:.0f} |"
            )


if __name__ == "__main__":
    main()
