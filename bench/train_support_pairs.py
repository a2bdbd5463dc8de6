"""Training pairs for the support cross-encoder (FactCC recipe), from real news, never a test split.

Articles: ECB+ topics 1-35, PolNeAR train, and the articles of FRANK's validation split (CNN/DM
and BBC; none of them is a FRANK test article). For a sentence of an article the claim is:
  supported    the sentence, compressed (an aside / trailing clause dropped), reworded
               (bench/derivation_gen.paraphrase) or its clauses rotated;
  unsupported  one fact perturbed (number, name from the article or elsewhere, negation, two
               names swapped), a sentence of another article of the same topic, or the
               compressed sentence with a clause of another article glued on.
The premise is what the checker would give the cross-encoder at run time: the claim's best
aligned source sentences (SupportChecker._rank, top 3, in document order).
Run: .venv/bin/python bench/train_support_pairs.py  -> build/gpu/support_pairs.jsonl.gz
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import derivation_gen as gen  # noqa: E402
from frank import load  # noqa: E402
from newstrace.align.features import sentence_features, text_features  # noqa: E402
from newstrace.align.support import SourceIndex, SupportChecker  # noqa: E402
from support_encoder import premise_for  # noqa: E402
from support_synthetic import compress  # noqa: E402

SEED = 11
OUT = ROOT / "build" / "gpu" / "support_pairs.jsonl.gz"


def frank_docs() -> tuple[list[gen.Doc], dict[str, list[str]]]:
    """FRANK validation articles, and the CNN/DM reference highlights of each (abstractive
    sentences a human wrote from the article: supported, and the base of hard negatives)."""
    seen: dict[str, gen.Doc] = {}
    references: dict[str, list[str]] = {}
    for row in load()["validation"]:
        text = row["article"]
        if text[:200] not in seen:
            sentences = [f.text for f in text_features(text)]
            doc = gen.Doc(f"frank_{row['hash']}", text, sentences, "frank")
            seen[text[:200]] = doc
            if row["dataset"] == "cnndm" and row.get("reference"):
                refs = [r.strip() + " ." for r in str(row["reference"]).split(" . ")]
                references[doc.id] = [r for r in refs if len(r.split()) >= 6]
    return list(seen.values()), references


def fuse(a: str, b: str) -> str | None:
    """Two sentences of an article fused into one, as extractive-abstractive summaries do."""
    head = a.split(",")[0].rstrip(" .!?")
    tail = b.rstrip(" .!?")
    if len(head.split()) < 5 or len(tail.split()) < 5 or len(tail.split()) > 30:
        return None
    first = tail.split()[0]
    if not (first.isupper() or gen._NAME.match(tail) or first in ("I", "I'm")):
        tail = tail[0].lower() + tail[1:]
    return f"{head} and {tail}."


def glue(sentence: str, donor: str) -> str | None:
    """The sentence with a clause of another article added: an extrinsic detail."""
    parts = [p.strip(" .") for p in re.split(r",|\band\b|\bwho\b", donor) if len(p.split()) >= 4]
    if not parts:
        return None
    head = sentence.rstrip(' .!?"')
    return f"{head}, {random.choice(parts)}."


def claims_for(
    doc: gen.Doc, same_topic: list[gen.Doc], pool: list[str], rng: random.Random, n: int
) -> list[tuple[str, int, str]]:
    candidates = [s for s in doc.sentences if 8 <= len(s.split()) <= 50]
    out: list[tuple[str, int, str]] = []
    own_names = sorted({x for s in doc.sentences for x in gen._NAME.findall(s)})
    for _ in range(n):
        if not candidates:
            break
        sentence = compress(rng.choice(candidates), rng)
        r = rng.random()
        if r < 0.15 and len(candidates) > 1:
            i = doc.sentences.index(rng.choice(candidates))
            j = min(len(doc.sentences) - 1, i + rng.choice([1, 1, 2, 3]))
            fused = fuse(doc.sentences[i], doc.sentences[j]) if j != i else None
            if fused and rng.random() < 0.6:
                out.append((fused, 1, "fused"))
            elif fused:
                flipped = gen.flip(fused, own_names if len(own_names) > 2 else pool, rng)
                if flipped:
                    out.append((flipped[0], 0, "fused-" + flipped[1]))
        elif r < 0.5:
            kind = rng.choice(["same", "compress", "paraphrase", "rotate"])
            if kind == "paraphrase":
                sentence = gen.paraphrase(sentence, rng)
            elif kind == "rotate":
                sentence = gen.rotate_clauses(sentence, rng)
            lead = gen._NAME.match(sentence)
            if lead and rng.random() < 0.3:  # summaries refer back with pronouns
                sentence = rng.choice(["He", "She", "They", "It"]) + sentence[lead.end() :]
                kind += "-pronoun"
            out.append((sentence, 1, kind))
        elif r < 0.62:
            other = rng.choice(same_topic)
            if other is not doc and other.sentences:
                out.append((rng.choice(other.sentences), 0, "other-article"))
        elif r < 0.7:
            other = rng.choice(same_topic)
            glued = glue(sentence, rng.choice(other.sentences)) if other is not doc else None
            if glued:
                out.append((glued, 0, "extrinsic"))
        else:
            names = own_names if rng.random() < 0.5 and len(own_names) > 2 else pool
            flipped = gen.flip(sentence, names, rng)
            if flipped:
                out.append((flipped[0], 0, flipped[1]))
    return out


def group_of(doc: gen.Doc) -> str:
    return "x" if doc.id.startswith(("frank", "pn_")) else doc.group


def main() -> None:
    rng = random.Random(SEED)
    random.seed(SEED)
    frank, references = frank_docs()
    docs = gen.ecb_docs(list(range(1, 36))) + gen.polnear_docs(["train"]) + frank
    docs = [d for d in docs if len(d.sentences) >= 5]
    by_group: dict[str, list[gen.Doc]] = {}  # ECB+ sub-topic; other articles form one group
    for d in docs:
        by_group.setdefault(group_of(d), []).append(d)
    pool = sorted({n for d in docs[::7] for s in d.sentences for n in gen._NAME.findall(s)})
    checker = SupportChecker()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    n_pairs = 0
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        for doc in docs:
            group = by_group[group_of(doc)]
            index = SourceIndex.build(text_features(doc.text))
            per_doc = 150 if doc.id.startswith("frank") else 40
            claims = claims_for(doc, group, pool, rng, per_doc)
            own = sorted({x for s in doc.sentences for x in gen._NAME.findall(s)})
            for ref in references.get(doc.id, []) * 4:
                claims.append((ref, 1, "reference"))
                flipped = gen.flip(ref, own if len(own) > 2 else pool, rng)
                if flipped:
                    claims.append((flipped[0], 0, "reference-" + flipped[1]))
            for claim, label, kind in claims:
                ranked = checker._rank(index, sentence_features([claim])[0], None)
                premise = premise_for(index.sentences, ranked)
                row = {"p": premise, "c": claim, "y": label, "k": kind, "d": doc.id}
                fh.write(json.dumps(row) + "\n")
                n_pairs += 1
    print(f"{n_pairs} pairs from {len(docs)} articles -> {OUT}")


if __name__ == "__main__":
    main()
