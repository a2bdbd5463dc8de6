"""Metadata of a news page from <head> and JSON-LD: title, canonical URL, outlet, author, date.

trafilatura reads the same tags but keeps only the day of publication; these readers keep the
full timestamp (article:published_time, JSON-LD datePublished, <time datetime>).
"""

from __future__ import annotations

import json
from typing import Any

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


def page_metadata(tree: Any) -> dict[str, str]:
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
    heading = tree.find(".//h1")
    if heading is not None and heading.text_content().strip():
        found["h1"] = heading.text_content().strip()
    if "title" not in found:
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
