"""The tables (schema versions 1 and 2), written once for SQLite and PostgreSQL.

Analysis layers are one JSON document per article, vectors raw float32 bytes plus shape; lists
inside stories, events and provenance rows are JSON text. Backends add their full-text index.
"""

from __future__ import annotations


def schema_statements(blob: str, serial: str, real: str) -> list[str]:
    """Version-1 tables in the dialect's spelling of an auto-increment key, bytes and floats."""
    return [
        f"""CREATE TABLE articles (
            seq {serial},
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            published TEXT,
            author TEXT,
            url TEXT,
            format TEXT NOT NULL)""",
        f"""CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            analyzed_with TEXT NOT NULL,
            layers TEXT NOT NULL,
            sentence_vectors {blob},
            sentence_vectors_shape TEXT,
            vector {blob},
            vector_shape TEXT)""",
        """CREATE TABLE assignments (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            story_id TEXT NOT NULL)""",
        f"""CREATE TABLE stories (
            seq {serial},
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            articles TEXT NOT NULL)""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            articles TEXT NOT NULL)""",
        "CREATE INDEX events_story ON events (story_id, position)",
        f"""CREATE TABLE state (
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            value {blob} NOT NULL,
            PRIMARY KEY (namespace, key))""",
        "CREATE TABLE provenance (story TEXT PRIMARY KEY)",
        f"""CREATE TABLE prov_derivations (
            story TEXT NOT NULL, position INTEGER NOT NULL,
            source TEXT NOT NULL, derived TEXT NOT NULL, score {real} NOT NULL,
            kind TEXT NOT NULL, shared_sentences INTEGER NOT NULL,
            direction_evidence TEXT NOT NULL, pairs TEXT NOT NULL,
            PRIMARY KEY (story, position))""",
        f"""CREATE TABLE prov_flags (
            story TEXT NOT NULL, position INTEGER NOT NULL,
            article TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
            evidence TEXT NOT NULL, score {real} NOT NULL, sentence INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (story, position))""",
        """CREATE TABLE prov_claims (
            story TEXT NOT NULL, position INTEGER NOT NULL,
            id TEXT NOT NULL, text TEXT NOT NULL, articles TEXT NOT NULL,
            contradicted_by TEXT NOT NULL, attributed_to TEXT, sentences TEXT NOT NULL,
            PRIMARY KEY (story, position))""",
        """CREATE TABLE prov_entities (
            story TEXT NOT NULL, position INTEGER NOT NULL,
            name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL,
            articles TEXT NOT NULL,
            PRIMARY KEY (story, position))""",
    ]


# Version 2: an `extra` JSON column on every table of a dataclass, for fields added to the model.
EXTRA_COLUMN_TABLES = (
    "articles",
    "stories",
    "events",
    "prov_derivations",
    "prov_flags",
    "prov_claims",
    "prov_entities",
)


def extra_column_statements() -> list[str]:
    return [f"ALTER TABLE {table} ADD COLUMN extra TEXT" for table in EXTRA_COLUMN_TABLES]
