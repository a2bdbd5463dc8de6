"""Find where a WARC file is damaged, before parsing it.

warcio stops quietly at a truncated gzip member or a record cut short, so the reader first finds
the last byte that ends a complete record (plain WARC) or gzip member (.warc.gz); records up to
there are read and the rest is reported as one IngestError.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO

_CHUNK = 1 << 20
_MAX_HEADER = 1 << 16
_LENGTH = re.compile(rb"\r?\ncontent-length\s*:\s*(\d+)", re.IGNORECASE)


@dataclass
class Damage:
    """The file is sound up to `good_end` bytes; what is wrong after that."""

    good_end: int
    reason: str


def find_damage(stream: BinaryIO, size: int, gzipped: bool) -> Damage | None:
    stream.seek(0)
    damage = _scan_gzip(stream) if gzipped else _scan_plain(stream, size)
    stream.seek(0)
    return damage


def _scan_gzip(stream: BinaryIO) -> Damage | None:
    """Decompress member by member; a member without its end marker is the damage."""
    member_start = 0
    consumed = 0
    inflater = zlib.decompressobj(31)
    pending = b""
    while True:
        chunk = pending or stream.read(_CHUNK)
        pending = b""
        if not chunk:
            break
        try:
            inflater.decompress(chunk)
        except zlib.error as exc:
            return Damage(
                member_start, f"corrupt gzip data in member at byte {member_start}: {exc}"
            )
        consumed += len(chunk)
        if inflater.eof:
            rest = inflater.unused_data
            member_start = consumed - len(rest)
            consumed = member_start
            inflater = zlib.decompressobj(31)
            pending = rest
    if consumed > member_start:
        return Damage(member_start, f"gzip member at byte {member_start} is cut short")
    return None


def _scan_plain(stream: BinaryIO, size: int) -> Damage | None:
    """Walk record headers and skip bodies by Content-Length; a record past the end is the damage."""
    position = 0
    while True:
        stream.seek(position)
        head = stream.read(_MAX_HEADER)
        stripped = head.lstrip(b"\r\n")
        if not stripped:
            return None
        start = position + len(head) - len(stripped)
        end_of_header = stripped.find(b"\r\n\r\n")
        if not stripped.startswith(b"WARC/") or end_of_header < 0:
            return Damage(start, f"no complete WARC record header at byte {start}")
        match = _LENGTH.search(stripped[:end_of_header])
        if match is None:
            return Damage(start, f"WARC record at byte {start} has no Content-Length")
        body_end = start + end_of_header + 4 + int(match.group(1))
        if body_end > size:
            return Damage(start, f"WARC record at byte {start} is cut short")
        position = body_end
