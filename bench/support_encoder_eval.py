"""Does the support cross-encoder pay on FRANK validation? (Validation only: no test split read.)

Scores every FRANK validation summary sentence with the cross-encoder exported by
bench/train_support_xenc.py (build/support_encoder/), against its best aligned source sentences,
and compares by 10-fold cross-validation: logistic regression over the lexical features alone,
lexical + encoder (worst and mean over the summary's sentences), and the encoder alone.
Run: .venv/bin/python bench/support_encoder_eval.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from frank import load  # noqa: E402
from newstrace.align.features import text_features  # noqa: E402
from newstrace.align.support import SourceIndex, SupportChecker  # noqa: E402
from newstrace.align.support_model import aggregate  # noqa: E402
from support_encoder import SupportEncoder, premise_for  # noqa: E402


def best_bacc(p: np.ndarray, y: np.ndarray) -> float:
    return max(balanced_accuracy_score(y, p >= t) for t in np.unique(np.round(p, 4)))


def main() -> None:
    checker, encoder = SupportChecker(), SupportEncoder()
    lexical, encoded, labels, per_pair = [], [], [], []
    for row in load()["validation"]:
        index = SourceIndex.build(text_features(row["article"], checker.settings))
        sentences = text_features(row["summary"], checker.settings)
        lexical.append(aggregate([checker.measure(index, s).values for s in sentences]))
        scores = []
        for s in sentences:
            premise = premise_for(index.sentences, checker._rank(index, s, None))
            t0 = time.perf_counter()
            scores.append(encoder.score([(premise, s)])[0])
            per_pair.append(time.perf_counter() - t0)
        encoded.append([min(scores), sum(scores) / len(scores)])
        labels.append(float(row["Factuality"]) == 1.0)
    x_lex, x_enc, y = np.array(lexical), np.array(encoded), np.array(labels)
    folds = StratifiedKFold(10, shuffle=True, random_state=0)
    print(f"FRANK validation ({len(y)} summaries), 10-fold CV, logistic regression C=0.01")
    print(f"encoder: {1.0 / float(np.median(per_pair)):.0f} pairs/s (median, 1 pair a call)")
    print("| features | CV ROC-AUC | CV balanced acc (best threshold) |")
    print("|---|---|---|")
    for name, x in [
        ("lexical (shipped feature set)", x_lex),
        ("lexical + cross-encoder", np.hstack([x_lex, x_enc])),
        ("cross-encoder alone", x_enc),
    ]:
        lr = LogisticRegression(C=0.01, max_iter=5000, class_weight="balanced")
        p = cross_val_predict(
            lr, StandardScaler().fit_transform(x), y, cv=folds, method="predict_proba"
        )[:, 1]
        print(f"| {name} | {roc_auc_score(y, p):.3f} | {best_bacc(p, y):.3f} |")
    print(
        f"| cross-encoder worst sentence, raw | {roc_auc_score(y, x_enc[:, 0]):.3f} | "
        f"{best_bacc(x_enc[:, 0], y):.3f} |"
    )


if __name__ == "__main__":
    main()
