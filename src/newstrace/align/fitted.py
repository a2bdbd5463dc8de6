"""Models fitted on the hand-written rewrite corpus: linear models over named features, as JSON.

bench/fit_provenance.py fits the provenance questions ("derivation", "direction") and
bench/fit_verdict.py the support checker's verdict ("verdict": supported / invented / flipped),
on the train split of bench/data/rewrites/, into provenance/weights.json and align/verdict.json;
one model per question and per vector family ("minilm", "lexical"), since neural and hashed
cosines live on different scales. Plain arithmetic at run time: no sklearn import.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).parent.parent / "provenance" / "weights.json"
VERDICT_FILE = Path(__file__).with_name("verdict.json")


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


@dataclass(frozen=True)
class SoftmaxModel:
    """Class probabilities: softmax over one LinearModel-like score per class."""

    classes: tuple[str, ...]
    rows: tuple[LinearModel, ...]  # one per class, sharing names, mean and scale

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = []
        for row in self.rows:
            z = row.intercept
            for name, mu, sd, w in zip(row.names, row.mean, row.scale, row.coef, strict=True):
                z += w * (features.get(name, 0.0) - mu) / (sd or 1.0)
            scores.append(max(-30.0, min(30.0, z)))
        top = max(scores)
        exps = [math.exp(z - top) for z in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {"classes": list(self.classes), "rows": [r.to_json() for r in self.rows]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SoftmaxModel:
        classes, rows = data["classes"], data["rows"]
        assert isinstance(classes, list) and isinstance(rows, list)
        return cls(tuple(str(c) for c in classes), tuple(LinearModel.from_json(r) for r in rows))


@cache
def shipped(question: str, family: str) -> LinearModel:
    """The fitted provenance model for `question` ("derivation", "direction") and `family`."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return LinearModel.from_json(data[question][family])


@cache
def shipped_verdict(family: str) -> SoftmaxModel | None:
    """The fitted verdict model for vector `family`, or None when none was fitted."""
    if not VERDICT_FILE.is_file():
        return None
    data = json.loads(VERDICT_FILE.read_text(encoding="utf-8"))
    entry = data.get(family)
    return SoftmaxModel.from_json(entry) if isinstance(entry, dict) else None
