"""Single-pass clustering of an article stream into events and stories.

Each arriving article is compared only with candidate clusters (near-duplicates via
MinHash/LSH, nearest event centroids, events sharing its rarest words or its names), then
joins the best event, founds a new event in the best story, or founds a new story. A bounded
local merge repairs early splits. Only events active in a time window stay in memory; all
state goes through the Store, so a new process continues where the last one stopped.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash

from newstrace.cluster.features import ArticleFeatures, article_text, extract_features
from newstrace.cluster.similarity import (
    BLOCKED,
    ClusterParams,
    article_score,
    cluster_score,
)
from newstrace.cluster.state import EventState, StoryState
from newstrace.cluster.titles import event_title, story_title
from newstrace.index.minhash import MinHashIndex
from newstrace.index.tfidf import HashedTfidf
from newstrace.index.vectors import VectorIndex
from newstrace.model import Article, Assignment, Event, Story
from newstrace.settings import Settings
from newstrace.store.base import Store

NS_EVENT = "cluster.event"
NS_STORY = "cluster.story"
NS_META = "cluster.meta"
TERMS_INDEXED = 12  # centroid terms under which an event is found
TERMS_QUERIED = 10  # article terms looked up
MAX_POSTING = 400  # postings longer than this are too common to block on
EVICT_EVERY = 512
TFIDF_SAVE_EVERY = 4096
LSH_RELOAD = 5000  # newest active articles whose signatures are rebuilt on load


def _cluster_id(prefix: str, article_id: str) -> str:
    """Deterministic id of the cluster an article founded."""
    return f"{prefix}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:12]}"


class IncrementalClusterer:
    """Assigns each arriving article to an event and a story at once.

    `add(article) -> Assignment`; `stories()` -> titled stories with their events.
    Works with dense article vectors (MiniLM) or without (lexical path, `vector=None`).
    """

    def __init__(
        self, store: Store, settings: Settings, params: ClusterParams | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self.params = params or ClusterParams()
        self.tfidf = HashedTfidf()
        self.minhash = MinHashIndex(threshold=0.5, num_perm=64)
        self.events: dict[str, EventState] = {}
        self.story_states: dict[str, StoryState] = {}
        self.event_of: dict[str, str] = {}  # active article -> its event
        self.signatures: dict[str, MinHash] = {}
        self.dense_index: VectorIndex | None = None
        self.term_postings: dict[int, set[str]] = {}
        self.entity_postings: dict[str, set[str]] = {}
        self._event_terms: dict[str, list[int]] = {}
        self.seq = 0
        self.clock_day: float | None = None
        self._dirty_stories: set[str] = set()
        self._deleted_stories: set[str] = set()
        self._event_titles: dict[str, str] = {}
        self._load()

    # --- public API -----------------------------------------------------------------
    def add(self, article: Article) -> Assignment:
        """Place one (analysed or raw) article; persists its assignment and the touched state."""
        known = self.event_of.get(article.id)
        if known is not None:
            return Assignment(article.id, known, self.events[known].story)
        self.seq += 1
        features = extract_features(article, self.tfidf, self.minhash)
        if features.day is not None:
            self.clock_day = (
                features.day if self.clock_day is None else max(self.clock_day, features.day)
            )
        event = self._place(features)
        self._index_article(features, event)
        merged = self._local_merge(event)
        assignment = Assignment(article.id, merged.id, merged.story)
        self.store.save_assignment(assignment)
        self._persist_event(merged)
        self._persist_story(self.story_states[merged.story])
        if self.seq % EVICT_EVERY == 0:
            self.evict()
        if self.seq % TFIDF_SAVE_EVERY == 0:
            self.store.put_state(NS_META, "tfidf", self.tfidf.to_bytes())
        return assignment

    def add_many(self, articles: Iterable[Article]) -> list[Assignment]:
        return [self.add(article) for article in articles]

    def stories(self) -> list[Story]:
        """All stories with titled events (active ones from memory, dormant ones from the store)."""
        self.flush()
        return [s for s in self.store.stories() if s.articles]

    def flush(self) -> None:
        """Write titles and membership of changed stories, and the term statistics."""
        stories = [self._story_view(sid) for sid in sorted(self._dirty_stories)]
        stories.extend(Story(sid, "", [], []) for sid in sorted(self._deleted_stories))
        if stories:
            self.store.save_stories(stories)
        self._dirty_stories.clear()
        self._deleted_stories.clear()
        self.store.put_state(NS_META, "tfidf", self.tfidf.to_bytes())

    def evict(self) -> int:
        """Drop events (and stories) idle beyond the active window from memory; returns count."""
        params = self.params
        stale: list[str] = []
        for event in self.events.values():
            idle_articles = self.seq - event.last_seq
            idle_days = (
                self.clock_day - event.last_day
                if self.clock_day is not None and event.last_day is not None
                else 0.0
            )
            if idle_articles > params.active_articles or idle_days > params.active_days:
                stale.append(event.id)
        if not stale:
            return 0
        touched = {self.events[eid].story for eid in stale}
        self._dirty_stories.update(touched)
        self.flush()  # membership reaches the store before memory forgets it
        for eid in stale:
            event = self.events.pop(eid)
            self._unindex_event(event, forget_articles=True)
            self.store.delete_state(NS_EVENT, eid)
        for sid in touched:
            story = self.story_states.get(sid)
            if story is not None and not any(e in self.events for e in story.events):
                idle_days = (
                    self.clock_day - story.last_day
                    if self.clock_day is not None and story.last_day is not None
                    else 0.0
                )
                if idle_days > params.story_max_gap_days or (
                    self.seq - story.last_seq > params.active_articles
                ):
                    del self.story_states[sid]
                    self.store.delete_state(NS_STORY, sid)
        return len(stale)

    def merge_sweep(self, rounds: int = 3) -> int:
        """Local merges for every active event until nothing changes; returns merges made."""
        merges = 0
        for _ in range(rounds):
            before = len(self.events)
            for eid in sorted(self.events, key=lambda e: -self.events[e].size):
                event = self.events.get(eid)
                if event is not None:
                    kept = self._local_merge(event)
                    self._persist_event(kept)
                    self._persist_story(self.story_states[kept.story])
            merges += before - len(self.events)
            if len(self.events) == before:
                break
        return merges

    @property
    def active_events(self) -> int:
        return len(self.events)

    # --- placement --------------------------------------------------------------------
    def _place(self, features: ArticleFeatures) -> EventState:
        params = self.params
        duplicate = self._near_duplicate(features)
        if duplicate is not None:
            event = self.events[duplicate]
            self._absorb(event, features)
            return event
        scored = self._score_events(features)
        if scored and scored[0][0] >= params.event_threshold:
            event = self.events[scored[0][1]]
            self._absorb(event, features)
            return event
        story = self._best_story(features, [eid for _, eid in scored])
        if story is None:
            story = StoryState(id=_cluster_id("s", features.id))
            self.story_states[story.id] = story
        event = EventState(id=_cluster_id("e", features.id), story=story.id)
        self.events[event.id] = event
        story.events.append(event.id)
        self._absorb(event, features)
        return event

    def _absorb(self, event: EventState, features: ArticleFeatures) -> None:
        event.add_article(features, self.seq)
        self.story_states[event.story].absorb(features, self.seq)
        self._reindex_event(event)
        self._dirty_stories.add(event.story)

    def _near_duplicate(self, features: ArticleFeatures) -> str | None:
        """Event of the closest active near-copy, when it is close enough."""
        if features.signature is None:
            return None
        best, best_jaccard = None, self.params.duplicate_jaccard
        for other in self.minhash.query(features.signature):
            signature = self.signatures.get(other)
            event = self.event_of.get(other)
            if signature is None or event is None:
                continue
            jaccard = MinHashIndex.jaccard(features.signature, signature)
            if jaccard >= best_jaccard:
                best, best_jaccard = event, jaccard
        return best

    def _candidates(self, features: ArticleFeatures) -> list[str]:
        """Active events worth scoring: shared rare words, shared names, near dense centroids."""
        votes: Counter[str] = Counter()
        dense_votes: dict[str, float] = {}
        if len(features.tfidf.indices):
            k = min(TERMS_QUERIED, len(features.tfidf.indices))
            top = np.argpartition(-features.tfidf.values, k - 1)[:k]
            for term in features.tfidf.indices[top]:
                posting = self.term_postings.get(int(term))
                if posting and len(posting) <= MAX_POSTING:
                    votes.update(posting)
        for name in features.entities:
            posting = self.entity_postings.get(name)
            if posting and len(posting) <= MAX_POSTING:
                votes.update(posting)
        if features.dense is not None and self.dense_index is not None:
            for eid, score in self.dense_index.search(features.dense, self.params.candidates):
                dense_votes[eid] = 1.0 + 10.0 * score
        ranked = sorted(
            set(votes) | set(dense_votes),
            key=lambda eid: (-(votes.get(eid, 0) + dense_votes.get(eid, 0.0)), eid),
        )
        return ranked[: self.params.candidates]

    def _score_events(self, features: ArticleFeatures) -> list[tuple[float, str]]:
        params = self.params
        scored: list[tuple[float, str]] = []
        for eid in self._candidates(features):
            event = self.events[eid]
            score = article_score(
                params,
                features,
                event,
                event.centroid(),
                event.dense_centroid(),
                params.event_max_gap_days,
            )
            if score > BLOCKED:
                scored.append((score, eid))
        scored.sort(reverse=True)
        return scored

    def _best_story(self, features: ArticleFeatures, event_ids: list[str]) -> StoryState | None:
        params = self.params
        best, best_score = None, params.story_threshold
        seen: set[str] = set()
        for eid in event_ids:
            sid = self.events[eid].story
            if sid in seen:
                continue
            seen.add(sid)
            story = self.story_states[sid]
            score = article_score(
                params,
                features,
                story,
                story.centroid(),
                story.dense_centroid(),
                params.story_max_gap_days,
            )
            if score >= best_score:
                best, best_score = story, score
        return best

    # --- bounded local merge ----------------------------------------------------------
    def _local_merge(self, event: EventState) -> EventState:
        """Merge the event with at most one close neighbour: repairs splits made by early order."""
        params = self.params
        if event.size < 2:
            return event
        pseudo = ArticleFeatures(
            id="",
            tfidf=event.centroid(),
            dense=event.dense_centroid(),
            entities=frozenset(),
            day=None,
            signature=None,
            headline="",
        )
        best, best_score = None, params.merge_threshold
        for eid in self._candidates(pseudo)[: params.candidates // 2]:
            if eid == event.id:
                continue
            other = self.events[eid]
            score = cluster_score(params, event, other, params.event_max_gap_days)
            if score >= best_score:
                best, best_score = other, score
        if best is None:
            return event
        keep, gone = (event, best) if event.size >= best.size else (best, event)
        self._merge_events(keep, gone)
        return keep

    def _merge_events(self, keep: EventState, gone: EventState) -> None:
        self._unindex_event(gone, forget_articles=False)
        del self.events[gone.id]
        self.store.delete_state(NS_EVENT, gone.id)
        keep.merge(gone)
        for aid in gone.articles:
            self.event_of[aid] = keep.id
        old_story = self.story_states[gone.story]
        old_story.events.remove(gone.id)
        if gone.story != keep.story:
            target = self.story_states[keep.story]
            target.absorb_cluster(gone)
            if not old_story.events:
                del self.story_states[old_story.id]
                self.store.delete_state(NS_STORY, old_story.id)
                self._deleted_stories.add(old_story.id)
                self._dirty_stories.discard(old_story.id)
            else:
                self._persist_story(old_story)
                self._dirty_stories.add(old_story.id)
        for aid in gone.articles:
            self.store.save_assignment(Assignment(aid, keep.id, keep.story))
        self._reindex_event(keep)
        self._dirty_stories.add(keep.story)

    # --- indexes ------------------------------------------------------------------------
    def _index_article(self, features: ArticleFeatures, event: EventState) -> None:
        self.event_of[features.id] = event.id
        if features.signature is not None:
            self.signatures[features.id] = features.signature
            self.minhash.add(features.id, features.signature)

    def _reindex_event(self, event: EventState) -> None:
        centroid = event.tfidf_sum
        k = min(TERMS_INDEXED, len(centroid.indices))
        terms = (
            [int(t) for t in centroid.indices[np.argpartition(-centroid.values, k - 1)[:k]]]
            if k
            else []
        )
        old = self._event_terms.get(event.id, [])
        for term in set(old) - set(terms):
            self.term_postings.get(term, set()).discard(event.id)
        for term in terms:
            self.term_postings.setdefault(term, set()).add(event.id)
        self._event_terms[event.id] = terms
        for name in event.entities:
            self.entity_postings.setdefault(name, set()).add(event.id)
        dense = event.dense_centroid()
        if dense is not None:
            if self.dense_index is None:
                self.dense_index = VectorIndex(len(dense))
            if self.dense_index.dim == len(dense):
                self.dense_index.upsert(event.id, dense)

    def _unindex_event(self, event: EventState, forget_articles: bool) -> None:
        for term in self._event_terms.pop(event.id, []):
            posting = self.term_postings.get(term)
            if posting is not None:
                posting.discard(event.id)
                if not posting:
                    del self.term_postings[term]
        for name in event.entities:
            posting = self.entity_postings.get(name)
            if posting is not None:
                posting.discard(event.id)
                if not posting:
                    del self.entity_postings[name]
        if self.dense_index is not None:
            self.dense_index.remove(event.id)
        if forget_articles:
            for aid in event.articles:
                self.event_of.pop(aid, None)
                self.signatures.pop(aid, None)
                self.minhash.remove(aid)

    # --- persistence ----------------------------------------------------------------------
    def _persist_event(self, event: EventState) -> None:
        self.store.put_state(NS_EVENT, event.id, event.to_bytes())

    def _persist_story(self, story: StoryState) -> None:
        self.store.put_state(NS_STORY, story.id, story.to_bytes())

    def _load(self) -> None:
        """Continue from the state a previous process left in the store."""
        saved = self.store.get_state(NS_META, "tfidf")
        if saved is not None:
            self.tfidf = HashedTfidf.from_bytes(saved)
        for _, data in self.store.iter_state(NS_STORY):
            story = StoryState.from_bytes(data)
            self.story_states[story.id] = story
        for _, data in self.store.iter_state(NS_EVENT):
            event = EventState.from_bytes(data)
            if event.story not in self.story_states:
                continue
            self.events[event.id] = event
            for aid in event.articles:
                self.event_of[aid] = event.id
            self._reindex_event(event)
        states = [*self.events.values(), *self.story_states.values()]
        self.seq = max((s.last_seq for s in states), default=0)
        days = [s.last_day for s in states if s.last_day is not None]
        self.clock_day = max(days) if days else None
        self._reload_signatures()

    def _reload_signatures(self) -> None:
        newest = sorted(self.events.values(), key=lambda e: e.last_seq, reverse=True)
        ids: list[str] = []
        for event in newest:
            ids.extend(event.articles)
            if len(ids) >= LSH_RELOAD:
                break
        if not ids:
            return
        for article in self.store.articles(ids[:LSH_RELOAD], with_analysis=False):
            signature = self.minhash.signature(article_text(article))
            self.signatures[article.id] = signature
            self.minhash.add(article.id, signature)

    # --- views ----------------------------------------------------------------------------
    def _story_view(self, story_id: str) -> Story:
        """A titled Story (with events) for the store, from memory where possible."""
        story = self.story_states.get(story_id)
        if story is None:
            stored = self.store.get_story(story_id)
            return stored if stored is not None else Story(story_id, "", [], [])
        events: list[Event] = []
        for eid in story.events:
            state = self.events.get(eid)
            if state is not None:
                title = event_title(state.headlines, state.centroid(), state.entities, self.tfidf)
                events.append(Event(eid, title, list(state.articles)))
            else:
                stored_event = self.store.get_event(eid)
                if stored_event is not None:
                    events.append(stored_event)
        events = [e for e in events if e.articles]
        title = story_title(
            [(e.title, len(e.articles)) for e in events],
            story.centroid(),
            story.entities,
            self.tfidf,
        )
        articles = [aid for e in events for aid in e.articles]
        return Story(story_id, title, articles, events)
