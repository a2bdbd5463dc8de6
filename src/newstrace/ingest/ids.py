"""Stable, readable ids: file stems and URL slugs."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 80
_PAGE_SUFFIX = re.compile(r"\.(s?html?|php|aspx?|jsp)$", re.IGNORECASE)


def file_id(path: Path) -> str:
    """The file name without its extension(s) (`story.warc.gz` -> `story`)."""
    name = path.name
    for suffix in (".gz", ".bz2", ".xz"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    stem = Path(name).stem
    return stem or name


def slug(value: str) -> str:
    """Lower-case ASCII slug; long values are cut and get a short hash so they stay unique."""
    text = _NON_SLUG.sub("-", value.lower()).strip("-")
    if len(text) <= _MAX_SLUG:
        return text or hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return text[: _MAX_SLUG - 9].rstrip("-") + "-" + digest


def url_slug(url: str) -> str:
    """`https://www.example.com/news/2026/fire.html?id=7` -> `example-com-news-2026-fire-id-7`."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "Invalid IPv6 URL" and the like
        return slug(url)
    if not parts.netloc:
        return slug(url)
    host = parts.netloc.lower().split("@")[-1].split(":")[0]
    host = host.removeprefix("www.")
    path = _PAGE_SUFFIX.sub("", parts.path.rstrip("/"))
    return slug(" ".join(p for p in (host, path, parts.query) if p))


def domain(url: str | None) -> str | None:
    """Host of a URL without `www.`, used as outlet when a page names none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).netloc.lower().split("@")[-1].split(":")[0]
    except ValueError:
        return None
    return host.removeprefix("www.") or None
