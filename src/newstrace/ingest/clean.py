"""Text normalisation shared by every format: one paragraph per block, blocks split by a blank line."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


_CHAR_REF = re.compile(r"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")
_CHAR_REF_BYTES = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _names_no_character(reference: str) -> bool:
    code = int(reference[1:], 16) if reference[:1] in "xX" else int(reference)
    return 0xD800 <= code <= 0xDFFF or code > 0x10FFFF or (code < 0x20 and code not in (9, 10, 13))


def safe_markup(markup: str) -> str:
    """`safe_chars`, and `&#xD800;`-like references (to no character) made U+FFFD: lxml and
    feedparser raise on them."""
    return _CHAR_REF.sub(
        lambda m: "&#xFFFD;" if _names_no_character(m.group(1)) else m.group(0), safe_chars(markup)
    )


def safe_markup_bytes(markup: bytes) -> bytes:
    """`safe_markup` for undecoded bytes (feeds are parsed from bytes)."""
    return _CHAR_REF_BYTES.sub(
        lambda m: b"&#xFFFD;" if _names_no_character(m.group(1).decode()) else m.group(0), markup
    )


def has_unsafe_chars(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def safe_chars(text: str) -> str:
    """Drop control characters and lone surrogates (from `&#xD800;` or broken bytes): no parser
    or encoder downstream accepts them. Tabs, newlines and carriage returns stay; a form feed
    (a page break in old text files) becomes a newline."""
    return _UNSAFE.sub("", text.replace("\x0c", "\n"))


def normalize_text(text: str, *, unwrap: bool = False) -> str:
    """NFC, invisible characters dropped, runs of spaces folded, paragraphs joined by one blank line.

    With `unwrap`, hard-wrapped lines inside a paragraph are joined with a space (plain-text
    files are often wrapped at ~72 columns); list items keep their own line.
    """
    text = unicodedata.normalize("NFC", safe_chars(text)).translate(_INVISIBLE)
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
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", safe_chars(str(text))).replace("\n", " "))
    value = value.strip()
    return value[:limit] or None
