"""Figures benchmark: hand-labelled numbers in real news sentences (ECB+, PolNeAR train, FRANK).

Gold: bench/data/figures_gold.jsonl, 214 sentences labelled by reading them (value, upper,
unit or counted noun, qualifier, and who stated the sentence's figures; "*" = owner not scored;
a list = any of these names). Years, dates, times, ordinals, identifiers ("IE 7", "Episode 7"),
sports scores and records are not figures; ages count, in years. Each sentence is scored inside
its whole article (the Analyzer runs on the article, so pronoun speakers can resolve).

Scores: a predicted figure matches a gold one of the same sentence with the same value;
value+qualifier P/R/F1 counts matches whose qualifier and upper end also agree; unit and owner
accuracy are over value matches. Baseline in the same run: a plain regex number finder
(digits, scale words, the next word as unit, qualifier always exact, no owner).

Splits (fixed rule): rows with an even id are dev (tuned on from 01:40 UTC, 2026-11-23), rows
with an odd id are held out as test; the whole set is reported too (it was all tuned on before).
Rows 336-532 (added 2026-12-03, FRANK CNN/DM and PolNeAR train articles not used before) carry
a `kind`: "chain" (a sentence citing a source: according to, reported, citing, told an outlet),
"reporter" (a figure in the reporter's own words, no speech cue), "other", "trap" (no figure);
the chain and reporter rows are scored on their own too.

`NEWSTRACE_SRC=/path/to/other/checkout/src` scores another version of the code with this
scorer (the "before" rows of bench/results/figures.md: the parent commit, same run).

    .venv/bin/python bench/figures.py [--ner auto|rules] [--show-errors] [--errors-in dev|test|all]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("NEWSTRACE_SRC") or str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ecb_entities import read_doc  # noqa: E402
from newstrace.analyze import Analyzer, resolve_entities  # noqa: E402
from newstrace.analyze.resolve import normalise_name  # noqa: E402
from newstrace.model import Article  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"
GOLD = ROOT / "bench" / "data" / "figures_gold.jsonl"


@dataclass
class Fig:
    value: float
    upper: float | None
    unit: str
    qualifier: str
    owner: str | None = None


def load_article(dataset: str, doc: str, frank: dict[str, str]) -> Article:
    if dataset == "ecbplus":
        return read_doc(DATASETS / "ecbplus" / "ECB+_LREC2014" / "ECB+" / doc)[0]
    if dataset == "polnear":
        split, name = doc.split("/", 1)
        path = DATASETS / "polnear" / "data" / split / "text" / name
        return Article(id=doc, source=str(path), text=path.read_text(encoding="utf-8"))
    return Article(id=doc, source="frank", text=frank[doc])


def norm_unit(unit: str) -> str:
    """The head noun of a unit, singular: "operational groups" and "groups" both count groups
    (newstrace gives the counted noun phrase; the gold gives the head)."""
    u = unit.lower().replace(" ", "").replace("-", "")
    if u in ("percent", "percentage", "pct", "percentagepoints", "percentagepoint"):
        return "%"
    u = unit.lower().split()[-1].replace("-", "") if unit.split() else ""
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    if u.endswith("s") and not u.endswith("ss") and len(u) > 2:
        return u[:-1]
    return u


def head(name: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’\-]*", normalise_name(name))
    return words[-1].lower() if words else ""


def owner_ok(pred: str | None, gold: object) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    assert isinstance(gold, list)
    return any(head(pred) == head(g) for g in gold)


_NUM = re.compile(
    r"(?P<cur>[$€£])?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|thousand|bn|m|k)?"
    r"\b\s*(?P<unit>%|[A-Za-z]+)?"
)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}


def regex_baseline(sentence: str) -> list[Fig]:
    out = []
    for m in _NUM.finditer(sentence):
        try:
            value = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        unit = _CURRENCY.get(m.group("cur") or "", m.group("unit") or "")
        out.append(Fig(value, None, unit, "exact"))
    return out


def score(
    gold_rows: list[dict[str, object]], predict: Callable[[dict[str, object]], list[Fig]]
) -> dict[str, float]:
    tp = n_pred = n_gold = 0
    unit_ok = owner_right = value_matches = owner_scored = 0
    for row in gold_rows:
        gold = [Fig(**f) for f in row["figures"]]  # type: ignore[attr-defined]
        pred = predict(row)
        n_pred += len(pred)
        n_gold += len(gold)
        free = list(range(len(pred)))
        for g in gold:
            same = [i for i in free if abs(pred[i].value - g.value) <= 1e-6 * max(1, g.value)]
            if not same:
                continue
            best = next(
                (i for i in same if pred[i].qualifier == g.qualifier and pred[i].upper == g.upper),
                same[0],
            )
            free.remove(best)
            p = pred[best]
            value_matches += 1
            tp += p.qualifier == g.qualifier and p.upper == g.upper
            unit_ok += norm_unit(p.unit) == norm_unit(g.unit)
            if row["owner"] != "*":
                owner_scored += 1
                owner_right += owner_ok(p.owner, row["owner"])
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "P": precision,
        "R": recall,
        "F1": f1,
        "unit": unit_ok / value_matches if value_matches else 0.0,
        "owner": owner_right / owner_scored if owner_scored else 0.0,
        "matched": value_matches,
        "gold": n_gold,
    }


def gold_sentences(article: Article, sentence: str) -> set[int]:
    """The analyzer's sentences that hold the labelled sentence: the one equal to it, else
    every sentence overlapping where it stands in the text (a splitter may cut it in two)."""
    same = {s.index for s in article.sentences if s.text == sentence}
    if same:
        return same
    text = article.text or ""
    at = text.find(sentence[:40])
    if at < 0:
        return {s.index for s in article.sentences if sentence[:40] in s.text}
    end = at + len(sentence)
    return {s.index for s in article.sentences if s.start < end and s.end > at}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ner", default="auto", choices=["auto", "spacy", "rules"])
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--errors-in", default="dev", choices=["dev", "test", "all"])
    parser.add_argument("--label", default="", help="the system's name in the table")
    args = parser.parse_args()
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    frank: dict[str, str] = {}
    for line in (DATASETS / "frank" / "frank_reconstructed.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        frank.setdefault(record["hash"], record["article"])
    analyzer = Analyzer(Settings(embedder="lexical", ner=args.ner), embed=False)
    predicted: dict[int, list[Fig]] = {}
    times = []
    for row in rows:
        article = load_article(row["dataset"], row["doc"], frank)
        t0 = time.perf_counter()
        analyzer.analyze([article])
        resolve_entities([article])
        times.append(time.perf_counter() - t0)
        predicted[row["id"]] = [
            Fig(q.value, q.upper, q.unit, q.qualifier, q.attributed_to)
            for q in article.quantities
            if q.sentence in gold_sentences(article, row["sentence"])
        ]
    machine = f"{platform.machine()} 2-core, no GPU"
    print(
        "| system | machine | data | value+qualifier P | R | F1 | unit acc | owner acc "
        "| value matches | ms/article (median) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    systems: list[tuple[str, Callable[[dict[str, object]], list[Fig]], str]] = [
        ("regex number finder (baseline)", lambda r: regex_baseline(str(r["sentence"])), "-"),
        (
            args.label or f"newstrace analyze ({analyzer.name})",
            lambda r: predicted[int(r["id"])],  # type: ignore[call-overload]
            f"{1000 * statistics.median(times):.1f}",
        ),
    ]
    test = [r for r in rows if int(r["id"]) % 2 == 1]
    splits = {
        "test (odd ids, held out)": test,
        "dev (even ids)": [r for r in rows if int(r["id"]) % 2 == 0],
        "all": rows,
        "test, cited-source sentences": [r for r in test if r.get("kind") == "chain"],
        "test, reporter's own figures": [r for r in test if r.get("kind") == "reporter"],
    }
    for split, subset in splits.items():
        n_fig = sum(len(r["figures"]) for r in subset)
        for name, predict, speed in systems:
            res = score(subset, predict)
            print(
                f"| {name} | {machine} | figures_gold {split} ({len(subset)} sentences, "
                f"{n_fig} figures) | {res['P']:.3f} | {res['R']:.3f} | {res['F1']:.3f} "
                f"| {res['unit']:.3f} | {res['owner']:.3f} | {res['matched']}/{res['gold']} "
                f"| {speed} |"
            )
    if args.show_errors:
        shown = (
            rows
            if args.errors_in == "all"
            else splits["dev (even ids)" if args.errors_in == "dev" else "test (odd ids, held out)"]
        )
        for row in shown:
            gold = [(f["value"], f["upper"], f["unit"], f["qualifier"]) for f in row["figures"]]
            pred = [(f.value, f.upper, f.unit, f.qualifier, f.owner) for f in predicted[row["id"]]]
            owner_wrong = row["owner"] != "*" and any(
                not owner_ok(p[4], row["owner"]) for p in pred if p[:2] in {g[:2] for g in gold}
            )
            if (
                owner_wrong
                or sorted(g[:2] for g in gold) != sorted(p[:2] for p in pred)
                or any(norm_unit(p[2]) not in {norm_unit(g[2]) for g in gold} for p in pred)
            ):
                print(row["id"], row["sentence"][:110], "\n   gold", gold, row["owner"])
                print("   pred", pred)


if __name__ == "__main__":
    main()
