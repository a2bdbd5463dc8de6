"""A bounded loopback load test: 20 concurrent clients for 60 s over a 10,000-article store.

Store: 10,000 articles of the stream benchmark (bench/stream_data.py, seed 0: real sentences,
known stories and events), through the real pipeline on the lexical path. `newstrace serve`
runs in its own process on 127.0.0.1; each client loops for the duration over a fixed mix of
what readers open: the story list (pages), a story page, its claim matrix, a diff, an article,
the JSON of a story and a search, each on a story drawn at random (seeded). Reported: requests,
errors (any non-200 or transport error), throughput, and latency median / p95 / p99 / max, per
page kind and overall. Baseline in the same run: one client alone (no concurrency).

Run: .venv/bin/python bench/web_load.py [--articles 10000] [--clients 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402

from newstrace.pipeline import Pipeline  # noqa: E402
from newstrace.settings import Settings  # noqa: E402
from newstrace.store import open_store  # noqa: E402
from stream_data import generate  # noqa: E402
from web_pages import free_port  # noqa: E402

WORDS = ["police", "earthquake", "election", "trial", "fire", "minister", "company", "strike"]


def build(db: Path, n: int) -> float:
    started = time.perf_counter()
    store = open_store(str(db))
    try:
        pipe = Pipeline(store, Settings.lexical())
        for item in generate(n, seed=0):
            store.add_article(item.article)
        pipe.process_pending()
    finally:
        store.close()
    return time.perf_counter() - started


def targets(client: httpx.Client) -> list[tuple[str, str]]:
    """(kind, url) of the pages one reader's loop opens, over stories drawn at random."""
    stories = client.get("/api/stories", params={"limit": 1000}).json()
    rng = random.Random(0)
    out: list[tuple[str, str]] = []
    linked = []
    for s in rng.sample(stories, min(40, len(stories))):
        sid = quote(s["id"], safe="")
        view = client.get(f"/api/stories/{sid}").json()
        out += [("story", f"/stories/{sid}"), ("claims", f"/stories/{sid}/claims")]
        out.append(("json", f"/api/stories/{sid}"))
        first = view["articles"][0]["id"]
        out.append(("article", f"/stories/{sid}/article?id={quote(first, safe='')}"))
        for e in view["graph"]["edges"][:1]:
            a, b = quote(e["source_article"], safe=""), quote(e["derived_article"], safe="")
            linked.append(("diff", f"/stories/{sid}/diff?source={a}&derived={b}"))
    out += linked
    out += [("list", f"/?page={p}") for p in (1, 2, 3)]
    out += [("search", f"/search?q={w}") for w in WORDS]
    return out


def run_clients(
    base: str, pages: list[tuple[str, str]], clients: int, seconds: float
) -> tuple[dict[str, list[float]], dict[str, int]]:
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(k: int) -> None:
        rng = random.Random(k)
        with httpx.Client(base_url=base, timeout=60) as client:
            while time.monotonic() < stop:
                kind, url = rng.choice(pages)
                started = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    times[kind].append(elapsed)
                    if not ok:
                        errors[kind] += 1

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def table(
    title: str, times: dict[str, list[float]], errors: dict[str, int], seconds: float
) -> None:
    every = [t for v in times.values() for t in v]
    print(
        f"\n{title}: {len(every)} requests, {sum(errors.values())} errors, "
        f"{len(every) / seconds:.1f} requests/s"
    )
    print("| page | requests | errors | median ms | p95 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, values in [*sorted(times.items()), ("all", every)]:
        err = sum(errors.values()) if kind == "all" else errors.get(kind, 0)
        print(
            f"| {kind} | {len(values)} | {err} | {statistics.median(values):.0f} "
            f"| {pct(values, 0.95):.0f} | {pct(values, 0.99):.0f} | {max(values):.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--keep", type=Path, help="build the store here, or reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "load.db"
        reused = db.exists()
        built = build(db, args.articles) if not reused else 0.0
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "newstrace.cli", "serve", "--db", str(db), "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                for _ in range(600):
                    try:
                        if client.get("/api/stories").status_code == 200:
                            break
                    except httpx.HTTPError:
                        time.sleep(0.1)
                stories = len(client.get("/api/stories", params={"limit": 1000}).json())
                pages = targets(client)
            alone = run_clients(base, pages, 1, min(20.0, args.seconds))
            loaded = run_clients(base, pages, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, shared with other jobs while "
        f"measured (load {os.getloadavg()[0]:.1f}); store: {args.articles} articles "
        f"(stream seed 0, lexical pipeline, "
        f"{'a reused store' if reused else f'built in {built:.0f}s'}), {stories}+ stories; "
        f"{len(pages)} distinct pages; one uvicorn worker"
    )
    table(f"baseline: 1 client, {min(20.0, args.seconds):.0f} s", *alone, min(20.0, args.seconds))
    table(f"{args.clients} clients, {args.seconds:.0f} s", *loaded, args.seconds)


if __name__ == "__main__":
    main()
