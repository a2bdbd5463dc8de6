"""Throughput, memory and flat per-article cost over a long stream: ingest + analyze + cluster.

Run from the repo root: `.venv/bin/python bench/stream.py` (200,000 articles, lexical path,
then a 2,000-article sample of the full path, then the brute-force baseline in a subprocess).
Options: `--n`, `--full-sample`, `--skip-full`, `--skip-bruteforce`. The stream is built by
bench/stream_data.py from real sentences of the datasets (gold stories, events, near-copies).
Each article is stored (SQLiteStore.add_article), analysed (newstrace.analyze.Analyzer, in
micro-batches of 32 as the pipeline does), its layers saved, then clustered one at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newstrace.cluster import IncrementalClusterer
from newstrace.cluster.similarity import ClusterParams
from newstrace.settings import Settings
from newstrace.store import SQLiteStore
from stream_data import generate

MACHINE = f"{platform.machine()} {os.cpu_count()}-core, no GPU"
BATCH = 32
CHECKPOINTS = (10_000, 100_000, 200_000)
WINDOW = 1_000  # articles around a checkpoint whose per-article time is taken


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def pair_f1(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    from sklearn.metrics.cluster import pair_confusion_matrix

    (_, fp), (fn, tp) = pair_confusion_matrix(gold, pred)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall), precision, recall


def run_stream(
    n: int,
    settings: Settings,
    workdir: Path,
    label: str,
    analyze: bool = True,
    params: ClusterParams | None = None,
    seed: int = 0,
    days: float = 730.0,
) -> dict[str, object]:
    """Feed n generated articles through store + analyze + cluster; time every stage."""
    from newstrace.analyze import Analyzer

    store = SQLiteStore(workdir / f"{label}.db")
    analyzer = Analyzer(settings) if analyze else None
    clusterer = IncrementalClusterer(store, settings, params)
    stage = {"store": 0.0, "analyze": 0.0, "save_analysis": 0.0, "cluster": 0.0}
    per_article: list[float] = []  # seconds per article, all stages (batch stages shared)
    cluster_times: list[float] = []
    gold: dict[str, tuple[str, str]] = {}
    stream = generate(n, seed, days)
    started = time.perf_counter()
    done = 0
    while done < n:
        batch = [item for _, item in zip(range(BATCH), stream, strict=False)]
        if not batch:
            break
        t0 = time.perf_counter()
        with store.atomic():  # one transaction per micro-batch, as the pipeline's checkpoints
            added = [item for item in batch if store.add_article(item.article)]
        t1 = time.perf_counter()
        articles = [item.article for item in added]
        if analyzer is not None:
            analyzer.analyze(articles)
        t2 = time.perf_counter()
        for article in articles if analyzer is not None else []:
            store.save_analysis(article)
        t3 = time.perf_counter()
        with store.atomic():
            for item in added:
                c0 = time.perf_counter()
                clusterer.add(item.article)
                cluster_times.append(time.perf_counter() - c0)
                gold[item.article.id] = (item.event, item.story)
                item.article.sentences = []  # the caller would drop the article after this
                item.article.sentence_vectors = None
        t4 = time.perf_counter()
        stage["store"] += t1 - t0
        stage["analyze"] += t2 - t1
        stage["save_analysis"] += t3 - t2
        stage["cluster"] += t4 - t3
        shared = (t3 - t0) / max(len(added), 1)
        per_article.extend(shared + c for c in cluster_times[-len(added) :])
        done += len(batch)
        for point in CHECKPOINTS:
            if len(per_article) >= point > len(per_article) - len(added):
                print(
                    f"  [{label}] checkpoint {point}: per article "
                    f"{statistics.median(per_article[point - WINDOW : point]) * 1e3:.2f} ms, "
                    f"cluster.add {statistics.median(cluster_times[point - WINDOW : point]) * 1e3:.2f} ms",
                    flush=True,
                )
        if done % 20_000 < BATCH:
            print(
                f"  [{label}] {done} articles, {done / (time.perf_counter() - started):.0f}/s, "
                f"active events {clusterer.active_events}, active articles "
                f"{clusterer.active_articles}, peak RSS {peak_rss_mb():.0f} MB",
                flush=True,
            )
    clusterer.stories()
    elapsed = time.perf_counter() - started
    assignments = store.assignments()
    ids = [a.article for a in assignments if a.article in gold]
    events = {a.article: a.event for a in assignments}
    stories = {a.article: a.story for a in assignments}
    event_f1 = pair_f1([events[i] for i in ids], [gold[i][0] for i in ids])
    story_f1 = pair_f1([stories[i] for i in ids], [gold[i][1] for i in ids])
    latency = {}
    for point in CHECKPOINTS:
        if point <= len(per_article):
            window = per_article[max(0, point - WINDOW) : point]
            cluster_window = cluster_times[max(0, point - WINDOW) : point]
            latency[point] = (statistics.median(window), statistics.median(cluster_window))
    store.close()
    return {
        "n": len(gold),
        "seconds": elapsed,
        "rate": len(gold) / elapsed,
        "stage_rates": {k: len(gold) / v for k, v in stage.items() if v > 0},
        "latency": latency,
        "rss_mb": peak_rss_mb(),
        "event_f1": event_f1,
        "story_f1": story_f1,
        "analyzer": analyzer.name if analyzer is not None else "none (vector=None)",
        "gold_events": len({g[0] for g in gold.values()}),
        "gold_stories": len({g[1] for g in gold.values()}),
        "pred_events": len(set(events.values())),
        "pred_stories": len(set(stories.values())),
    }


def brute_force(n: int) -> dict[int, float]:
    """Seconds to compare one article's TF-IDF vector with every stored one, at checkpoints."""
    from scipy.sparse import csr_matrix

    from newstrace.index import HashedTfidf

    tfidf = HashedTfidf()
    rows_i: list[np.ndarray] = []
    rows_v: list[np.ndarray] = []
    result: dict[int, float] = {}
    targets = [p for p in CHECKPOINTS if p <= n]
    for number, item in enumerate(generate(n), start=1):
        vector = tfidf.fit_transform(item.article.text)
        rows_i.append(vector.indices.astype(np.int32))
        rows_v.append(vector.values.astype(np.float32))
        if number in targets:
            indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows_i])])
            matrix = csr_matrix(
                (np.concatenate(rows_v), np.concatenate(rows_i), indptr),
                shape=(number, tfidf.hasher.n_features),
            )
            queries = [tfidf.transform(q.article.text) for q in generate(number + 20)][
                number : number + 20
            ]
            times = []
            for query in queries:
                q = csr_matrix(
                    (query.values, query.indices, [0, len(query.indices)]),
                    shape=(1, tfidf.hasher.n_features),
                )
                t0 = time.perf_counter()
                scores = (matrix @ q.T).toarray().ravel()
                int(np.argmax(scores))
                times.append(time.perf_counter() - t0)
            result[number] = statistics.median(times)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--full-sample", type=int, default=2_000)
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--skip-bruteforce", action="store_true")
    parser.add_argument(
        "--no-analyze", action="store_true", help="long run: store + cluster only, vector=None"
    )
    parser.add_argument("--seed", type=int, default=0, help="stream seed (tune on 1, report 0)")
    parser.add_argument(
        "--days", type=float, default=730.0, help="days the stories start over (denser: fewer)"
    )
    parser.add_argument(
        "--story-baseline",
        action="store_true",
        help="also run the lexical path without the story rules (45 quiet days, no span cap, "
        "no sprawl check, unbounded merges)",
    )
    parser.add_argument("--bruteforce-only", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bruteforce_only:
        print(json.dumps({str(k): v for k, v in brute_force(args.bruteforce_only).items()}))
        return
    print(
        f"machine: {MACHINE}; data: generated stream (bench/stream_data.py), seed {args.seed}, "
        f"stories over {args.days:.0f} days"
    )
    results: list[tuple[str, dict[str, object]]] = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("NEWSTRACE_BENCH_TMP")) as tmp:
        lexical = Settings.lexical()
        analyze = not args.no_analyze
        if args.story_baseline:
            no_window = ClusterParams(  # the story rules as they were before the window
                story_max_gap_days=45.0,
                story_max_span_days=float("inf"),
                story_centroid_threshold=0.0,
                story_merge_max_events=1 << 30,
            )
            results.append(
                (
                    "lexical, no story window",
                    run_stream(
                        args.n,
                        lexical,
                        Path(tmp),
                        "nowindow",
                        analyze,
                        no_window,
                        args.seed,
                        args.days,
                    ),
                )
            )
        results.append(
            (
                "lexical",
                run_stream(
                    args.n, lexical, Path(tmp), "lexical", analyze, None, args.seed, args.days
                ),
            )
        )
    brute: dict[str, float] = {}
    if not args.skip_bruteforce:
        out = subprocess.run(
            [sys.executable, __file__, "--bruteforce-only", str(args.n)],
            check=True,
            capture_output=True,
            text=True,
        )
        brute = json.loads(out.stdout.strip().splitlines()[-1])
    if not args.skip_full:
        with tempfile.TemporaryDirectory() as tmp:
            results.append(("full", run_stream(args.full_sample, Settings(), Path(tmp), "full")))
    print(
        "| path | articles | analyzers | articles/s (all stages) | store / analyze / save / "
        "cluster articles/s | peak RSS | event F1 (P/R) | story F1 (P/R) |"
    )
    print("|" + "---|" * 8)
    for name, r in results:
        stages = r["stage_rates"]
        assert isinstance(stages, dict)
        ev = r["event_f1"]
        st = r["story_f1"]
        assert isinstance(ev, tuple) and isinstance(st, tuple)
        print(
            f"| {name} | {r['n']} | {r['analyzer']} | {r['rate']:.0f} "
            f"| {' / '.join(f'{stages[k]:.0f}' for k in ('store', 'analyze', 'save_analysis', 'cluster'))} "
            f"| {r['rss_mb']:.0f} MB | {ev[0]:.3f} ({ev[1]:.3f}/{ev[2]:.3f}) "
            f"| {st[0]:.3f} ({st[1]:.3f}/{st[2]:.3f}) |"
        )
    print()
    print(
        "| stored articles | per article, all stages run (median of the 1,000 before) "
        "| cluster.add only | brute force: compare with all stored | ratio brute / cluster.add |"
    )
    print("|---|---|---|---|---|")
    lexical = results[-1][1]["latency"] if args.skip_full else results[-2][1]["latency"]
    assert isinstance(lexical, dict)
    for point, (total, cluster) in lexical.items():
        bf = brute.get(str(point))
        ratio = f"{bf / cluster:.1f}x" if bf else "-"
        bf_text = f"{bf * 1e3:.2f} ms" if bf else "-"
        print(
            f"| {point:,} | {total * 1e3:.2f} ms | {cluster * 1e3:.2f} ms | {bf_text} | {ratio} |"
        )
    for name, r in results:
        print(
            f"{name}: gold events {r['gold_events']}, predicted {r['pred_events']}; gold stories "
            f"{r['gold_stories']}, predicted {r['pred_stories']}; {r['seconds']:.0f} s"
        )


if __name__ == "__main__":
    main()
