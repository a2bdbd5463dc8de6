"""Provenance on hand-written LLM-style rewrites of real news (bench/data/rewrites/).

Each story (bench/rewrites_cases.py) is run through the product's own path: the analyzer, then
`analyze_story`. Scored: links between syndication groups (precision / recall), direction of the
found links (dated and undated stories apart; "undetermined" counted on its own), invented
sentences flagged `unsupported`, flipped facts flagged `altered`/`contradiction` with the changed
source sentence among the evidence, and unsupported flags on original reporting (sources,
copies, wire copies, independent reports). The baseline, in the same run: two articles sharing
>= 30 % of their word 5-grams are linked, the earlier (else the longer) one as source.

Run: .venv/bin/python bench/llm_rewrites.py --split dev [--lexical] [--dump FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import rewrites_cases as cases_mod  # noqa: E402
from newstrace.analyze import Analyzer  # noqa: E402
from newstrace.model import Article, Derivation, Flag  # noqa: E402
from newstrace.provenance import analyze_story  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

INVENTED = ("invented_quote", "invented_detail")
ORIGINAL_ROLES = ("source", "copy", "wire", "independent")


def to_articles(case: cases_mod.Case) -> list[Article]:
    return [
        Article(
            id=a.id,
            source=a.id,
            text=a.text,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
        )
        for a in case.articles
    ]


def _grams(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def baseline(articles: list[Article]) -> list[Derivation]:
    grams = {a.id: _grams(a.text) for a in articles}
    found = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            ga, gb = grams[a.id], grams[b.id]
            if len(ga & gb) / max(1, min(len(ga), len(gb))) >= 0.3:
                first = (a.published or "", -len(a.text)) <= (b.published or "", -len(b.text))
                s, d = (a, b) if first else (b, a)
                found.append(Derivation(source=s.id, derived=d.id, score=1.0))
    return found


class Tally:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def prf(self, key: str) -> tuple[float, float]:
        tp, fp, fn = self.c[f"{key}_tp"], self.c[f"{key}_fp"], self.c[f"{key}_fn"]
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def score_links(t: Tally, case: cases_mod.Case, derivations: list[Derivation]) -> list[str]:
    """Group-level link scoring; returns readable error lines for --dump."""
    group = {a.id: a.group for a in case.articles}
    timing = "dated" if case.dated else "undated"
    errors: list[str] = []
    found_links: set[tuple[str, str]] = set()
    found_copies: set[frozenset[str]] = set()
    for d in derivations:
        if getattr(d, "strength", "derived") != "derived":
            pair = frozenset({group[d.source], group[d.derived]})
            gold_pair = any(frozenset(link) == pair for link in case.links)
            t.c["possible_gold" if gold_pair else "possible_other"] += 1
            continue
        gs, gd = group[d.source], group[d.derived]
        undetermined = getattr(d, "direction", "decided") == "undetermined"
        if gs == gd:
            pair = frozenset({d.source, d.derived})
            if pair in found_copies:
                continue
            found_copies.add(pair)
            if (d.source, d.derived) in case.copies or (d.derived, d.source) in case.copies:
                _direction(t, timing, undetermined, (d.source, d.derived) in case.copies)
            elif pair not in case.wire_pairs:
                t.c["link_fp"] += 1
                errors.append(f"FP copy link {d.source} -> {d.derived}")
            continue
        if (gs, gd) in found_links or (gd, gs) in found_links:
            continue
        if (gs, gd) in case.links or (gd, gs) in case.links:
            found_links.add((gs, gd))
            right = (gs, gd) in case.links
            _direction(t, timing, undetermined, right)
            if not right and not undetermined:
                errors.append(f"REVERSED {d.source} -> {d.derived} ({d.direction_evidence})")
        else:
            found_links.add((gs, gd))
            t.c["link_fp"] += 1
            errors.append(f"FP link {d.source} -> {d.derived} score {d.score:.2f}")
    t.c["link_tp"] += len(found_links & (case.links | {(b, a) for a, b in case.links}))
    t.c["link_tp"] += len(found_copies & ({frozenset(p) for p in case.copies} | case.wire_pairs))
    for s, d in case.links:
        if (s, d) not in found_links and (d, s) not in found_links:
            t.c["link_fn"] += 1
            errors.append(f"MISSED {s} -> {d}")
    for pair in {frozenset(p) for p in case.copies} | case.wire_pairs:
        if pair not in found_copies:
            t.c["link_fn"] += 1
            errors.append(f"MISSED copy {sorted(pair)}")
    return errors


def _direction(t: Tally, timing: str, undetermined: bool, right: bool) -> None:
    if undetermined:
        t.c[f"dir_undetermined_{timing}"] += 1
    else:
        t.c[f"dir_{'ok' if right else 'bad'}_{timing}"] += 1


def _words(text: str) -> set[str]:
    return {w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()} - {""}


def _close(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def score_flags(
    t: Tally, case: cases_mod.Case, articles: dict[str, Article], flags: list[Flag]
) -> list[str]:
    errors: list[str] = []
    roles = {a.id: a.role for a in case.articles}
    by_article: dict[str, list[Flag]] = {}
    for f in flags:
        by_article.setdefault(f.article, []).append(f)
        if roles.get(f.article) in ORIGINAL_ROLES and f.kind in ("unsupported", "altered"):
            t.c[f"{f.kind}_on_original"] += 1
            errors.append(f"ORIGINAL FLAGGED {f.article} {f.kind}: {f.text[:100]}")
    for ca in case.articles:
        if ca.role != "derived":
            continue
        article = articles[ca.id]
        hits: dict[int, list[Flag]] = {}
        for f in by_article.get(ca.id, []):
            if f.kind not in ("unsupported", "altered", "contradiction"):
                continue
            span = _span(article, f)
            k = _gold_index(ca.sentences, span)
            if k is None:
                continue
            hits.setdefault(k, []).append(f)
        for k, g in enumerate(ca.sentences):
            found = hits.get(k, [])
            unsupported = any(f.kind == "unsupported" for f in found)
            changed = [f for f in found if f.kind in ("altered", "contradiction")]
            if g.label in INVENTED:
                t.c["invented_tp" if unsupported or changed else "invented_fn"] += 1
                t.c["invented_strict_tp" if unsupported else "invented_strict_fn"] += 1
                if not (unsupported or changed):
                    errors.append(f"MISSED invented {ca.id}: {g.text[:110]}")
            elif g.label == "flipped":
                t.c[f"flip_{g.flip}_n"] += 1
                if changed:
                    t.c["flip_tp"] += 1
                    t.c[f"flip_{g.flip}_tp"] += 1
                    right = any(
                        _close(e.text, s)
                        for f in changed
                        for e in f.evidence
                        for s in g.source_texts
                    )
                    t.c["flip_evidence_ok" if right else "flip_evidence_bad"] += 1
                else:
                    t.c["flip_fn"] += 1
                    t.c["flip_as_unsupported" if unsupported else "flip_unflagged"] += 1
                    errors.append(f"MISSED flip ({g.flip}) {ca.id}: {g.text[:110]}")
            elif g.label == "background":
                t.c["background_flagged" if found else "background_clean"] += 1
            else:  # faithful
                if unsupported:
                    t.c["invented_fp"] += 1
                    t.c["invented_strict_fp"] += 1
                    errors.append(f"FP unsupported {ca.id}: {g.text[:110]}")
                if changed:
                    t.c["flip_fp"] += 1
                    errors.append(f"FP altered {ca.id}: {g.text[:90]} | {changed[0].reason}")
            if (g.label == "flipped" and unsupported and not changed) or (
                g.label == "flipped" and unsupported
            ):
                pass
    return errors


def _span(article: Article, flag: Flag) -> tuple[int, int]:
    if 0 <= flag.sentence < len(article.sentences):
        s = article.sentences[flag.sentence]
        return s.start, s.end
    at = article.text.find(flag.text)
    return (at, at + len(flag.text)) if at >= 0 else (-1, -1)


def _gold_index(gold: list[cases_mod.GoldSentence], span: tuple[int, int]) -> int | None:
    best, best_overlap = None, 0
    for k, g in enumerate(gold):
        overlap = min(g.end, span[1]) - max(g.start, span[0])
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def _analysis_code() -> str:
    """A fingerprint of the analysis code and language data: a cache made by other code is stale."""
    src = ROOT / "src" / "newstrace"
    files = sorted([*(src / "analyze").rglob("*.py"), *(src / "lang").rglob("*.py")])
    return hashlib.sha1(b"".join(f.read_bytes() for f in files)).hexdigest()[:8]


def _cache_path(settings: Settings, articles: list[Article]) -> Path:
    key = hashlib.sha1("".join(a.text for a in articles).encode()).hexdigest()[:16]
    key += "-" + _analysis_code()
    folder = Path(tempfile.gettempdir()) / "newstrace-bench-rewrites"
    folder.mkdir(exist_ok=True)
    return folder / f"{settings.embedder}-{settings.ner}-{key}.pkl"


def analysed(
    case: cases_mod.Case, analyzer: Analyzer, settings: Settings, cache: bool
) -> list[Article]:
    articles = to_articles(case)
    path = _cache_path(settings, articles)
    if cache and path.is_file():
        stored: list[Article] = pickle.loads(path.read_bytes())
        for article, saved in zip(articles, stored, strict=True):  # dates/outlets may differ
            saved.published, saved.outlet = article.published, article.outlet
        return stored
    analyzer.analyze(articles)
    if cache:
        path.write_bytes(pickle.dumps(articles))
    return articles


def report(name: str, t: Tally, extra: str) -> str:
    p, r = t.prf("link")
    cells = [name, f"{p:.3f} / {r:.3f}"]
    for timing in ("dated", "undated"):
        ok, bad = t.c[f"dir_ok_{timing}"], t.c[f"dir_bad_{timing}"]
        und = t.c[f"dir_undetermined_{timing}"]
        cells.append(f"{ok / max(1, ok + bad):.3f} ({ok}/{ok + bad}, {und} undet.)")
    cells.append(extra)
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--lexical", action="store_true", help="no neural models at all")
    parser.add_argument("--corpus", type=Path, default=cases_mod.CORPUS)
    parser.add_argument("--dump", type=Path, help="write every error, one line each")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    settings = Settings.lexical() if args.lexical else Settings()
    settings.progress = False
    analyzer = Analyzer(settings)
    cases = cases_mod.build_cases(args.split, args.corpus)
    if args.limit:
        cases = cases[: args.limit]
    ours, base = Tally(), Tally()
    times: list[float] = []
    errors: list[str] = []
    analysed_with = ""
    n_articles = Counter()
    for case in cases:
        articles = analysed(case, analyzer, settings, not args.no_cache)
        analysed_with = articles[0].analyzed_with
        n_articles.update(a.role for a in case.articles)
        t0 = time.perf_counter()
        result = analyze_story(articles, [], settings)
        times.append(time.perf_counter() - t0)
        errors.append(f"## {case.id} ({'dated' if case.dated else 'undated'})")
        errors += score_links(ours, case, result.derivations)
        errors += score_flags(ours, case, {a.id: a for a in articles}, result.flags)
        score_links(base, case, baseline(articles))
    if args.dump:
        args.dump.write_text("\n".join(errors) + "\n", encoding="utf-8")
    machine = f"{platform.machine()} {len(os.sched_getaffinity(0))}-core"
    print(
        f"machine: {machine}; data: rewrites {args.split}, {len(cases)} stories, "
        f"{dict(n_articles)}; analysed with {analysed_with}"
    )
    print(
        "| system | links P / R | direction, dated (undetermined) | direction, undated "
        "(undetermined) | invented P / R (strict unsupported P / R) | flips P / R; evidence ok "
        "| unsupported/altered on original | s per story (median) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(report("5-gram overlap >= 0.3", base, "- | - | - | -"))
    ip, ir = ours.prf("invented")
    sp, sr = ours.prf("invented_strict")
    fp, fr = ours.prf("flip")
    ev = ours.c["flip_evidence_ok"]
    flags = (
        f"{ip:.3f} / {ir:.3f} ({sp:.3f} / {sr:.3f}) | {fp:.3f} / {fr:.3f}; "
        f"{ev}/{ev + ours.c['flip_evidence_bad']} | "
        f"{ours.c['unsupported_on_original']} / {ours.c['altered_on_original']} | "
        f"{statistics.median(times) if times else 0:.2f}"
    )
    print(report("newstrace", ours, flags))
    flips = {
        k[5:-2]: (ours.c[f"flip_{k[5:-2]}_tp"], v)
        for k, v in ours.c.items()
        if k.startswith("flip_") and k.endswith("_n")
    }
    print(f"\nflips caught by type: {flips}")
    print(
        f"possible links: {ours.c['possible_gold']} on gold pairs, {ours.c['possible_other']} "
        f"elsewhere; flips flagged only as unsupported: {ours.c['flip_as_unsupported']}; "
        f"background sentences flagged: {ours.c['background_flagged']} of "
        f"{ours.c['background_flagged'] + ours.c['background_clean']}"
    )


if __name__ == "__main__":
    main()
