"""A long, dated news stream built from real sentences, with known stories, events and copies.

Seeds are real reports: each ECB+ sub-topic (its documents' sentences) is one event and each
ECB+ topic one story of two events; each FRANK and PolNeAR article is one story whose first
and second halves are two successive events. A seed is reused in several epochs months apart
(a new story each time, never inside one active window). Articles sample 5-8 sentences
(below); 15 % are near-copies of an
earlier article of the same event (a sentence dropped, one swapped), 8 % carry no date. As in real coverage, every report of
an event repeats some of its key facts: 3 sentences from the event's 4-sentence core, 1-4
from its wider pool and one from the story's other event.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ecb_docs import ECB_DIR, detokenize
from newstrace.model import Article

DATASETS = ECB_DIR.parent
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')


@dataclass
class StreamArticle:
    article: Article
    event: str  # gold event
    story: str  # gold story


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if 30 <= len(s.strip()) <= 400]


def _ecb_seeds() -> list[list[list[str]]]:
    """One seed per ECB+ topic: [sentences of sub-topic ecb, sentences of sub-topic ecbplus]."""
    base = ECB_DIR / "ECB+_LREC2014" / "ECB+"
    seeds: list[list[list[str]]] = []
    for folder in sorted(base.iterdir(), key=lambda p: p.name):
        if not folder.is_dir():
            continue
        pools: dict[str, list[str]] = {"ecb": [], "ecbplus": []}
        for path in sorted(folder.glob("*.xml")):
            sentences: dict[int, list[str]] = {}
            for number, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
                sentences.setdefault(int(number), []).append(token)
            lines = [detokenize(sentences[k]) for k in sorted(sentences)]
            lines = [s for s in lines if 30 <= len(s) <= 400 and not s.lower().startswith("http")]
            pools["ecbplus" if path.stem.endswith("ecbplus") else "ecb"].extend(lines)
        if pools["ecb"] and pools["ecbplus"]:
            seeds.append([pools["ecb"], pools["ecbplus"]])
    return seeds


def _article_seeds() -> list[list[list[str]]]:
    """FRANK and PolNeAR articles: [first half, second half] of each article's sentences."""
    texts: list[str] = []
    seen: set[str] = set()
    frank = DATASETS / "frank" / "frank_reconstructed.jsonl"
    if frank.exists():
        for line in frank.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["article"]
            if text not in seen:
                seen.add(text)
                texts.append(text)
    polnear = DATASETS / "polnear" / "data"
    if polnear.is_dir():
        for path in sorted(polnear.rglob("*.txt")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    seeds: list[list[list[str]]] = []
    for text in texts:
        sentences = _sentences(" ".join(text.split()))
        if len(sentences) >= 8:
            half = len(sentences) // 2
            seeds.append([sentences[:half], sentences[half:]])
    return seeds


def load_seeds() -> list[list[list[str]]]:
    return _ecb_seeds() + _article_seeds()


def generate(n_articles: int, seed: int = 0, days: float = 730.0) -> Iterator[StreamArticle]:
    """`n_articles` articles in publication order (undated ones where they arrive), stories
    starting over `days` days (fewer days: a denser stream, as 200k over 730 days)."""
    rng = random.Random(seed)
    seeds = load_seeds()
    start = datetime(2015, 1, 1, tzinfo=UTC)
    # plan story instances: a seed, an epoch, a start day, events days apart, sizes
    plans: list[tuple[float, str, str, list[str], list[str], bool]] = []
    total = 0
    instance = 0
    used_days: dict[int, list[float]] = {}  # seed -> first days of its instances
    while total < n_articles:
        seed_index = rng.randrange(len(seeds))
        pools = seeds[seed_index]
        story_id = f"story{instance}"
        first_day = rng.uniform(0, days)
        taken = used_days.setdefault(seed_index, [])
        if any(abs(first_day - day) < 60 for day in taken):
            continue  # a reused seed is a new story only far outside any active window
        taken.append(first_day)
        gap = rng.uniform(6, 14)
        for e, pool in enumerate(pools if rng.random() < 0.7 else pools[:1]):
            event_id = f"{story_id}.e{e}"
            size = min(120, max(1, int(rng.paretovariate(1.3) * 6)))
            other = pools[1 - e] if len(pools) > 1 else pool
            day0 = first_day + e * gap
            for _ in range(size):
                plans.append((day0 + rng.expovariate(1.0), story_id, event_id, pool, other, False))
            total += size
        instance += 1
    plans.sort(key=lambda p: p[0])
    plans = plans[:n_articles]
    by_event: dict[str, list[str]] = {}
    cores: dict[str, list[str]] = {}  # the key facts every report of an event repeats
    for number, (day, story_id, event_id, pool, other, _) in enumerate(plans):
        earlier = by_event.setdefault(event_id, [])
        if earlier and rng.random() < 0.15:
            lines = rng.choice(earlier).split("\n")
            if len(lines) > 3:
                lines.pop(rng.randrange(1, len(lines)))
            lines[-1] = rng.choice(pool)
        else:
            core = cores.setdefault(event_id, rng.sample(pool, min(4, len(pool))))
            extra = rng.sample(pool, min(rng.randint(1, 4), len(pool)))
            lines = rng.sample(core, min(3, len(core))) + extra + [rng.choice(other)]
        text = "\n".join(lines)
        earlier.append(text)
        published = None
        if rng.random() >= 0.08:
            published = (start + timedelta(days=day)).isoformat().replace("+00:00", "Z")
        article = Article(
            id=f"a{number:07d}",
            source=f"stream://{number}",
            text=text,
            title=lines[0][:120],
            outlet=f"outlet{rng.randrange(300)}",
            published=published,
        )
        yield StreamArticle(article, event_id, story_id)
