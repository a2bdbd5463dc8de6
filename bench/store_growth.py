"""Per-article ingest cost and peak memory as the store grows (issue 12): 10k, 100k, 200k stored.

    .venv/bin/python bench/store_growth.py fill    [--work DIR] [--points 10000,100000,200000]
    .venv/bin/python bench/store_growth.py measure [--work DIR] [--baseline REV] [--full-at 10000]

`fill` stores the synthetic stream (bench/stream_data.py, seed 0: real sentences of ECB+, FRANK
and PolNeAR, dated 2015-2017) with its lexical analysis, 500 articles a round, each assigned to
its gold event and story (see `fill`: the clusterer and provenance are not run on the filler,
which would take hours on this machine), and copies the SQLite file aside at each point.

`measure` ingests the 210 ECB+ test articles (real news, ~360 words each) on top of a copy of
each snapshot, in 10 batches of 21, each batch through the whole pipeline (store, analysis,
clustering, provenance) as `newstrace ingest` does; they are dated a year after the stream,
so they open stories of their own and the archive is what grows between the points. Each
(code, point, path) run is one subprocess; "baseline" is the `src/` of `--baseline` (git
archive), "this" is this checkout; the two alternate on copies of the same snapshot. Printed
per run: the median over batches of the per-article cost (wall and CPU), each stage's CPU per
article, the time to open the pipeline on the store (the clusterer reloads its active set), the
cost of one call (the second: a first may leave a mark) of each whole-store query the
baseline's pipeline makes per run (this code's provenance no longer reads `stories()`), and
the peak RSS.
Nothing from ../shared/datasets is copied into the project; snapshots live in --work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "2b9e925"
DEFAULT_WORK = Path(tempfile.gettempdir()) / "newstrace-store-growth"
ROUND = 500
BATCH = 21
ON_TOP_DATE = "2018-06-01T12:00:00Z"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- fill ------------------------------------------------------------------------------------
def fill(work: Path, points: list[int]) -> None:
    """The archive: stream articles stored with their lexical analysis (the analyzer's real
    layers and vectors, `add_article` of analysed articles in transactions of ROUND), each
    assigned to its gold event and story, the stories and events written as clustering writes
    them. The clusterer itself is not run on the filler (~5-30 ms an article under load: the
    200k point would take hours); its state is left empty, as it is once the archive has gone
    dormant (the articles measured on top come a year later)."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from newstrace.analyze import Analyzer
    from newstrace.model import Assignment, Event, Story
    from newstrace.settings import Settings
    from newstrace.store import SQLiteStore
    from stream_data import generate

    work.mkdir(parents=True, exist_ok=True)
    db = work / "fill.db"
    for leftover in work.glob("fill.db*"):
        leftover.unlink()
    analyzer = Analyzer(Settings.lexical())
    store = SQLiteStore(db)
    stream = generate(max(points))
    stories: dict[str, dict[str, list[str]]] = {}  # gold story -> gold event -> articles
    touched: set[str] = set()
    stored = 0
    started = time.perf_counter()
    log = (work / "fill.log").open("w", encoding="utf-8")
    while stored < max(points):
        t0, c0 = time.perf_counter(), time.process_time()
        items = [item for _, item in zip(range(ROUND), stream, strict=False)]
        analyzer.analyze([item.article for item in items])
        t1 = time.perf_counter()
        with store.atomic():
            for item in items:
                if not store.add_article(item.article):
                    continue
                store.save_assignment(Assignment(item.article.id, item.event, item.story))
                stories.setdefault(item.story, {}).setdefault(item.event, []).append(
                    item.article.id
                )
                touched.add(item.story)
            store.save_stories(
                [
                    Story(
                        sid,
                        sid,
                        [a for ids in stories[sid].values() for a in ids],
                        [Event(eid, eid, list(ids)) for eid, ids in stories[sid].items()],
                    )
                    for sid in sorted(touched)
                ]
            )
        touched.clear()
        stored += len(items)
        line = {
            "stored": stored,
            "ms_per_article": {
                "analyze": (t1 - t0) / len(items) * 1e3,
                "store": (time.perf_counter() - t1) / len(items) * 1e3,
                "all_cpu": (time.process_time() - c0) / len(items) * 1e3,
            },
            "rate": stored / (time.perf_counter() - started),
            "peak_rss_mb": peak_rss_mb(),
            "load": os.getloadavg()[0],
        }
        log.write(json.dumps(line) + "\n")
        log.flush()
        if stored in points:
            store.close()
            shutil.copyfile(db, work / f"stored-{stored}.db")
            print(f"snapshot {stored}: {json.dumps(line)}", flush=True)
            store = SQLiteStore(db)
    store.close()


# --- measure (child) -------------------------------------------------------------------------
def child(tree: str, snapshot: str, path: str) -> None:
    """One run on a copy of one snapshot; prints one JSON line."""
    sys.path.insert(0, str(Path(tree) / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from ecb_docs import TEST_TOPICS, load_topics
    from newstrace.analyze import Analyzer
    from newstrace.model import Article
    from newstrace.pipeline import Pipeline
    from newstrace.settings import Settings
    from newstrace.store import SQLiteStore

    settings = Settings.lexical() if path == "lexical" else Settings()
    articles = [
        Article(id=f"top-{a.id}", source=a.source, text=a.text, url=a.url, published=ON_TOP_DATE)
        for a in load_topics(TEST_TOPICS, ROOT.parent / "shared" / "datasets" / "ecbplus")
    ]
    analyzer = Analyzer(settings)
    analyzer.analyze([Article(id="w", source="w", text=a.text) for a in articles[-3:]])
    import newstrace.cluster  # noqa: F401 -- imported before the clock: `open` is the store's

    with tempfile.TemporaryDirectory(dir=Path(snapshot).parent) as tmp:
        db = Path(tmp) / "run.db"
        shutil.copyfile(snapshot, db)
        t0 = time.perf_counter()
        store = SQLiteStore(db)
        pipe = Pipeline(store, settings, analyzer=analyzer)
        pipe.clusterer  # noqa: B018 -- the clusterer reloads its active set from the store
        opened = time.perf_counter() - t0
        queries = {}
        for name in ("unanalyzed_ids", "unassigned_ids", "stories"):
            getattr(store, name)()  # a first call may leave a mark for the next (this code)
            q0 = time.perf_counter()
            getattr(store, name)()
            queries[name] = (time.perf_counter() - q0) * 1e3
        stages = ("store", "analyze", "cluster", "provenance")
        batches: list[dict[str, Any]] = []
        for start in range(0, len(articles), BATCH):
            chunk = articles[start : start + BATCH]
            cpu: dict[str, float] = {}
            w0, c_all = time.perf_counter(), time.process_time()
            c0 = time.process_time()
            with store.atomic():
                for article in chunk:
                    store.add_article(article)
            cpu["store"] = time.process_time() - c0
            for stage, call in zip(
                stages[1:],
                (pipe.analyze_pending, pipe.cluster_pending, pipe.update_dirty_stories),
                strict=True,
            ):
                c0 = time.process_time()
                call()
                cpu[stage] = time.process_time() - c0
            batches.append(
                {
                    "wall": (time.perf_counter() - w0) / len(chunk),
                    "cpu": (time.process_time() - c_all) / len(chunk),
                    "stages": {k: v / len(chunk) for k, v in cpu.items()},
                }
            )
        stored = store.article_count()
        store.close()
    print(
        json.dumps(
            {
                "stored_after": stored,
                "open_s": opened,
                "queries_ms": queries,
                "wall_ms": statistics.median(b["wall"] for b in batches) * 1e3,
                "cpu_ms": statistics.median(b["cpu"] for b in batches) * 1e3,
                "stage_cpu_ms": {
                    s: statistics.median(b["stages"][s] for b in batches) * 1e3 for s in stages
                },
                "peak_rss_mb": peak_rss_mb(),
                "analyzed_with": analyzer.name,
            }
        )
    )


def run_child(tree: Path, snapshot: Path, path: str) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH="", TOKENIZERS_PARALLELISM="false")
    done = subprocess.run(
        [sys.executable, __file__, "child", str(tree), str(snapshot), path],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode:
        sys.exit(f"run failed ({tree} {snapshot} {path}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(work: Path, points: list[int], baseline: str, full_at: list[int], repeats: int) -> None:
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, shared with other jobs")
    print(f"baseline: {baseline}; on top: 210 ECB+ test articles, batches of {BATCH}")
    print(
        "| stored | path | code | per article ms, wall (median of batches) | CPU ms | "
        "CPU ms: store / analysis / cluster / provenance | open s | "
        "one call ms: unanalyzed / unassigned / stories | peak RSS MB | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", baseline, "src"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        for point in points:
            snapshot = work / f"stored-{point}.db"
            if not snapshot.exists():
                print(f"| {point:,} | missing snapshot {snapshot} |")
                continue
            for path in ("lexical", "full"):
                if path == "full" and point not in full_at:
                    continue
                runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "this": []}
                load = os.getloadavg()[0]
                for _ in range(repeats):
                    for code, tree in (("baseline", Path(tmp)), ("this", ROOT)):
                        runs[code].append(run_child(tree, snapshot, path))
                for code, rs in runs.items():
                    med = {
                        k: statistics.median(r[k] for r in rs)
                        for k in ("wall_ms", "cpu_ms", "open_s")
                    }
                    st = " / ".join(
                        f"{statistics.median(r['stage_cpu_ms'][s] for r in rs):.1f}"
                        for s in ("store", "analyze", "cluster", "provenance")
                    )
                    qs = " / ".join(
                        f"{statistics.median(r['queries_ms'][q] for r in rs):.0f}"
                        for q in ("unanalyzed_ids", "unassigned_ids", "stories")
                    )
                    rss = max(r["peak_rss_mb"] for r in rs)
                    print(
                        f"| {point:,} | {path} | {code} | {med['wall_ms']:.0f} | "
                        f"{med['cpu_ms']:.0f} | {st} | {med['open_s']:.1f} | {qs} | {rss:.0f} "
                        f"| {load:.1f} |",
                        flush=True,
                    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("fill", "measure", "child"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--points", default="10000,100000,200000")
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--full-at", default="10000")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    points = [int(p) for p in args.points.split(",")]
    if args.mode == "fill":
        fill(args.work, points)
    elif args.mode == "child":
        child(*args.args)
    else:
        full_at = [int(p) for p in args.full_at.split(",") if p]
        measure(args.work, points, args.baseline, full_at, args.repeats)


if __name__ == "__main__":
    main()
