"""HTML pages (.html, .htm, WARC responses): main text via trafilatura, lxml baseline as fallback.

`Article.format` says which extractor produced the text: `html` (trafilatura) or
`html-fallback` (the <article>/<p> baseline, used when trafilatura finds nothing).
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from newstrace.ingest.clean import normalize_text, one_line, paragraphs_to_text
from newstrace.ingest.dates import normalize_date
from newstrace.ingest.ids import domain
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
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
MIN_FALLBACK_CHARS = 40
MAX_FURNITURE_SHARE = 0.4
_PRUNABLE_TAGS = ("div", "section", "aside", "ul", "ol", "nav", "form", "span", "p", "td", "table")
_FURNITURE_MARK = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|subscribe|subscription|paywall|social|share"
    r"|sharing|sharebar|related|recommended|most-?read|popular|trending|promo|sponsored|advert\w*"
    r"|ads?|masthead|breadcrumbs?|sidebar|comments?|more-from|editors-pick|read-more|outbrain"
    r"|taboola|menu|navbar|navigation)(?:$|[\s_-])"
)
# Whole paragraphs that are page furniture inside the article body: ad slots and link teasers
# ("Read more: <other story's headline>"). A teaser needs its label and a colon or dash.
_FURNITURE = re.compile(
    r"^(?:advertisement|advertisment|sponsored(?: content)?|story continues below(?: advertisement)?)$"
    r"|^(?:read more|read also|also read|related|related stories|see also|more on this|watch|listen"
    r"|recommended|most read|sign up|subscribe|click here|follow us|share this(?: story| article)?)"
    r"\s*[:\-–—|]\s*.{0,200}$",
    re.IGNORECASE,
)
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
    tree = _parse_tree(html)
    page = _page_metadata(tree) if tree is not None else {}
    if tree is not None:
        prune_furniture(tree)
    text, meta = _trafilatura(copy.deepcopy(tree) if tree is not None else html, url)
    fmt = record_format
    if len(text.split()) < MIN_ARTICLE_WORDS:
        text = _baseline_text(tree) if tree is not None else ""
        fmt = f"{record_format}-fallback"
        meta = {}
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return IngestError(source=source, reason="no article text found in the HTML page")
    title = one_line(meta.get("title") or page.get("title"))
    text = drop_furniture(_drop_leading_title(text, title))
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


def prune_furniture(tree: Any) -> None:
    """Drop blocks whose class or id names page furniture (cookie banner, share bar, related
    links, comments...), unless they hold most of the page's text (then they wrap the article)."""
    total = len(tree.text_content()) or 1
    for node in list(tree.iter(*_PRUNABLE_TAGS)):
        marker = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if not marker.strip() or _FURNITURE_MARK.search(marker) is None:
            continue
        if node.getparent() is not None and len(node.text_content()) < total * MAX_FURNITURE_SHARE:
            node.drop_tree()


def drop_furniture(text: str) -> str:
    """Remove ad-slot and "Read more: ..." paragraphs left inside the extracted body."""
    kept = [p for p in text.split("\n\n") if not _FURNITURE.match(p.strip())]
    return "\n\n".join(kept)


def html_to_text(fragment: str) -> str:
    """An HTML fragment (feed content) -> normalised paragraphs, no extraction heuristics."""
    tree = _parse_tree(f"<div>{fragment}</div>")
    if tree is None:
        return normalize_text(fragment)
    return _block_text(tree)


def _parse_tree(html: str) -> Any | None:
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        try:  # pages with an XML declaration and an encoding inside a str
            return lxml.html.fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return None


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


def _baseline_text(tree: Any) -> str:
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


def _drop_leading_title(text: str, title: str | None) -> str:
    if not title:
        return text
    first, _, rest = text.partition("\n\n")
    if first.strip().casefold() == title.casefold():
        return rest.strip()
    return text


def _page_metadata(tree: Any) -> dict[str, str]:
    """Title, canonical URL, outlet, author and full publication timestamp from <head> and JSON-LD."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = (meta.get("content") or "").strip()
        if not key or not value:
            continue
        if key in _DATE_META:
            found.setdefault("published", value)
        elif key in _AUTHOR_META and not value.startswith("http"):
            found.setdefault("author", value)
        elif key == "og:site_name":
            found.setdefault("outlet", value)
        elif key in ("og:title", "twitter:title"):
            found.setdefault("title", value)
        elif key == "og:url":
            found.setdefault("url", value)
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            found["url"] = link.get("href").strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            _json_ld(script.text or "", found)
    if "published" not in found:
        for node in tree.iter("time"):
            if node.get("datetime"):
                found["published"] = node.get("datetime")
                break
    if "title" not in found:
        heading = tree.find(".//h1")
        title = tree.find(".//title")
        node = heading if heading is not None else title
        if node is not None and node.text_content().strip():
            found["title"] = node.text_content().strip()
    return found


def _json_ld(raw: str, found: dict[str, str]) -> None:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    items = (
        data
        if isinstance(data, list)
        else data.get("@graph", [data])
        if isinstance(data, dict)
        else []
    )
    for item in items:
        if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
            continue
        if isinstance(item.get("datePublished"), str):
            found.setdefault("published", item["datePublished"])
        if isinstance(item.get("headline"), str):
            found.setdefault("title", item["headline"])
        author = item.get("author")
        names = [
            a.get("name")
            for a in (author if isinstance(author, list) else [author])
            if isinstance(a, dict)
        ]
        if any(isinstance(n, str) for n in names):
            found.setdefault("author", ", ".join(n for n in names if isinstance(n, str)))
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            found.setdefault("outlet", publisher["name"])
