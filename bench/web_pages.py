"""Web page latency: how long a reader waits for each page of newstrace's web UI.

Real articles (the ECB+ test topics, 210 news documents; or the demo corpus) go through the real
pipeline (lexical settings) into a real SQLite store, then `newstrace serve` runs in its own
process and every page is fetched over HTTP. Baseline, measured in the same run: the JSON API of
the same view (`/api/...`: the same store reads and view building, no HTML templating), so the
row shows what rendering costs on top of reading. Medians and p95 over all pages of a kind.
Run: .venv/bin/python bench/web_pages.py [--data ecb|demo] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402

from newstrace.pipeline import Pipeline  # noqa: E402
from newstrace.settings import Settings  # noqa: E402
from newstrace.store import open_store  # noqa: E402


def build_store(db: Path, data: str) -> str:
    store = open_store(str(db))
    try:
        pipe = Pipeline(store, Settings.lexical())
        if data == "demo":
            pipe.ingest(sorted((ROOT / "demo" / "corpus").iterdir()))
            return "demo corpus (10 articles)"
        from ecb_docs import TEST_TOPICS, load_topics

        docs = load_topics(TEST_TOPICS)
        for doc in docs:
            store.add_article(doc)
        pipe.process_pending()
        return f"ECB+ test topics 36-45 ({len(docs)} articles)"
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def timed_get(client: httpx.Client, url: str, params: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{url} {params}: HTTP {response.status_code}: {response.text[:200]}")
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=["ecb", "demo"], default="ecb")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        data = build_store(db, args.data)
        ingest_s = time.perf_counter() - t0
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "newstrace.cli", "serve", "--db", str(db), "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            client = httpx.Client(base_url=base, timeout=120)
            for _ in range(300):
                try:
                    if client.get("/api/stories").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            stories = client.get("/api/stories").json()
            html: dict[str, list[float]] = {
                k: [] for k in ("list", "story", "claims", "diff", "report")
            }
            api: dict[str, list[float]] = {k: [] for k in ("list", "story", "claims", "diff")}
            biggest = max(s["article_count"] for s in stories)
            for _ in range(args.repeat):
                html["list"].append(timed_get(client, "/"))
                api["list"].append(timed_get(client, "/api/stories"))
                for s in stories:
                    sid = quote(s["id"], safe="")
                    html["story"].append(timed_get(client, f"/stories/{sid}"))
                    api["story"].append(timed_get(client, f"/api/stories/{sid}"))
                    html["claims"].append(timed_get(client, f"/stories/{sid}/claims"))
                    api["claims"].append(timed_get(client, f"/api/stories/{sid}/claims"))
                    html["report"].append(timed_get(client, f"/stories/{sid}/report.html"))
                    view = client.get(f"/api/stories/{sid}").json()
                    for e in view["graph"]["edges"][:5]:
                        params = {"source": e["source"], "derived": e["derived"]}
                        html["diff"].append(timed_get(client, f"/stories/{sid}/diff", params))
                        api["diff"].append(timed_get(client, f"/api/stories/{sid}/diff", params))
        finally:
            server.terminate()
            server.wait(timeout=10)

    machine = f"{platform.machine()}, {os.cpu_count()} cores, no GPU"
    print(
        f"machine: {machine}; data: {data}, {len(stories)} stories (largest {biggest} articles); "
        f"pipeline ingest {ingest_s:.1f}s (lexical); {args.repeat} passes"
    )
    print("| page | n | baseline: JSON API median ms | HTML page median ms | HTML p95 ms |")
    print("|---|---:|---:|---:|---:|")
    for kind, times in html.items():
        base_ms = api.get(kind)
        base_cell = f"{statistics.median(base_ms):.1f}" if base_ms else "—"
        p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)] if times else 0.0
        med = statistics.median(times) if times else 0.0
        print(f"| {kind} | {len(times)} | {base_cell} | {med:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
