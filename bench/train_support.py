"""Train the support model (logistic regression over the checker's features) and ship it.

Training data (never a test split):
  frank-val   FRANK validation summaries with their human factuality labels;
  synthetic   FactCC-style perturbations of real news sentences from ECB+ (train topics) and
              PolNeAR (train split): a sentence (or a lightly compressed copy) is supported, the
              same sentence with a swapped name / number / negation / role, or a sentence from
              another article of the topic, is not.
Run: .venv/bin/python bench/train_support.py [frank-val|synthetic|both]
Writes src/newstrace/align/support_weights.json.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import cross_val_predict
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from frank import load  # noqa: E402
from newstrace.align.features import text_features  # noqa: E402
from newstrace.align.support import SourceIndex, SupportChecker  # noqa: E402
from newstrace.align.support_model import SupportModel, aggregate, feature_names  # noqa: E402
from newstrace.settings import Settings  # noqa: E402


def frank_validation(checker: SupportChecker) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for row in load()["validation"]:
        index = SourceIndex.build(text_features(row["article"], checker.settings))
        sentences = text_features(row["summary"], checker.settings)
        xs.append(aggregate([checker.measure(index, s).values for s in sentences]))
        ys.append(float(row["Factuality"]) == 1.0)
    return np.array(xs), np.array(ys)


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    candidates = np.unique(np.round(p, 4))
    accs = [balanced_accuracy_score(y, p >= t) for t in candidates]
    return float(candidates[int(np.argmax(accs))])


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else "frank-val"
    # the rules analyzer, as bench/frank.py scores (Settings.lexical)
    checker = SupportChecker(Settings.lexical(), model=SupportModel())
    if source == "frank-val":
        x, y = frank_validation(checker)
        xv, yv = x, y
    else:
        from support_synthetic import synthetic_pairs

        x, y = synthetic_pairs(checker)
        if source == "both":
            xv, yv = frank_validation(checker)
            x, y = np.vstack([x, xv]), np.concatenate([y, yv])
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    lr = LogisticRegression(C=0.01, max_iter=5000, class_weight="balanced")
    p = cross_val_predict(lr, xs, y, cv=10, method="predict_proba")[:, 1]
    print(f"{source}: {len(y)} examples, 10-fold CV ROC-AUC {roc_auc_score(y, p):.3f}")
    if source == "both":  # the FRANK validation rows, each predicted by a model not fit on it
        n_val = len(yv)
        print(
            f"  CV ROC-AUC on the FRANK validation rows: {roc_auc_score(y[-n_val:], p[-n_val:]):.3f}"
        )
    lr.fit(xs, y)
    # calibrate: move the intercept so that the FRANK-validation threshold maps to 0.5
    xv, yv = frank_validation(checker)
    pv = lr.predict_proba(scaler.transform(xv))[:, 1]
    t = min(max(best_threshold(pv, yv), 1e-4), 1 - 1e-4)
    print(
        f"  on FRANK validation: ROC-AUC {roc_auc_score(yv, pv):.3f}, best balanced accuracy "
        f"{balanced_accuracy_score(yv, pv >= t):.3f} at {t:.3f} (moved to 0.5)"
    )
    model = SupportModel(
        coef=[float(c) for c in lr.coef_[0]],
        intercept=float(lr.intercept_[0]) - math.log(t / (1 - t)),
        mean=[float(m) for m in scaler.mean_],
        scale=[float(s) for s in scaler.scale_],
        threshold=0.5,
        trained_on=f"{source} ({len(y)} examples), bench/train_support.py",
    )
    model.save()
    for name, c in sorted(zip(feature_names(), model.coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:24s} {c:+.3f}")


if __name__ == "__main__":
    main()
