"""Extraction speed on 2 cores: sentences/s through the analyze stage, embeddings/s per backend.

Data: the 210 ECB+ test documents (topics 36-45), rebuilt from their tokens. Each system runs
over the whole set once after a warm-up; the median of `--repeats` runs is reported. The
baseline in the same run is the lexical path (rules + hashed bag of words, no model at all).

    .venv/bin/python bench/extract_speed.py [--repeats 3] [--limit N]
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ecb_entities import DATA, read_doc  # noqa: E402
from newstrace.analyze import Analyzer, split_sentences  # noqa: E402
from newstrace.model import Article  # noqa: E402
from newstrace.models import load_embedder  # noqa: E402
from newstrace.settings import Settings  # noqa: E402


def load(limit: int | None) -> list[Article]:
    paths = sorted(p for t in range(36, 46) for p in (DATA / str(t)).glob("*.xml"))
    articles = [read_doc(p)[0] for p in paths]
    return articles[:limit] if limit else articles


def timed(fn: object, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    articles = load(args.limit)
    n_sent = sum(len(split_sentences(a.text)) for a in articles)
    machine = f"{platform.machine()} {os.cpu_count()}-core, no GPU, load {os.getloadavg()[0]:.1f}"
    data = f"ECB+ test ({len(articles)} docs, {n_sent} sentences)"
    print("| system | machine | data | sentences/s | articles/s | s per run (median) |")
    print("|---|---|---|---|---|---|")
    configs = [
        ("analyze, lexical path (baseline): rules + hashed BoW", Settings.lexical(), True),
        ("analyze, spaCy NER, no embeddings", Settings(embedder="lexical", ner="spacy"), False),
        ("analyze, full auto path: spaCy NER + MiniLM ONNX", Settings(), True),
    ]
    for name, settings, embed in configs:
        analyzer = Analyzer(settings, embed=embed)
        analyzer.analyze(copy.deepcopy(articles[:5]))  # load models outside the timing
        batch = [copy.deepcopy(a) for a in articles]
        seconds = timed(lambda a=analyzer, b=batch: a.analyze(b), args.repeats)
        print(
            f"| {name} ({analyzer.name}) | {machine} | {data} | {n_sent / seconds:.0f} "
            f"| {len(articles) / seconds:.1f} | {seconds:.2f} |"
        )
    sentences = [s.text for a in articles for s in split_sentences(a.text)]
    print()
    print("| embedder | machine | data | sentences/s | s per run (median) |")
    print("|---|---|---|---|---|")
    for backend in ("lexical", "onnx", "torch"):
        embedder = load_embedder(Settings(embedder=backend))  # type: ignore[arg-type]
        embedder.encode(sentences[:64])
        seconds = timed(lambda e=embedder: e.encode(sentences), args.repeats)
        print(
            f"| {backend} ({embedder.name}) | {machine} | {len(sentences)} ECB+ test sentences "
            f"| {len(sentences) / seconds:.0f} | {seconds:.2f} |"
        )


if __name__ == "__main__":
    main()
