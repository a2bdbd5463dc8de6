"""HTML pages (.html, .htm, WARC responses): main text via trafilatura, lxml baseline as fallback.

Furniture blocks are pruned first (see furniture.py). `Article.format` says which extractor
produced the text: `html` (trafilatura) or `html-fallback` (the <article>/<p> baseline, used
when trafilatura finds fewer than MIN_ARTICLE_WORDS words); `warc`/`warc-fallback` likewise.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from newstrace.ingest.clean import (
    has_unsafe_chars,
    normalize_text,
    one_line,
    paragraphs_to_text,
    safe_chars,
    safe_markup,
)
from newstrace.ingest.dates import normalize_date
from newstrace.ingest.furniture import drop_furniture, prune_furniture
from newstrace.ingest.ids import domain
from newstrace.ingest.page_meta import page_metadata
from newstrace.model import Article, IngestError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "figure",
)
_BLOCK_TAGS = ("p", "h2", "h3", "blockquote", "li")
MIN_FALLBACK_CHARS = 40
MIN_ARTICLE_WORDS = 5  # fewer words than this is page furniture ("Home"), not an article


def declared_charset(data: bytes) -> str | None:
    """The charset named in a <meta> tag near the top of the page."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def extract_html(
    html: str,
    *,
    source: str,
    article_id: str,
    url: str | None = None,
    record_format: str = "html",
) -> Article | IngestError:
    """One article from an HTML page; `record_format` is `html` or `warc`."""
    html = safe_markup(html)
    tree = parse_tree(html)
    page = page_metadata(tree) if tree is not None else {}
    if tree is not None:
        prune_furniture(tree)
    text, meta = _trafilatura(copy.deepcopy(tree) if tree is not None else html, url)
    fmt = record_format
    if len(text.split()) < MIN_ARTICLE_WORDS:
        text = baseline_text(tree) if tree is not None else ""
        fmt = f"{record_format}-fallback"
        meta = {}
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return IngestError(source=source, reason="no article text found in the HTML page")
    title = one_line(meta.get("title") or page.get("title"))
    headings = [title, one_line(page.get("title")), one_line(page.get("h1"))]
    text = drop_furniture(_drop_leading_title(text, headings))
    if not text:
        return IngestError(source=source, reason="no article text found in the HTML page")
    page_url = one_line(page.get("url") or meta.get("url") or url)
    published = normalize_date(page.get("published")) or normalize_date(meta.get("date"))
    return Article(
        id=article_id,
        source=source,
        text=text,
        title=title,
        outlet=one_line(meta.get("sitename") or page.get("outlet")) or domain(page_url or url),
        published=published,
        author=one_line(page.get("author") or meta.get("author")),
        url=page_url,
        format=fmt,
    )


def html_to_text(fragment: str) -> str:
    """An HTML fragment (feed content) -> normalised paragraphs, no extraction heuristics."""
    fragment = safe_markup(fragment)
    tree = parse_tree(f"<div>{fragment}</div>")
    if tree is None:
        return normalize_text(fragment)
    return _block_text(tree)


def parse_tree(html: str) -> Any | None:
    """lxml tree of a page, with control characters removed from every text node (lxml reads
    them from references like `&#11` but refuses to write them back when the tree is edited)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        try:  # pages with an XML declaration and an encoding inside a str
            tree = lxml.html.fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return None
    for node in tree.iter():
        if node.text and has_unsafe_chars(node.text):
            node.text = safe_chars(node.text)
        if node.tail and has_unsafe_chars(node.tail):
            node.tail = safe_chars(node.tail)
    return tree


def _trafilatura(html: Any, url: str | None) -> tuple[str, dict[str, Any]]:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception:  # trafilatura raises assorted errors on hostile markup
        return "", {}
    if document is None:
        return "", {}
    meta = document if isinstance(document, dict) else document.as_dict()
    raw = str(meta.get("text") or "")
    return paragraphs_to_text(raw.split("\n")), meta


def baseline_text(tree: Any) -> str:
    """Paragraphs of the first <article> (or <main>, or <body>) once page furniture is dropped."""
    for tag in _DROP_TAGS:
        for node in tree.findall(f".//{tag}"):
            node.drop_tree()
    root = _first(tree, ("article", "main", "body"))
    if root is None:
        root = tree
    return _block_text(root, MIN_FALLBACK_CHARS)


def _block_text(root: Any, min_chars: int = 1) -> str:
    """Text of paragraph-like elements; the node's whole text when they hold less than `min_chars`."""
    blocks = [
        node.text_content()
        for node in root.iter(*_BLOCK_TAGS)
        if not any(parent.tag in _BLOCK_TAGS for parent in node.iterancestors())
    ]
    text = paragraphs_to_text(blocks)
    if len(text) >= min_chars:
        return text
    return normalize_text(_lines_of(root))


def _lines_of(root: Any) -> str:
    """Text of a node with block boundaries as blank lines (pages without <p>)."""
    import lxml.html

    for br in root.iter("br"):
        br.tail = "\n\n" + (br.tail or "")
    for node in root.iter(*_BLOCK_TAGS, "div", "section", "td", "h1", "h4", "tr", "pre"):
        node.text = "\n\n" + (node.text or "")
        node.tail = "\n\n" + (node.tail or "")
    return str(lxml.html.tostring(root, method="text", encoding="unicode"))


def _first(tree: Any, tags: tuple[str, ...]) -> Any | None:
    for tag in tags:
        if tree.tag == tag:
            return tree
        found = tree.find(f".//{tag}")
        if found is not None:
            return found
    return None


def _drop_leading_title(text: str, headings: list[str | None]) -> str:
    """The body without a first paragraph that repeats the headline (title, og:title or <h1>)."""
    first, _, rest = text.partition("\n\n")
    if first.strip().casefold() in {h.casefold() for h in headings if h}:
        return rest.strip()
    return text
