"""A 1,000-article story in the web UI: page times, and a loopback load test.

Store: the 982 ECB+ articles (all topics, real news text) plus 18 trimmed copies, analysed on
the lexical path and put into ONE story, so every page of the story has 1,000 articles to show.
Its provenance is computed pair by pair with the real pairwise comparison
(`provenance.pairwise.compare_articles`) along each ECB+ sub-topic (article i against i+1):
links above the bar become derivations (below it but over half the bar, possible rewrites), the
checker's altered/unsupported sentences of linked articles become flags, and each article's
lead sentence becomes a claim stated by the articles of its sub-topic.

Run: .venv/bin/python bench/big_story.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from copy import deepcopy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402

from ecb_docs import gold_event, load_topics  # noqa: E402
from newstrace.analyze import Analyzer, resolve_entities  # noqa: E402
from newstrace.model import (  # noqa: E402
    Article,
    Assignment,
    Claim,
    Derivation,
    Event,
    Evidence,
    Flag,
    Story,
    StoryProvenance,
)
from newstrace.provenance.pairwise import compare_articles  # noqa: E402
from newstrace.settings import Settings  # noqa: E402
from newstrace.store import open_store  # noqa: E402
from web_pages import free_port, timed_get  # noqa: E402

STORY = "s-big"


def articles() -> list[Article]:
    docs = load_topics(range(1, 46))
    copies = []
    for doc in docs[:: max(1, len(docs) // 18)][: 1000 - len(docs)]:
        lines = doc.text.split("\n")
        copies.append(Article(id=f"{doc.id}-trim", source=doc.source, text="\n".join(lines[1:])))
    return docs + copies


def provenance(arts: list[Article]) -> StoryProvenance:
    by_event: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        by_event[gold_event(a.id.removesuffix("-trim"))].append(a)
    prov = StoryProvenance(story=STORY)
    for members in by_event.values():
        for a, b in itertools.pairwise(members):
            result = compare_articles(a, b)
            if result.score < result.threshold / 2:
                continue
            strength = "derived" if result.above_bar else "possible"
            prov.derivations.append(
                Derivation(
                    a.id,
                    b.id,
                    result.score,
                    result.kind,
                    len(result.pairs),
                    "published earlier",
                    result.pairs,
                    strength=strength,
                )
            )
            if strength != "derived":
                continue
            for v in result.verdicts:
                if v.label == "supported":
                    continue
                kind = "altered" if v.label == "altered" else "unsupported"
                text = b.sentences[v.sentence].text
                evidence = [Evidence(a.id, v.evidence)] if v.evidence else []
                prov.flags.append(Flag(b.id, kind, text, evidence, v.score, v.sentence, v.reason))
        for a in members:
            if a.sentences:
                prov.claims.append(
                    Claim(
                        f"c-{a.id}",
                        a.sentences[0].text,
                        [m.id for m in members],
                        sentences={m.id: 0 for m in members},
                    )
                )
    return prov


def build(db: Path) -> str:
    arts = articles()
    analyzer = Analyzer(Settings.lexical())
    for start in range(0, len(arts), 64):
        analyzer.analyze(arts[start : start + 64])
    store = open_store(str(db))
    try:
        for a in arts:
            store.add_article(a)
            store.save_analysis(a)
            store.save_assignment(
                Assignment(a.id, f"e-{gold_event(a.id.removesuffix('-trim'))}", STORY)
            )
        events: dict[str, list[str]] = defaultdict(list)
        for a in arts:
            events[gold_event(a.id.removesuffix("-trim"))].append(a.id)
        store.save_stories(
            [
                Story(
                    STORY,
                    "Every ECB+ article in one story",
                    [a.id for a in arts],
                    [Event(f"e-{k}", k, v) for k, v in events.items()],
                )
            ]
        )
        prov = provenance([deepcopy(a) for a in arts])
        prov.entities = resolve_entities(arts)  # story-level entities, as the pipeline keeps
        store.save_provenance(prov)
        return (
            f"{len(arts)} articles, {len(events)} events, {len(prov.derivations)} links "
            f"({sum(d.strength == 'derived' for d in prov.derivations)} derived), "
            f"{len(prov.flags)} flags, {len(prov.claims)} claims"
        )
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the store here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "big.db"
        started = time.perf_counter()
        what = build(db) if not db.exists() else "kept store"
        built = time.perf_counter() - started
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "newstrace.cli", "serve", "--db", str(db), "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        times: dict[str, list[float]] = defaultdict(list)
        try:
            client = httpx.Client(base_url=base, timeout=300)
            for _ in range(300):
                try:
                    if client.get("/api/stories").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            view = client.get(f"/api/stories/{STORY}").json()
            edge = next(e for e in view["graph"]["edges"] if e["strength"] == "derived")
            pages = {
                "list": ("/", None),
                "story": (f"/stories/{STORY}", None),
                "claims": (f"/stories/{STORY}/claims", None),
                "claims page 5": (f"/stories/{STORY}/claims", {"page": "5"}),
                "diff": (
                    f"/stories/{STORY}/diff",
                    {"source": edge["source_article"], "derived": edge["derived_article"]},
                ),
                "article": (f"/stories/{STORY}/article", {"id": edge["derived_article"]}),
                "flags CSV": (f"/stories/{STORY}/export/flags.csv", None),
            }
            sizes = {}
            for _ in range(args.repeat):
                for name, (url, params) in pages.items():
                    times[name].append(timed_get(client, url, params))
                    sizes[name] = len(client.get(url, params=params).content)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores (shared, under load); "
        f"store: {what}; built in {built:.0f}s; {args.repeat} passes"
    )
    print("| page | median ms | max ms | size KB |")
    print("|---|---:|---:|---:|")
    for name, values in times.items():
        print(
            f"| {name} | {statistics.median(values):.0f} | {max(values):.0f} "
            f"| {sizes[name] / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
