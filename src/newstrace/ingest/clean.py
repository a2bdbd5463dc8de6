"""Text normalisation shared by every format: one paragraph per block, blocks split by a blank line."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")


def normalize_text(text: str, *, unwrap: bool = False) -> str:
    """NFC, invisible characters dropped, runs of spaces folded, paragraphs joined by one blank line.

    With `unwrap`, hard-wrapped lines inside a paragraph are joined with a space (plain-text
    files are often wrapped at ~72 columns); list items keep their own line.
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in _BLANK.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        paragraphs.append(_join_lines(lines) if unwrap else "\n".join(lines))
    return "\n\n".join(paragraphs)


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        out += ("\n" if _BULLET.match(line) else " ") + line
    return out


def paragraphs_to_text(paragraphs: list[str]) -> str:
    """Extracted paragraphs (one per element) -> normalised article text."""
    return normalize_text("\n\n".join(paragraphs))


def one_line(text: str | None, limit: int = 300) -> str | None:
    """Metadata value on one line, folded white space, None when empty."""
    if text is None:
        return None
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", str(text)).replace("\n", " ")).strip()
    return value[:limit] or None
