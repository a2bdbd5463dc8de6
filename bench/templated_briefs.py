"""Templated local briefs: different towns and events must stay apart.

Run from the repo root: `.venv/bin/python bench/templated_briefs.py [--seed 0] [--lexical]`.
300 briefs = 10 kinds of event x 10 towns x 3 outlets, written from one template per kind
(bench/data/brief_templates.json, two wordings per sentence). The three briefs of one town and
kind report one event (same facts, reworded); every other pair shares only the template. Gold
event = story = (kind, town). Measured through the whole pipeline (ingest of .txt files with
Outlet/Date headers, analysis, clustering, provenance): story and event pairwise F1, and
derivations and "altered" flags between different gold events (the goal is none).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecb_docs import ari, pairwise_f1
from newstrace.pipeline import Pipeline
from newstrace.settings import Settings
from newstrace.store import open_store

TEMPLATES = Path(__file__).resolve().parent / "data" / "brief_templates.json"
MACHINE = f"{platform.machine()} {__import__('os').cpu_count()}-core, no GPU"


def write_briefs(folder: Path, seed: int) -> dict[str, str]:
    """Write the briefs as .txt files; returns article id -> gold event."""
    spec = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    gold: dict[str, str] = {}
    for kind, template in spec["kinds"].items():
        for t, town in enumerate(spec["towns"]):
            day_index = rng.randrange(len(spec["days"]))
            slots = {
                "town": town,
                "street": rng.choice(spec["streets"]),
                "official": f"{rng.choice(spec['first_names'])} {rng.choice(spec['last_names'])}",
                "role": template["role"],
                "n1": str(rng.randrange(12, 900)),
                "n2": str(rng.randrange(2, 60)),
                "n3": str(rng.randrange(3, 400)),
                "day": spec["days"][day_index],
            }
            used: set[tuple[int, ...]] = set()
            for o, outlet in enumerate(spec["outlets"]):
                choice = tuple(rng.randrange(2) for _ in template["sentences"])
                while choice in used:  # each outlet words the release its own way
                    choice = tuple(rng.randrange(2) for _ in template["sentences"])
                used.add(choice)
                sentences = [
                    pair[c].format(**slots)
                    for pair, c in zip(template["sentences"], choice, strict=True)
                ]
                aid = f"{kind}-{t}-{o}"
                hour = 9 + 2 * o + rng.randrange(2)
                (folder / f"{aid}.txt").write_text(
                    f"Outlet: {outlet}\nDate: 2026-06-0{1 + day_index}T{hour:02d}:00:00Z\n\n"
                    + " ".join(sentences)
                    + "\n",
                    encoding="utf-8",
                )
                gold[aid] = f"{kind}@{town}"
    return gold


def run(seed: int, settings: Settings) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        gold = write_briefs(folder, seed)
        store = open_store(str(Path(tmp) / "briefs.db"))
        try:
            started = time.perf_counter()
            Pipeline(store, settings).ingest(sorted(folder.iterdir()))
            seconds = time.perf_counter() - started
            assignments = store.assignments()
            events = {a.article: a.event for a in assignments}
            stories = {a.article: a.story for a in assignments}
            derivations = flags = cross_derivations = cross_flags = possible = 0
            for story in store.stories():
                prov = store.get_provenance(story.id)
                if prov is None:
                    continue
                for d in prov.derivations:
                    if d.strength != "derived":
                        possible += 1
                        continue
                    derivations += 1
                    cross_derivations += gold[d.source] != gold[d.derived]
                for f in prov.flags:
                    flags += 1
                    cross_flags += any(gold[e.article] != gold[f.article] for e in f.evidence)
        finally:
            store.close()
    ev_p, ev_r, ev_f1 = pairwise_f1(events, gold)
    st_p, st_r, st_f1 = pairwise_f1(stories, gold)
    same_pairs = sum(gold[a] == gold[b] for a, b in combinations(sorted(gold), 2))
    return {
        "articles": len(gold),
        "gold_events": len(set(gold.values())),
        "stories": len(set(stories.values())),
        "events": len(set(events.values())),
        "story_p": st_p,
        "story_r": st_r,
        "story_f1": st_f1,
        "story_ari": ari(stories, gold),
        "event_p": ev_p,
        "event_r": ev_r,
        "event_f1": ev_f1,
        "derivations": derivations,
        "possible": possible,
        "cross_derivations": cross_derivations,
        "same_event_pairs": same_pairs,
        "flags": flags,
        "cross_flags": cross_flags,
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--lexical", action="store_true", help="no neural model")
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings.from_env()
    print(
        f"machine: {MACHINE} (shared, under load); path: {'lexical' if args.lexical else 'default'}"
    )
    print(
        "| seed | articles | gold events | stories | events | story P / R / F1 | event P / R / F1 "
        "| derivations (possible) | between different events | flags | flags with evidence "
        "from another event | seconds |"
    )
    print("|" + "---|" * 12)
    for seed in range(args.seeds):
        r = run(seed, settings)
        print(
            f"| {seed} | {r['articles']} | {r['gold_events']} | {r['stories']} | {r['events']} "
            f"| {r['story_p']:.3f} / {r['story_r']:.3f} / {r['story_f1']:.3f} "
            f"| {r['event_p']:.3f} / {r['event_r']:.3f} / {r['event_f1']:.3f} "
            f"| {r['derivations']} ({r['possible']}) | {r['cross_derivations']} "
            f"| {r['flags']} | {r['cross_flags']} | {r['seconds']:.0f} |"
        )


if __name__ == "__main__":
    main()
