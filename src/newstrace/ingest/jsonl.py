"""JSON Lines (.jsonl, .ndjson) and JSON (.json) articles.

Each record is an object with `text` (required; `body` or `content` accepted too, or `html`;
text holding HTML tags is reduced to paragraphs) and optional `id`, `title`, `url`, `outlet` (or `site`,
`publisher`), `published` (or `date`), `author`. A record's id is its `id` field, else
`<file stem>-<line>` (`-<index>` in a .json array). A bad record is one IngestError; the others
are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from newstrace.ingest.clean import normalize_text, one_line, safe_chars
from newstrace.ingest.dates import normalize_date
from newstrace.ingest.limits import megabytes
from newstrace.model import Article, IngestError

_MARKUP = re.compile(r"</(?:p|div|span|a|strong|em|b|i|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)
_TEXT_KEYS = ("text", "body", "content")
_OUTLET_KEYS = ("outlet", "site", "sitename", "publisher", "source_name")
_DATE_KEYS = ("published", "date", "published_at", "datetime")


def read_jsonl(
    lines: Iterable[bytes], *, source: str, stem: str, max_bytes: int
) -> Iterator[Article | IngestError]:
    """One article per non-blank line; errors name the line."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = str(number)
        if len(raw) > max_bytes:
            reason = f"record too large: over the {megabytes(max_bytes)} limit (--max-bytes)"
            yield IngestError(source, reason, where)
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(
                source, f"invalid JSON on line {number}: {exc.msg} (column {exc.colno})", where
            )
            continue
        yield record_to_article(record, source=source, default_id=f"{stem}-{number}", where=where)


def read_json(text: str, *, source: str, stem: str) -> Iterator[Article | IngestError]:
    """A .json file: one article object, a list of them, or {"articles": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(
            source, f"invalid JSON on line {exc.lineno}: {exc.msg} (column {exc.colno})"
        )
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield record_to_article(data, source=source, default_id=stem, where=None)
        return
    if not isinstance(data, list):
        yield IngestError(source, "JSON file holds neither an article object nor a list of them")
        return
    for index, record in enumerate(data, start=1):
        yield record_to_article(
            record, source=source, default_id=f"{stem}-{index}", where=f"item {index}"
        )


def record_to_article(
    record: Any, *, source: str, default_id: str, where: str | None
) -> Article | IngestError:
    """A decoded JSON object -> Article, or an IngestError saying which field is wrong."""
    if not isinstance(record, dict):
        return IngestError(source, f"expected a JSON object, got {type(record).__name__}", where)
    text, fmt = _text_of(record)
    if text is None:
        return IngestError(source, "missing required field 'text'", where)
    if not text:
        return IngestError(source, "empty 'text' field", where)
    raw_id = record.get("id")
    article_id = safe_chars(str(raw_id)).strip() if isinstance(raw_id, (str, int)) else ""
    article_id = article_id or default_id
    return Article(
        id=article_id,
        source=source,
        text=text,
        title=one_line(_first_str(record, ("title", "headline"))),
        outlet=one_line(_first_str(record, _OUTLET_KEYS)),
        published=normalize_date(_first_str(record, _DATE_KEYS)),
        author=one_line(_author(record.get("author") or record.get("authors"))),
        url=one_line(_first_str(record, ("url", "link"))),
        format=fmt,
    )


def _text_of(record: dict[str, Any]) -> tuple[str | None, str]:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            if _MARKUP.search(value):  # scraped bodies often keep their <p> and <br> tags
                from newstrace.ingest.html import html_to_text

                return html_to_text(value), "jsonl"
            return normalize_text(value), "jsonl"
    html = record.get("html")
    if isinstance(html, str):
        from newstrace.ingest.html import html_to_text

        return html_to_text(html), "jsonl"
    return None, "jsonl"


def _first_str(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if (
            isinstance(value, (str, int, float))
            and not isinstance(value, bool)
            and str(value).strip()
        ):
            return str(value)
    return None


def _author(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        names = [
            v if isinstance(v, str) else v.get("name") for v in value if isinstance(v, (str, dict))
        ]
        return ", ".join(n for n in names if isinstance(n, str)) or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    return None
