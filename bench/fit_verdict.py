"""Fit the support checker's verdict (supported / invented / flipped) on the rewrite corpus.

Samples, measured by the product's own checker (SupportChecker.measure) against the FULL source
article(s), exactly as flags are decided: every labelled sentence of the train split's derived
articles (background padding left out) and every claim pair of the train split. A multinomial
logistic regression over the checker's features is written to src/newstrace/align/verdict.json
for this run's vector family. The dev split is scored with the shipped thresholds.

Run: .venv/bin/python bench/fit_verdict.py [--lexical]   (then again with the other)
     .venv/bin/python bench/fit_verdict.py --by-type dev [--lexical]   (what it catches, per flip type)

With --reader (the packaged trained reader, align/xenc/, loaded): a second verdict
"minilm+xenc" with the reader's score as one more feature, fitted on the train samples the
shipped "minilm" verdict doubts (support below READER_DOUBT): the checker asks the reader only
there (a cascade), so that is the population it decides. Its class logits are shifted on dev (the
thresholds are the plain verdict's), and the checker with it is compared on every dev sample with
the checker without it, by support.py's whole verdict: it is written to verdict.json only when
three-class balanced accuracy rises on claim pairs and on article sentences with no more copy
sentences flagged. The shipped "minilm" verdict is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import rewrites_cases as cases_mod  # noqa: E402
import rewrites_sources as sources_mod  # noqa: E402
from llm_rewrites import analysed  # noqa: E402
from newstrace.align.features import sentence_features  # noqa: E402
from newstrace.align.fitted import (  # noqa: E402
    VERDICT_FILE,
    LinearModel,
    SoftmaxModel,
    shipped_verdict,
)
from newstrace.align.sentences import PreparedArticle  # noqa: E402
from newstrace.align.support import ClaimMeasures, SourceIndex, SupportChecker  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.model import Article  # noqa: E402
from newstrace.models import load_embedder  # noqa: E402
from newstrace.provenance.flags import CombinedSources  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

CLASSES = ("supported", "invented", "flipped")
LABEL = {
    "faithful": "supported",
    "invented_quote": "invented",
    "invented_detail": "invented",
    "invented": "invented",
    "flipped": "flipped",
}


@dataclass
class Read:
    """One sample as the verdict reads it: a copy's, a derived article's or a claim pair's
    sentence, its measures and the index of its source(s)."""

    kind: str
    measures: ClaimMeasures
    index: SourceIndex
    flip: str | None = None  # the flip's type, for a flipped sample


def _ref_id(ref: str) -> str:
    return ref.replace(":", "_").replace("/", "_")


def samples(
    split: str, settings: Settings, analyzer: Analyzer, reads: list[Read] | None = None
) -> tuple[list[dict[str, float]], list[str]]:
    """Features and labels; `reads` collects each sample's kind, measures and source index (what
    the verdict and the reader read)."""
    checker = SupportChecker(settings)
    embedder = load_embedder(settings) if settings.embedder != "lexical" else None
    rows = {r["id"]: r for r in cases_mod.read_corpus()}
    xs: list[dict[str, float]] = []
    ys: list[str] = []
    combined_of: dict[str, CombinedSources] = {}
    for case in cases_mod.build_cases(split):
        articles = {a.id: a for a in analysed(case, analyzer, settings, True)}
        prepared = {k: PreparedArticle.of(a) for k, a in articles.items()}
        group_source = {a.group: a.id for a in case.articles if a.role == "source"}
        for ca in case.articles:
            if ca.role in ("copy", "wire") and ca.group in group_source:
                # real syndication: copied sentences, lightly edited, are supported
                combined = CombinedSources([prepared[group_source[ca.group]]])
                copy = prepared[ca.id]
                for k, claim in enumerate(copy.feats[:-1]):  # the credit line is no claim
                    vector = copy.vectors[k] if copy.vectors is not None else None
                    m = checker.measure(
                        combined.index, claim, claim_speaker=copy.speakers[k], claim_vector=vector
                    )
                    xs.append(m.values)
                    if reads is not None:
                        reads.append(Read("copy", m, combined.index))
                    ys.append("supported")
                continue
            if ca.role != "derived":
                continue
            refs = [_ref_id(r) for r in rows[ca.id]["sources"]]
            combined = CombinedSources([prepared[r] for r in refs])
            derived = prepared[ca.id]
            for g in ca.sentences:
                if g.label not in LABEL:
                    continue
                k = _best_sentence(derived, g.start, g.end)
                if k is None:
                    continue
                vector = derived.vectors[k] if derived.vectors is not None else None
                m = checker.measure(
                    combined.index,
                    derived.feats[k],
                    claim_speaker=derived.speakers[k],
                    claim_vector=vector,
                )
                xs.append(m.values)
                ys.append(LABEL[g.label])
                if reads is not None:
                    reads.append(Read("article", m, combined.index, g.flip))
        for ref in {r for a in case.articles if a.role == "source" for r in [a.id]}:
            combined_of[ref] = CombinedSources([prepared[ref]])
    pairs = [
        p
        for p in cases_mod.read_pairs()
        if sources_mod.split_of(p["from"][0].rsplit("#", 1)[0]) == split
    ]
    # pairs written from articles that are no story's source: analyse those articles too
    missing = sorted(
        {
            p["from"][0].rsplit("#", 1)[0]
            for p in pairs
            if _ref_id(p["from"][0].rsplit("#", 1)[0]) not in combined_of
        }
    )
    extra = [
        Article(id=_ref_id(ref), source=ref, text=cases_mod.source_text(sources_mod.load(ref)))
        for ref in missing
    ]
    if extra:
        analyzer.analyze(extra)
        for article in extra:
            combined_of[article.id] = CombinedSources([PreparedArticle.of(article)])
    claims = [p["claim"] for p in pairs]
    vectors = embedder.encode(claims) if embedder is not None and claims else None
    lexical_vectors = None
    if embedder is None and claims:
        lexical_vectors = load_embedder(settings).encode(claims)
    for n, p in enumerate(pairs):
        ref = _ref_id(p["from"][0].rsplit("#", 1)[0])
        combined = combined_of.get(ref)
        if combined is None:
            continue
        vector = (
            vectors[n]
            if vectors is not None
            else (lexical_vectors[n] if lexical_vectors is not None else None)
        )
        claim = sentence_features([p["claim"]], settings)[0]  # analysed as ingest would
        m = checker.measure(combined.index, claim, claim_vector=vector)
        xs.append(m.values)
        if reads is not None:
            reads.append(Read("pair", m, combined.index, p.get("flip")))
        ys.append(LABEL[p["label"]])
    return xs, ys


READER_KEY = "minilm+xenc"
VERDICT_CLASS = {"supported": "supported", "unsupported": "invented", "altered": "flipped"}
# logit shifts of the reader's verdict tried on dev (supported, flipped): its thresholds are the
# plain verdict's (align/support.py), so moving its classes' intercepts is how they are chosen
# train samples in doubt read for the train-fitted reader verdict (a seeded sample of ~6,000)
TRAIN_READS = 1500
SHIFTS = [(s, f) for s in (-1.0, -0.5, 0.0, 0.5, 1.0) for f in (-0.5, 0.0, 0.5)]


class _PlainChecker(SupportChecker):
    """The checker without the trained reader: the verdict as shipped before it."""

    @property
    def encoder(self) -> None:
        return None


def _read_doubted(
    reader: object, base: SoftmaxModel, reads: list[Read], most: int | None = None
) -> list[Read]:
    """The samples the plain verdict doubts (support below READER_DOUBT; the product asks the
    reader only there), with the reader's score as the feature "xenc"; `most`: a random sample
    of that many of them only (the reader reads ~3-5 pairs/s on the shared CPU)."""
    import random

    from newstrace.align.support import READER_DOUBT

    doubted = [
        r
        for r in reads
        if r.measures.premise and base.probabilities(r.measures.values)["supported"] < READER_DOUBT
    ]
    if most is not None and len(doubted) > most:
        doubted = random.Random(0).sample(doubted, most)
    pairs = [(r.measures.premise, r.measures.claim) for r in doubted]
    probs = reader.probabilities(pairs)  # type: ignore[attr-defined]
    for r, p in zip(doubted, probs, strict=True):
        r.measures.values["xenc"] = float(p[0])
    return doubted


def _decide(
    checker: SupportChecker, reads: list[Read], read_model: SoftmaxModel | None
) -> list[str]:
    """The checker's verdict (support.py, every rule) on each sample, as a class; with
    `read_model` as the shipped reader verdict (None: as shipped)."""
    import newstrace.align.support as support_mod

    original = support_mod.shipped_verdict
    if read_model is not None:
        support_mod.shipped_verdict = (  # type: ignore[assignment]
            lambda family: read_model if family == READER_KEY else original(family)
        )
    try:
        out = []
        for r in reads:
            verdict = checker.verdict(r.measures, r.index)
            assert verdict is not None
            out.append(VERDICT_CLASS[verdict[0]])
        return out
    finally:
        support_mod.shipped_verdict = original  # type: ignore[assignment]


def _scores(reads: list[Read], ys: list[str], got: list[str]) -> dict[str, dict[str, float]]:
    """Per sample kind: three-class balanced accuracy, recall and precision of the flipped and
    invented classes; on copies, the share flagged."""
    out: dict[str, dict[str, float]] = {}
    for kind in ("pair", "article", "copy"):
        idx = [k for k, r in enumerate(reads) if r.kind == kind]
        tally = Counter((ys[k], got[k]) for k in idx)
        present = [c for c in CLASSES if any(ys[k] == c for k in idx)]
        recall = {c: tally[(c, c)] / max(1, sum(tally[(c, g)] for g in CLASSES)) for c in present}
        flagged = {c: sum(tally[(y, c)] for y in CLASSES) for c in CLASSES}
        row = {"n": float(len(idx)), "bacc": float(np.mean(list(recall.values()) or [0.0]))}
        for c in ("flipped", "invented"):
            row[f"{c} R"] = recall.get(c, float("nan"))
            row[f"{c} P"] = tally[(c, c)] / max(1, flagged[c])
        row["flagged"] = sum(got[k] != "supported" for k in idx) / max(1, len(idx))
        out[kind] = row
    return out


def _shifted(model: SoftmaxModel, supported: float, flipped: float) -> SoftmaxModel:
    shift = {"supported": supported, "flipped": flipped}
    rows = tuple(
        LinearModel(r.names, r.mean, r.scale, r.coef, r.intercept + shift.get(c, 0.0))
        for c, r in zip(model.classes, model.rows, strict=True)
    )
    return SoftmaxModel(model.classes, rows)


def _table(title: str, rows: dict[str, dict[str, dict[str, float]]]) -> str:
    cols = ("bacc", "flipped R", "flipped P", "invented R", "invented P")
    lines = [
        f"{title}",
        "",
        "| verdict | sentences | n | balanced acc (3 classes) | flipped R | flipped P "
        "| invented R | invented P | flagged |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, by_kind in rows.items():
        for kind, s in by_kind.items():
            cells = " | ".join(f"{s[c]:.3f}" for c in cols)
            lines.append(f"| {name} | {kind} | {int(s['n'])} | {cells} | {s['flagged']:.3f} |")
    return "\n".join(lines)


def _cached_reads(
    split: str, settings: Settings, analyzer: Analyzer
) -> tuple[list[Read], list[str]]:
    """samples() with its reads, kept under build/ between runs: keyed by the code that measures
    them (align/, analyze/, lang/, the case builder), the corpus and the plain verdict."""
    import hashlib
    import pickle

    src = ROOT / "src" / "newstrace"
    files = sorted(
        [
            *(src / "align").glob("*.py"),
            *(src / "analyze").rglob("*.py"),
            *(src / "lang").rglob("*.py"),
            *(ROOT / "bench" / "data" / "rewrites").glob("*.jsonl"),
            ROOT / "bench" / "rewrites_cases.py",
        ]
    )
    digest = hashlib.sha1(b"".join(f.read_bytes() for f in files))
    digest.update(json.dumps(json.loads(VERDICT_FILE.read_text())["minilm"]).encode())
    path = ROOT / "build" / "fit_verdict" / f"reads-{split}-{digest.hexdigest()[:12]}.pkl"
    if path.is_file():
        rows, labels = pickle.loads(path.read_bytes())
        return [Read(*row) for row in rows], labels
    reads: list[Read] = []
    _, ys = samples(split, settings, analyzer, reads)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(([(r.kind, r.measures, r.index) for r in reads], ys)))
    return reads, ys


def _fold(r: Read) -> int:
    """Half of dev a sample falls in, by its source (its first sentence): the two halves of a
    cross-fit never share a source."""
    import hashlib

    first = r.index.sentences[0] if r.index.sentences else ""
    return hashlib.sha1(first.encode()).digest()[0] % 2


def _best_shift(
    decide: Callable[[SoftmaxModel | None, list[Read]], list[str]],
    fitted: Callable[[int], SoftmaxModel],
    dev: list[Read],
    dev_y: list[str],
    plain: dict[str, dict[str, float]],
) -> tuple[tuple[float, float], dict[str, dict[str, float]]]:
    """The logit shifts with the best mean balanced accuracy (claim pairs, article sentences)
    on dev that flag no more copies than the plain verdict; `fitted(k)` is the model that
    decides the dev half k."""
    tried: list[tuple[float, tuple[float, float], dict[str, dict[str, float]]]] = []
    for s, f in SHIFTS:
        got_of: dict[int, str] = {}
        for k in (0, 1):
            half = [j for j, r in enumerate(dev) if _fold(r) == k]
            got = decide(_shifted(fitted(k), s, f), [dev[j] for j in half])
            got_of.update(zip(half, got, strict=True))
        got_all = _scores(dev, dev_y, [got_of[j] for j in range(len(dev))])
        if got_all["copy"]["flagged"] <= plain["copy"]["flagged"]:
            bacc = (got_all["pair"]["bacc"] + got_all["article"]["bacc"]) / 2
            tried.append((bacc, (s, f), got_all))
    assert tried, "every shift flags more copies than the plain verdict"
    _, shift, best = max(tried, key=lambda t: t[0])
    return shift, best


def fit_reader(settings: Settings, analyzer: Analyzer) -> None:
    """The reader's verdict, two ways, each read on every dev sample by support.py's whole
    verdict against the plain one: (a) fitted on the train samples the plain verdict doubts (a
    seeded sample of TRAIN_READS), its logit shifts chosen on dev (the plain verdict's recipe); (b) cross-fitted on dev, since
    the head was trained on the train claims and its scores there are in-sample (too sure): each
    half of dev (split by source) decided by a verdict fitted on the other half's samples in
    doubt, shifts chosen on those out-of-half decisions; shipped, if chosen, fitted on all of
    dev's. The better of the two on dev is written to verdict.json only when it beats the plain
    checker there (balanced accuracy up on claim pairs and on article sentences, no more copy
    sentences flagged)."""
    import time

    from newstrace.align.cross_encoder import shipped

    reader, base = shipped(), shipped_verdict("minilm")
    assert reader is not None and base is not None, "needs align/xenc/ and the minilm verdict"
    data = json.loads(VERDICT_FILE.read_text())
    data.pop(READER_KEY, None)  # the plain checker is the baseline, whatever was shipped
    VERDICT_FILE.write_text(json.dumps(data, indent=1) + "\n")
    shipped_verdict.cache_clear()

    def gather(split: str) -> tuple[list[Read], list[str], list[Read], float]:
        reads, ys = _cached_reads(split, settings, analyzer)
        t0 = time.perf_counter()
        doubted = _read_doubted(reader, base, reads, TRAIN_READS if split == "train" else None)
        return reads, ys, doubted, time.perf_counter() - t0

    def fit_on(reads: list[Read], ys: list[str]) -> SoftmaxModel:
        label_of = {id(r): y for r, y in zip(reads, ys, strict=True)}
        xs = [r.measures.values for r in reads if "xenc" in r.measures.values]
        labels = [label_of[id(r)] for r in reads if "xenc" in r.measures.values]
        return fit_softmax(xs, labels, sorted(xs[0]))

    train, train_y, train_doubted, _ = gather("train")
    on_train = fit_on(train, train_y)
    print(
        f"train: fitted on {len(train_doubted)} read of the samples in doubt (of {len(train)})",
        flush=True,
    )
    dev, dev_y, dev_doubted, seconds = gather("dev")
    print(
        f"dev: {len(dev_doubted)} of {len(dev)} samples in doubt "
        f"({len(dev_doubted) / max(1, len(dev)):.1%}), the reader {len(dev_doubted) / seconds:.1f} "
        "pairs/s (under load)",
        flush=True,
    )
    plain = _scores(dev, dev_y, _decide(_PlainChecker(settings), dev, None))
    checker = SupportChecker(settings)

    def decide(model: SoftmaxModel | None, reads: list[Read]) -> list[str]:
        return _decide(checker, reads, model)

    halves = {
        k: fit_on(
            [r for r in dev if _fold(r) != k],
            [y for r, y in zip(dev, dev_y, strict=True) if _fold(r) != k],
        )
        for k in (0, 1)
    }
    shift_a, best_a = _best_shift(decide, lambda k: on_train, dev, dev_y, plain)
    shift_b, best_b = _best_shift(decide, lambda k: halves[k], dev, dev_y, plain)
    rows = {
        "plain (as shipped)": plain,
        f"(a) fitted on train, shifts {shift_a[0]:+.1f} / {shift_a[1]:+.1f}": best_a,
        f"(b) cross-fitted on dev, shifts {shift_b[0]:+.1f} / {shift_b[1]:+.1f}": best_b,
    }
    print(_table(f"dev, every sample ({len(dev)}); the reader asked where in doubt", rows))

    def mean_bacc(got: dict[str, dict[str, float]]) -> float:
        return (got["pair"]["bacc"] + got["article"]["bacc"]) / 2

    if mean_bacc(best_a) >= mean_bacc(best_b):
        name, best, model = "(a)", best_a, _shifted(on_train, *shift_a)
    else:
        name, best, model = "(b)", best_b, _shifted(fit_on(dev, dev_y), *shift_b)
    if all(best[k]["bacc"] > plain[k]["bacc"] for k in ("pair", "article")):
        data[READER_KEY] = model.to_json()
        VERDICT_FILE.write_text(json.dumps(data, indent=1) + "\n")
        print(f"dev improves with {name}: {READER_KEY} written to {VERDICT_FILE}")
    else:
        print(f"dev does not improve on both sets: {READER_KEY} not written")


def fit_softmax(xs: list[dict[str, float]], ys: list[str], names: list[str]) -> SoftmaxModel:
    """A balanced multinomial logistic regression over `names`, standardised."""
    x = np.array([[s[n] for n in names] for s in xs])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")
    model.fit((x - mean) / scale, ys)
    order = [list(model.classes_).index(c) for c in CLASSES]
    rows = tuple(
        LinearModel(
            tuple(names),
            tuple(float(v) for v in mean),
            tuple(float(v) for v in scale),
            tuple(float(v) for v in model.coef_[k]),
            float(model.intercept_[k]),
        )
        for k in order
    )
    return SoftmaxModel(CLASSES, rows)


def report_dev(
    fitted: SoftmaxModel,
    dev_x: list[dict[str, float]],
    dev_y: list[str],
    thresholds: tuple[float, float] | None = None,
) -> None:
    """Supported-vs-not ROC-AUC and P/R of each class at (flip, unsupported) thresholds, the
    verdict's own by default."""
    from sklearn.metrics import roc_auc_score

    from newstrace.align.support import VERDICT_FLIP, VERDICT_UNSUPPORTED

    flip_t, unsup_t = thresholds or (VERDICT_FLIP, VERDICT_UNSUPPORTED)
    probs = [fitted.probabilities(v) for v in dev_x]
    auc = roc_auc_score([y == "supported" for y in dev_y], [p["supported"] for p in probs])
    tally: Counter[tuple[str, str]] = Counter()
    for p, v, y in zip(probs, dev_x, dev_y, strict=True):
        changed = v["changed"] or v["loose_changed"] or v["speaker_issue"]
        if p["flipped"] >= flip_t and changed:
            got = "flipped"
        elif p["invented"] + p["flipped"] >= unsup_t:
            got = "invented"
        else:
            got = "supported"
        tally[(y, got)] += 1
    recall = {c: tally[(c, c)] / max(1, sum(tally[(c, g)] for g in CLASSES)) for c in CLASSES}
    flagged = {c: sum(tally[(y, c)] for y in CLASSES) for c in CLASSES}
    precision = {c: tally[(c, c)] / max(1, flagged[c]) for c in CLASSES}
    print(
        f"  flip>={flip_t} unsupported>={unsup_t}: supported vs not ROC-AUC {auc:.3f}; "
        + ", ".join(f"{c} P {precision[c]:.2f} R {recall[c]:.2f}" for c in CLASSES)
    )


def _best_sentence(article: PreparedArticle, start: int, end: int) -> int | None:
    best, best_overlap = None, 0
    for k, s in enumerate(article.article.sentences):
        overlap = min(end, s.end) - max(start, s.start)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def report_by_type(split: str, settings: Settings, analyzer: Analyzer) -> None:
    """What the whole shipped verdict (align/support.py) says of every sample of `split`, per
    gold class and, for flips, per flip type: which kinds of change it catches."""
    checker = SupportChecker(settings)
    reads: list[Read] = []
    _, ys = samples(split, settings, analyzer, reads)
    tally: dict[str, Counter[str]] = {}
    for read, y in zip(reads, ys, strict=True):
        got = checker.verdict(read.measures, read.index)
        key = f"{y}:{read.flip or '?'}" if y == "flipped" else y
        tally.setdefault(key, Counter())[got[0] if got else "none"] += 1
    print(f"{split}: shipped verdict per gold class ({settings.embedder})")
    print("| gold | n | supported | altered | unsupported |")
    print("|---|---|---|---|---|")
    for key in sorted(tally):
        c = tally[key]
        print(
            f"| {key} | {sum(c.values())} | {c['supported']} | {c['altered']} | "
            f"{c['unsupported']} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true")
    parser.add_argument(
        "--reader", action="store_true", help="fit only the verdict read where the other doubts"
    )
    parser.add_argument(
        "--by-type",
        choices=["train", "dev", "test"],
        help="fit nothing: the shipped verdict's labels per gold class and flip type on a split",
    )
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    settings.progress = False
    analyzer = Analyzer(settings)
    if args.by_type:
        report_by_type(args.by_type, settings, analyzer)
        return
    if args.reader:
        fit_reader(settings, analyzer)
        return
    xs, ys = samples("train", settings, analyzer)
    fitted = fit_softmax(xs, ys, sorted(xs[0]))
    family = "lexical" if args.lexical else "minilm"
    data = json.loads(VERDICT_FILE.read_text()) if VERDICT_FILE.is_file() else {}
    data[family] = fitted.to_json()
    data["fitted_on"] = "bench/data/rewrites train split (bench/fit_verdict.py)"
    VERDICT_FILE.write_text(json.dumps(data, indent=1) + "\n")
    print(f"{family}: fitted on {len(ys)} train samples {dict(Counter(ys))}")
    dev_x, dev_y = samples("dev", settings, analyzer)
    print("dev:")
    for thresholds in (None, (0.6, 0.85), (0.5, 0.8), (0.4, 0.7)):
        report_dev(fitted, dev_x, dev_y, thresholds)


if __name__ == "__main__":
    main()
