"""Build the derivation benchmark from real articles, with labels we know (fixed seed).

Each case is a small story: one real source article (ECB+ or PolNeAR), one or two articles
derived from it (verbatim copy, syndicated copy with trimmed/added paragraphs, or a rule-based
paraphrasing rewrite; sometimes a copy of the copy), planted edits in the derived articles
(invented quotes and details -> unsupported; number / name / negation / role / speaker flips
-> altered), and the hardest negatives: independent reports of the same ECB+ sub-topic, or
PolNeAR articles of the same day, kept only when they share < 10 % of their word 5-grams with
every other article of the case (wire copies are not independent).

dev = ECB+ topics 1-35 + PolNeAR train/dev; test = ECB+ topics 36-45 + PolNeAR test; dev2 = the
dev articles drawn again with another seed (a second sample, never tuned on).
Run: .venv/bin/python bench/derivation_gen.py   (writes $TMPDIR/newstrace-bench/derivation_*.jsonl)
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
ECB = DATASETS / "ecbplus" / "ECB+_LREC2014" / "ECB+"
POLNEAR = DATASETS / "polnear" / "data"
OUT = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "newstrace-bench"
SEED = 20241122
TEST_TOPICS = range(36, 46)

INVENTED_NAMES = [
    "Halvard Quennell",
    "Marisol Ekwueme",
    "Dariusz Fenwick",
    "Oona Castellanos",
    "Teodor Brannigan",
    "Ilse Marchetti",
    "Kwabena Lindqvist",
    "Rosalind Ahearn",
]
SYNONYMS = {
    "said": "stated",
    "killed": "left dead",
    "police": "officers",
    "arrested": "detained",
    "announced": "unveiled",
    "officials": "authorities",
    "began": "started",
    "help": "assist",
    "people": "residents",
    "shot": "gunned down",
    "died": "lost their lives",
    "company": "firm",
    "hospital": "medical centre",
    "reported": "disclosed",
    "however": "but",
    "because": "as",
    "near": "close to",
    "large": "big",
    "told": "informed",
    "after": "following",
    "about": "roughly",
    "show": "reveal",
    "won": "claimed",
    "new": "fresh",
    "said on": "stated on",
    "attack": "assault",
    "president": "leader",
    "campaign": "bid",
    "voters": "the electorate",
    "support": "backing",
    "plan": "proposal",
    "percent": "per cent",
    "according to": "as reported by",
    "also": "in addition",
    "many": "numerous",
    "several": "a number of",
    "called": "described",
    "city": "town",
    "country": "nation",
    "government": "administration",
    "building": "structure",
    "home": "house",
    "found": "discovered",
    "started": "began",
    "went": "headed",
    "made": "produced",
    "took": "seized",
    "during": "in the course of",
    "before": "prior to",
    "children": "youngsters",
    "car": "vehicle",
    "fire": "blaze",
    "expected": "anticipated",
    "including": "among them",
    "injured": "hurt",
    "wounded": "hurt",
    "victims": "casualties",
    "authorities": "officials",
    "statement": "written statement",
    "earlier": "previously",
    "later": "subsequently",
    "tried": "attempted",
    "wanted": "sought",
    "big": "major",
    "small": "minor",
    "quickly": "rapidly",
    "meeting": "talks",
    "leader": "head",
    "member": "participant",
    "members": "participants",
    "team": "side",
    "game": "match",
    "season": "campaign",
    "told reporters": "said to journalists",
    "investigation": "inquiry",
    "suspect": "alleged perpetrator",
    "charged": "indicted",
    "released": "freed",
    "agreed": "consented",
    "believed": "thought",
    "think": "believe",
    "important": "significant",
    "problem": "issue",
    "decision": "ruling",
    "according": "as per",
    "because of": "owing to",
    "but": "yet",
    "since": "ever since",
    "nearly": "almost",
    "more than": "over",
    "at least": "no fewer than",
}
_TIME_TAIL = re.compile(
    r"^(?P<main>[A-Z].{20,}?)\s+(?P<when>(?:on|last|this|early|late) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning)[^,.]*)\.$"
)


@dataclass
class Doc:
    id: str
    text: str
    sentences: list[str]
    group: str  # sub-topic (ECB+) or publication date (PolNeAR)
    title: str | None = None


@dataclass
class CaseArticle:
    id: str
    text: str
    title: str | None
    outlet: str
    published: str | None
    role: str  # source / derived / independent


@dataclass
class Case:
    id: str
    split: str
    articles: list[CaseArticle]
    derivations: list[dict[str, str]]  # source, derived, kind
    flags: list[dict[str, str]]  # article, kind, text, what
    transitive: list[list[str]] = field(default_factory=list)


# -- reading the real articles ---------------------------------------------------------------
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)\]'’]|n't|'s)")
_SPACE_AFTER = re.compile(r"([(\[$])\s+")


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r'"\s+([^"]*?)\s+"', r'"\1"', text)
    return text.replace("`` ", '"').replace(" ''", '"')


def ecb_docs(topics: range | list[int]) -> list[Doc]:
    docs = []
    for topic in topics:
        folder = ECB / str(topic)
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.xml")):
            root = ET.parse(path).getroot()
            by_sentence: dict[int, list[str]] = defaultdict(list)
            for tok in root.iter("token"):
                by_sentence[int(tok.get("sentence", "0"))].append(tok.text or "")
            sentences = [_detok(t) for _, t in sorted(by_sentence.items()) if len(t) > 3]
            sub = "plus" if path.stem.endswith("ecbplus") else "ecb"
            docs.append(
                Doc(path.stem, " ".join(sentences), sentences, f"ecb{topic}{sub}", sentences[0])
            )
    return docs


def polnear_docs(splits: list[str]) -> list[Doc]:
    meta = {}
    with (POLNEAR / "metadata.tsv").open() as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    docs = []
    for split in splits:
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace")
            paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
            if len(paragraphs) < 4:
                continue
            title, body = paragraphs[0], paragraphs[1:]
            sentences = [s for p in body for s in _split(p)]
            row = meta.get(path.stem, {})
            docs.append(
                Doc(
                    f"pn_{path.stem[:40]}",
                    " ".join(sentences),
                    sentences,
                    row.get("publication_date", ""),
                    title,
                )
            )
    return docs


def _split(paragraph: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])[\"”]?\s+(?=[\"“A-Z])", paragraph) if s.strip()]


def five_grams(text: str) -> set[tuple[str, ...]]:
    toks = re.findall(r"\w+", text.lower())
    return {tuple(toks[i : i + 5]) for i in range(len(toks) - 4)}


def overlap(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


# -- rewriting and planting --------------------------------------------------------------------
_SAID = re.compile(
    r"^(?P<body>.+?),?\s+(?P<who>(?:[A-Z][\w.'-]+\s?){1,3}|(?:he|she|they))\s+said\.?$"
)
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+\b")
_NEGATABLE = re.compile(r"\b(is|was|were|are|has|have|had|will|would|could|can|did)\b")
_NEGATED = re.compile(r"\b(is|was|were|are|has|have|had|will|would|could|can|did) not\b")


def paraphrase(sentence: str, rng: random.Random) -> str:
    """A rule-based rewording: attribution moved, synonyms, an aside dropped."""
    out = sentence
    m = _SAID.match(out.rstrip())
    if m and rng.random() < 0.8 and m.group("who").strip() not in ("he", "she", "they"):
        body = m.group("body").rstrip(",. ")
        out = f"According to {m.group('who').strip()}, {body[0].lower() + body[1:]}."
    t = _TIME_TAIL.match(out)
    if t and rng.random() < 0.8:
        main = t.group("main")
        out = f"{t.group('when')[0].upper()}{t.group('when')[1:]}, {main[0].lower() + main[1:]}."
    words = list(SYNONYMS.items())
    rng.shuffle(words)
    changed = 0
    for old, new in words:
        if changed >= 6:
            break
        pattern = re.compile(rf"\b{re.escape(old)}\b(?!['’])")
        quoted = [(q.start(), q.end()) for q in re.finditer(r'["“][^"”]*["”]', out)]
        hit = next(
            (h for h in pattern.finditer(out) if not any(a <= h.start() < b for a, b in quoted)),
            None,
        )
        if hit:  # words inside quotation marks are left as spoken
            out = out[: hit.start()] + new + out[hit.end() :]
            changed += 1
    aside = re.search(r", (?:who|which|where) [^,]{5,60},", out)
    if aside and rng.random() < 0.7:
        out = out[: aside.start()] + out[aside.end() - 1 :]
    return out


def rotate_clauses(sentence: str, rng: random.Random) -> str:
    """'A, B.' -> 'B, A.' at a comma with a clause of four words or more on each side."""
    cuts = [m.start() for m in re.finditer(", ", sentence)]
    rng.shuffle(cuts)
    for cut in cuts:
        head, tail = sentence[:cut], sentence[cut + 2 :].rstrip(".!? ")
        if len(head.split()) >= 4 and len(tail.split()) >= 4 and '"' not in sentence:
            first = tail[0].upper() + tail[1:]
            rest = (
                head
                if head.split()[0].isupper() or _NAME.match(head)
                else head[0].lower() + head[1:]
            )
            return f"{first}, {rest}."
    return sentence


def flip(sentence: str, names_pool: list[str], rng: random.Random) -> tuple[str, str] | None:
    """One fact changed in the sentence: (new sentence, what changed) or None."""
    kinds = ["number", "name", "negation", "role"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "number":
            nums = [m for m in _NUMBER.finditer(sentence) if not 1900 <= _value(m.group()) <= 2030]
            if nums:
                m = rng.choice(nums)
                value = _value(m.group())
                new_value = value * 10 if value < 1000 else value + rng.choice([1000, 2000, 5000])
                new = f"{int(new_value):,}" if new_value == int(new_value) else f"{new_value:.1f}"
                return sentence[: m.start()] + new + sentence[m.end() :], "number"
        if kind == "name":
            found = _NAME.findall(sentence)
            others = [n for n in names_pool if n not in sentence]
            if found and others:
                return sentence.replace(found[0], rng.choice(others), 1), "name"
        if kind == "negation":
            m = _NEGATED.search(sentence)
            if m:
                return sentence[: m.start()] + m.group(1) + sentence[m.end() :], "negation"
            m = _NEGATABLE.search(sentence)
            if m:
                return sentence[: m.end()] + " not" + sentence[m.end() :], "negation"
        if kind == "role":
            found = list(dict.fromkeys(_NAME.findall(sentence)))
            if len(found) >= 2:
                a, b = found[0], found[1]
                swapped = sentence.replace(a, "\0").replace(b, a).replace("\0", b)
                return swapped, "role"
    return None


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def invented_quote(donor: Doc, rng: random.Random, used: set[str]) -> str:
    quotes = [s for s in donor.sentences if '"' in s and 8 <= len(s.split()) <= 40]
    name = rng.choice([n for n in INVENTED_NAMES if n not in used] or INVENTED_NAMES)
    used.add(name)
    if quotes:
        q = re.findall(r'"([^"]{15,})"', rng.choice(quotes))
        if q:
            words = q[0].strip().rstrip(",.")
            return f'"{words[0].upper() + words[1:]}," said {name}, a spokesperson.'
    body = rng.choice([s for s in donor.sentences if len(s.split()) > 8] or donor.sentences)
    return f'"{body.rstrip(".")}," said {name}, a spokesperson.'


def invented_detail(donor: Doc, rng: random.Random) -> str:
    pool = [s for s in donor.sentences if 10 <= len(s.split()) <= 35 and '"' not in s]
    return rng.choice(pool or donor.sentences)


# -- building cases ----------------------------------------------------------------------------
def derive(source: Doc, kind: str, donors: list[Doc], rng: random.Random, tag: str):
    """A derived article from `source`: its sentences and the flags planted in it."""
    sentences = list(source.sentences)
    flags: list[dict[str, str]] = []
    if kind == "syndication":
        keep = max(4, int(len(sentences) * rng.uniform(0.6, 0.9)))
        sentences = sentences[:keep]
    elif kind == "paraphrase":
        heavy = rng.random() < 0.5  # a deeper rewrite: clauses turned around as well
        sentences = [paraphrase(s, rng) for s in sentences]
        if heavy:
            sentences = [rotate_clauses(paraphrase(s, rng), rng) for s in sentences]
        merged: list[str] = []
        for sentence in sentences:
            if (
                merged
                and rng.random() < 0.2
                and len(merged[-1].split()) + len(sentence.split()) < 45
                and '"' not in merged[-1] + sentence
            ):
                merged[-1] = merged[-1].rstrip(".") + ", and " + sentence[0].lower() + sentence[1:]
            else:
                merged.append(sentence)
        sentences = merged
        if len(sentences) > 4 and rng.random() < 0.5:
            i = rng.randrange(1, len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    if kind != "verbatim":
        names_pool = sorted({n for d in donors for s in d.sentences for n in _NAME.findall(s)})[
            :200
        ]
        n_flips = rng.choice([0, 1, 1, 2])
        candidates = [i for i in range(1, len(sentences)) if len(sentences[i].split()) >= 8]
        rng.shuffle(candidates)
        for i in candidates[:n_flips]:
            flipped = flip(sentences[i], names_pool, rng)
            if flipped:
                sentences[i] = flipped[0]
                flags.append({"kind": "altered", "text": sentences[i], "what": flipped[1]})
        used: set[str] = set()
        for _ in range(rng.choice([0, 1, 1, 2])):
            donor = rng.choice(donors)
            if rng.random() < 0.5:
                added = invented_quote(donor, rng, used)
                what = "invented quote"
            else:
                added = invented_detail(donor, rng)
                what = "added detail"
            at = rng.randrange(1, len(sentences) + 1)
            sentences.insert(at, added)
            flags.append({"kind": "unsupported", "text": added, "what": what})
    return sentences, flags


def build_cases(
    split: str,
    seed: int = SEED,
    n_stories: int = 0,
    chain_share: float = 0.3,
    ecb_only: bool = False,
) -> list[Case]:
    rng = random.Random(seed + (0 if split == "dev" else 1))
    if split == "dev":
        docs = ecb_docs([t for t in range(1, 36)])
        if not ecb_only:
            docs += polnear_docs(["train", "dev"])
    else:
        docs = ecb_docs(list(TEST_TOPICS)) + polnear_docs(["test"])
    docs = [d for d in docs if len(d.sentences) >= 6]
    groups: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        groups[d.group].append(d)
    grams = {d.id: five_grams(d.text) for d in docs}
    cases: list[Case] = []
    sources = [d for d in docs if len(groups[d.group]) >= 2]
    rng.shuffle(sources)
    kinds = ["verbatim", "syndication", "paraphrase", "paraphrase"]
    n_stories = n_stories or (80 if split == "dev" else 120)
    for n, source in enumerate(sources[:n_stories]):
        donors = [d for d in docs if d.group != source.group]
        donors = rng.sample(donors, min(8, len(donors)))
        kind = kinds[n % len(kinds)]
        timed = rng.random() < 0.5
        articles = [
            CaseArticle(
                f"{n}-src",
                " ".join(source.sentences),
                source.title,
                "Source Wire",
                "2024-01-01T08:00:00Z" if timed else None,
                "source",
            )
        ]
        derivations = [{"source": f"{n}-src", "derived": f"{n}-d1", "kind": kind}]
        sentences, flags = derive(source, kind, donors, rng, "d1")
        articles.append(
            CaseArticle(
                f"{n}-d1",
                " ".join(sentences),
                source.title if rng.random() < 0.5 else None,
                "Daily One",
                "2024-01-01T12:00:00Z" if timed else None,
                "derived",
            )
        )
        all_flags = [{"article": f"{n}-d1", **f} for f in flags]
        transitive: list[list[str]] = []
        if rng.random() < chain_share:  # a copy of the copy
            mid = Doc(f"{n}-d1", " ".join(sentences), sentences, source.group)
            kind2 = rng.choice(["verbatim", "syndication", "paraphrase"])
            s2, f2 = derive(mid, kind2, donors, rng, "d2")
            articles.append(
                CaseArticle(
                    f"{n}-d2",
                    " ".join(s2),
                    None,
                    "Weekly Two",
                    "2024-01-02T09:00:00Z" if timed else None,
                    "derived",
                )
            )
            derivations.append({"source": f"{n}-d1", "derived": f"{n}-d2", "kind": kind2})
            transitive.append([f"{n}-src", f"{n}-d2"])
            all_flags += [{"article": f"{n}-d2", **f} for f in f2]
        # independent reports: same sub-topic (or day), low 5-gram overlap with all of the case
        peers = [d for d in groups[source.group] if d.id != source.id]
        rng.shuffle(peers)
        kept: list[Doc] = []
        for peer in peers:
            if len(kept) >= 3:
                break
            if overlap(grams[peer.id], grams[source.id]) >= 0.1:
                continue
            if any(overlap(grams[peer.id], grams[k.id]) >= 0.1 for k in kept):
                continue
            kept.append(peer)
        for k, peer in enumerate(kept):
            articles.append(
                CaseArticle(
                    f"{n}-ind{k}",
                    " ".join(peer.sentences),
                    peer.title,
                    f"Outlet {k}",
                    f"2024-01-01T{9 + k:02d}:30:00Z" if timed else None,
                    "independent",
                )
            )
        cases.append(Case(f"{split}-{n}", split, articles, derivations, all_flags, transitive))
    return cases


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "test", "dev2", "dev3", "dev4"):
        # dev2: the dev articles drawn again with another seed, a sample never tuned on;
        # dev3: dev ECB+ topics only (wire-heavy sub-topics), more stories, more copies of copies;
        # dev4: 300 more dev stories
        if split == "dev2":
            cases = build_cases("dev", SEED + 100)
        elif split == "dev3":
            cases = build_cases("dev", SEED + 200, n_stories=200, chain_share=0.5, ecb_only=True)
        elif split == "dev4":  # all dev sources again, another seed, half with a copy of a copy
            cases = build_cases("dev", SEED + 300, n_stories=300, chain_share=0.5)
        else:
            cases = build_cases(split)
        for case in cases:
            case.split = split
            case.id = case.id.replace("dev-", f"{split}-", 1)
        path = OUT / f"derivation_{split}.jsonl"
        with path.open("w") as fh:
            for case in cases:
                fh.write(json.dumps(asdict(case)) + "\n")
        n_der = sum(len(c.derivations) for c in cases)
        n_ind = sum(sum(a.role == "independent" for a in c.articles) for c in cases)
        kinds = defaultdict(int)
        for c in cases:
            for f in c.flags:
                kinds[f["kind"]] += 1
        print(
            f"{split}: {len(cases)} stories, {n_der} derivations, {n_ind} independent reports, flags {dict(kinds)} -> {path}"
        )


if __name__ == "__main__":
    main()
