"""Walk paths, pick a reader by extension (or by sniffing the content), yield Articles and errors.

Never raises for bad input: each unreadable file or record becomes one IngestError and the batch
goes on. Directories are walked recursively in sorted order (hidden files skipped), so the same
inputs always give the same articles in the same order.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from newstrace.ingest.decode import NotText, decode_bytes
from newstrace.ingest.feeds import looks_like_feed, read_feed
from newstrace.ingest.html import declared_charset, extract_html
from newstrace.ingest.ids import file_id
from newstrace.ingest.jsonl import read_json, read_jsonl
from newstrace.ingest.limits import (
    DEFAULT_MAX_BYTES,
    MAX_ARTICLE_CHARS,
    megabytes,
    too_large,
    too_long_article,
)
from newstrace.ingest.text import read_text
from newstrace.ingest.warc import looks_like_warc, read_warc
from newstrace.model import Article, IngestError

Item = Article | IngestError

TEXT_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
EXTENSIONS = {
    **TEXT_EXTENSIONS,
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".warc": "warc",
    ".arc": "warc",
}
_HEAD_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Articles and IngestErrors from files and directories, in a deterministic order.

    `max_bytes` limits a whole file for page-like formats and one record in streams (JSONL, WARC).
    Ids seen twice in one call (same file stem in two folders) get `-2`, `-3`, ... appended.
    """
    seen: dict[str, int] = {}
    for path in _walk(paths):
        if isinstance(path, IngestError):
            path.source = _readable(path.source)
            yield path
            continue
        for item in read_file(path, max_bytes=max_bytes):
            item.source = _readable(item.source)
            if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
                record = None if item.format in ("text", "html", "html-fallback") else item.id
                item = IngestError(item.source, too_long_article(len(item.text)), record)
            if isinstance(item, Article):
                item.id = _unique(_readable(item.id), seen)
            yield item


def _walk(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield IngestError(str(raw), "no such file or directory")


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Everything one file holds. Never raises: any failure is an IngestError for the file."""
    source = str(path)
    try:
        yield from _read_file(path, source, max_bytes)
    except OSError as exc:
        yield IngestError(source, f"cannot read file: {exc.strerror or exc}")
    except (EOFError, zlib.error) as exc:
        yield IngestError(source, f"corrupt or truncated gzip file: {exc}")
    except Exception as exc:  # a parser bug must not stop the batch; say what happened
        yield IngestError(source, f"unexpected error while reading: {type(exc).__name__}: {exc}")


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    size = path.stat().st_size
    if size == 0:
        yield IngestError(source, "empty file")
        return
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if head.startswith(_GZIP_MAGIC):
        inner = path.name[: -len(".gz")] if path.name.lower().endswith(".gz") else path.stem
        if _gz_is_warc(head) or inner.lower().endswith((".warc", ".arc")):
            yield from read_warc(path, source=source, max_bytes=max_bytes)
        else:
            yield from _read_stream(_gzip_opener(path), inner, source, max_bytes, None)
        return
    if _kind(path.name, head) == "warc":
        yield from read_warc(path, source=source, max_bytes=max_bytes)
        return
    yield from _read_stream(lambda: path.open("rb"), path.name, source, max_bytes, size)


def _gzip_opener(path: Path) -> Callable[[], IO[bytes]]:
    def open_gzip() -> IO[bytes]:
        return cast(IO[bytes], gzip.open(path, "rb"))

    return open_gzip


def _read_stream(
    opener: Callable[[], IO[bytes]], name: str, source: str, max_bytes: int, size: int | None
) -> Iterator[Item]:
    """A file (or a gzip file's content) whose format is told by `name` and its first bytes."""
    with opener() as handle:
        head = handle.read(_HEAD_BYTES)
    if not head:
        yield IngestError(source, "empty file")
        return
    kind = _kind(name, head)
    stem = file_id(Path(name))
    if _looks_binary(head):
        yield IngestError(source, "binary file, not text (contains NUL bytes)")
    elif kind == "unsupported":
        known = " ".join(sorted(EXTENSIONS))
        yield IngestError(source, f"unsupported file type '{Path(name).suffix}' (known: {known})")
    elif kind == "jsonl":
        with opener() as handle:
            lines = bounded_lines(handle, max_bytes)
            yield from read_jsonl(lines, source=source, stem=stem, max_bytes=max_bytes)
    elif size is not None and size > max_bytes:
        yield IngestError(source, too_large("file", size, max_bytes))
    elif kind in ("text", "markdown") and size is not None and size > 4 * MAX_ARTICLE_CHARS:
        # a character takes at most 4 bytes: refused before a byte of it is read
        yield IngestError(source, too_long_article(size // 4, exact=False))
    else:
        with opener() as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            reason = f"file too large: over the {megabytes(max_bytes)} limit once decompressed (--max-bytes)"
            yield IngestError(source, reason)
        else:
            yield from _read_whole(data, kind, source, stem)


def _looks_binary(head: bytes) -> bool:
    """NUL bytes in the first kilobytes of a file without a UTF-16/32 byte-order mark."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False
    return b"\x00" in head


def bounded_lines(handle: IO[bytes], limit: int) -> Iterator[bytes]:
    """Lines of a binary stream; a line longer than `limit` is yielded as its first `limit + 1`
    bytes (so the reader can report it) while the rest is skipped without holding it in memory."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def _read_whole(data: bytes, kind: str, source: str, stem: str) -> Iterator[Item]:
    if not data.strip():
        yield IngestError(source, "empty file")
        return
    if kind == "feed":
        yield from read_feed(data, source=source, stem=stem)
        return
    try:
        text, _ = decode_bytes(data, declared_charset(data) if kind == "html" else None)
    except NotText as exc:
        yield IngestError(source, str(exc))
        return
    if not text.strip():
        yield IngestError(source, "empty file")
    elif kind == "html":
        yield extract_html(text, source=source, article_id=stem)
    elif kind == "json":
        yield from read_json(text, source=source, stem=stem)
    elif kind == "xml":
        yield IngestError(source, "XML file is not an RSS or Atom feed")
    else:
        yield read_text(text, source=source, article_id=stem, markdown=kind == "markdown")


def _kind(name: str, head: bytes) -> str:
    """Format by extension, corrected by the first bytes (a .xml feed, a .txt that is HTML...)."""
    suffix = Path(name).suffix.lower()
    by_extension = EXTENSIONS.get(suffix)
    sniffed = _sniff(head)
    if by_extension in ("xml", None) and sniffed is not None:
        return sniffed
    if by_extension in TEXT_EXTENSIONS.values() and sniffed in ("html", "feed", "warc"):
        return sniffed
    if by_extension is None:
        # no extension (or a version-like one, `story.2026`): plain text; anything else: refuse
        return "text" if not suffix or suffix[1:].isdigit() else "unsupported"
    return by_extension


def _sniff(head: bytes) -> str | None:
    if looks_like_warc(head):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<") and b"<body" in head.lower()
    ):
        return "html"
    if start.startswith(b"<") and looks_like_feed(head):
        return "feed"
    if start.startswith(b"{") and b"\n{" in head:
        return "jsonl"
    if start.startswith((b"{", b"[")):
        return "json"
    return None


def _gz_is_warc(head: bytes) -> bool:
    try:
        return zlib.decompressobj(31).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _readable(name: str) -> str:
    """A file name that is not valid UTF-8 (Latin-1 names on old disks) with U+FFFD for the bad
    bytes: such names arrive as lone surrogates, which no database or JSON encoder accepts."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _unique(article_id: str, seen: dict[str, int]) -> str:
    count = seen.get(article_id, 0) + 1
    seen[article_id] = count
    if count == 1:
        return article_id
    candidate = f"{article_id}-{count}"
    while candidate in seen:
        count += 1
        candidate = f"{article_id}-{count}"
    seen[article_id] = count
    seen[candidate] = 1
    return candidate
