"""The Store methods written once in SQL understood by both SQLite and PostgreSQL.

A backend subclass supplies the connection, the transaction, the schema DDL and full-text
search; statements here use `?` placeholders, rewritten by the backend when it needs `%s`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from newstrace.model import Article, Assignment, Event, Story, StoryProvenance, StoryStats
from newstrace.store import codec

_PAGE = 200
_ID_CHUNK = 500
_ARTICLE_COLUMNS = ", ".join(f"a.{c}" for c in codec.ARTICLES.columns)
_ARTICLE_SELECT = (
    f"SELECT a.seq, {_ARTICLE_COLUMNS}, a.extra, n.analyzed_with, n.layers, n.sentence_vectors,"
    " n.sentence_vectors_shape, n.vector, n.vector_shape"
    " FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
)
_ARTICLE_SELECT_PLAIN = f"SELECT a.seq, {_ARTICLE_COLUMNS}, a.extra FROM articles a"
# state namespace: per stage, the arrival (seq) up to which every article has the stage's row
_DONE_THROUGH = "store-done-through"


class Cursor(Protocol):
    """The DB-API subset used here (sqlite3 and psycopg cursors both fit)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Executor(Protocol):
    def __call__(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...


class SqlStore(ABC):
    """Shared implementation of newstrace.store.base.Store."""

    # whether articles' `seq` values become visible in increasing order (one writer at a time)
    _SEQ_IN_COMMIT_ORDER = False

    # --- backend hooks ---------------------------------------------------
    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Executor]:
        """One atomic write: everything executed inside commits together or not at all."""

    @abstractmethod
    def atomic(self) -> AbstractContextManager[None]:
        """Many writes as one transaction (see newstrace.store.base.Store.atomic)."""

    @abstractmethod
    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A read outside any write transaction."""

    @abstractmethod
    def search(self, query: str, limit: int = 50) -> list[str]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- articles ---------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        columns = ", ".join(codec.ARTICLES.columns)
        marks = ", ".join("?" for _ in codec.ARTICLES.columns)
        values, extra = codec.encode(codec.ARTICLES, article)
        with self._transaction() as execute:
            cursor = execute(
                f"INSERT INTO articles ({columns}, extra) VALUES ({marks}, ?) ON CONFLICT DO NOTHING",
                (*values, extra),
            )
            added = cursor.rowcount == 1
            if added and article.analyzed:
                self._write_analysis(execute, article)
        return added

    def has_hash(self, content_hash: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE hash = ?", (content_hash,)))

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def get_article(self, article_id: str, with_analysis: bool = True) -> Article | None:
        base = _ARTICLE_SELECT if with_analysis else _ARTICLE_SELECT_PLAIN
        rows = self._query(f"{base} WHERE a.id = ?", (article_id,))
        return self._article(rows[0], with_analysis) if rows else None

    def articles(
        self,
        ids: Iterable[str] | None = None,
        with_analysis: bool = True,
        layers: Collection[str] | None = None,
    ) -> Iterator[Article]:
        base = _ARTICLE_SELECT if with_analysis else _ARTICLE_SELECT_PLAIN
        if ids is None:
            last = -1
            while True:
                rows = self._query(f"{base} WHERE a.seq > ? ORDER BY a.seq LIMIT {_PAGE}", (last,))
                for row in rows:
                    yield self._article(row, with_analysis, layers)
                if len(rows) < _PAGE:
                    return
                last = rows[-1][0]
        wanted = list(dict.fromkeys(ids))
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), _ID_CHUNK):
            chunk = wanted[start : start + _ID_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            found.extend(self._query(f"{base} WHERE a.id IN ({marks})", chunk))
        for row in sorted(found, key=lambda r: r[0]):
            yield self._article(row, with_analysis, layers)

    def article_count(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM articles")[0][0])

    def unanalyzed_ids(self) -> list[str]:
        return self._pending(
            "analysed",
            "NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id)",
            "1",
        )

    def unassigned_ids(self) -> list[str]:
        return self._pending(
            "assigned",
            "NOT EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = a.id)",
            "EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id)",
        )

    def _pending(self, stage: str, missing: str, ready: str) -> list[str]:
        """Ids of articles `missing` the stage's rows and `ready` for it, in ingest order.

        Analyses and assignments are never deleted, so once every article up to some arrival
        has its row, that stays true: the arrival is kept in the state table and the next
        call scans only the articles after it. Without it every run read the whole archive
        (~85 ms a call with 10,000 stored, on a loaded machine). Only where arrivals commit
        in their order (`_SEQ_IN_COMMIT_ORDER`) is the mark kept: elsewhere a later arrival
        can be seen before an earlier one commits, and the whole table is scanned.
        """
        start = 0
        if self._SEQ_IN_COMMIT_ORDER:
            mark = self.get_state(_DONE_THROUGH, stage)
            start = int(mark.decode("ascii")) if mark else 0
        rows = self._query(
            f"SELECT a.seq, a.id, {missing}, {ready} FROM articles a WHERE a.seq > ?"
            " ORDER BY a.seq",
            (start,),
        )
        if self._SEQ_IN_COMMIT_ORDER:
            first_missing = next((r[0] for r in rows if r[2]), None)
            through = rows[-1][0] if first_missing is None and rows else start
            if first_missing is not None:
                through = first_missing - 1
            if through > start:
                self.put_state(_DONE_THROUGH, stage, str(through).encode("ascii"))
        return [r[1] for r in rows if r[2] and r[3]]

    def _article(
        self, row: tuple[Any, ...], with_analysis: bool, layers: Collection[str] | None = None
    ) -> Article:
        width = len(codec.ARTICLES.columns)
        article: Article = codec.decode(codec.ARTICLES, row[1 : 1 + width], row[1 + width])
        if with_analysis:
            analyzed_with, stored, sv, sv_shape, v, v_shape = row[2 + width :]
            if stored is not None:
                codec.apply_layers(article, stored, analyzed_with, only=layers)
                article.sentence_vectors = codec.vector_from_db(sv, sv_shape)
                article.vector = codec.vector_from_db(v, v_shape)
        return article

    # --- analysis layers -------------------------------------------------
    def save_analysis(self, article: Article) -> None:
        with self._transaction() as execute:
            if execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() is None:
                raise KeyError(f"save_analysis: article {article.id!r} is not stored; add it first")
            self._write_analysis(execute, article)

    def _write_analysis(self, execute: Executor, article: Article) -> None:
        sv, sv_shape = codec.vector_to_db(article.sentence_vectors)
        v, v_shape = codec.vector_to_db(article.vector)
        execute(
            "INSERT INTO analyses (article_id, analyzed_with, layers, sentence_vectors,"
            " sentence_vectors_shape, vector, vector_shape) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET analyzed_with = excluded.analyzed_with,"
            " layers = excluded.layers, sentence_vectors = excluded.sentence_vectors,"
            " sentence_vectors_shape = excluded.sentence_vectors_shape,"
            " vector = excluded.vector, vector_shape = excluded.vector_shape",
            (
                article.id,
                article.analyzed_with,
                codec.layers_to_json(article),
                sv,
                sv_shape,
                v,
                v_shape,
            ),
        )

    # --- clusters ----------------------------------------------------------
    def save_assignment(self, assignment: Assignment) -> None:
        with self._transaction() as execute:
            execute(
                "INSERT INTO assignments (article_id, event_id, story_id) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id,"
                " story_id = excluded.story_id",
                (assignment.article, assignment.event, assignment.story),
            )

    def assignments(self) -> list[Assignment]:
        rows = self._query(
            "SELECT s.article_id, s.event_id, s.story_id FROM assignments s"
            " JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
        )
        return [Assignment(article=r[0], event=r[1], story=r[2]) for r in rows]

    def save_stories(self, stories: list[Story]) -> None:
        with self._transaction() as execute:
            for story in stories:
                values, extra = codec.encode(codec.STORIES, story)
                execute(
                    "INSERT INTO stories (id, title, articles, extra) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                    " articles = excluded.articles, extra = excluded.extra",
                    (*values, extra),
                )
                execute("DELETE FROM events WHERE story_id = ?", (story.id,))
                for position, event in enumerate(story.events):
                    event_values, event_extra = codec.encode(codec.EVENTS, event)
                    execute(
                        "INSERT INTO events (id, title, articles, extra, story_id, position)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        " story_id = excluded.story_id, position = excluded.position,"
                        " title = excluded.title, articles = excluded.articles,"
                        " extra = excluded.extra",
                        (*event_values, event_extra, story.id, position),
                    )

    def delete_story(self, story_id: str) -> None:
        """Remove a story (merged away by clustering), its events and its provenance."""
        with self._transaction() as execute:
            execute("DELETE FROM events WHERE story_id = ?", (story_id,))
            execute("DELETE FROM stories WHERE id = ?", (story_id,))
            self._delete_provenance(execute, story_id)

    def stories(self) -> list[Story]:
        rows = self._query("SELECT id, title, articles, extra FROM stories ORDER BY seq")
        events = self._events_by_story(None)
        return [self._story(r, events.get(r[0], [])) for r in rows]

    def get_story(self, story_id: str) -> Story | None:
        rows = self._query(
            "SELECT id, title, articles, extra FROM stories WHERE id = ?", (story_id,)
        )
        if not rows:
            return None
        return self._story(rows[0], self._events_by_story(story_id).get(story_id, []))

    def story_stats(self, limit: int | None = None, offset: int = 0) -> list[StoryStats]:
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self._query(
            "SELECT s.id, s.title, COUNT(a.id), COUNT(DISTINCT a.outlet), MIN(a.published),"
            " MAX(a.published) FROM stories s"
            " JOIN assignments g ON g.story_id = s.id JOIN articles a ON a.id = g.article_id"
            " GROUP BY s.id, s.title"
            " ORDER BY (MAX(a.published) IS NULL), MAX(a.published) DESC, COUNT(a.id) DESC, s.id"
            + page
        )
        ids = [r[0] for r in rows]
        flags, derivations = self._counts("prov_flags", ids), self._counts("prov_derivations", ids)
        return [
            StoryStats(
                id=r[0],
                title=r[1],
                articles=int(r[2]),
                outlets=int(r[3]),
                first_seen=r[4],
                last_seen=r[5],
                flags=flags.get(r[0], 0),
                derivations=derivations.get(r[0], 0),
            )
            for r in rows
        ]

    def _counts(self, table: str, story_ids: list[str]) -> dict[str, int]:
        """Distinct rows per story of a provenance table (a flag raised twice counts once)."""
        columns = "story, article, kind, sentence, reason, text" if table == "prov_flags" else "*"
        counts: dict[str, int] = {}
        for start in range(0, len(story_ids), _ID_CHUNK):
            chunk = story_ids[start : start + _ID_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._query(
                f"SELECT story, COUNT(*) FROM (SELECT DISTINCT {columns} FROM {table}"
                f" WHERE story IN ({marks})) t GROUP BY story",
                chunk,
            )
            counts.update({r[0]: int(r[1]) for r in rows})
        return counts

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        ids = list(article_ids)
        found: dict[str, tuple[str, str]] = {}
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start : start + _ID_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._query(
                "SELECT g.article_id, s.id, s.title FROM assignments g"
                f" JOIN stories s ON s.id = g.story_id WHERE g.article_id IN ({marks})",
                chunk,
            )
            found.update({r[0]: (r[1], r[2]) for r in rows})
        return found

    def story_count(self) -> int:
        rows = self._query(
            "SELECT COUNT(DISTINCT s.id) FROM stories s JOIN assignments g ON g.story_id = s.id"
        )
        return int(rows[0][0])

    def get_event(self, event_id: str) -> Event | None:
        rows = self._query(
            "SELECT id, title, articles, extra FROM events WHERE id = ?", (event_id,)
        )
        return self._event(rows[0]) if rows else None

    def _story(self, row: tuple[Any, ...], events: list[Event]) -> Story:
        story: Story = codec.decode(codec.STORIES, row[:3], row[3], events=events)
        return story

    def _event(self, row: tuple[Any, ...]) -> Event:
        event: Event = codec.decode(codec.EVENTS, row[:3], row[3])
        return event

    def _events_by_story(self, story_id: str | None) -> dict[str, list[Event]]:
        sql = "SELECT story_id, id, title, articles, extra FROM events"
        params: tuple[str, ...] = ()
        if story_id is not None:
            sql += " WHERE story_id = ?"
            params = (story_id,)
        grouped: dict[str, list[Event]] = {}
        for row in self._query(sql + " ORDER BY story_id, position", params):
            grouped.setdefault(row[0], []).append(self._event(row[1:]))
        return grouped

    # --- stage state -------------------------------------------------------
    def put_state(self, namespace: str, key: str, value: bytes) -> None:
        with self._transaction() as execute:
            execute(
                "INSERT INTO state (namespace, key, value) VALUES (?, ?, ?)"
                " ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value",
                (namespace, key, bytes(value)),
            )

    def get_state(self, namespace: str, key: str) -> bytes | None:
        rows = self._query(
            "SELECT value FROM state WHERE namespace = ? AND key = ?", (namespace, key)
        )
        return bytes(rows[0][0]) if rows else None

    def iter_state(self, namespace: str) -> Iterator[tuple[str, bytes]]:
        rows = self._query(
            "SELECT key, value FROM state WHERE namespace = ? ORDER BY key", (namespace,)
        )
        for key, value in rows:
            yield key, bytes(value)

    def delete_state(self, namespace: str, key: str) -> None:
        with self._transaction() as execute:
            execute("DELETE FROM state WHERE namespace = ? AND key = ?", (namespace, key))

    # --- provenance ----------------------------------------------------------
    def save_provenance(self, result: StoryProvenance) -> None:
        with self._transaction() as execute:
            self._delete_provenance(execute, result.story)
            execute("INSERT INTO provenance (story) VALUES (?)", (result.story,))
            for attribute, table in codec.PROVENANCE:
                names = ", ".join(table.columns)
                marks = ", ".join("?" for _ in table.columns)
                for position, item in enumerate(getattr(result, attribute)):
                    values, extra = codec.encode(table, item)
                    execute(
                        f"INSERT INTO {table.name} (story, position, {names}, extra)"
                        f" VALUES (?, ?, {marks}, ?)",
                        (result.story, position, *values, extra),
                    )

    def get_provenance(self, story_id: str) -> StoryProvenance | None:
        if not self._query("SELECT 1 FROM provenance WHERE story = ?", (story_id,)):
            return None
        result = StoryProvenance(story=story_id)
        for attribute, table in codec.PROVENANCE:
            rows = self._query(
                f"SELECT {', '.join(table.columns)}, extra FROM {table.name}"
                " WHERE story = ? ORDER BY position",
                (story_id,),
            )
            setattr(result, attribute, [codec.decode(table, r[:-1], r[-1]) for r in rows])
        return result

    def provenance_story_ids(self) -> list[str]:
        """Stories whose provenance has been saved."""
        return [r[0] for r in self._query("SELECT story FROM provenance ORDER BY story")]

    def _delete_provenance(self, execute: Executor, story_id: str) -> None:
        for _attribute, table in codec.PROVENANCE:
            execute(f"DELETE FROM {table.name} WHERE story = ?", (story_id,))
        execute("DELETE FROM provenance WHERE story = ?", (story_id,))
