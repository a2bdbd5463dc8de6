"""WARC archives (.warc, .warc.gz): each HTML `response` (or `resource`) record is a page.

The target URL gives the article's url and id (a stable slug). Non-HTML records, redirects and
errors are skipped silently; a damaged or truncated archive yields the pages before the damage
and then one IngestError.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newstrace.ingest.decode import NotText, decode_bytes
from newstrace.ingest.html import declared_charset, extract_html
from newstrace.ingest.ids import url_slug
from newstrace.ingest.limits import too_large
from newstrace.ingest.warc_check import find_damage
from newstrace.model import Article, IngestError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def read_warc(path: Path, *, source: str, max_bytes: int) -> Iterator[Article | IngestError]:
    """Articles of the HTML records of one archive; `max_bytes` limits each record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.limitreader import LimitReader

    count = 0
    with path.open("rb") as stream:
        damage = find_damage(stream, path.stat().st_size, gzipped=stream.read(2) == b"\x1f\x8b")
        stream.seek(0)
        records = iter(ArchiveIterator(LimitReader(stream, damage.good_end) if damage else stream))
        while True:
            try:
                record = next(records)
                count += 1
                item = _record_article(record, source=source, max_bytes=max_bytes, number=count)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises assorted types on damaged input
                yield IngestError(
                    source, _damage(count - 1, str(exc) or type(exc).__name__), f"record {count}"
                )
                return
            if item is not None:
                yield item
    if damage is not None:
        yield IngestError(source, _damage(count, damage.reason), f"record {count + 1}")
    elif count == 0:
        yield IngestError(source, "no WARC records found")


def _damage(good: int, detail: str) -> str:
    first_line = detail.strip().splitlines()[0] if detail.strip() else "unreadable data"
    return f"truncated or damaged WARC after {good} readable records: {first_line}"


def _record_article(
    record: Any, *, source: str, max_bytes: int, number: int
) -> Article | IngestError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"record {number}"
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if length > max_bytes:
        return IngestError(source, too_large("record", length, max_bytes), where)
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return IngestError(source, too_large("record", len(body), max_bytes), where)
    if not body.strip():
        return IngestError(source, "empty HTML record", where)
    match = _CHARSET.search(content_type)
    try:
        html, _ = decode_bytes(body, match.group(1) if match else declared_charset(body))
    except NotText as exc:
        return IngestError(source, str(exc), where)
    article_id = url_slug(url) if url else f"{Path(source).name}-{number}"
    result = extract_html(
        html, source=source, article_id=article_id, url=url or None, record_format="warc"
    )
    if isinstance(result, IngestError):
        result.record = where
    elif url:
        result.url = url
    return result
