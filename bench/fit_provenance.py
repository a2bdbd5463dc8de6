"""Fit the derivation and direction models on the rewrite corpus's TRAIN split.

Every pair of articles in a train story is measured by the product's own code
(provenance.derivation.compare, pair_features.direction_features). Derivation: positive when
one was written from the other (a rewrite and its source, a copy and its original, a real wire
copy), negative for independent reports and unrelated pairs; pairs of siblings (two rewrites of
one source) and of a rewrite with its source's copy are left out, as the story-level rules
settle those. Direction: each directed positive pair, both ways round (antisymmetric measures,
no intercept, so swapping the articles flips the answer). Writes
src/newstrace/provenance/weights.json for the vector family of this run.

Run: .venv/bin/python bench/fit_provenance.py [--lexical]   (then again with the other)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import rewrites_cases as cases_mod  # noqa: E402
from llm_rewrites import analysed  # noqa: E402
from newstrace.align.fitted import WEIGHTS_FILE, LinearModel  # noqa: E402
from newstrace.align.meaning import vector_family  # noqa: E402
from newstrace.align.sentences import PreparedArticle  # noqa: E402
from newstrace.align.support import SupportChecker  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.provenance.derivation import compare, with_restated_elsewhere  # noqa: E402
from newstrace.provenance.direction import _edit_evidence  # noqa: E402
from newstrace.provenance.pair_features import direction_features  # noqa: E402
from newstrace.settings import Settings  # noqa: E402


def label(case: cases_mod.Case, x: str, y: str) -> tuple[int | None, int | None]:
    """(derived?, direction) for the pair: direction 1 when y was written from x, 0 when x
    from y, None when unknown; derived None when the pair is left out of training."""
    group = {a.id: a.group for a in case.articles}
    role = {a.id: a.role for a in case.articles}
    gx, gy = group[x], group[y]
    if gx == gy:
        if (x, y) in case.copies:
            return 1, 1
        if (y, x) in case.copies:
            return 1, 0
        if frozenset({x, y}) in case.wire_pairs:
            return 1, None
        return None, None  # two copies of one original
    if (gx, gy) in case.links or (gy, gx) in case.links:
        source_side = x if (gx, gy) in case.links else y
        if role[source_side] != "source":  # a rewrite beside its source's copy: transitive
            return None, None
        return 1, 1 if source_side == x else 0
    sources_x = {s for s, d in case.links if d == gx}
    sources_y = {s for s, d in case.links if d == gy}
    if sources_x & sources_y:
        return None, None  # siblings
    return 0, None


def fit(samples: list[dict[str, float]], labels: list[int], intercept: bool) -> LinearModel:
    names = sorted(samples[0])
    x = np.array([[s[n] for n in names] for s in samples], dtype=np.float64)
    y = np.array(labels)
    mean = x.mean(axis=0) if intercept else np.zeros(x.shape[1])
    scale = x.std(axis=0) if intercept else np.sqrt((x**2).mean(axis=0))
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, fit_intercept=intercept, max_iter=2000)
    model.fit((x - mean) / scale, y)
    return LinearModel(
        tuple(names),
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in model.coef_[0]),
        float(model.intercept_[0]) if intercept else 0.0,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true")
    parser.add_argument("--corpus", type=Path, default=cases_mod.CORPUS)
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    settings.progress = False
    analyzer = Analyzer(settings)
    checker = SupportChecker(settings)
    der_x: list[dict[str, float]] = []
    der_y: list[int] = []
    dir_x: list[dict[str, float]] = []
    dir_y: list[int] = []
    family = ""
    for case in cases_mod.build_cases("train", args.corpus):
        articles = analysed(case, analyzer, settings, True)
        prepared = [PreparedArticle.of(a) for a in articles]
        family = vector_family(prepared[0])
        for i, a in enumerate(prepared):
            for b in prepared[i + 1 :]:
                derived, direction = label(case, a.article.id, b.article.id)
                if derived is None:
                    continue
                evidence = compare(a, b, settings, checker)
                der_x.append(evidence.features)
                der_y.append(derived)
                if direction is None:
                    continue
                source, copy = (a, b) if direction == 1 else (b, a)
                ev = evidence if direction == 1 else compare(source, copy, settings, checker)
                ev = with_restated_elsewhere(ev, source, copy, checker)
                b_derived, a_derived = _edit_evidence(ev)
                trimmed = float(max(-3, min(3, b_derived - a_derived)))
                assert ev.matching is not None
                f = direction_features(source, copy, ev.matching, trimmed)
                dir_x += [f, {k: -v for k, v in f.items()}]
                dir_y += [1, 0]
    derivation = fit(der_x, der_y, intercept=True)
    direction = fit(dir_x, dir_y, intercept=False)
    data = json.loads(WEIGHTS_FILE.read_text()) if WEIGHTS_FILE.is_file() else {}
    data.setdefault("derivation", {})[family] = derivation.to_json()
    data.setdefault("direction", {})[family] = direction.to_json()
    data["fitted_on"] = "bench/data/rewrites train split (bench/fit_provenance.py)"
    WEIGHTS_FILE.write_text(json.dumps(data, indent=1) + "\n")
    print(
        f"{family}: derivation on {len(der_y)} pairs ({sum(der_y)} derived); direction on "
        f"{len(dir_y) // 2} directed pairs"
    )
    for name, model in (("derivation", derivation), ("direction", direction)):
        weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(model.names, model.coef, strict=True))
        print(f"  {name}: {weights}")


if __name__ == "__main__":
    main()
