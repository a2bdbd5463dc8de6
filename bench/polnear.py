"""PolNeAR attribution benchmark: are the quotes newstrace finds the attributions people marked?

For each article (first annotator's .ann when several exist) the gold attributions are the brat
events linking Source / Cue / Content. A predicted quote matches a gold attribution when their
content spans overlap (one-to-one, greedy by overlap size); P/R/F1 count matches. Speaker accuracy
is over matched pairs: the predicted speaker (as written, or as resolved) names the gold source
(same head word, case-insensitive; a pronoun source counts when we resolved it to the same
person the gold pronoun's sentence names, or wrote the same pronoun). A relative pronoun
source ("who", "which") stands for the noun phrase before it: any of the three words before
the pronoun (and its comma) counts (new in issue 14's second session; every row of a table is
scored with the same rule).

Baseline in the same run: every sentence containing "said"/"says"/"according to" as one
attribution whose content is the sentence and whose speaker is the first capitalised word.

Direct and indirect separately: a gold attribution is direct when a quotation (as newstrace's
span finder sees the marks) covers at least half of its content; precision per kind counts our
quotes of that kind, recall per kind the gold attributions of that kind.

    .venv/bin/python bench/polnear.py [--split test|dev|train] [--limit N]
    .venv/bin/python bench/polnear.py --scaling 125000,250000,500000,1000000

`--scaling` times quote extraction alone (sentences and rule NER done beforehand) on texts
made of whole PolNeAR train articles joined until each size is reached: the cost per character
should stay flat as the text grows (it did not while every quote scanned every mention).

`NEWSTRACE_SRC=/path/to/other/checkout/src` runs the same scorer over another version of the
code (the "before" rows of bench/results/polnear.md come from the parent commit, same run).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("NEWSTRACE_SRC") or str(ROOT / "src"))

from newstrace.analyze import Analyzer, resolve_entities  # noqa: E402
from newstrace.analyze.quotes import find_quote_spans  # noqa: E402
from newstrace.analyze.resolve import normalise_name  # noqa: E402
from newstrace.model import Article, Quote  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "polnear" / "data"
KINDS = ("direct", "indirect")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "his", "her", "their"}


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str
    kind: str = "indirect"  # "direct" when quotation marks cover the content


@dataclass
class Predicted:
    content: tuple[int, int]
    speaker: str | None
    speaker_text: str | None
    group: int = -1  # pieces of one joined quote ('"A," he said. "B."') share a group
    kind: str = "indirect"


def read_gold(ann: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offs = parts[1].split(" ", 1)
            ranges = [tuple(map(int, r.split())) for r in offs[0].split(";")] if offs else []
            spans[parts[0]] = (kind, [(a, b) for a, b in ranges], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out: list[Attribution] = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        source = spans.get(event.get("Source", ""))
        out.append(
            Attribution(
                content=content[1],
                source=source[1][0] if source else None,
                source_text=source[2] if source else "",
            )
        )
    return out


def locate(text: str, quote: Quote, sentence_start: int) -> tuple[int, int] | None:
    probe = quote.text[:60]
    at = text.find(probe, max(0, sentence_start - 5))
    if at < 0:
        at = text.find(probe)
    if at < 0:
        return None
    return at, at + len(quote.text)


def overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], b) - max(a[0], s)) for s, b in spans)


def head(name: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’\-]*", normalise_name(name))
    return words[-1].lower() if words else ""


def speaker_correct(pred: Predicted, gold: Attribution, text: str) -> bool:
    gold_text = gold.source_text.strip()
    if not gold_text:
        return pred.speaker is None
    gold_heads = {w.lower() for w in re.findall(r"[A-Za-z][\w'’\-]*", gold_text)}
    if gold_text.lower() in RELATIVE_PRONOUNS and gold.source is not None:
        # "Ted Cruz, who said ...": the gold marks the pronoun; the speaker is what it stands
        # for, the noun phrase right before it in the same sentence
        before = text[max(0, gold.source[0] - 120) : gold.source[0]].rstrip(" ,")
        before = re.split(r"[.!?;:,]\s", before)[-1]
        gold_heads |= {w.lower() for w in re.findall(r"[A-Za-z][\w'’\-]*", before)[-3:]}
    for cand in (pred.speaker_text, pred.speaker):
        if cand and head(cand) and head(cand) in gold_heads:
            return True
    return False


def match(gold: list[Attribution], pred: list[Predicted]) -> list[tuple[Attribution, Predicted]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(p.content, g.content)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


_BASE = re.compile(r"\b(said|says|say|according to|told)\b")


def baseline(article: Article) -> list[Predicted]:
    out = []
    for s in article.sentences:
        if _BASE.search(s.text):
            cap = re.search(r"\b[A-Z][a-z]+\b", s.text)
            spk = cap.group(0) if cap else None
            out.append(Predicted((s.start, s.end), spk, spk))
    return out


def pieces(
    text: str, quote: Quote, start: int, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """The quoted passages a direct quote was joined from ('"A," he said. "B."' -> A, B)."""
    out: list[tuple[int, int]] = []
    rest = quote.text
    for a, b, piece in spans:
        if b <= start:
            continue
        words = piece.strip()
        if rest.startswith(words) or rest.startswith(re.sub(r",$", ".", words)):
            out.append((a, b))
            rest = rest[len(words) :].lstrip()
            if not rest:
                return out
        elif out or a > start + 400:
            break
    return []


def ours(article: Article) -> list[Predicted]:
    """Our quotes as spans; a joined direct quote counts as its pieces (PolNeAR marks each)."""
    out: list[Predicted] = []
    spans = [(s.start, s.end, s.text) for s in find_quote_spans(article.text)]
    for n, q in enumerate(article.quotes):
        start = article.sentences[q.sentence].start
        parts = pieces(article.text, q, start, spans) if q.kind == "direct" else []
        if len(parts) > 1:
            out.extend(Predicted(part, q.speaker, q.speaker_text, n, q.kind) for part in parts)
            continue
        span = locate(article.text, q, start)
        if span:
            out.append(Predicted(span, q.speaker, q.speaker_text, n, q.kind))
    return out


def mark_direct(text: str, gold: list[Attribution]) -> None:
    """A gold attribution is direct when quoted passages cover half of its content or more."""
    # closed pairs only, so that every version of the span finder marks the gold alike
    quoted = [(s.start, s.end) for s in find_quote_spans(text) if s.close_len]
    for attribution in gold:
        size = sum(b - a for a, b in attribution.content)
        covered = sum(overlap((a, b), quoted) for a, b in attribution.content)
        attribution.kind = "direct" if size and covered * 2 >= size else "indirect"


def load_split(split: str, limit: int | None) -> list[tuple[Article, list[Attribution]]]:
    texts = sorted((DATA / split / "text").glob("*.txt"))
    anns = sorted((DATA / split / "attributions").glob("*.ann"))
    items = []
    for txt in texts:
        ann = next((a for a in anns if a.name.startswith(txt.stem + "_")), None)
        if ann is None:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = read_gold(ann)
        mark_direct(text, gold)
        items.append((Article(id=txt.stem, source=str(txt), text=text), gold))
        if limit and len(items) >= limit:
            break
    return items


def score(
    items: list[tuple[Article, list[Attribution]]], system: str, kind: str | None = None
) -> dict[str, float]:
    """P/R/F1 and speaker accuracy; with `kind`, precision over our quotes of that kind and
    recall and speaker accuracy over the gold attributions of that kind."""
    if kind is not None:
        return _score_kind(items, system, kind)
    tp = fp = fn = 0
    right = 0
    for article, gold in items:
        pred = baseline(article) if system == "baseline" else ours(article)
        pairs = match(gold, pred)
        tp += len(pairs)
        # a piece of a joined quote whose gold attribution already matched a sibling piece
        matched = {id(p) for _, p in pairs}
        covered = sum(
            1
            for p in pred
            if id(p) not in matched
            and p.group >= 0
            and any(q.group == p.group and overlap(p.content, g.content) for g, q in pairs)
        )
        fp += len(pred) - len(pairs) - covered
        fn += len(gold) - len(pairs)
        right += sum(speaker_correct(p, g, article.text) for g, p in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "speaker": right / tp if tp else 0.0, "tp": tp}


def _score_kind(
    items: list[tuple[Article, list[Attribution]]], system: str, kind: str
) -> dict[str, float]:
    tp_pred = n_pred = tp_gold = n_gold = right = 0
    for article, gold in items:
        pred = baseline(article) if system == "baseline" else ours(article)
        pairs = match(gold, pred)
        matched = {id(p) for _, p in pairs}
        for p in pred:
            if p.kind != kind:
                continue
            sibling = p.group >= 0 and any(
                q.group == p.group and overlap(p.content, g.content) for g, q in pairs
            )
            if id(p) in matched:
                tp_pred += 1
                n_pred += 1
            elif not sibling:
                n_pred += 1
        n_gold += sum(g.kind == kind for g in gold)
        kept = [(g, p) for g, p in pairs if g.kind == kind]
        tp_gold += len(kept)
        right += sum(speaker_correct(p, g, article.text) for g, p in kept)
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "speaker": right / tp_gold if tp_gold else 0.0, "tp": tp_gold}


def scaling(sizes: list[int], repeats: int = 3) -> None:
    """Quote extraction time against text length; median of `repeats` runs per size."""
    from newstrace.analyze.quotes import extract_quotes
    from newstrace.analyze.sentences import split_sentences

    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "train" / "text").glob("*.txt"))]
    analyzer = Analyzer(Settings(embedder="lexical", ner="rules"), embed=False)
    print("| text (chars) | mentions | quotes | extraction s (median) | µs per char |")
    print("|---|---|---|---|---|")
    for size in sizes:
        parts: list[str] = []
        while sum(map(len, parts)) < size and len(parts) < len(texts):
            parts.append(texts[len(parts)])
        text = "\n\n".join(parts)
        article = Article(id="scaling", source="scaling", text=text)
        article.sentences = split_sentences(text)
        analyzer._entities([article], lambda: None)
        times, found = [], 0
        for _ in range(repeats):
            t0 = time.perf_counter()
            found = len(extract_quotes(text, article.sentences, article.mentions))
            times.append(time.perf_counter() - t0)
        took = statistics.median(times)
        print(
            f"| {len(text):,} | {len(article.mentions):,} | {found:,} | {took:.2f} | "
            f"{1e6 * took / len(text):.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scaling", default="", help="comma-separated text sizes (chars)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size (--scaling)")
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--ner", default="auto", choices=["auto", "spacy", "rules"])
    parser.add_argument("--label", default="", help="the system's name in the table")
    args = parser.parse_args()
    if args.scaling:
        scaling([int(n) for n in args.scaling.split(",")], args.repeats)
        return
    items = load_split(args.split, args.limit)
    settings = Settings(embedder="lexical", ner=args.ner)
    analyzer = Analyzer(settings, embed=False)
    analyzer.analyze([items[0][0]])  # warm the models outside the timing
    times = []
    for article, _ in items:
        t0 = time.perf_counter()
        analyzer.analyze([article])
        resolve_entities([article])
        times.append(time.perf_counter() - t0)
    n_sent = sum(len(a.sentences) for a, _ in items)
    machine = f"{platform.machine()} 2-core, no GPU"
    print("| system | machine | data | P | R | F1 | speaker acc | matched | ms/article (median) |")
    print("|---|---|---|---|---|---|---|---|---|")
    label = args.label or f"newstrace ({analyzer.name})"
    n_gold = {k: sum(g.kind == k for _, gold in items for g in gold) for k in KINDS}
    for system in ("baseline", label):
        for kind in (None, *KINDS) if system != "baseline" else (None,):
            res = score(items, "baseline" if system == "baseline" else "ours", kind)
            speed = f"{1000 * statistics.median(times):.1f}" if system != "baseline" else "-"
            data = f"PolNeAR {args.split} ({len(items)} articles, {n_sent} sentences)"
            if kind:
                data = f"{kind} only ({n_gold[kind]} gold)"
            print(
                f"| {system} | {machine} | {data} | {res['P']:.3f} | {res['R']:.3f} | "
                f"{res['F1']:.3f} | {res['speaker']:.3f} | {res['tp']} | {speed} |"
            )


if __name__ == "__main__":
    main()
