"""Cost of adding one article to a stored story, at 20 and at 1,000 articles.

Two stories of real, full-length text:
  wire        one ECB+ test article run by N outlets: copies cut from the bottom at varied
              points, some with a credit line (the syndication pattern of a wire story);
  developing  N PolNeAR articles (real political news of one campaign), as one story.
For each N, the story is built once, then one more article is added five times over (each
time from the same stored state) through `analyze_story(..., previous=stored, new_ids={new})`,
the path `Pipeline.update_story` takes. Baseline in the same run: recomputing the whole story
(`previous=None`), as every update did before (timed once, at 20 and, when affordable, at 1,000).
Also: a 50-article story (25 wire copies + 25 PolNeAR articles) from scratch to all flags.

Run: .venv/bin/python bench/provenance_incremental.py [--lexical] [--sizes 20 1000]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ecb_docs import load_topics  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.model import Article, StoryProvenance  # noqa: E402
from newstrace.provenance import analyze_story  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "datasets" / "polnear" / "data"
CREDITS = (
    "",
    "\n\nThe Associated Press contributed to this report.",
    "\n\nCopyright 2013 The Associated Press. All rights reserved.",
)


def wire_copies(n: int) -> list[Article]:
    """The longest ECB+ test article and n - 1 copies cut at varied points."""
    wire = max(load_topics(range(36, 46)), key=lambda a: len(a.text))
    paragraphs = wire.text.split("\n")
    out = [Article(id="wire", source="wire", text=wire.text, title="wire", outlet="The Wire")]
    for k in range(1, n):
        keep = max(4, len(paragraphs) - (k % 7))
        text = "\n".join(paragraphs[:keep]) + CREDITS[k % len(CREDITS)]
        out.append(Article(id=f"copy{k:04d}", source=f"copy{k}", text=text, outlet=f"Outlet {k}"))
    return out


def polnear(n: int) -> list[Article]:
    paths = sorted(POLNEAR.glob("*/text/*.txt"))  # every compartment: only the cost is measured
    out = []
    for path in paths[:n]:
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n\n")
        out.append(Article(id=path.stem[:60], source=str(path), text=body, title=title.strip()))
    return out


def add_one(
    articles: list[Article], stored: StoryProvenance, new: Article, settings: Settings
) -> float:
    t0 = time.perf_counter()
    analyze_story([*articles, new], [], settings, previous=stored, new_ids={new.id})
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 1000])
    parser.add_argument("--stories", nargs="+", default=["wire", "developing"])
    parser.add_argument(
        "--recompute-max", type=int, default=200, help="time the full recompute up to this N"
    )
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    settings.progress = False
    analyzer = Analyzer(settings)
    largest = max(args.sizes)
    makers = {"wire": wire_copies, "developing": polnear}
    pools = {name: makers[name](largest + 6) for name in args.stories}
    for pool in pools.values():
        analyzer.analyze(pool)
    machine = f"{platform.machine()} {len(os.sched_getaffinity(0))}-core, shared"
    first = next(iter(pools.values()))
    print(f"machine: {machine}; analysed with {first[0].analyzed_with}")
    print("| story | N stored | add one (median of 5) | whole story recomputed (baseline) |")
    print("|---|---|---|---|")
    for name, pool in pools.items():
        for n in args.sizes:
            articles = pool[:n]
            t0 = time.perf_counter()
            stored = analyze_story(articles, [], settings)
            build = time.perf_counter() - t0
            extra = pool[n : n + 5]
            times = [add_one(articles, stored, new, settings) for new in extra]
            full = "not timed (the first build below is the same work)"
            if n <= args.recompute_max:
                t0 = time.perf_counter()
                analyze_story([*articles, extra[0]], [], settings)
                full = f"{time.perf_counter() - t0:.2f} s"
            print(
                f"| {name} | {n} | {statistics.median(times):.3f} s "
                f"(min {min(times):.3f}, max {max(times):.3f}) | {full} (first build {build:.1f} s) |"
            )
    if set(pools) != {"wire", "developing"}:
        return
    mixed = pools["wire"][:25] + pools["developing"][:25]
    t0 = time.perf_counter()
    result = analyze_story(mixed, [], settings)
    print(
        f"\n50-article story (25 wire copies + 25 PolNeAR) to all flags: "
        f"{time.perf_counter() - t0:.2f} s ({len(result.flags)} flags, "
        f"{len(result.derivations)} links)"
    )


if __name__ == "__main__":
    main()
