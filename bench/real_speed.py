"""Ingest speed on full-length real articles: this checkout beside a baseline commit, same run.

    .venv/bin/python bench/real_speed.py [--baseline 29d2f58] [--repeats 3] [--sample 10000]
                                         [--full-sample 1000] [--skip-sample]

Data (read from ../shared/datasets, never copied):
- `ecb-test`: the 210 ECB+ test articles (topics 36-45, ~360 words each), rebuilt from tokens.
- `real-N`: N articles drawn (seed 0, with replacement) from every distinct real article of
  ECB+ (982), PolNeAR (its text files) and FRANK (its source articles). The pool is smaller
  than 10,000, so an article can be drawn more than once; each draw is stored under its own id
  and analysed again (copies rarely share an analysis batch, where sentence vectors are shared).
  The full path runs on the first `--full-sample` of them.

Each (code, data, path) run is one subprocess: the articles are stored (`add_article`), then the
pipeline's stages run and are timed one by one: analysis, clustering, provenance (models loaded
and warmed up on other text first). The baseline is the `src/` of `--baseline` (default: main
before issue 12), taken with `git archive`; runs of the two alternate, and medians are printed.
With `--parallel` the two codes' runs go side by side instead of in turn (on a machine shared
with other jobs, both then see the same load). `--check` compares everything the two produced
(the dossier; on ECB+ also every article's layers and vectors). Beside the wall clock, each
stage's CPU time (`time.process_time`: every thread of the run) is
printed: on a machine shared with other jobs it moves far less than the wall clock.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
BASELINE = "29d2f58"


# --- data (runs inside the child, after its `src` is on the path) ----------------------------
def ecb_test() -> list[Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from ecb_docs import TEST_TOPICS, load_topics

    return load_topics(TEST_TOPICS, DATASETS / "ecbplus")


def real_pool() -> list[tuple[str, str]]:
    """(id, text) of every distinct real article: ECB+, PolNeAR, FRANK."""
    sys.path.insert(0, str(ROOT / "bench"))
    from ecb_docs import load_topics

    pool = [(a.id, a.text) for a in load_topics(range(1, 46), DATASETS / "ecbplus")]
    seen = {text for _, text in pool}
    for path in sorted((DATASETS / "polnear" / "data").glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if text and text not in seen:
            seen.add(text)
            pool.append((f"polnear-{path.stem}", text))
    with (DATASETS / "frank" / "frank_reconstructed.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = (record.get("article") or "").strip()
            if text and text not in seen:
                seen.add(text)
                pool.append((f"frank-{record['hash'][:12]}", text))
    return pool


def real_sample(n: int) -> list[Any]:
    from newstrace.model import Article

    pool = real_pool()
    draws = random.Random(0).choices(pool, k=n)
    return [
        Article(id=f"s{i:05d}-{doc_id}", source=doc_id, text=text)
        for i, (doc_id, text) in enumerate(draws)
    ]


def child(tree: str, data: str, path: str, limit: int) -> None:
    """One timed run; prints one JSON line."""
    sys.path.insert(0, str(Path(tree) / "src"))
    from newstrace.analyze import Analyzer
    from newstrace.pipeline import Pipeline
    from newstrace.settings import Settings
    from newstrace.store import SQLiteStore

    settings = Settings.lexical() if path == "lexical" else Settings()
    articles = ecb_test() if data == "ecb-test" else real_sample(limit)
    articles = articles[:limit]
    analyzer = Analyzer(settings)
    warm = [type(articles[0])(id="w", source="w", text=a.text) for a in ecb_test()[-3:]]
    analyzer.analyze(warm)  # load the models outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        pipe = Pipeline(store, settings, analyzer=analyzer)
        times: dict[str, float] = {}
        cpu: dict[str, float] = {}
        started, cpu_started = time.perf_counter(), time.process_time()
        for article in articles:
            store.add_article(article)
        times["store"] = time.perf_counter() - started
        cpu["store"] = time.process_time() - cpu_started
        for stage in ("analyze_pending", "cluster_pending", "update_dirty_stories"):
            t0, c0 = time.perf_counter(), time.process_time()
            getattr(pipe, stage)()
            name = stage.split("_")[0] if stage != "update_dirty_stories" else "provenance"
            times[name] = time.perf_counter() - t0
            cpu[name] = time.process_time() - c0
        total = time.perf_counter() - started
        cpu_total = time.process_time() - cpu_started
        digest = _dump(pipe, store, os.environ.get("REAL_SPEED_DUMP"))
        store.close()
    print(
        json.dumps(
            {
                "n": len(articles),
                "seconds": total,
                "stages": times,
                "cpu_seconds": cpu_total,
                "cpu_stages": cpu,
                "analyzed_with": analyzer.name,
                "module": sys.modules["newstrace"].__file__,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "digest": digest,
            }
        )
    )


def _dump(pipe: Any, store: Any, where: str | None) -> str:
    """Everything the run produced, as canonical JSON written to `where`; its sha256."""
    if not where:
        return ""
    from newstrace.store.codec import layers_to_json

    layers = {}
    articles = store.articles(None) if os.environ.get("REAL_SPEED_DUMP_LAYERS") else []
    for article in articles:
        vectors = article.sentence_vectors
        layers[article.id] = {
            "layers": layers_to_json(article),
            "vector": None if article.vector is None else article.vector.tobytes().hex(),
            "sentence_vectors": None if vectors is None else vectors.tobytes().hex(),
        }
    text = json.dumps({"dossier": pipe.dossier(), "layers": layers}, sort_keys=True, indent=1)
    Path(where).write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode()).hexdigest()


def _first_difference(a: Path, b: Path) -> str:
    lines = zip(a.read_text().splitlines(), b.read_text().splitlines(), strict=False)
    for k, (x, y) in enumerate(lines):
        if x != y:
            return f"line {k + 1}: {x.strip()[:150]} != {y.strip()[:150]}"
    return "one output is longer"


# --- driver ----------------------------------------------------------------------------------
def export_baseline(commit: str, where: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def start_one(
    tree: Path, data: str, path: str, limit: int, dump: Path | None = None
) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH="", TOKENIZERS_PARALLELISM="false")
    env["REAL_SPEED_DUMP"] = str(dump or "")
    env["REAL_SPEED_DUMP_LAYERS"] = "1" if data == "ecb-test" else ""
    return subprocess.Popen(
        [sys.executable, __file__, "--child", str(tree), data, path, str(limit)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish_one(run: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = run.communicate()
    if run.returncode:
        sys.exit(f"run failed ({run.args}):\n{err[-3000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def run_one(
    tree: Path, data: str, path: str, limit: int, dump: Path | None = None
) -> dict[str, Any]:
    return finish_one(start_one(tree, data, path, limit, dump))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=4, metavar=("TREE", "DATA", "PATH", "LIMIT"))
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=10_000)
    parser.add_argument("--full-sample", type=int, default=1_000)
    parser.add_argument("--skip-sample", action="store_true")
    parser.add_argument("--skip-ecb", action="store_true")
    parser.add_argument("--paths", default="lexical,full", help="lexical, full or both")
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare the two codes' outputs (first repeat; on the sample, the dossier only)",
    )
    parser.add_argument(
        "--parallel",
        action="store_true",
        help="run the two codes side by side (same minutes, same load) instead of in turn",
    )
    args = parser.parse_args()
    if args.child:
        tree, data, path, limit = args.child
        child(tree, data, path, int(limit))
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = export_baseline(args.baseline, Path(tmp))
        plan = [("ecb-test", "lexical", 210, args.repeats), ("ecb-test", "full", 210, args.repeats)]
        if not args.skip_sample:
            plan += [
                (f"real-{args.sample}", "lexical", args.sample, 1),
                (f"real-{args.sample}", "full", args.full_sample, 1),
            ]
        print(
            f"machine: {platform.machine()} {os.cpu_count()} cores, shared; baseline {args.baseline}"
        )
        print(
            "| data | path | code | articles | articles/s (median) | analysis art/s | "
            "s: analysis / cluster / provenance | articles per CPU-s | "
            "CPU s: analysis / cluster / provenance | peak RSS MB | runs | load at start |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for data, path, limit, repeats in plan:
            if path not in args.paths.split(",") or (args.skip_ecb and data == "ecb-test"):
                continue
            kind = "ecb-test" if data == "ecb-test" else "real"
            rows: dict[str, list[dict[str, Any]]] = {"baseline": [], "this": []}
            load = os.getloadavg()[0]
            for repeat in range(repeats):
                started = {}
                for code, tree in (("baseline", base), ("this", ROOT)):
                    dump = Path(tmp) / f"{code}.json" if args.check and not repeat else None
                    started[code] = start_one(tree, kind, path, limit, dump)
                    if not args.parallel:
                        rows[code].append(finish_one(started.pop(code)))
                for code, run in started.items():
                    rows[code].append(finish_one(run))
            rates, cpu_rates = {}, {}
            for code, runs in rows.items():
                rate = statistics.median(r["n"] / r["seconds"] for r in runs)
                rates[code] = rate
                cpu_rates[code] = statistics.median(r["n"] / r["cpu_seconds"] for r in runs)
                cpu_stages = " / ".join(
                    f"{statistics.median(r['cpu_stages'][s] for r in runs):.1f}"
                    for s in ("analyze", "cluster", "provenance")
                )
                ana = statistics.median(r["n"] / r["stages"]["analyze"] for r in runs)
                stages = " / ".join(
                    f"{statistics.median(r['stages'][s] for r in runs):.1f}"
                    for s in ("analyze", "cluster", "provenance")
                )
                rss = max(r["peak_rss_mb"] for r in runs)
                label = f"{code} ({runs[0]['analyzed_with']})"
                n = runs[0]["n"]
                print(
                    f"| {data if kind == 'ecb-test' else f'real sample, first {n}'} | {path} "
                    f"| {label} | {n} | {rate:.1f} | {ana:.1f} | {stages} "
                    f"| {cpu_rates[code]:.1f} | {cpu_stages} | {rss:.0f} "
                    f"| {len(runs)} | {load:.1f} |",
                    flush=True,
                )
            same = ""
            if args.check:
                a, b = Path(tmp) / "baseline.json", Path(tmp) / "this.json"
                identical = rows["baseline"][0]["digest"] == rows["this"][0]["digest"]
                same = (
                    "outputs identical"
                    if identical
                    else f"OUTPUTS DIFFER: {_first_difference(a, b)}"
                )
            wall = rates["this"] / rates["baseline"]
            on_cpu = cpu_rates["this"] / cpu_rates["baseline"]
            print(
                f"|  | {path} | ratio this / baseline {same} |  | **{wall:.2f}x** |  |  "
                f"| **{on_cpu:.2f}x** |  |  |  |  |",
                flush=True,
            )


if __name__ == "__main__":
    main()
