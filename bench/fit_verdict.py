"""Fit the support checker's verdict (supported / invented / flipped) on the rewrite corpus.

Samples, measured by the product's own checker (SupportChecker.measure) against the FULL source
article(s), exactly as flags are decided: every labelled sentence of the train split's derived
articles (background padding left out) and every claim pair of the train split. A multinomial
logistic regression over the checker's features is written to src/newstrace/align/verdict.json
for this run's vector family. The dev split is scored with the shipped thresholds.

Run: .venv/bin/python bench/fit_verdict.py [--lexical]   (then again with the other)

With --reader (the packaged trained reader, align/xenc/, loaded): a second verdict
"minilm+xenc" with the reader's score as one more feature, fitted on the train samples the
shipped "minilm" verdict doubts (support below READER_DOUBT): the checker asks the reader only
there (a cascade), so that is the population it decides. The shipped "minilm" verdict is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
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
from newstrace.align.fitted import VERDICT_FILE, LinearModel, SoftmaxModel  # noqa: E402
from newstrace.align.sentences import PreparedArticle  # noqa: E402
from newstrace.align.support import SupportChecker  # noqa: E402
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


def _ref_id(ref: str) -> str:
    return ref.replace(":", "_").replace("/", "_")


def samples(
    split: str, settings: Settings, analyzer: Analyzer, reads: list[tuple[str, str]] | None = None
) -> tuple[list[dict[str, float]], list[str]]:
    """Features and labels; `reads` collects each sample's (premise, claim) for the reader."""
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
                        reads.append((m.premise, m.claim))
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
                    reads.append((m.premise, m.claim))
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
            reads.append((m.premise, m.claim))
        ys.append(LABEL[p["label"]])
    return xs, ys


def fit_reader(settings: Settings, analyzer: Analyzer) -> None:
    from newstrace.align.cross_encoder import shipped
    from newstrace.align.fitted import shipped_verdict
    from newstrace.align.support import READER_DOUBT

    reader, base = shipped(), shipped_verdict("minilm")
    assert reader is not None and base is not None, "needs align/xenc/ and the minilm verdict"

    def doubted(split: str) -> tuple[list[dict[str, float]], list[str], int]:
        reads: list[tuple[str, str]] = []
        xs, ys = samples(split, settings, analyzer, reads)
        keep = [k for k, v in enumerate(xs) if base.probabilities(v)["supported"] < READER_DOUBT]
        probs = reader.probabilities([reads[k] for k in keep])
        for k, p in zip(keep, probs, strict=True):
            xs[k]["xenc"] = float(p[0])
        return [xs[k] for k in keep], [ys[k] for k in keep], len(xs)

    xs, ys, n = doubted("train")
    read = fit_softmax(xs, ys, sorted(xs[0]))
    data = json.loads(VERDICT_FILE.read_text())
    data["minilm+xenc"] = read.to_json()
    VERDICT_FILE.write_text(json.dumps(data, indent=1) + "\n")
    print(f"minilm+xenc: fitted on {len(ys)} of {n} train samples {dict(Counter(ys))}")
    dev_x, dev_y, n_dev = doubted("dev")
    print(f"dev: the {len(dev_y)} of {n_dev} samples in doubt {dict(Counter(dev_y))}")
    for name, model in (("minilm", base), ("minilm+xenc", read)):
        print(f"dev, in doubt, verdict {name}:")
        report_dev(model, dev_x, dev_y)


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lexical", action="store_true")
    parser.add_argument(
        "--reader", action="store_true", help="fit only the verdict read where the other doubts"
    )
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    settings.progress = False
    analyzer = Analyzer(settings)
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
