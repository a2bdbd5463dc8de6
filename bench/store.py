"""Store throughput: SQLite and PostgreSQL backends on real news text with analysis-sized layers.

Data: all 982 ECB+ articles (`../shared/datasets/ecbplus`); each gets analysis layers of the
size the analyzer writes (one Sentence per line, two mentions per sentence, 384-d float32
sentence vectors and an article vector). Per backend, timed in one run:
  add        -- store.add_article, one transaction each (the ingest path)
  analysis   -- store.save_analysis, one transaction each
  read       -- store.articles() with every layer and vector decoded
  search     -- store.search() on two words of a title-like line (median latency)
  re-add     -- add_article of the same articles again (all refused as duplicates)
Baseline, measured in the same run on the same backend: one bulk INSERT of the article rows into
a bare table (no FTS, no constraints, one transaction): the floor that per-article atomicity
and full-text indexing are paid against.
Each backend runs 3 times on fresh stores; the table shows medians.
Run: .venv/bin/python bench/store.py   (PostgreSQL rows need a local server install; else skipped)
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from ecb_docs import load_topics  # noqa: E402
from newstrace.model import Article, EntityMention, Sentence  # noqa: E402
from newstrace.store import SQLiteStore, Store  # noqa: E402

MACHINE = f"{platform.machine()} {os.cpu_count()}-core, no GPU"


def with_layers(article: Article, rng: np.random.Generator) -> Article:
    copy = Article(
        **{
            k: getattr(article, k)
            for k in ("id", "source", "text", "title", "outlet", "published", "url")
        }
    )
    offset = 0
    for index, line in enumerate(copy.text.split("\n")):
        copy.sentences.append(Sentence(index, line, offset, offset + len(line)))
        words = line.split()
        if len(words) > 3:
            copy.mentions.append(
                EntityMention(words[0], "ORG", index, offset, offset + len(words[0]))
            )
            copy.mentions.append(
                EntityMention(words[-1], "GPE", index, offset, offset + len(words[-1]))
            )
        offset += len(line) + 1
    vectors = rng.standard_normal((len(copy.sentences), 384)).astype(np.float32)
    copy.sentence_vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    copy.vector = copy.sentence_vectors.mean(axis=0).astype(np.float32)
    copy.analyzed_with = "bench"
    return copy


def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def baseline_sqlite(path: Path, docs: list[Article]) -> float:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bare (id TEXT, hash TEXT, source TEXT, text TEXT, title TEXT)")
    rows = [(a.id, a.hash, a.source, a.text, a.title) for a in docs]
    seconds = timed(
        lambda: (conn.executemany("INSERT INTO bare VALUES (?, ?, ?, ?, ?)", rows), conn.commit())
    )
    conn.close()
    return seconds


def baseline_postgres(url: str, docs: list[Article]) -> float:
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE bare (id TEXT, hash TEXT, source TEXT, text TEXT, title TEXT)")
        conn.commit()
        rows = [(a.id, a.hash, a.source, a.text, a.title) for a in docs]

        def insert() -> None:
            with conn.cursor() as cursor:
                cursor.executemany("INSERT INTO bare VALUES (%s, %s, %s, %s, %s)", rows)
            conn.commit()

        return timed(insert)


def measure(store: Store, docs: list[Article], analysed: list[Article]) -> dict[str, float]:
    """Rates (articles/s) and search latency (s) of one fresh store."""
    add = timed(lambda: [store.add_article(a) for a in docs])
    analysis = timed(lambda: [store.save_analysis(a) for a in analysed])
    read_count = 0

    def read() -> None:
        nonlocal read_count
        read_count = sum(1 for a in store.articles() if a.sentence_vectors is not None)

    read_seconds = timed(read)
    queries = [" ".join(a.text.split()[1:3]) for a in docs[::10]]
    latencies = [timed(lambda q=q: store.search(q)) for q in queries]
    again = timed(lambda: [store.add_article(a) for a in docs])
    assert read_count == len(docs) and store.article_count() == len(docs)
    n = len(docs)
    return {
        "add": n / add,
        "analysis": n / analysis,
        "read": n / read_seconds,
        "search": statistics.median(latencies),
        "again": n / again,
    }


def row(name: str, n: int, baselines: list[float], runs: list[dict[str, float]]) -> str:
    def med(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    return (
        f"| {MACHINE} | ECB+ all, {n} articles | {name} | {statistics.median(baselines):,.0f}/s | "
        f"{med('add'):,.0f}/s | {med('analysis'):,.0f}/s | {med('read'):,.0f}/s | "
        f"{1000 * med('search'):.2f} ms | {med('again'):,.0f}/s |"
    )


REPEAT = 3


def main() -> None:
    docs = load_topics(range(1, 46))
    if not docs:
        raise SystemExit("ECB+ not found under ../shared/datasets/ecbplus")
    rng = np.random.default_rng(0)
    analysed = [with_layers(a, rng) for a in docs]
    print(
        "| machine | data | backend | baseline: bulk insert | add_article | save_analysis "
        "| articles() read | search (median) | re-add (duplicates) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    n = len(docs)
    with tempfile.TemporaryDirectory() as tmp:
        baselines, runs = [], []
        for k in range(REPEAT):
            baselines.append(n / baseline_sqlite(Path(tmp) / f"bare{k}.db", docs))
            with SQLiteStore(Path(tmp) / f"bench{k}.db") as store:
                runs.append(measure(store, docs, analysed))
        print(row("SQLite (WAL, FTS5)", n, baselines, runs), flush=True)
    try:
        from tests.store.pgserver import Unavailable, create_database, throwaway_postgres

        with throwaway_postgres() as template:
            from newstrace.store.postgres import PostgresStore

            baselines, runs = [], []
            for k in range(REPEAT):
                baselines.append(n / baseline_postgres(create_database(template, f"bare{k}"), docs))
                with PostgresStore(create_database(template, f"bench{k}")) as pg:
                    runs.append(measure(pg, docs, analysed))
            print(row("PostgreSQL 15 (tsvector)", n, baselines, runs), flush=True)
    except Unavailable as exc:
        print(f"(PostgreSQL skipped: {exc})")


if __name__ == "__main__":
    main()
