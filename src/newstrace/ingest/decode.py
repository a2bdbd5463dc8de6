"""Bytes -> text: BOM and UTF-8 first, then charset detection; binary junk is refused."""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)
# Single-byte Western encodings tried when the text is not UTF-8 and detection is unsure.
_WESTERN = ("cp1252", "latin-1")
MIN_PRINTABLE_RATIO = 0.95
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Non-ASCII characters frequent in Western European news text: letters and typography.
_WESTERN_COMMON = frozenset(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßœŒšŠžŽŸ"
    "€£¥¢©®™°–—‘’‚“”„•…«»‹›§¶·½¼¾±×†‡‰"
)


class NotText(ValueError):
    """The bytes are not readable text; the message is the one-line reason."""


def printable_ratio(text: str) -> float:
    """Share of characters that are printable or ordinary white space."""
    if not text:
        return 1.0
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t\f")
    return good / len(text)


def _accept(text: str) -> bool:
    return "\x00" not in text and printable_ratio(text) >= MIN_PRINTABLE_RATIO


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding); raise NotText for binary input.

    Order: a byte-order mark, then a `declared` charset (HTTP header or <meta>), then strict
    UTF-8, then charset-normalizer, then cp1252 (the usual encoding of legacy Western news files).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise NotText(
                    f"invalid {encoding} text after byte-order mark: {exc.reason}"
                ) from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotText(f"binary file, not text ({what})")
    if b"\x00" in data[:65536]:
        raise NotText("binary file, not text (contains NUL bytes)")
    candidates = ["utf-8"]
    if declared:
        # Valid UTF-8 wins over a declaration (pages often declare Latin-1 and send UTF-8);
        # a Latin-1 label means windows-1252, as browsers read it.
        candidates.append(_LABEL_ALIASES.get(declared.lower(), declared))
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _accept(text):
            return text, codecs.lookup(encoding).name
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed
    detected = _detect(data)
    if detected is not None:
        return detected
    for encoding in _WESTERN:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _accept(text):
            return text, encoding
    raise NotText("binary file, not text")


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes UTF-8 rejected as cp1252 (U+FFFD where undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("newstrace-cp1252", _cp1252_bytes)


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few stray single-byte characters (files pasted together from two
    sources): valid sequences read as UTF-8, the stray bytes as cp1252."""
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid == 0:
        return None
    text = data.decode("utf-8", errors="newstrace-cp1252")
    invalid = len(text) - len(data.decode("utf-8", errors="ignore"))
    if invalid > valid or not _accept(text):
        return None
    return text, "utf-8+cp1252"


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, kept only when it decodes to printable text.

    Short Western texts are often guessed as an exotic code page; when cp1252 decodes the same
    bytes to printable text with only Latin letters, cp1252 is preferred.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = _western_text(data)
    if best is None:
        return western
    text = str(best)
    if not _accept(text):
        return western
    encoding = codecs.lookup(best.encoding).name
    if western is not None and encoding not in ("cp1252", "iso8859-1", "latin-1"):
        return western if _prefer_western(western[0], text) else (text, encoding)
    return text, encoding


def _prefer_western(western: str, detected: str) -> bool:
    if not _plausibly_western(western):
        return False
    return not _is_latin(detected) or _latin_share(western) >= _latin_share(detected)


def _plausibly_western(text: str) -> bool:
    """Mostly ASCII letters with a few common accented ones, as in English/French/German news."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    accented = sum(1 for ch in letters if ord(ch) >= 0x80)
    return accented / len(letters) <= 0.3 and _latin_share(text) >= 0.9


def _western_text(data: bytes) -> tuple[str, str] | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return (text, "cp1252") if _accept(text) and _plausibly_western(text) else None


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


def _latin_share(text: str) -> float:
    """Share of non-ASCII characters that are common Western letters or punctuation."""
    extra = [ch for ch in text if ord(ch) >= 0x80]
    if not extra:
        return 1.0
    return sum(1 for ch in extra if ch in _WESTERN_COMMON) / len(extra)
