"""Dataclasses <-> database values, shared by every backend.

Each stored dataclass maps to a table (`Table`): the fields it had in schema version 1 have
their own columns; any field added to the model later travels in the row's `extra` JSON column,
so a new optional field in model.py is stored and read back without a schema change. Analysis
layers are one JSON document per article; vectors are raw little-endian float32 bytes plus their
shape, so a round trip gives back equal arrays. Reading is tolerant: keys the model no longer
has are ignored, fields missing from old rows take their defaults.
"""

from __future__ import annotations

import json
import types
from collections.abc import Collection
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

import numpy as np

from newstrace.model import (
    Article,
    Claim,
    Derivation,
    Entity,
    EntityMention,
    Event,
    Flag,
    Quantity,
    Quote,
    Sentence,
    Story,
    Vector,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Table:
    """Where one dataclass is stored: `columns` are fields with a column of the same name;
    `separate` fields are stored elsewhere (in another table or document); the rest is extra."""

    name: str
    cls: type[Any]
    columns: tuple[str, ...]
    separate: tuple[str, ...] = ()


LAYERS: dict[str, type[Any]] = {
    "sentences": Sentence,
    "mentions": EntityMention,
    "quotes": Quote,
    "quantities": Quantity,
}
ANALYSIS_FIELDS = (*LAYERS, "cited_sources", "sentence_vectors", "vector", "analyzed_with")
ARTICLES = Table(
    "articles",
    Article,
    ("id", "hash", "source", "text", "title", "outlet", "published", "author", "url", "format"),
    separate=ANALYSIS_FIELDS,
)
STORIES = Table("stories", Story, ("id", "title", "articles"), separate=("events",))
EVENTS = Table("events", Event, ("id", "title", "articles"))
# StoryProvenance attribute -> its table.
PROVENANCE: tuple[tuple[str, Table], ...] = (
    (
        "derivations",
        Table(
            "prov_derivations",
            Derivation,
            (
                "source",
                "derived",
                "score",
                "kind",
                "shared_sentences",
                "direction_evidence",
                "pairs",
            ),
        ),
    ),
    (
        "flags",
        Table(
            "prov_flags",
            Flag,
            ("article", "kind", "text", "evidence", "score", "sentence", "reason"),
        ),
    ),
    (
        "claims",
        Table(
            "prov_claims",
            Claim,
            ("id", "text", "articles", "contradicted_by", "attributed_to", "sentences"),
        ),
    ),
    ("entities", Table("prov_entities", Entity, ("name", "type", "aliases", "articles"))),
)


# --- generic encoding ------------------------------------------------------------------------
def dumps(value: Any) -> str:
    """Compact JSON (keys in dataclass order); numpy values become plain numbers and lists."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def encode(table: Table, item: Any) -> tuple[tuple[Any, ...], str | None]:
    """(column values in `table.columns` order, extra JSON or None)."""
    values = tuple(_column_value(getattr(item, name)) for name in table.columns)
    skip = set(table.columns) | set(table.separate)
    extra = {f.name: _plain(getattr(item, f.name)) for f in fields(item) if f.name not in skip}
    return values, (dumps(extra) if extra else None)


def _column_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return dumps(_plain(value))
    return value


def decode(table: Table, values: tuple[Any, ...], extra_json: str | None, **more: Any) -> Any:
    """Inverse of `encode`; `more` supplies `separate` fields (e.g. a story's events)."""
    hints = _hints(table.cls)
    data: dict[str, Any] = {}
    if extra_json:
        data.update(json.loads(extra_json))
    for name, value in zip(table.columns, values, strict=True):
        data[name] = (
            json.loads(value)
            if isinstance(value, str) and _is_container(hints.get(name))
            else value
        )
    data.update(more)
    return build(table.cls, data)


def build(cls: type[T], data: dict[str, Any]) -> T:
    """`cls(**data)` keeping only the fields `cls` has, nested dataclasses rebuilt from dicts."""
    flat = _flat_fields(cls)
    if flat is not None:  # fast path: sentences, mentions... (only plain values)
        return cls(**{k: v for k, v in data.items() if k in flat})
    hints = _hints(cls)
    kwargs = {
        f.name: revive(hints.get(f.name, Any), data[f.name])
        for f in fields(cls)  # type: ignore[arg-type]
        if f.init and f.name in data
    }
    return cls(**kwargs)


def revive(hint: Any, value: Any) -> Any:
    """A JSON value back into the type a field declares (dataclass, list of them, vector)."""
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return revive(options[0], value) if len(options) == 1 else value
    if origin is list and isinstance(value, list):
        (item_hint,) = get_args(hint) or (Any,)
        return [revive(item_hint, v) for v in value]
    if origin is dict and isinstance(value, dict):
        args = get_args(hint)
        return {k: revive(args[1], v) for k, v in value.items()} if len(args) == 2 else value
    if (origin is np.ndarray or hint is np.ndarray) and isinstance(value, list):
        return np.asarray(value, dtype=np.float32)
    if isinstance(hint, type) and is_dataclass(hint) and isinstance(value, dict):
        return build(hint, value)
    return value


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    """Field types of a dataclass, resolved once (model.py annotations are strings)."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


_FLAT: dict[type[Any], frozenset[str] | None] = {}


def _flat_fields(cls: type[Any]) -> frozenset[str] | None:
    """Init field names when every field holds a plain JSON value (str, number, bool, None)."""
    if cls not in _FLAT:
        plain = (str, int, float, bool, type(None))
        hints = _hints(cls)
        simple = all(
            hints[f.name] in plain
            or (
                get_origin(hints[f.name]) in (Union, types.UnionType)
                and all(a in plain for a in get_args(hints[f.name]))
            )
            or get_origin(hints[f.name]) is Literal
            for f in fields(cls)
        )
        _FLAT[cls] = frozenset(f.name for f in fields(cls) if f.init) if simple else None
    return _FLAT[cls]


def _is_container(hint: Any) -> bool:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(_is_container(arg) for arg in get_args(hint))
    return origin in (list, dict)


_ORDER: dict[type[Any], tuple[str, ...] | None] = {}


def _as_dict(item: Any) -> dict[str, Any]:
    """asdict(item); for a dataclass of plain values, the same dict without asdict's deep copy
    of every value (it was a tenth of the lexical path's provenance stage, which saves every
    article again once its names are resolved)."""
    cls = type(item)
    if cls not in _ORDER:
        _ORDER[cls] = tuple(f.name for f in fields(cls)) if _flat_fields(cls) is not None else None
    names = _ORDER[cls]
    if names is None:
        return asdict(item)
    return {name: getattr(item, name) for name in names}


# --- articles and their analysis -------------------------------------------------------------
def layers_to_json(article: Article) -> str:
    """Sentences, mentions, quotes, quantities, cited sources (and any newer Article fields)."""
    doc: dict[str, Any] = {
        name: [_as_dict(item) for item in getattr(article, name)] for name in LAYERS
    }
    doc["cited_sources"] = list(article.cited_sources)
    _, extra = encode(ARTICLES, article)
    if extra:
        doc["extra"] = json.loads(extra)
    return dumps(doc)


def apply_layers(
    article: Article, layers_json: str, analyzed_with: str, only: Collection[str] | None = None
) -> None:
    """Fill `article`'s layers from `layers_to_json` output (with `only`, just those layers:
    a page that shows quotes need not build every sentence object)."""
    doc = json.loads(layers_json)
    for name, cls in LAYERS.items():
        if only is not None and name not in only:
            continue
        setattr(article, name, [build(cls, item) for item in doc.get(name, [])])
    article.cited_sources = list(doc.get("cited_sources", []))
    article.analyzed_with = analyzed_with
    hints = _hints(type(article))
    for name, value in doc.get("extra", {}).items():
        if name in hints:
            setattr(article, name, revive(hints[name], value))


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
