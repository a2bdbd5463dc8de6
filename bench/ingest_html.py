"""HTML main-text extraction and byte decoding, on pages built around real news text.

Data: the 210 ECB+ test-topic articles (topics 36-45). Each article is wrapped in four page
layouts with realistic furniture (menus, teasers quoting *other* real articles, reader comments,
cookie banner, footer): a modern <article> page, a div/table page with no <article>, a page
whose paragraphs are split by <br> inside <div>s, and a page whose paragraphs are interleaved
with "Read more" links to other stories, ads, a photo caption and an excerpt of another story. Gold = the article's own words.
Systems, measured in the same run:
  all-text   -- every visible word of <body> (what ingest would store with no extraction)
  lxml-p     -- newstrace's fallback alone (furniture blocks pruned by class/id, then the
                <article>/<main>/<body> paragraphs)
  newstrace  -- ingest.html.extract_html (trafilatura, fallback when it finds nothing)
Metric: bag-of-words precision / recall / F1 against the gold text (micro-averaged over pages),
share of pages with F1 >= 0.95, median milliseconds per page.

Second table: decoding the same texts (typographic quotes and dashes added, as published) from
UTF-8, UTF-8 with BOM, UTF-16, cp1252 and Latin-1 bytes; share decoded exactly. Baseline:
charset-normalizer's best guess alone.
Run: .venv/bin/python bench/ingest_html.py [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from ecb_docs import TEST_TOPICS, TRAIN_TOPICS, load_topics  # noqa: E402
from newstrace.ingest.decode import NotText, decode_bytes  # noqa: E402
from newstrace.ingest.furniture import prune_furniture  # noqa: E402
from newstrace.ingest.html import baseline_text, extract_html, parse_tree  # noqa: E402
from newstrace.model import Article, IngestError  # noqa: E402

_WORD = re.compile(r"\w+")
COMMENTS = [
    "This is exactly what I have been saying for years, nobody listens.",
    "Thoughts and prayers to everyone affected. Stay safe out there.",
    "Why is nobody talking about the real cause of all this?",
]


def paragraphs(article: Article) -> list[str]:
    """ECB+ gives one sentence per line; news pages group two or three per paragraph."""
    lines = [line for line in article.text.split("\n") if line.strip()]
    return [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]


def teaser_block(others: list[Article]) -> str:
    items = "".join(
        f"<li><a href='/news/{o.id}'>{escape(o.text.split(chr(10))[0][:140])}</a></li>"
        for o in others
    )
    return f"<ul class='related'>{items}</ul>"


def modern_page(article: Article, others: list[Article]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(article))
    comments = "".join(f"<div class='comment'><p>{escape(c)}</p></div>" for c in COMMENTS)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>News</title></head><body>"
        "<div class='cookie'>We use cookies to improve your experience. Accept all cookies?</div>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/business'>Business</a>"
        " <a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>Latest report</h1>{body}</article>"
        f"<aside><h3>Related stories</h3>{teaser_block(others)}</aside>"
        f"<section id='comments'><h3>Comments</h3>{comments}</section></main>"
        "<footer><p>Copyright 2026 Example Media Group. All rights reserved. Terms of use.</p></footer>"
        "</body></html>"
    )


def table_page(article: Article, others: list[Article]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(article))
    return (
        "<html><head><title>Daily Courier</title></head><body><table width='100%'><tr>"
        "<td class='menu'><a href='/'>Front page</a><br><a href='/local'>Local</a><br>"
        "<a href='/weather'>Weather</a><br><a href='/classifieds'>Classifieds</a></td>"
        f"<td class='content'><div class='story-body'>{body}</div>"
        "<div class='share'>Share this story: Facebook Twitter Email</div></td>"
        f"<td class='sidebar'><h4>Most read</h4>{teaser_block(others)}</td></tr></table>"
        "<div class='footer'>Daily Courier, 12 Market Street. Subscribe for unlimited access.</div>"
        "</body></html>"
    )


def br_page(article: Article, others: list[Article]) -> str:
    body = "<br><br>".join(escape(p) for p in paragraphs(article))
    return (
        "<html><head><title>Wire</title></head><body>"
        "<div id='top'>Wire Service | Markets | Politics | Login</div>"
        f"<div id='story'><div class='text'>{body}</div></div>"
        f"<div id='more'>More from the wire: {teaser_block(others)}</div>"
        "<div id='legal'>All content subject to licence. Reproduction prohibited.</div>"
        "</body></html>"
    )


def inline_page(article: Article, others: list[Article]) -> str:
    """Paragraphs interleaved with 'Read more' links, ads, a captioned photo and an excerpt box."""
    parts = []
    for number, paragraph in enumerate(paragraphs(article)):
        parts.append(f"<p>{escape(paragraph)}</p>")
        other = others[number % len(others)]
        if number % 2 == 0:
            headline = escape(other.text.split(chr(10))[0][:120])
            parts.append(
                f"<p><strong>Read more:</strong> <a href='/n/{other.id}'>{headline}</a></p>"
            )
        else:
            parts.append("<div class='ad'>ADVERTISEMENT</div>")
    excerpt = escape(" ".join(others[0].text.split(chr(10))[1:3]))
    return (
        "<html><head><title>Metro</title></head><body><div class='page'>"
        "<div class='masthead'>Metro Daily | Subscribe | Sign in</div>"
        "<div class='article-body'><figure><img src='a.jpg'><figcaption>Officials at the scene on "
        "Monday. Photo: Staff</figcaption></figure>" + "".join(parts) + "</div>"
        f"<div class='editors-pick'><h3>Editor's pick</h3><p>{excerpt}</p></div>"
        "</div></body></html>"
    )


LAYOUTS: dict[str, Callable[[Article, list[Article]], str]] = {
    "article-tag": modern_page,
    "div-table": table_page,
    "br-paragraphs": br_page,
    "inline-links": inline_page,
}


def all_text(html: str) -> str:
    tree = parse_tree(html)
    body = tree.find(".//body") if tree is not None else None
    return str(body.text_content()) if body is not None else ""


def lxml_p(html: str) -> str:
    tree = parse_tree(html)
    if tree is None:
        return ""
    prune_furniture(tree)
    return baseline_text(tree)


def newstrace(html: str) -> str:
    result = extract_html(html, source="page.html", article_id="page")
    return result.text if isinstance(result, Article) else ""


def bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def extraction_table(docs: list[Article]) -> list[str]:
    systems: dict[str, Callable[[str], str]] = {
        "all-text": all_text,
        "lxml-p": lxml_p,
        "newstrace": newstrace,
    }
    rows = []
    for name, extract in systems.items():
        tp = fp = fn = 0
        clean = 0
        times: list[float] = []
        pages = 0
        for index, article in enumerate(docs):
            others = [docs[(index + k) % len(docs)] for k in (7, 19, 31)]
            gold = bag("\n".join(paragraphs(article)))
            for layout in LAYOUTS.values():
                html = layout(article, others)
                started = time.perf_counter()
                got = bag(extract(html))
                times.append(time.perf_counter() - started)
                overlap = sum((got & gold).values())
                tp += overlap
                fp += sum(got.values()) - overlap
                fn += sum(gold.values()) - overlap
                p = overlap / max(1, sum(got.values()))
                r = overlap / max(1, sum(gold.values()))
                clean += (2 * p * r / (p + r) if p + r else 0.0) >= 0.95
                pages += 1
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        rows.append(
            f"| {MACHINE} | ECB+ {SPLIT}, {pages} pages | {name} | {precision:.3f} | {recall:.3f} | "
            f"{f1:.3f} | {clean / pages:.3f} | {1000 * statistics.median(times):.2f} ms |"
        )
    return rows


TYPOGRAPHY = [
    (re.compile(r'"([^"]*)"'), "\u201c\\1\u201d"),
    (re.compile(r" - "), " \u2014 "),
    (re.compile(r"'"), "\u2019"),
]


def typographic(text: str) -> str:
    for pattern, replacement in TYPOGRAPHY:
        text = pattern.sub(replacement, text)
    return text


def guillemets(text: str) -> str:
    return re.sub(r'"([^"]*)"', "\u00ab\\1\u00bb", text).replace(" - ", " \u00b7 ")


def charset_normalizer_only(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def ours(data: bytes) -> str | None:
    try:
        return decode_bytes(data)[0].lstrip("\ufeff")
    except NotText:
        return None


def decoding_table(docs: list[Article]) -> list[str]:
    cases: list[tuple[str, str, bytes]] = []
    for article in docs:
        text = typographic(article.text)
        latin = guillemets(article.text)
        for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
            try:
                cases.append((encoding, text, text.encode(encoding)))
            except UnicodeEncodeError:
                continue
        with contextlib.suppress(UnicodeEncodeError):
            cases.append(("latin-1", latin, latin.encode("latin-1")))
    rows = []
    for name, decode in (("charset-normalizer", charset_normalizer_only), ("newstrace", ours)):
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        times = []
        for encoding, text, data in cases:
            started = time.perf_counter()
            got = decode(data)
            times.append(time.perf_counter() - started)
            total[encoding] += 1
            right[encoding] += got is not None and got.lstrip("\ufeff") == text
        per = " / ".join(f"{right[e] / total[e]:.3f}" for e in total)
        overall = sum(right.values()) / sum(total.values())
        rows.append(
            f"| {MACHINE} | ECB+ {SPLIT}, {len(cases)} files | {name} | {per} | {overall:.3f} | "
            f"{1000 * statistics.median(times):.2f} ms |"
        )
    return rows


SPLIT = "test"
MACHINE = f"{platform.machine()} {__import__('os').cpu_count()}-core, no GPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument(
        "--split", choices=["dev", "test"], default="test", help="dev = topics 1-35 (for tuning)"
    )
    args = parser.parse_args()
    docs = load_topics(TEST_TOPICS if args.split == "test" else TRAIN_TOPICS)
    if not docs:
        raise SystemExit("ECB+ not found under ../shared/datasets/ecbplus")
    global SPLIT
    SPLIT = "test (topics 36-45)" if args.split == "test" else "dev (topics 1-35)"
    if args.limit:
        docs = docs[: args.limit]
    print(
        "| machine | data | system | precision | recall | F1 | pages F1>=0.95 | median time/page |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in extraction_table(docs):
        print(row, flush=True)
    print()
    print(
        "| machine | data | system | exact: utf-8 / utf-8-sig / utf-16 / cp1252 / latin-1 | exact overall | median time/file |"
    )
    print("|---|---|---|---|---|---|")
    for row in decoding_table(docs):
        print(row, flush=True)
    _ = IngestError  # the extractor returns IngestError for pages with no text (scored as empty)


if __name__ == "__main__":
    main()
