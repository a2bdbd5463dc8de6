"""The fitted models of provenance: logistic regressions over named features, shipped as JSON.

bench/fit_provenance.py fits them on the train split of the hand-written rewrite corpus
(bench/data/rewrites/) and writes provenance/weights.json; one model per question
("derivation", "direction") and per vector family ("minilm", "lexical"), since neural and
hashed cosines live on different scales. Plain arithmetic at run time: no sklearn import.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class LinearModel:
    """p = sigmoid(intercept + sum(coef * (x - mean) / scale)) over `names`."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.names, self.mean, self.scale, self.coef, strict=True):
            z += w * (features.get(name, 0.0) - mu) / (sd or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        def floats(key: str) -> tuple[float, ...]:
            value = data[key]
            assert isinstance(value, list)
            return tuple(float(v) for v in value)

        names = data["names"]
        assert isinstance(names, list)
        intercept = data.get("intercept", 0.0)
        threshold = data.get("threshold", 0.5)
        assert isinstance(intercept, int | float) and isinstance(threshold, int | float)
        return cls(
            tuple(str(n) for n in names),
            floats("mean"),
            floats("scale"),
            floats("coef"),
            float(intercept),
            float(threshold),
        )


@cache
def shipped(question: str, family: str) -> LinearModel:
    """The fitted model for `question` ("derivation", "direction") and vector `family`."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return LinearModel.from_json(data[question][family])
