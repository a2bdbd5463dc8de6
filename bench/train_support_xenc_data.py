"""The data both support-reader training scripts read, and the measures they report.

bench/train_support_xenc_cpu.py (a head over frozen int8 MiniLM token states: the shipped
reader) and bench/train_support_xenc_rewrites.py (a full MiniLM fine-tune, kept as the record of
what did not learn on 2 CPU cores) train on the same claims of the hand-written rewrite corpus
(bench/data/rewrites: claim pairs and labelled article sentences, frozen splits), with premises
built the same way from the claims' source sentences (bench/rewrites_sources.py numbering), and
report the same supported-vs-not and three-class measures. One copy of that lives here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FRANK = ROOT.parent / "shared" / "datasets" / "frank"

LABELS = ("faithful", "flipped", "invented")
ARTICLE_LABEL = {
    "faithful": "faithful",
    "flipped": "flipped",
    "invented_quote": "invented",
    "invented_detail": "invented",
}
SEED = 11

Encode = Callable[[list[str]], np.ndarray]
Ranked = list[tuple[float, str, str]]


@dataclass
class Item:
    """One claim, its gold evidence and sources, its label and split."""

    kind: str  # "pair" or "article"
    split: str
    claim: str
    label: str  # faithful / flipped / invented / background
    evidence: list[str]  # DATASET:DOC#N refs (from, or near for invented article sentences)
    sources: list[str]  # DATASET:DOC refs

    @property
    def docs(self) -> list[str]:
        """The source documents the claim may be read against: its sources and its evidence's."""
        return list(dict.fromkeys(self.sources + [doc_of(e) for e in self.evidence]))


def doc_of(ref: str) -> str:
    """DATASET:DOC of a DATASET:DOC#N sentence reference."""
    return ref.rsplit("#", 1)[0]


def _records(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def load_items(data: Path, rs: Any) -> list[Item]:
    """Every claim pair (w*_pairs.jsonl) and every labelled sentence of the derived articles
    (w*.jsonl), with the split of its first source (`rs` is bench/rewrites_sources.py)."""
    items: list[Item] = []
    for path in sorted(data.glob("w*_pairs.jsonl")):
        for r in _records(path):
            docs = list(dict.fromkeys(doc_of(f) for f in r["from"]))
            items.append(
                Item("pair", rs.split_of(docs[0]), r["claim"], r["label"], r["from"], docs)
            )
    for path in sorted(p for p in data.glob("w*.jsonl") if "_pairs" not in p.name):
        for r in _records(path):
            split = rs.split_of(r["sources"][0])
            for paragraph in r["paragraphs"]:
                for s in paragraph:
                    label = ARTICLE_LABEL.get(s["label"], s["label"])
                    refs = list(s.get("from") or s.get("near") or [])
                    items.append(Item("article", split, s["text"], label, refs, r["sources"]))
    return items


class Sources:
    """Source sentences (the corpus's frozen numbering) and their MiniLM vectors."""

    def __init__(self, rs: Any, encode: Encode) -> None:
        self.rs = rs
        self.encode = encode
        self.sentences: dict[str, list[str]] = {}
        self.vectors: dict[str, np.ndarray] = {}

    def prepare(self, docs: set[str]) -> None:
        todo = sorted(d for d in docs if d not in self.sentences)
        texts: list[str] = []
        for d in todo:
            self.sentences[d] = list(self.rs.load(d).sentences)
            texts.extend(self.sentences[d])
        vecs = self.encode(texts) if texts else np.zeros((0, 384), np.float32)
        k = 0
        for d in todo:
            n = len(self.sentences[d])
            self.vectors[d] = vecs[k : k + n]
            k += n

    def ranked(self, docs: list[str], claim_vec: np.ndarray) -> Ranked:
        """(cosine, ref, sentence) of every sentence of `docs`, nearest first."""
        out: Ranked = []
        for d in docs:
            sims = self.vectors[d] @ claim_vec
            out.extend(
                (float(sims[i]), f"{d}#{i}", self.sentences[d][i])
                for i in range(len(self.sentences[d]))
            )
        out.sort(key=lambda t: -t[0])
        return out


def premise(ranked: Ranked, evidence: list[str], gold: bool, size: int) -> str:
    """The `size` nearest sentences, best first; with `gold`, the gold evidence comes first (all
    of it, so that a faithful claim drawn from three sentences is never shown only two of them)
    and is filled up with the nearest. Every class gets a premise built the same way, so its
    length says nothing about the label."""
    chosen: Ranked = []
    if gold:
        chosen = [t for t in ranked if t[1] in set(evidence)]
    for t in ranked:
        if len(chosen) >= size:
            break
        if t not in chosen:
            chosen.append(t)
    chosen.sort(key=lambda t: -t[0])
    return " ".join(t[2] for t in chosen)


@dataclass
class Prepared:
    """The corpus ready to read: items, their sources, MiniLM vectors and premises."""

    items: list[Item]
    sources: Sources
    claim_vecs: np.ndarray
    gold_premise: list[str]  # gold evidence filled up with the nearest sentences
    near_premise: list[str]  # the nearest sentences by MiniLM cosine only
    cosine: list[float]  # MiniLM cosine of the nearest source sentence

    def split(self, name: str, kind: str | None = None) -> list[int]:
        """Indices of the labelled (faithful / flipped / invented) items of a split."""
        return [
            i
            for i, it in enumerate(self.items)
            if it.split == name and it.label in LABELS and (kind is None or it.kind == kind)
        ]


def prepare(data: Path, rs: Any, encode: Encode, premise_size: int) -> Prepared:
    """Read the corpus, its sources' sentences and vectors, and build every claim's premises."""
    items = load_items(data, rs)
    src = Sources(rs, encode)
    src.prepare({d for it in items for d in it.docs})
    claim_vecs = encode([it.claim for it in items])
    gold: list[str] = []
    near: list[str] = []
    cosine: list[float] = []
    for it, v in zip(items, claim_vecs, strict=True):
        ranked = src.ranked(it.docs, v)
        gold.append(premise(ranked, it.evidence, True, premise_size))
        near.append(premise(ranked, it.evidence, False, premise_size))
        cosine.append(ranked[0][0] if ranked else 0.0)
    return Prepared(items, src, claim_vecs, gold, near, cosine)


def frank_rows() -> dict[str, list[dict[str, Any]]]:
    """FRANK summaries of the validation and test splits (article, summary, Factuality)."""
    test = set((FRANK / "test_split.txt").read_text().split())
    val = set((FRANK / "validation_split.txt").read_text().split())
    rows: dict[str, list[dict[str, Any]]] = {"validation": [], "test": []}
    for r in _records(FRANK / "frank_reconstructed.jsonl"):
        split = "test" if r["hash"] in test else "validation" if r["hash"] in val else None
        if split:
            rows[split].append(r)
    return rows


# --- measures ---------------------------------------------------------------------------------
def best_threshold(scores: np.ndarray, supported: np.ndarray) -> float:
    """The score threshold with the best balanced accuracy (chosen on dev)."""
    from sklearn.metrics import balanced_accuracy_score

    candidates = np.unique(scores)
    accs = [balanced_accuracy_score(supported, scores >= t) for t in candidates]
    return float(candidates[int(np.argmax(accs))])


def binary(scores: np.ndarray, supported: np.ndarray, threshold: float) -> tuple[float, float]:
    """Balanced accuracy at `threshold` and ROC-AUC, supported vs not."""
    from sklearn.metrics import balanced_accuracy_score, roc_auc_score

    return (
        float(balanced_accuracy_score(supported, scores >= threshold)),
        float(roc_auc_score(supported, scores)),
    )


def three_way(probs: np.ndarray, labels: list[str]) -> tuple[float, dict[str, float]]:
    """Balanced accuracy and per-class recall of the argmax over LABELS."""
    pred = [LABELS[int(i)] for i in probs.argmax(axis=1)]
    recall = {
        k: float(np.mean([p == k for p, y in zip(pred, labels, strict=True) if y == k]))
        for k in LABELS
        if k in labels
    }
    return float(np.mean(list(recall.values()))), recall


# --- export -----------------------------------------------------------------------------------
def export_int8(model: Any, fp32: Path, int8: Path) -> None:
    """A fine-tuned MiniLM classifier (transformers) to fp32 ONNX, then dynamic int8 quantisation
    (the form the product reads with onnxruntime)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Wrapped(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids, mask, types):  # type: ignore[no-untyped-def]
            return self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits

    dummy = torch.ones((1, 16), dtype=torch.long)
    inputs = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(
        Wrapped(),
        (dummy, dummy, torch.zeros_like(dummy)),
        str(fp32),
        input_names=inputs,
        output_names=["logits"],
        dynamic_axes={n: {0: "batch", 1: "seq"} for n in inputs},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
