"""Source articles of the hand-written rewrite corpus, read from ../shared with frozen sentences.

The corpus in bench/data/rewrites/ holds only our own writing: each derived sentence points at
the source sentences it restates as `DATASET:DOC#N` (N counts this module's sentences of the
source). This module rebuilds those sentences from ../shared/datasets, so no dataset text is
copied into the project. Its splitter is frozen on purpose: it is the gold numbering, not the
product's analysis, and must never change once sentences are referenced.

    python3 bench/rewrites_sources.py list              # the chosen sources, split, writer
    python3 bench/rewrites_sources.py show ecb:3_1ecb    # one source, numbered sentences
    python3 bench/rewrites_sources.py check FILE.jsonl   # validate a writer's file
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
ECB = DATASETS / "ecbplus" / "ECB+_LREC2014" / "ECB+"
POLNEAR = DATASETS / "polnear" / "data"
FRANK = DATASETS / "frank"

_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|'re|n't|'ll|'ve|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")
# frozen gold splitter for PolNeAR and FRANK text (ECB+ carries its own sentence numbers)
_SPLIT = re.compile(r"(?<=[.!?])[\"”’')]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Co|Corp|Ltd|No|Vol|"
    r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m|[A-Z])\.$"
)

LABELS = ("faithful", "invented_quote", "invented_detail", "flipped", "background")
FLIPS = (
    "agent_patient",
    "number",
    "date",
    "place",
    "person",
    "negation",
    "quote_speaker",
    "other",
)
KINDS = (
    "condensed",
    "restyle",
    "sensational",
    "neutral",
    "expansion",
    "merge",
    "quote_shift",
)
WRITERS = ("w1", "w2", "w3", "w4", "w5")


@dataclass(frozen=True)
class Source:
    ref: str  # "ecb:3_1ecb", "polnear:train/NAME", "frank:HASH"
    title: str
    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...]  # paragraph number of each sentence
    published: str | None = None
    outlet: str | None = None


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    return text.replace("&amp;", "&").replace("&quot;", '"').replace("&apos;", "'")


def _split(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _SPLIT.finditer(paragraph):
        head = paragraph[start : m.start() + 1].rstrip("\"”’')")
        if _ABBREV.search(head):
            continue
        pieces.append(paragraph[start : m.end()].strip())
        start = m.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _from_paragraphs(paragraphs: list[str]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    sentences: list[str] = []
    numbers: list[int] = []
    for k, paragraph in enumerate(p for p in paragraphs if p.strip()):
        for s in _split(" ".join(paragraph.split())):
            sentences.append(s)
            numbers.append(k)
    return tuple(sentences), tuple(numbers)


def _ecb(doc: str) -> Source:
    topic = doc.split("_", 1)[0]
    raw = (ECB / topic / f"{doc}.xml").read_text(encoding="utf-8")
    by_number: dict[int, list[str]] = {}
    for number, token in _TOKEN.findall(raw):
        by_number.setdefault(int(number), []).append(token)
    lines = [_detok(by_number[k]) for k in sorted(by_number)]
    if lines and lines[0].lower().startswith("http"):
        lines.pop(0)
    title = lines[0] if lines else doc
    return Source(f"ecb:{doc}", title, tuple(lines), tuple(range(len(lines))))


@cache
def _polnear_meta() -> dict[str, dict[str, str]]:
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"), strict=False)) for line in fh]
    return {r["filename"]: r for r in rows}


def _polnear(name: str) -> Source:
    split, stem = name.split("/", 1)
    text = (POLNEAR / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    title = " ".join(paragraphs[0].split())
    sentences, numbers = _from_paragraphs(paragraphs[1:])
    meta = _polnear_meta().get(stem, {})
    return Source(
        f"polnear:{name}",
        title,
        sentences,
        numbers,
        published=meta.get("publication_date"),
        outlet=meta.get("publisher"),
    )


@cache
def _frank_articles() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with (FRANK / "frank_reconstructed.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out.setdefault(row["hash"], (row["dataset"], row["article"]))
    return out


def _frank(key: str) -> Source:
    _dataset, article = _frank_articles()[key]
    paragraphs = re.split(r"\n\s*\n|\n", article)
    sentences, numbers = _from_paragraphs(paragraphs)
    return Source(f"frank:{key}", sentences[0][:90] if sentences else key, sentences, numbers)


@cache
def load(ref: str) -> Source:
    """One source article by reference."""
    dataset, key = ref.split(":", 1)
    if dataset == "ecb":
        return _ecb(key)
    if dataset == "polnear":
        return _polnear(key)
    if dataset == "frank":
        return _frank(key)
    raise ValueError(f"unknown dataset in {ref!r}")


def sentence(ref_n: str) -> str:
    """The text of `DATASET:DOC#N`."""
    ref, n = ref_n.rsplit("#", 1)
    return load(ref).sentences[int(n)]


# --- the frozen choice of sources and splits -------------------------------------------------
def _bucket(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % 100


def split_of(ref: str) -> str:
    """train / dev / test, frozen before any tuning. ECB+ splits by topic so that independent
    reports of one event (the hard negatives) never cross splits; the others by article."""
    dataset, key = ref.split(":", 1)
    if dataset == "ecb":
        topic = int(key.split("_", 1)[0])
        return "test" if topic % 5 == 3 else "dev" if topic % 5 == 1 else "train"
    bucket = _bucket(key)
    return "test" if bucket < 30 else "dev" if bucket < 55 else "train"


def _words(s: Source) -> int:
    return sum(len(x.split()) for x in s.sentences)


def _sub_topic_docs(doc: str) -> list[str]:
    topic, rest = doc.split("_", 1)
    sub = "ecbplus" if rest.endswith("ecbplus") else "ecb"
    docs = sorted(p.stem for p in (ECB / topic).glob(f"{topic}_*.xml"))
    return [d for d in docs if d.endswith(sub) and (sub == "ecbplus" or not d.endswith("plus"))]


def _ecb_choices() -> list[str]:
    """Per ECB+ topic 1-35 and sub-topic, the document nearest a full-length report's size
    (about 18 sentences, 10 to 35)."""
    chosen: list[str] = []
    for topic in range(1, 36):
        for sub in ("ecb", "ecbplus"):
            docs = [
                d for d in _sub_topic_docs(f"{topic}_1{sub}") if 10 <= len(_ecb(d).sentences) <= 35
            ]
            ranked = sorted(docs, key=lambda d: (abs(len(_ecb(d).sentences) - 18), d))
            chosen += [f"ecb:{d}" for d in ranked[:1]]
    return chosen


def _grams(src: Source) -> set[tuple[str, ...]]:
    words = " ".join(src.sentences).lower().split()
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def merge_partner(ref: str) -> str | None:
    """Another ECB+ report of the same event sharing under 10 % of its word 5-grams (an
    independent report, not a wire copy): the second source of a merge."""
    dataset, doc = ref.split(":", 1)
    if dataset != "ecb":
        return None
    base = _grams(_ecb(doc))
    best: tuple[float, str] | None = None
    for other in _sub_topic_docs(doc):
        if other == doc or not 8 <= len(_ecb(other).sentences) <= 35:
            continue
        grams = _grams(_ecb(other))
        share = len(base & grams) / max(1, min(len(base), len(grams)))
        if share < 0.1 and (best is None or share < best[0]):
            best = (share, other)
    return f"ecb:{best[1]}" if best else None


def _polnear_choices(n: int) -> list[str]:
    meta = _polnear_meta()
    refs = []
    for split in ("train", "dev"):
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            src = _polnear(f"{split}/{path.stem}")
            words = _words(src)
            if 350 <= words <= 900 and len(src.sentences) >= 12 and path.stem in meta:
                refs.append(src.ref)
    refs.sort(key=_bucket)
    return refs[:n]


def _frank_choices(n: int) -> list[str]:
    valid = set((FRANK / "validation_split.txt").read_text().split())
    refs = []
    for key, (dataset, article) in sorted(_frank_articles().items()):
        if key in valid and dataset == "cnndm" and 300 <= len(article.split()) <= 900:
            refs.append(f"frank:{key}")
    refs.sort(key=_bucket)
    return refs[:n]


@cache
def choices() -> dict[str, str]:
    """source ref -> writer. Sources go round-robin to writers so no writer owns a split."""
    refs = _ecb_choices()[:50] + _polnear_choices(25) + _frank_choices(25)
    return {ref: WRITERS[k % len(WRITERS)] for k, ref in enumerate(refs)}


# --- validation of a writer's file ----------------------------------------------------------
def check(path: Path) -> list[str]:
    problems: list[str] = []
    n_articles = n_pairs = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: bad JSON ({exc})")
            continue
        if "claim" in row:
            n_pairs += 1
            problems += _check_refs(where, row.get("from", []), required=True)
            if row.get("label") not in ("faithful", "invented", "flipped"):
                problems.append(f"{where}: pair label must be faithful/invented/flipped")
            if row.get("label") == "flipped" and row.get("flip") not in FLIPS:
                problems.append(f"{where}: flip type must be one of {FLIPS}")
            continue
        n_articles += 1
        if row.get("kind") not in KINDS:
            problems.append(f"{where}: kind must be one of {KINDS}")
        for ref in row.get("sources", []):
            try:
                load(ref)
            except (OSError, KeyError, ValueError):
                problems.append(f"{where}: unknown source {ref}")
        for para in row.get("paragraphs", []):
            for s in para:
                label = s.get("label")
                if label not in LABELS:
                    problems.append(f"{where}: label {label!r} not in {LABELS}")
                needs = label in ("faithful", "flipped")
                problems += _check_refs(where, s.get("from", []), required=needs)
                if label == "flipped" and s.get("flip") not in FLIPS:
                    problems.append(f"{where}: flip type must be one of {FLIPS}")
                for ref_n in s.get("from", []):
                    if ref_n.rsplit("#", 1)[0] not in row.get("sources", []):
                        problems.append(f"{where}: {ref_n} is not from this article's sources")
    problems.append(f"ok: {n_articles} articles, {n_pairs} pairs read")
    return problems


def _check_refs(where: str, refs: list[str], required: bool) -> list[str]:
    if required and not refs:
        return [f"{where}: 'from' is required"]
    out = []
    for ref_n in refs:
        try:
            sentence(ref_n)
        except (OSError, KeyError, ValueError, IndexError):
            out.append(f"{where}: bad sentence reference {ref_n}")
    return out


def main(argv: list[str]) -> None:
    if argv[:1] == ["list"]:
        for ref, writer in choices().items():
            src = load(ref)
            partner = merge_partner(ref) or "-"
            print(
                f"{writer}\t{split_of(ref)}\t{ref}\t{len(src.sentences)} sentences\t"
                f"merge partner: {partner}\t{src.title[:70]}"
            )
    elif argv[:1] == ["show"] and len(argv) == 2:
        src = load(argv[1])
        print(f"{src.ref}  [{split_of(src.ref)}]  {src.title}\n")
        last = -1
        for n, (text, para) in enumerate(zip(src.sentences, src.paragraphs, strict=True)):
            if para != last and n:
                print()
            last = para
            print(f"#{n} {text}")
    elif argv[:1] == ["check"] and len(argv) == 2:
        for problem in check(Path(argv[1])):
            print(problem)
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
