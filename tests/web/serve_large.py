"""Serve one large story for the browser tests: `python serve_large.py PORT`.

300 real ECB+ articles (train topics 1-12) in one story, with links along each sub-topic and
more flags and claims than one page shows, so the story page, its flag pages and its claim
pages are read as a reader of a big story meets them. Provenance rows are written directly
(this is about reading them, not finding them).
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import uvicorn

from ecb_docs import gold_event, load_topics
from newstrace.model import (
    Assignment,
    Claim,
    Derivation,
    Event,
    Evidence,
    Flag,
    Story,
    StoryProvenance,
)
from newstrace.store import SQLiteStore
from newstrace.web import create_app

STORY = "s-large"


def build(db: str) -> None:
    docs = load_topics(range(1, 13))[:300]
    store = SQLiteStore(db)
    events: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        store.add_article(d)
        events[gold_event(d.id)].append(d.id)
        store.save_assignment(Assignment(d.id, f"e-{gold_event(d.id)}", STORY))
    store.save_stories(
        [
            Story(
                STORY,
                f"{len(docs)} ECB+ reports in one story",
                [d.id for d in docs],
                [Event(f"e-{k}", f"Development {k}", v) for k, v in events.items()],
            )
        ]
    )
    by_id = {d.id: d for d in docs}
    prov = StoryProvenance(story=STORY)
    for members in events.values():
        for i, (a, b) in enumerate(pairwise(members)):
            strength = "possible" if i % 4 == 3 else "derived"
            prov.derivations.append(
                Derivation(a, b, 0.42 if strength == "possible" else 0.8, strength=strength)
            )
            first = by_id[b].text.split("\n")[0]
            prov.flags.append(
                Flag(b, "unsupported", first, [Evidence(a, by_id[a].text.split("\n")[0])], 0.6, 0)
            )
        for aid in members:
            prov.claims.append(
                Claim(f"c-{aid}", by_id[aid].text.split("\n")[0], members, sentences={})
            )
    store.save_provenance(prov)
    store.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "large.db")
        build(path)
        uvicorn.run(
            create_app(lambda: SQLiteStore(path)),
            host="127.0.0.1",
            port=int(sys.argv[1]),
            log_level="warning",
        )
