"""Stories for the LLM-rewrite benchmark: hand-written rewrites beside their real sources.

A story holds, for one reported event: the real source article(s) read from ../shared, every
hand-written derived article of bench/data/rewrites/ drawn from them, a copy of one source cut
from the bottom with a credit line (syndication as it is printed), real wire copies that ECB+
already holds (pairs sharing >= 60 % of their word 5-grams), and independent reports of the
same event (ECB+ documents of the sub-topic sharing < 10 %) as hard negatives. Half the
stories, chosen by hash, carry publication times; the other half are undated.

Gold: links between syndication groups (a source and its copies), with direction; for each
derived sentence its label (faithful, invented_quote, invented_detail, flipped, background)
and, for flips, the source sentences it changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

import rewrites_sources as sources

CORPUS = Path(__file__).resolve().parent / "data" / "rewrites"
ROLES = ("source", "derived", "copy", "wire", "independent")


@dataclass
class GoldSentence:
    start: int
    end: int
    text: str
    label: str
    source_texts: list[str]
    flip: str | None = None


@dataclass
class CaseArticle:
    id: str
    role: str
    text: str
    title: str
    outlet: str | None
    published: str | None
    group: str  # syndication group: a source and its copies share one
    sentences: list[GoldSentence] = field(default_factory=list)


@dataclass
class Case:
    id: str
    split: str
    dated: bool
    articles: list[CaseArticle]
    links: set[tuple[str, str]]  # gold (source group, derived group)
    copies: set[tuple[str, str]]  # gold (source, copy) inside a group, direction known
    wire_pairs: set[frozenset[str]]  # real wire copies from ECB+: linked, direction unknown


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def read_corpus(directory: Path = CORPUS) -> list[dict]:
    rows: list[dict] = []
    for path in sorted(directory.glob("w*.jsonl")):
        if path.stem.endswith("_pairs"):
            continue
        rows += [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    return rows


def read_pairs(directory: Path = CORPUS) -> list[dict]:
    rows: list[dict] = []
    for path in sorted(directory.glob("w*_pairs.jsonl")):
        rows += [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    return rows


def story_key(ref: str) -> str:
    """ECB+ sources group by sub-topic (one event); others stand alone."""
    dataset, key = ref.split(":", 1)
    if dataset == "ecb":
        topic, rest = key.split("_", 1)
        return f"ecb:{topic}_{'ecbplus' if rest.endswith('ecbplus') else 'ecb'}"
    return ref


def outlet_of(src: sources.Source) -> str:
    if src.outlet:
        return src.outlet
    dataset, key = src.ref.split(":", 1)
    if dataset == "ecb":
        raw = (sources.ECB / key.split("_", 1)[0] / f"{key}.xml").read_text(encoding="utf-8")
        first = raw.split('sentence="0"', 1)
        url = (
            "".join(t.split(">", 1)[-1].split("<", 1)[0] for t in first[1].split("<token")[:40])
            if len(first) > 1
            else ""
        )
        if url.lower().startswith("http"):
            host = urlparse(url.replace(" ", "")).netloc.lower().removeprefix("www.")
            if host:
                return host
    return f"outlet-{_hash(src.ref) % 997}"


def derived_text(row: dict) -> tuple[str, list[GoldSentence]]:
    """The derived article's text (paragraphs by blank lines) and its labelled sentences."""
    text = ""
    gold: list[GoldSentence] = []
    for k, paragraph in enumerate(row["paragraphs"]):
        if k:
            text += "\n\n"
        for m, s in enumerate(paragraph):
            if m:
                text += " "
            start = len(text)
            text += s["text"].strip()
            gold.append(
                GoldSentence(
                    start,
                    len(text),
                    s["text"].strip(),
                    s["label"],
                    [sources.sentence(r) for r in s.get("from", [])],
                    s.get("flip"),
                )
            )
    return text, gold


def source_text(src: sources.Source, keep: int | None = None) -> str:
    """A source's text with its paragraphs; `keep` cuts it to its first sentences."""
    out: list[str] = []
    last = -1
    for n, (sentence, para) in enumerate(zip(src.sentences, src.paragraphs, strict=True)):
        if keep is not None and n >= keep:
            break
        out.append(("\n\n" if out and para != last else " " if out else "") + sentence)
        last = para
    return "".join(out)


_CREDITS = (
    "Copyright {year} {outlet}. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "This article originally appeared on {outlet}.",
    "{outlet} contributed to this report.",
    "Distributed by {outlet}. Republished with permission.",
)


def trimmed_copy(src: sources.Source, outlet: str) -> str:
    """The source cut from the bottom (55-80 % of its sentences kept), a credit line added."""
    n = len(src.sentences)
    keep = max(4, round(n * (0.55 + (_hash(src.ref) % 26) / 100)))
    credit = _CREDITS[_hash(src.ref + "credit") % len(_CREDITS)]
    return source_text(src, keep) + "\n\n" + credit.format(year=2013, outlet=outlet)


def _grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def _share(a: set, b: set) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def build_cases(split: str, corpus: Path = CORPUS) -> list[Case]:
    rows = [r for r in read_corpus(corpus) if sources.split_of(r["sources"][0]) == split]
    by_story: dict[str, list[dict]] = {}
    for row in rows:
        by_story.setdefault(story_key(row["sources"][0]), []).append(row)
    cases = []
    for key, story_rows in sorted(by_story.items()):
        cases.append(_case(key, split, story_rows))
    return cases


def _case(key: str, split: str, rows: list[dict]) -> Case:
    dated = _hash(key) % 2 == 0
    t0 = datetime(2013, 3, 1, 8, 0, tzinfo=UTC) + timedelta(days=_hash(key) % 300)

    def when(hours: float) -> str | None:
        return (t0 + timedelta(hours=hours)).isoformat().replace("+00:00", "Z") if dated else None

    refs = sorted({ref for r in rows for ref in r["sources"]})
    articles: list[CaseArticle] = []
    links: set[tuple[str, str]] = set()
    copies: set[tuple[str, str]] = set()
    for k, ref in enumerate(refs):
        src = sources.load(ref)
        outlet = outlet_of(src)
        sid = ref.replace(":", "_").replace("/", "_")
        articles.append(
            CaseArticle(sid, "source", source_text(src), src.title, outlet, when(k), sid)
        )
        if k == 0:  # one syndicated copy per story, cut from the bottom with a credit line
            cid = f"{sid}-copy"
            articles.append(
                CaseArticle(
                    cid,
                    "copy",
                    trimmed_copy(src, outlet),
                    src.title,
                    f"copy-of-{outlet}",
                    when(2),
                    sid,
                )
            )
            copies.add((sid, cid))
    for m, row in enumerate(sorted(rows, key=lambda r: r["id"])):
        text, gold = derived_text(row)
        articles.append(
            CaseArticle(
                row["id"],
                "derived",
                text,
                row["title"],
                f"farm-{row['id']}",
                when(3 + m),
                row["id"],
                gold,
            )
        )
        for ref in row["sources"]:
            links.add((ref.replace(":", "_").replace("/", "_"), row["id"]))
    wire_pairs: set[frozenset[str]] = set()
    if key.startswith("ecb:"):
        used = {ref.split(":", 1)[1] for ref in refs}
        first = sources._sub_topic_docs(key.split(":", 1)[1].replace("_", "_1", 1))
        grams = {ref: _grams(source_text(sources.load(ref))) for ref in refs}
        independents = 0
        for doc in first:
            if doc in used:
                continue
            other = sources.load(f"ecb:{doc}")
            if not 6 <= len(other.sentences) <= 40:
                continue
            g = _grams(source_text(other))
            shares = {ref: _share(g, grams[ref]) for ref in refs}
            oid = f"ecb_{doc}"
            best = max(shares, key=lambda r: shares[r])
            group = oid
            if shares[best] >= 0.6:  # a real wire copy of a source: same group, either way round
                group = best.replace(":", "_")
                wire_pairs.add(frozenset({oid, group}))
                role = "wire"
            elif max(shares.values()) < 0.1 and independents < 2:
                independents += 1
                role = "independent"
            else:
                continue
            articles.append(
                CaseArticle(
                    oid,
                    role,
                    source_text(other),
                    other.title,
                    outlet_of(other),
                    when(-5 + len(articles)),
                    group,
                )
            )
    return Case(key, split, dated, articles, links, copies, wire_pairs)
