"""Speed: support checks per second, and a 50-article story from analysed articles to all flags.

The story: the first test stories of the derivation benchmark (real ECB+ / PolNeAR articles,
their copies and rewrites, independent reports) pooled until 50 articles. Times are medians of
3 runs of analyze_story on already analysed articles; analysis time is reported apart. The
baseline row times the 5-gram overlap detector of bench/derivation.py on the same articles.
Run: .venv/bin/python bench/provenance_speed.py [--lexical]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from derivation import baseline, load, to_articles  # noqa: E402
from newstrace.align import PreparedArticle, SupportChecker  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.provenance import analyze_story  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

STORY_SIZE = 50


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true")
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    articles = []
    for case in load("test"):
        articles.extend(to_articles(case))
        if len(articles) >= STORY_SIZE:
            break
    articles = articles[:STORY_SIZE]
    t0 = time.perf_counter()
    Analyzer(settings).analyze(articles)
    analysis_s = time.perf_counter() - t0

    # support checks: every sentence of each article against the article before it
    checker = SupportChecker(settings)
    prepared = [PreparedArticle.of(a) for a in articles]
    checks = 0
    t0 = time.perf_counter()
    for source, derived in itertools.pairwise(prepared):
        for i, claim in enumerate(derived.feats):
            vector = derived.vectors[i] if derived.vectors is not None else None
            checker.check_index(source.index, claim, claim_vector=vector)
            checks += 1
    checks_per_s = checks / (time.perf_counter() - t0)

    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        result = analyze_story(articles, [], settings)
        runs.append(time.perf_counter() - t0)
    base_runs = []  # the 5-gram overlap baseline of bench/derivation.py: links only, no flags
    for _ in range(3):
        t0 = time.perf_counter()
        base_links = baseline(articles)
        base_runs.append(time.perf_counter() - t0)
    pairs = STORY_SIZE * (STORY_SIZE - 1) // 2
    machine = f"{platform.machine()} {len(os.sched_getaffinity(0))}-core, no GPU"
    n_sentences = sum(len(p.texts) for p in prepared)
    print(
        "| machine | data | system (analysed with) | support checks/s | story: article pairs/s | 50-article story to all flags (s, median of 3) | analysis (s) |"
    )
    print("|---|---|---|---|---|---|---|")
    base = statistics.median(base_runs)
    print(
        f"| {machine} | {STORY_SIZE} articles, {n_sentences} sentences, {len(base_links)} links, "
        f"no flags | 5-gram overlap >= 0.3 baseline | - | {pairs / base:.0f} | {base:.2f} | - |"
    )
    print(
        f"| {machine} | {STORY_SIZE} articles, {n_sentences} sentences, {len(result.derivations)} "
        f"derivations, {len(result.flags)} flags | newstrace analyze_story ({articles[0].analyzed_with}) "
        f"| {checks_per_s:.0f} | "
        f"{pairs / statistics.median(runs):.0f} | {statistics.median(runs):.2f} | {analysis_s:.1f} |"
    )


if __name__ == "__main__":
    main()
