"""Plain-text and Markdown articles (.txt, .md).

Layout understood, all optional, at the top of the file in any order:

    Headline on one line (short, no final period)      -> title
    Outlet: / Source: / Publisher: NAME                 -> outlet
    Date: / Published: / Updated: DATE                  -> published (ISO 8601 UTC)
    Author: NAME  or  By NAME[, Outlet]                 -> author
    URL: / Link: https://...                            -> url
    Title: HEADLINE                                     -> title (wins over the first line)
    a line that is only a date ("4 March 2026 10:00")   -> published
    a line that is only a URL                           -> url

Header lines stop at the first other line; the rest is the body (hard-wrapped lines unwrapped).
Markdown headings, emphasis and links are reduced to their text.

A front-matter block may come first instead (as static-site generators write it): YAML
`key: value` lines between two `---` lines, with the keys title, outlet, published (or date),
url and author (and the header aliases above). Its fields win over header lines.
"""

from __future__ import annotations

import re

from newstrace.ingest.clean import normalize_text, one_line
from newstrace.ingest.dates import normalize_date
from newstrace.model import Article, IngestError

_HEADER = re.compile(
    r"^(outlet|source|publisher|publication|date|published|updated|dateline|author|byline|url|link|title)"
    r"\s*:\s*(.+)$",
    re.IGNORECASE,
)
_FIELD = {
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "date": "published",
    "published": "published",
    "updated": "published",
    "dateline": "published",
    "author": "author",
    "byline": "author",
    "url": "url",
    "link": "url",
    "title": "title",
}
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|da|van|von|der|la|le|bin|al)"
_BYLINE = re.compile(
    rf"^(?:BY|[Bb]y)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s+(?:and|&)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*)*)"
    r"(?:\s*[,|/–—-]\s*(.+))?$"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^\s*(?:([-*_])(\s*\1){2,}|={3,})\s*$")  # rules and setext underlines
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
MAX_BYLINE_CHARS = 80
MAX_DATE_LINE_CHARS = 60
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whose",
        "than",
        "into",
        "onto",
        "over",
        "after",
        "before",
        "about",
        "said",
        "says",
        "told",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "will",
        "would",
    ]
)
_BARE_URL = re.compile(r"^https?://\S+$")


def looks_like_headline(line: str) -> bool:
    """Short, one line, not ending in a sentence period (`?`, `!`, quotes allowed)."""
    text = line.strip()
    if not text or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    return any(ch.isalpha() for ch in text)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The fields of a leading `---` ... `---` block of flat YAML, and the text after it.

    Only flat `key: value` scalars are read (quoted or not; `#` comments and blank lines are
    skipped): the fields an article needs are all scalars. No block: ({}, text)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    for end in range(1, len(lines)):
        line = lines[end].strip()
        if line in ("---", "..."):
            return fields, "\n".join(lines[end + 1 :])
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        field = _FIELD.get(key.strip().lower())
        if not sep or field is None:
            continue
        value = _yaml_scalar(value)
        if value:
            fields.setdefault(field, value)
    return {}, text  # no closing line: not a front-matter block


def _yaml_scalar(value: str) -> str:
    """A YAML scalar as written on one line: quotes removed, a trailing comment cut."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return re.sub(r"\s+#.*$", "", value).strip()


def read_text(
    text: str, *, source: str, article_id: str, markdown: bool = False
) -> Article | IngestError:
    """One article from the text of a .txt/.md file."""
    matter, text = front_matter(text)
    if "published" in matter and normalize_date(matter["published"]) is None:
        return IngestError(
            source=source, reason=f"front matter: cannot read the date {matter['published']!r}"
        )
    if markdown:
        text = _strip_markdown(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta: dict[str, str] = dict(matter)
    title: str | None = None
    position = 0
    while position < len(lines):
        line = lines[position].strip()
        if not line:
            position += 1
            continue
        field = _header_field(line)
        if field is not None:
            key, value = field
            meta.setdefault(key, value)
            position += 1
            continue
        if title is None and not meta.get("title") and _is_title(lines, position):
            title = line
            position += 1
            continue
        break
    body = normalize_text("\n".join(lines[position:]), unwrap=True)
    if not body:
        if title is not None and not meta:
            body, title = title, None  # a one-line file: that line is the text
        else:
            return IngestError(source=source, reason="no article text after the header lines")
    return Article(
        id=article_id,
        source=source,
        text=body,
        title=one_line(meta.get("title") or title),
        outlet=one_line(meta.get("outlet")),
        published=normalize_date(meta["published"]) if "published" in meta else None,
        author=one_line(meta.get("author")),
        url=one_line(meta.get("url")),
        format="text",
    )


def _header_field(line: str) -> tuple[str, str] | None:
    match = _HEADER.match(line)
    if match:
        key = _FIELD[match.group(1).lower()]
        value = match.group(2).strip()
        if key == "published" and normalize_date(value) is None:
            return None
        if key == "url" and not value.lower().startswith(("http://", "https://", "www.")):
            return None
        return key, value
    if _BARE_URL.match(line):
        return "url", line
    short_with_digits = len(line) <= MAX_DATE_LINE_CHARS and any(ch.isdigit() for ch in line)
    if short_with_digits and normalize_date(line) is not None:  # a bare "4 March 2026 10:00"
        return "published", line
    if len(line) <= MAX_BYLINE_CHARS and not line.endswith("."):
        byline = _BYLINE.match(line)
        if byline and byline.group(1)[:1].isupper():
            return "author", byline.group(1).strip()
    return None


def _is_title(lines: list[str], position: int) -> bool:
    """The line is a headline and a body follows it."""
    if not looks_like_headline(lines[position]):
        return False
    rest = [line for line in lines[position + 1 :] if line.strip()]
    if not rest:
        return False
    following = lines[position + 1].strip() if position + 1 < len(lines) else ""
    # Followed by a blank line, a header line, or a body line clearly longer than a headline.
    if not following or _header_field(following) is not None or len(following) > 100:
        return True
    # A hard-wrapped body right under the headline: the next line starts a sentence, and the
    # headline does not stop mid-phrase the way a wrapped line does ("... said on Tuesday that").
    last_word = lines[position].split()[-1].strip(".,;:'\"“”‘’").lower()
    starts_sentence = following[:1].isupper() or following[:1] in "\"“‘'" or following[:1].isdigit()
    return starts_sentence and last_word not in _FUNCTION_WORDS


def _strip_markdown(text: str) -> str:
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _MD_RULE.match(line):
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = line.lstrip()
        if line.startswith(">"):
            line = line.lstrip("> ")
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out)
