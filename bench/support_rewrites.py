"""`score-support` on the rewrite corpus's claim pairs: supported (faithful) vs not.

Each claim pair of bench/data/rewrites (a claim about source sentences: faithful paraphrase,
flipped fact or invented) is scored against its FULL source article, by
  - newstrace score-support: source and claim analysed, the fitted verdict (what flags use);
  - the previous checker, in the same run: SupportChecker.score on raw text (the lexical
    features and the support model fitted on FRANK validation);
  - MiniLM cosine: the claim's closest source sentence.
Threshold chosen on dev, balanced accuracy and ROC-AUC reported on test.

Run: .venv/bin/python bench/support_rewrites.py [--lexical]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import balanced_accuracy_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import rewrites_cases as cases_mod  # noqa: E402
import rewrites_sources as sources_mod  # noqa: E402
from newstrace.align.support import SupportChecker  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.model import Article  # noqa: E402
from newstrace.settings import Settings  # noqa: E402


def scores(split: str, settings: Settings) -> tuple[dict[str, list[float]], list[int], float]:
    analyzer = Analyzer(settings)
    checker = SupportChecker(settings)
    rows = [
        p
        for p in cases_mod.read_pairs()
        if sources_mod.split_of(p["from"][0].rsplit("#", 1)[0]) == split
    ]
    refs = sorted({p["from"][0].rsplit("#", 1)[0] for p in rows})
    sources = {
        ref: Article(id=ref, source=ref, text=cases_mod.source_text(sources_mod.load(ref)))
        for ref in refs
    }
    claims = [Article(id=p["id"], source=p["id"], text=p["claim"]) for p in rows]
    analyzer.analyze([*sources.values(), *claims])
    out: dict[str, list[float]] = {"score-support": [], "previous checker": [], "cosine": []}
    started = time.perf_counter()
    for p, claim in zip(rows, claims, strict=True):
        source = sources[p["from"][0].rsplit("#", 1)[0]]
        out["score-support"].append(checker.score_analysed(source, claim))
        out["previous checker"].append(checker.score(source.text, claim.text))
        assert source.sentence_vectors is not None and claim.sentence_vectors is not None
        out["cosine"].append(float(np.max(source.sentence_vectors @ claim.sentence_vectors.T)))
    per_pair = (time.perf_counter() - started) / max(1, len(rows))
    return out, [1 if p["label"] == "faithful" else 0 for p in rows], per_pair


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true")
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    settings.progress = False
    dev, dev_y, _ = scores("dev", settings)
    test, test_y, per_pair = scores("test", settings)
    machine = f"{platform.machine()} {len(os.sched_getaffinity(0))}-core, shared"
    print(f"machine: {machine}; embedder {settings.embedder}; test pairs {len(test_y)}")
    print("| system | threshold (dev) | balanced acc test | ROC-AUC test |")
    print("|---|---|---|---|")
    for name in test:
        d, t = np.array(dev[name]), np.array(test[name])
        candidates = np.unique(d)
        accs = [balanced_accuracy_score(dev_y, d >= c) for c in candidates]
        threshold = float(candidates[int(np.argmax(accs))])
        bacc = balanced_accuracy_score(test_y, t >= threshold)
        auc = roc_auc_score(test_y, t)
        print(f"| {name} | {threshold:.3f} | {bacc:.3f} | {auc:.3f} |")
    print(f"\nall three systems, per pair: {per_pair * 1000:.1f} ms")


if __name__ == "__main__":
    main()
