"""ECB+ cross-document entity coreference: do resolve_entities' entities match the real things?

Test topics 36-45. Each topic (its two sub-topics together) is one story. Gold: entity
markables (HUMAN_*, NON_HUMAN_*, LOC_*) that take part in a CROSS_DOC_COREF chain, clustered by
the chain's instance id. Documents are rebuilt from their tokens and analysed by newstrace;
a gold mention is "found" when one of our mentions overlaps it (best overlap). B-cubed
precision/recall/F1 are computed per topic over the found gold mentions and averaged over
topics (macro) and pooled (micro). Baseline in the same run: the same found mentions
clustered by exact (lower-cased) string.

    .venv/bin/python bench/ecb_entities.py [--topics 36-45] [--ner auto|rules]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("NEWSTRACE_SRC") or str(ROOT / "src"))

from newstrace.analyze import Analyzer, resolve_entities  # noqa: E402
from newstrace.model import Article, EntityMention  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "ecbplus" / "ECB+_LREC2014" / "ECB+"
ENTITY_TAGS = ("HUMAN", "NON_HUMAN", "LOC")
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]}%]|'s|’s|n't|'|’|'re|'ve|'ll|'d|'m)$", re.I)


def read_doc(path: Path) -> tuple[Article, list[tuple[int, int, str]]]:
    """The article text rebuilt from tokens, and its gold (start, end, instance id) mentions."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    last_sentence = None
    prev = ""
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if last_sentence is not None and sentence != last_sentence:
            sep = "\n"
        elif not parts or _NO_SPACE_BEFORE.match(word) or prev in ("(", "[", "$"):
            sep = ""
        else:
            sep = " "
        parts.append(sep + word)
        pos += len(sep)
        offsets[token.get("t_id", "")] = (pos, pos + len(word))
        pos += len(word)
        last_sentence = sentence
        prev = word
    text = "".join(parts)
    markables: dict[str, tuple[int, int]] = {}
    for node in root.find("Markables") or []:
        if not node.tag.startswith(ENTITY_TAGS):
            continue
        anchors = [offsets[a.get("t_id", "")] for a in node.findall("token_anchor")]
        if anchors:
            markables[node.get("m_id", "")] = (
                min(a for a, _ in anchors),
                max(b for _, b in anchors),
            )
    gold: list[tuple[int, int, str]] = []
    for rel in root.find("Relations") or []:
        if rel.tag != "CROSS_DOC_COREF":
            continue
        instance = rel.get("note", "")
        for src in rel.findall("source"):
            span = markables.get(src.get("m_id", ""))
            if span:
                gold.append((span[0], span[1], instance))
    return Article(id=path.stem, source=str(path), text=text), gold


def b_cubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    if not pred:
        return 0.0, 0.0, 0.0
    precision = statistics.mean(
        len(by_pred[p] & by_gold[g]) / len(by_pred[p]) for p, g in zip(pred, gold, strict=True)
    )
    recall = statistics.mean(
        len(by_pred[p] & by_gold[g]) / len(by_gold[g]) for p, g in zip(pred, gold, strict=True)
    )
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_mention(mentions: list[EntityMention], start: int, end: int) -> EntityMention | None:
    best = None
    best_overlap = 0
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", default="36-45")
    parser.add_argument("--ner", default="auto", choices=["auto", "spacy", "rules"])
    args = parser.parse_args()
    lo, hi = (int(x) for x in args.topics.split("-"))
    analyzer = Analyzer(Settings(embedder="lexical", ner=args.ner), embed=False)
    rows: dict[str, list[tuple[float, float, float]]] = {"same-string": [], "newstrace": []}
    pooled: dict[str, tuple[list[str], list[str]]] = {
        "same-string": ([], []),
        "newstrace": ([], []),
    }
    n_gold = n_found = n_docs = 0
    times = []
    for topic in range(lo, hi + 1):
        docs = [read_doc(p) for p in sorted((DATA / str(topic)).glob("*.xml"))]
        articles = [a for a, _ in docs]
        t0 = time.perf_counter()
        analyzer.analyze(articles)
        resolve_entities(articles)
        times.append(time.perf_counter() - t0)
        preds: dict[str, list[str]] = {"same-string": [], "newstrace": []}
        golds: list[str] = []
        for article, gold in docs:
            n_docs += 1
            for start, end, instance in gold:
                n_gold += 1
                mention = best_mention(article.mentions, start, end)
                if mention is None:
                    continue
                n_found += 1
                golds.append(f"{topic}:{instance}")
                preds["same-string"].append(f"{topic}:{mention.text.lower()}")
                preds["newstrace"].append(f"{topic}:{(mention.canonical or mention.text).lower()}")
        for system, pred in preds.items():
            rows[system].append(b_cubed(pred, golds))
            pooled[system][0].extend(pred)
            pooled[system][1].extend(golds)
    machine = f"{platform.machine()} 2-core, no GPU"
    print(
        "| system | machine | data | B3 P (macro) | B3 R (macro) | B3 F1 (macro) | B3 F1 (pooled) "
        "| gold mentions found | s/topic (median) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for system in ("same-string", "newstrace"):
        p, r, f = (statistics.mean(col) for col in zip(*rows[system], strict=True))
        pooled_f = b_cubed(*pooled[system])[2]
        speed = f"{statistics.median(times):.2f}" if system == "newstrace" else "-"
        name = (
            system if system == "same-string" else f"newstrace resolve_entities ({analyzer.name})"
        )
        print(
            f"| {name} | {machine} | ECB+ topics {args.topics} ({n_docs} docs) | {p:.3f} | {r:.3f} "
            f"| {f:.3f} | {pooled_f:.3f} | {n_found}/{n_gold} | {speed} |"
        )


if __name__ == "__main__":
    main()
