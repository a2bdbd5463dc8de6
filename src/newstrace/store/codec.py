"""Dataclasses <-> database values, shared by every backend.

Analysis layers go to one JSON document per article (dataclasses.asdict); vectors go to raw
little-endian float32 bytes plus their shape, so a round trip gives back equal arrays.
Provenance parts become rows whose list/dict fields are JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields, is_dataclass
from typing import Any, TypeVar

import numpy as np

from newstrace.model import (
    Article,
    Claim,
    Derivation,
    Entity,
    EntityMention,
    Event,
    Evidence,
    Flag,
    Quantity,
    Quote,
    Sentence,
    SentencePair,
    Story,
    Vector,
)

T = TypeVar("T")

ARTICLE_COLUMNS = (
    "id",
    "hash",
    "source",
    "text",
    "title",
    "outlet",
    "published",
    "author",
    "url",
    "format",
)
_LAYERS: dict[str, type[Any]] = {
    "sentences": Sentence,
    "mentions": EntityMention,
    "quotes": Quote,
    "quantities": Quantity,
}
# Provenance tables: name, dataclass, nested dataclass of list fields.
PROVENANCE_PARTS: tuple[tuple[str, str, type[Any], dict[str, type[Any]]], ...] = (
    ("derivations", "prov_derivations", Derivation, {"pairs": SentencePair}),
    ("flags", "prov_flags", Flag, {"evidence": Evidence}),
    ("claims", "prov_claims", Claim, {}),
    ("entities", "prov_entities", Entity, {}),
)


def dumps(value: Any) -> str:
    """Compact, deterministic JSON (keys kept in dataclass order)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_row(article: Article) -> tuple[Any, ...]:
    """Values for ARTICLE_COLUMNS."""
    return tuple(getattr(article, name) for name in ARTICLE_COLUMNS)


def article_from_row(row: tuple[Any, ...]) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(**values)


def layers_to_json(article: Article) -> str:
    """Sentences, mentions, quotes, quantities and cited sources as one JSON document."""
    doc: dict[str, Any] = {
        name: [asdict(item) for item in getattr(article, name)] for name in _LAYERS
    }
    doc["cited_sources"] = list(article.cited_sources)
    return dumps(doc)


def apply_layers(article: Article, layers_json: str, analyzed_with: str) -> None:
    """Fill `article`'s layers from `layers_to_json` output."""
    doc = json.loads(layers_json)
    for name, cls in _LAYERS.items():
        setattr(article, name, [cls(**item) for item in doc.get(name, [])])
    article.cited_sources = list(doc.get("cited_sources", []))
    article.analyzed_with = analyzed_with


def vector_to_db(vector: Vector | None) -> tuple[bytes | None, str | None]:
    """(raw float32 little-endian bytes, shape as JSON) or (None, None)."""
    if vector is None:
        return None, None
    array = np.ascontiguousarray(vector, dtype="<f4")
    return array.tobytes(), dumps(list(array.shape))


def vector_from_db(data: bytes | memoryview | None, shape_json: str | None) -> Vector | None:
    if data is None or shape_json is None:
        return None
    shape = tuple(json.loads(shape_json))
    return np.frombuffer(bytes(data), dtype="<f4").astype(np.float32).reshape(shape)


def to_row(item: Any) -> dict[str, Any]:
    """A flat dataclass -> column values; list and dict fields become JSON text."""
    row: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if isinstance(value, list):
            value = dumps([_plain(v) for v in value])
        elif isinstance(value, dict):
            value = dumps(value)
        row[f.name] = value
    return row


def _plain(value: Any) -> Any:
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else value


def from_row(cls: type[T], row: dict[str, Any], nested: dict[str, type[Any]]) -> T:
    """Inverse of `to_row` for `cls`, rebuilding nested dataclass lists."""
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        value = row[f.name]
        if isinstance(value, str) and _is_json_field(cls, f.name):
            value = json.loads(value)
            if f.name in nested:
                value = [nested[f.name](**item) for item in value]
        values[f.name] = value
    return cls(**values)


def _is_json_field(cls: type[Any], name: str) -> bool:
    return name in _json_fields(cls)


def _json_fields(cls: type[Any]) -> frozenset[str]:
    found = _JSON_FIELDS.get(cls)
    if found is None:
        found = frozenset(f.name for f in fields(cls) if str(f.type).startswith(("list", "dict")))
        _JSON_FIELDS[cls] = found
    return found


_JSON_FIELDS: dict[type[Any], frozenset[str]] = {}


def column_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def story_to_rows(story: Story) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """(story row, event rows) for the stories and events tables."""
    events = [(e.id, story.id, i, e.title, dumps(e.articles)) for i, e in enumerate(story.events)]
    return (story.id, story.title, dumps(story.articles)), events


def event_from_row(row: tuple[Any, ...]) -> Event:
    event_id, title, articles = row
    return Event(id=event_id, title=title, articles=json.loads(articles))
