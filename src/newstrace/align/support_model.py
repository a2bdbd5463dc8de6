"""The support model: a logistic regression over the checker's features, shipped as JSON.

A claim of several sentences is as weak as its weakest sentence, so each feature enters twice:
its worst value over the sentences and its mean. Weights are trained by
`bench/train_support.py`; without the weight file a hand-set formula is used and says so.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("support_weights.json")

# feature name -> +1 when more of it means better supported, -1 when worse
FEATURES: dict[str, int] = {
    "frag_coverage": 1,
    "frag_density": 1,
    "frag_count": -1,
    "cov_sent": 1,
    "cov_win": 1,
    "cov_doc": 1,
    "bigram_doc": 1,
    "order_sent": 1,
    "novel_names": -1,
    "novel_figures": -1,
    "novel_words": -1,
    "changed": -1,
    "quote_issue": -1,
    "length": -1,
    "cosine": 1,
}


def aggregate(sentences: Sequence[dict[str, float]]) -> list[float]:
    """Worst value of each feature over the claim's sentences, then the mean of each."""
    worst = []
    mean = []
    for name, sign in FEATURES.items():
        values = [s.get(name, 0.0) for s in sentences] or [0.0]
        worst.append(min(values) if sign > 0 else max(values))
        mean.append(sum(values) / len(values))
    return worst + mean


def feature_names() -> list[str]:
    return [f"worst_{n}" for n in FEATURES] + [f"mean_{n}" for n in FEATURES]


def _hand_strength(v: dict[str, float]) -> float:
    return 2.0 * (
        2.2 * v["cov_win"]
        + 2.0 * v["cov_doc"]
        + 1.8 * v["bigram_doc"]
        + 0.8 * v["cov_sent"]
        - 1.6 * min(v["novel_names"], 2)
        - 1.4 * min(v["novel_figures"], 2)
        - 3.0 * v["changed"]
        - 3.0 * v["quote_issue"]
        - 4.0
    )


@dataclass
class SupportModel:
    """coef/intercept over standardised aggregate features; `threshold` splits supported."""

    coef: list[float] = field(default_factory=list)
    intercept: float = 0.0
    mean: list[float] = field(default_factory=list)
    scale: list[float] = field(default_factory=list)
    threshold: float = 0.5
    trained_on: str = "hand-set weights (no support_weights.json)"

    @classmethod
    def shipped(cls) -> SupportModel:
        """The weights shipped with the package, or the hand-set formula if they are missing."""
        if not WEIGHTS_FILE.is_file():
            return cls()
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        if data.get("features") != feature_names():
            return cls(trained_on="hand-set weights (support_weights.json is for other features)")
        return cls(
            coef=[float(x) for x in data["coef"]],
            intercept=float(data["intercept"]),
            mean=[float(x) for x in data["mean"]],
            scale=[float(x) for x in data["scale"]],
            threshold=float(data.get("threshold", 0.5)),
            trained_on=str(data.get("trained_on", "")),
        )

    def save(self, path: Path = WEIGHTS_FILE) -> None:
        payload = {
            "features": feature_names(),
            "coef": self.coef,
            "intercept": self.intercept,
            "mean": self.mean,
            "scale": self.scale,
            "threshold": self.threshold,
            "trained_on": self.trained_on,
        }
        path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")

    def predict(self, sentences: Sequence[dict[str, float]]) -> float:
        """Support in [0, 1] of a claim given its sentences' feature dicts."""
        if not sentences:
            return 0.0
        if not self.coef:
            worst = min(_hand_strength(s) for s in sentences)
            return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, worst))))
        x = aggregate(sentences)
        z = self.intercept + sum(
            c * (v - m) / (s or 1.0)
            for c, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
