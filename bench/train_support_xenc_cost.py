"""What the trained support reader costs on real stories: how often the verdict doubts, and the
time and flags of the full pipeline with the reader and without it, same process, same data.

The checker asks the reader (align/cross_encoder.py, two int8 MiniLM passes a pair) only where
the plain fitted verdict gives support below READER_DOUBT and a "minilm+xenc" verdict is shipped
(align/verdict.json). Every check that reaches the verdict is counted (alignment, pairwise
comparison and flags all ask it), and the reads of the reader.

Data: the 210 ECB+ test articles (topics 36-45; real reports, several per event: the stories
the clustering finds), read from ../shared/datasets, never copied. Full path (spaCy + MiniLM).
Each run stores the articles in a fresh SQLite store and runs the pipeline's stages (analysis
once: both runs read the same analysed articles); "without" hides the reader's verdict.

    nice -n 10 .venv/bin/python bench/train_support_xenc_cost.py [--limit N]
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import newstrace.align.support as support_mod  # noqa: E402
from newstrace.align.fitted import shipped_verdict  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.pipeline import Pipeline  # noqa: E402
from newstrace.settings import Settings  # noqa: E402
from newstrace.store import SQLiteStore  # noqa: E402
from real_speed import ecb_test  # noqa: E402

READER_KEY = "minilm+xenc"


class Counts:
    """Verdicts asked, verdicts in doubt, reader reads (patched in, counted per run)."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        checker = support_mod.SupportChecker
        self._verdict, self._reader = checker.verdict, checker.reader_score
        counts = self.c

        def verdict(self: Any, m: Any, index: Any) -> Any:
            base = shipped_verdict("minilm")
            if index.vectors is not None and base is not None:
                counts["verdicts"] += 1
                if base.probabilities(m.values)["supported"] < support_mod.READER_DOUBT:
                    counts["in doubt"] += 1
            return counts_verdict(self, m, index)

        def reader_score(self: Any, m: Any) -> Any:
            fresh = "xenc" not in m.values
            score = counts_reader(self, m)
            if score is not None and fresh:
                counts["reader reads"] += 1
            return score

        counts_verdict, counts_reader = self._verdict, self._reader
        checker.verdict = verdict  # type: ignore[method-assign]
        checker.reader_score = reader_score  # type: ignore[method-assign]


def run(articles: list[Any], settings: Settings, reader: bool, counts: Counts) -> dict[str, Any]:
    """The pipeline's clustering and provenance over analysed `articles`; flags by label."""
    original = support_mod.shipped_verdict
    if not reader:
        support_mod.shipped_verdict = (  # type: ignore[assignment]
            lambda family: None if family == READER_KEY else original(family)
        )
    counts.c.clear()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = SQLiteStore(Path(tmp) / "bench.db")
            pipe = Pipeline(store, settings, analyzer=Analyzer(settings))
            for article in articles:
                store.add_article(copy.deepcopy(article))
            assert pipe.analyze_pending() == 0  # analysed once, before: stored with the layers
            t0, c0 = time.perf_counter(), time.process_time()
            pipe.cluster_pending()
            pipe.update_dirty_stories()
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            dossier = pipe.dossier()
            store.close()
    finally:
        support_mod.shipped_verdict = original  # type: ignore[assignment]
    flags = Counter(f["kind"] for f in dossier["flags"])
    derivations = len(dossier["derivations"])
    return {
        "seconds": seconds,
        "cpu": cpu,
        "counts": dict(counts.c),
        "flags": dict(flags),
        "derivations": derivations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    settings = Settings()
    settings.progress = False
    articles = ecb_test()
    if args.limit:
        articles = articles[: args.limit]
    analyzer = Analyzer(settings)
    t0 = time.perf_counter()
    analyzer.analyze(articles)
    analysis = time.perf_counter() - t0
    counts = Counts()
    results: dict[str, list[dict[str, Any]]] = {"without the reader": [], "with the reader": []}
    for _ in range(args.repeats):  # alternate, so that load changes hit both
        for name in results:
            results[name].append(run(articles, settings, name == "with the reader", counts))
    load = os.getloadavg()
    print(
        f"machine: {platform.machine()} {len(os.sched_getaffinity(0))} cores, no GPU, shared "
        f"(load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end: speeds under load); "
        f"data: ECB+ test, {len(articles)} articles (analysis once, {analysis:.0f} s); full "
        f"path; reader verdict shipped: {shipped_verdict(READER_KEY) is not None}"
    )
    print()
    print(
        "| run | clustering + provenance s (median) | CPU s | verdicts | in doubt | reader reads "
        "| derivations | flags |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, runs in results.items():
        runs.sort(key=lambda r: r["seconds"])
        r = runs[len(runs) // 2]
        c = r["counts"]
        doubt = c.get("in doubt", 0) / max(1, c.get("verdicts", 0))
        print(
            f"| {name} | {r['seconds']:.1f} | {r['cpu']:.1f} | {c.get('verdicts', 0)} | "
            f"{c.get('in doubt', 0)} ({doubt:.1%}) | {c.get('reader reads', 0)} | "
            f"{r['derivations']} | {dict(sorted(r['flags'].items()))} |"
        )


if __name__ == "__main__":
    main()
