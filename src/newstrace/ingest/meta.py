"""Metadata for articles kept apart from their files: `ingest --meta FILE.csv|jsonl`.

Plain-text exports rarely carry their outlet or date. A table maps each file to the fields a
reader needs: a `file` column (a file name, a path, or an article id, i.e. the name without its
extension) and any of title, outlet, published (or date), url, author. CSV has a header row;
JSONL has one object per line. A field given here wins over what the file itself says.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from newstrace.ingest.dates import normalize_date
from newstrace.model import Article

KEY_COLUMNS = ("file", "path", "filename", "id", "article")
FIELDS = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
}


class MetaError(ValueError):
    """The metadata file cannot be used (the message names the file and the reason)."""


@dataclass
class ArticleMeta:
    """Fields per key (file name, path or id), and which keys matched an article."""

    source: str
    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> ArticleMeta:
        """Read a CSV or JSONL metadata file; MetaError when it cannot be used."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise MetaError(f"{path}: cannot read the metadata file ({exc})") from None
        rows = _jsonl_rows(path, text) if path.suffix.lower() in (".jsonl", ".ndjson") else None
        if rows is None:
            rows = _csv_rows(path, text)
        meta = cls(source=str(path))
        for number, row in rows:
            clean = {str(k).strip().lower(): str(v).strip() for k, v in row.items() if v}
            key = next((clean[c] for c in KEY_COLUMNS if clean.get(c)), None)
            if key is None:
                raise MetaError(f"{path}:{number}: no file column ({', '.join(KEY_COLUMNS)})")
            fields: dict[str, str] = {}
            for column, value in clean.items():
                name = FIELDS.get(column)
                if name is None or name in fields:
                    continue
                if name == "published":
                    date = normalize_date(value)
                    if date is None:
                        raise MetaError(f"{path}:{number}: cannot read the date {value!r}")
                    value = date
                fields[name] = value
            meta.entries[_norm(key)] = fields
        return meta

    def apply(self, article: Article) -> Article:
        """The article with the fields given for its file (or id); unchanged when none are."""
        for key in _keys_of(article):
            fields = self.entries.get(key)
            if fields is not None:
                self.used.add(key)
                filled = replace(article)  # the hash is of the text: unchanged
                for name, value in fields.items():
                    setattr(filled, name, value)
                return filled
        return article

    def unused(self) -> list[str]:
        """Keys that matched no article read in this run (a typo in the table, most likely)."""
        return sorted(k for k in self.entries if k not in self.used)


def _norm(key: str) -> str:
    return key.replace("\\", "/").strip().lower()


def _keys_of(article: Article) -> list[str]:
    """What a row may name an article by, most specific first: its path, file name, id."""
    keys = []
    if article.source and "://" not in article.source:
        path = Path(article.source)
        keys += [_norm(article.source), _norm(path.name), _norm(path.stem)]
    keys.append(_norm(article.id))
    return keys


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    try:
        reader = csv.DictReader(text.splitlines())
        rows = [(i + 2, dict(row)) for i, row in enumerate(reader)]
    except csv.Error as exc:
        raise MetaError(f"{path}: not a CSV file ({exc})") from None
    columns = {c.strip().lower() for c in reader.fieldnames or []}
    if not columns & set(KEY_COLUMNS):
        raise MetaError(f"{path}: no file column in the header ({', '.join(KEY_COLUMNS)})")
    return [(n, {k: v for k, v in row.items() if k is not None}) for n, row in rows]


def _jsonl_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MetaError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(value, dict):
            raise MetaError(f"{path}:{number}: each line must be a JSON object")
        rows.append((number, {str(k): "" if v is None else str(v) for k, v in value.items()}))
    return rows
