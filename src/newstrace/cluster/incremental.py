"""Single-pass clustering of an article stream into stories and events.

Each arriving article is compared only with candidate events (near-duplicates via
MinHash/LSH, events sharing its rarest words, nearest dense centroids), joins the story of
the best one or founds a story, and takes a place among that story's events. The events of
the touched story are then re-derived from its active members (Ward's linkage, bounded by the
story's size), which repairs joins that early arrival order got wrong. Only recent events stay
in memory; all state goes through the Store, so a new process continues where one stopped.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import MinHash

from newstrace.cluster.features import article_text, headline, parse_day
from newstrace.cluster.represent import Member, Representation
from newstrace.cluster.similarity import ClusterParams, day_gap, same_happening, span_with
from newstrace.cluster.state import EventState, StoryState
from newstrace.cluster.titles import event_title, story_title
from newstrace.cluster.ward import ward_labels
from newstrace.index.minhash import MinHashIndex
from newstrace.index.tfidf import SparseVector
from newstrace.index.vectors import VectorIndex
from newstrace.model import Article, Assignment, Event, Story, Vector
from newstrace.models import LEXICAL_DIM
from newstrace.settings import Settings
from newstrace.store.base import Store

NS_EVENT = "cluster.event"
NS_STORY = "cluster.story"
NS_META = "cluster.meta"
TERMS_INDEXED = 16  # centroid terms under which an event is found
TERMS_QUERIED = 12  # article terms looked up
MAX_POSTING = 300  # postings longer than this are too common to block on
EVICT_EVERY = 512
STATS_SAVE_EVERY = 4096


def _cluster_id(prefix: str, article_id: str) -> str:
    """Deterministic id of the cluster an article founded."""
    return f"{prefix}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:12]}"


def hashed_words(dense: Vector | None) -> bool:
    """Whether a vector is the no-model fallback's hashed bag of words (models.LexicalEmbedder,
    LEXICAL_DIM wide; the sentence encoders' vectors have their own widths, 384 for MiniLM).

    Such a vector still finds candidate events (its index reaches texts that share few rare
    words), but it does not add to a similarity: it repeats the word channel the clusterer
    already weighs, without idf and without the split of names from what happened that
    `same_happening` reads, and added on top it lifted briefs of other events that share a
    street name or a surname over the story threshold (bench/templated_briefs.py). The ECB+
    scores of the lexical path were always measured without it (bench/ecb_events.py feeds
    unanalysed articles)."""
    return dense is not None and dense.shape == (LEXICAL_DIM,)


def _dense(article: Article) -> Vector | None:
    if article.vector is None or not np.any(article.vector):
        return None
    vector = np.asarray(article.vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


class IncrementalClusterer:
    """Assigns each arriving article to an event and a story at once.

    `add(article) -> Assignment`; `stories()` -> titled stories with their events.
    Works with dense article vectors (MiniLM) or without them (lexical path, `vector=None`).
    """

    def __init__(
        self, store: Store, settings: Settings, params: ClusterParams | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self.params = params or ClusterParams()
        self.rep = Representation(self.params.name_weight)
        self.minhash = MinHashIndex(threshold=0.5, num_perm=64)
        self.events: dict[str, EventState] = {}
        self.story_states: dict[str, StoryState] = {}
        self.members: dict[str, Member] = {}  # active articles
        self.event_of: dict[str, str] = {}  # active article -> its event
        self.signatures: dict[str, MinHash] = {}
        self.dense_index: VectorIndex | None = None
        self.term_postings: dict[int, set[str]] = {}
        self._event_terms: dict[str, list[int]] = {}
        self._reclustered_at: dict[str, int] = {}  # story -> active size at its last rebuild
        self._pending_rebuild: set[str] = set()  # stories grown since their last rebuild
        self.seq = 0
        self.clock_day: float | None = None
        self._dirty_stories: set[str] = set()
        self._deleted_stories: set[str] = set()
        self._load()

    # --- public API -------------------------------------------------------------------
    def add(self, article: Article) -> Assignment:
        """Place one (analysed or raw) article; persists its assignment and the touched state."""
        known = self.event_of.get(article.id)
        if known is not None:
            return Assignment(article.id, known, self.events[known].story)
        self.seq += 1
        text = article_text(article)
        day = parse_day(article.published)
        if day is not None:
            self.clock_day = day if self.clock_day is None else max(self.clock_day, day)
        member = self.rep.member(article.id, text, _dense(article), day, self.seq)
        vector = self.rep.vector(member)
        signature = self.minhash.signature(text)
        known_events = len(self.events)
        event = self._place(member, vector, signature)
        founded = len(self.events) > known_events and len(self.story_states[event.story].events) > 1
        self.members[article.id] = member
        self.event_of[article.id] = event.id
        self.signatures[article.id] = signature
        self.minhash.add(article.id, signature)
        event.add_article(article.id, vector, member.dense, day, self.seq, headline(article))
        story = self.story_states[event.story]
        story.absorb_vector(vector, member.dense, day, self.seq)
        self._reindex_event(event)
        self._dirty_stories.add(story.id)
        changed = self._maybe_rebuild_story(story, founded)
        final = self.events[self.event_of[article.id]]
        assignment = Assignment(article.id, final.id, final.story)
        self.store.save_assignment(assignment)
        if final.id not in changed:
            self._persist_event(final)
        self._persist_story(self.story_states[final.story])
        if self.seq % EVICT_EVERY == 0:
            self.evict()
        if self.seq % STATS_SAVE_EVERY == 0:
            self._save_statistics()
        return assignment

    def add_many(self, articles: Iterable[Article]) -> list[Assignment]:
        return [self.add(article) for article in articles]

    def stories(self) -> list[Story]:
        """All stories with titled events (active ones from memory, dormant ones from the store)."""
        self.flush()
        return [s for s in self.store.stories() if s.articles]

    def flush(self) -> None:
        """Settle grown stories, write titles and membership of changed ones, and statistics."""
        for sid in sorted(self._pending_rebuild):
            story = self.story_states.get(sid)
            if story is not None:
                self._rebuild_story(story)
                self._persist_story(story)
        self._pending_rebuild.clear()
        stories = [self._story_view(sid) for sid in sorted(self._dirty_stories)]
        if stories:
            self.store.save_stories(stories)
        for sid in sorted(self._deleted_stories):
            self.delete_story_rows(sid)
        self._dirty_stories.clear()
        self._deleted_stories.clear()
        self._save_statistics()

    def rebuild_all(self) -> None:
        """Re-derive the events of every active story (used by `recluster`)."""
        for story in list(self.story_states.values()):
            self._rebuild_story(story)

    def evict(self) -> int:
        """Drop events (and stories) idle beyond the active window from memory; returns count."""
        params = self.params
        if not any(self._idle(e, params.active_days) for e in self.events.values()):
            return 0
        self.flush()  # settles events; membership reaches the store before memory forgets it
        stale = [e.id for e in self.events.values() if self._idle(e, params.active_days)]
        for eid in stale:
            event = self.events.pop(eid)
            self._unindex_event(event)
            for aid in event.articles:
                self.members.pop(aid, None)
                self.event_of.pop(aid, None)
                self.signatures.pop(aid, None)
                self.minhash.remove(aid)
            self.store.delete_state(NS_EVENT, eid)
        for sid in list(self.story_states):  # also stories whose last events left earlier
            story = self.story_states[sid]
            if any(e in self.events for e in story.events):
                continue
            if self._idle(story, params.story_max_gap_days):
                del self.story_states[sid]
                self._reclustered_at.pop(sid, None)
                self._pending_rebuild.discard(sid)
                self.store.delete_state(NS_STORY, sid)
        return len(stale)

    @property
    def active_events(self) -> int:
        return len(self.events)

    @property
    def active_articles(self) -> int:
        return len(self.members)

    # --- placement ----------------------------------------------------------------------
    def _idle(self, state: EventState | StoryState, days: float) -> bool:
        if self.seq - state.last_seq > self.params.active_articles:
            return True
        if self.clock_day is None or state.last_day is None:
            return False
        return self.clock_day - state.last_day > days

    def _similarity(self, vector: SparseVector, dense: Vector | None, state: Any) -> float:
        lexical = vector.dot(state.centroid())
        centroid = state.dense_centroid()
        if dense is None or centroid is None or centroid.shape != dense.shape:
            return lexical
        if hashed_words(dense):
            return lexical
        weight = self.params.dense_weight
        return (1.0 - weight) * lexical + weight * float(np.dot(dense, centroid))

    def _place(self, member: Member, vector: SparseVector, signature: MinHash) -> EventState:
        params = self.params
        duplicate = self._near_duplicate(signature, member.day, vector)
        if duplicate is not None:
            return self.events[duplicate]
        scored: list[tuple[float, str]] = []
        for eid in self._candidates(vector, member.dense):
            event = self.events[eid]
            if day_gap(member.day, event.first_day, event.last_day) > params.story_max_gap_days:
                continue
            if not self._same_happening(vector, event.centroid()):
                continue
            scored.append((self._similarity(vector, member.dense, event), eid))
        scored.sort(reverse=True)
        story = self._best_story(member, vector, scored)
        if story is None:
            story = StoryState(id=_cluster_id("s", member.id))
            self.story_states[story.id] = story
        for score, eid in scored:
            event = self.events[eid]
            if event.story != story.id or score < params.event_threshold:
                continue
            if day_gap(member.day, event.first_day, event.last_day) <= params.event_max_gap_days:
                return event
        event = EventState(id=_cluster_id("e", member.id), story=story.id)
        self.events[event.id] = event
        story.events.append(event.id)
        return event

    def _best_story(
        self, member: Member, vector: SparseVector, scored: list[tuple[float, str]]
    ) -> StoryState | None:
        """The story of the closest candidate event, when close enough; an article close to two
        stories merges them."""
        params = self.params
        close: list[tuple[float, str]] = []
        seen: set[str] = set()
        for event_score, eid in scored:
            sid = self.events[eid].story
            if sid in seen:
                continue
            seen.add(sid)
            story = self.story_states[sid]
            if not self._story_open(story, member.day):
                continue
            score = event_score  # the nearest event, not a drifting story-wide centroid
            if score < params.story_threshold:
                continue
            if len(story.events) > params.story_sprawl_events and (
                self._similarity(vector, member.dense, story) < params.story_centroid_threshold
            ):
                continue  # close to one event of a sprawling story, not to the story
            close.append((score, sid))
        if not close:
            return None
        close.sort(reverse=True)
        best = self.story_states[close[0][1]]
        for score, sid in close[1 : 1 + params.story_merges]:
            other = self.story_states[sid]
            if score >= params.story_merge_threshold and self._may_merge(best, other):
                best = self._merge_stories(best, self.story_states[sid])
        return best

    def _story_open(self, story: StoryState, day: float | None) -> bool:
        """A story takes a dated article only while active (quiet for at most
        `story_max_gap_days`) and while its span stays within `story_max_span_days`: later
        coverage of the same topic is a new story, so a long-lived topic cannot become a sink."""
        params = self.params
        if day_gap(day, story.first_day, story.last_day) > params.story_max_gap_days:
            return False
        return span_with(day, story.first_day, story.last_day) <= params.story_max_span_days

    def _may_merge(self, a: StoryState, b: StoryState) -> bool:
        """Two stories merge only when together they are still few events (a bridge between
        sprawling stories chains topics into a sink) and span at most the story window."""
        if len(a.events) + len(b.events) > self.params.story_merge_max_events:
            return False
        if a.first_day is None or b.first_day is None:
            return True
        return (
            span_with(b.first_day, a.first_day, a.last_day) <= (self.params.story_max_span_days)
            and span_with(b.last_day, a.first_day, a.last_day) <= self.params.story_max_span_days
        )

    def _merge_stories(self, a: StoryState, b: StoryState) -> StoryState:
        """One article bridges two stories: the smaller joins the larger (its events move)."""
        keep, gone = (a, b) if (a.size, b.id) >= (b.size, a.id) else (b, a)
        keep.absorb_cluster(gone)
        for eid in gone.events:
            keep.events.append(eid)
            event = self.events.get(eid)
            if event is None:
                continue
            event.story = keep.id
            self._persist_event(event)
            for aid in event.articles:
                self.store.save_assignment(Assignment(aid, eid, keep.id))
        del self.story_states[gone.id]
        self._reclustered_at.pop(gone.id, None)
        self._pending_rebuild.discard(gone.id)
        self.store.delete_state(NS_STORY, gone.id)
        self._dirty_stories.discard(gone.id)
        self._deleted_stories.add(gone.id)
        self._dirty_stories.add(keep.id)
        self._persist_story(keep)
        return keep

    def _same_happening(self, vector: SparseVector, other: SparseVector) -> bool:
        """False when the two share wording but not the names (see `same_happening`)."""
        return same_happening(self.rep.channel_cosines(vector, other), self.params)

    def _near_duplicate(
        self, signature: MinHash, day: float | None, vector: SparseVector
    ) -> str | None:
        """Event of the closest active near-copy, when it is close enough, names what the copy
        names and its story is still open to the copy's date."""
        best, best_jaccard = None, self.params.duplicate_jaccard
        for other in self.minhash.query(signature):
            other_signature = self.signatures.get(other)
            event = self.event_of.get(other)
            if other_signature is None or event is None:
                continue
            if not self._story_open(self.story_states[self.events[event].story], day):
                continue
            jaccard = MinHashIndex.jaccard(signature, other_signature)
            if jaccard >= best_jaccard and self._same_happening(
                vector, self.rep.vector(self.members[other])
            ):
                best, best_jaccard = event, jaccard
        return best

    def _candidates(self, vector: SparseVector, dense: Vector | None) -> list[str]:
        """Active events worth scoring: sharing the article's heaviest terms, or near in vector."""
        votes: Counter[str] = Counter()
        if len(vector.indices):
            k = min(TERMS_QUERIED, len(vector.indices))
            top = np.argpartition(-vector.values, k - 1)[:k]
            for term in vector.indices[top]:
                posting = self.term_postings.get(int(term))
                if posting and len(posting) <= MAX_POSTING:
                    votes.update(posting)
        ranked = [eid for eid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))]
        ranked = ranked[: self.params.candidates]
        if dense is not None and self.dense_index is not None:
            for eid, _ in self.dense_index.search(dense, self.params.candidates // 2):
                if eid not in votes:
                    ranked.append(eid)
        return ranked

    # --- events inside a story ------------------------------------------------------------
    def _maybe_rebuild_story(self, story: StoryState, founded: bool) -> set[str]:
        """Re-derive the story's events when an article founded one in a small story, or the
        story has grown by a tenth since the last time (a quarter for large stories, whose Ward
        rebuild costs the square of their size: amortised, bounded work per article)."""
        active = sum(len(self.events[e].articles) for e in story.events if e in self.events)
        if active < 2 or active > self.params.rebuild_max:
            return set()
        last = self._reclustered_at.get(story.id, 0)
        params = self.params
        grow = params.rebuild_grow if active <= params.rebuild_large else params.rebuild_grow_large
        if (not founded or active > params.rebuild_always) and active - last < max(
            1, int(active * grow)
        ):
            self._pending_rebuild.add(story.id)
            return set()
        self._pending_rebuild.discard(story.id)
        return self._rebuild_story(story)

    def _rebuild_story(self, story: StoryState) -> set[str]:
        """Ward's linkage over the story's active members; returns ids of events rewritten."""
        params = self.params
        old_events = [self.events[e] for e in dict.fromkeys(story.events) if e in self.events]
        ids = [aid for e in old_events for aid in e.articles if aid in self.members]
        self._reclustered_at[story.id] = len(ids)
        if len(ids) < 2:
            return set()
        members = [self.members[aid] for aid in ids]
        vectors = [self.rep.vector(m) for m in members]
        labels = ward_labels(
            vectors,
            params.ward_threshold,
            dense=[m.dense for m in members],
            dense_weight=0.0
            if any(hashed_words(m.dense) for m in members)
            else params.dense_weight,
            days=[m.day for m in members],
            max_gap_days=params.event_max_gap_days,
            reference_size=params.ward_reference_size,
        )
        groups: dict[int, list[int]] = {}
        for position, label in enumerate(labels):
            groups.setdefault(label, []).append(position)
        old_of = {aid: self.event_of[aid] for aid in ids}
        if len(groups) == len(old_events) and all(
            len({old_of[ids[p]] for p in group}) == 1 for group in groups.values()
        ):
            return set()  # same partition: nothing moves
        # keep event ids where a new group overlaps an old event most (largest groups first)
        taken: set[str] = set()
        new_ids: dict[int, str] = {}
        for label, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            overlap = Counter(old_of[ids[p]] for p in group)
            choice = next((eid for eid, _ in overlap.most_common() if eid not in taken), None)
            if choice is None:
                for p in sorted(group, key=lambda p: ids[p]):
                    choice = _cluster_id("e", ids[p])
                    if choice not in taken and choice not in self.events:
                        break
                else:
                    choice = _cluster_id("e", f"{ids[group[0]]}#{self.seq}")
            taken.add(choice)
            new_ids[label] = choice
        for event in old_events:
            self._unindex_event(event)
            del self.events[event.id]
        story.events = [e for e in story.events if e not in {ev.id for ev in old_events}]
        rewritten: set[str] = set()
        for label, group in sorted(groups.items()):
            event = EventState(id=new_ids[label], story=story.id)
            chosen = [members[p] for p in group]
            event.set_members(
                [m.id for m in chosen],
                [vectors[p] for p in group],
                [m.dense for m in chosen],
                [m.day for m in chosen],
                [m.seq for m in chosen],
            )
            for member in chosen:
                if old_of[member.id] != event.id:
                    self.store.save_assignment(Assignment(member.id, event.id, story.id))
                self.event_of[member.id] = event.id
            event.headlines = self._headlines_of(event, old_events)
            self.events[event.id] = event
            if event.id not in story.events:  # an evicted event's id may come back
                story.events.append(event.id)
            self._reindex_event(event)
            self._persist_event(event)
            rewritten.add(event.id)
        for event in old_events:
            if event.id not in rewritten:
                self.store.delete_state(NS_EVENT, event.id)
        self._dirty_stories.add(story.id)
        return rewritten

    @staticmethod
    def _headlines_of(event: EventState, old_events: list[EventState]) -> list[str]:
        """Headlines of the old events this event took members from."""
        mine = set(event.articles)
        out: list[str] = []
        for old in old_events:
            if mine.intersection(old.articles):
                out.extend(h for h in old.headlines if h not in out)
        return out[:8]

    # --- indexes --------------------------------------------------------------------------
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
            self._drop_posting(term, event.id)
        for term in terms:
            self.term_postings.setdefault(term, set()).add(event.id)
        self._event_terms[event.id] = terms
        dense = event.dense_centroid()
        if dense is not None:
            if self.dense_index is None:
                self.dense_index = VectorIndex(len(dense))
            if self.dense_index.dim == len(dense):
                self.dense_index.upsert(event.id, dense)

    def _drop_posting(self, term: int, event_id: str) -> None:
        posting = self.term_postings.get(term)
        if posting is not None:
            posting.discard(event_id)
            if not posting:
                del self.term_postings[term]

    def _unindex_event(self, event: EventState) -> None:
        for term in self._event_terms.pop(event.id, []):
            self._drop_posting(term, event.id)
        if self.dense_index is not None:
            self.dense_index.remove(event.id)

    # --- persistence ----------------------------------------------------------------------
    def _persist_event(self, event: EventState) -> None:
        self.store.put_state(NS_EVENT, event.id, event.to_bytes())

    def _persist_story(self, story: StoryState) -> None:
        self.store.put_state(NS_STORY, story.id, story.to_bytes())

    def _save_statistics(self) -> None:
        words, names = self.rep.to_bytes()
        self.store.put_state(NS_META, "words", words)
        self.store.put_state(NS_META, "names", names)
        self.store.put_state(NS_META, "seq", str(self.seq).encode("ascii"))

    def delete_story_rows(self, story_id: str) -> None:
        delete = getattr(self.store, "delete_story", None)
        if callable(delete):
            delete(story_id)
        else:
            self.store.save_stories([Story(story_id, "", [], [])])

    def _load(self) -> None:
        """Continue from the state a previous process left in the store."""
        words = self.store.get_state(NS_META, "words")
        names = self.store.get_state(NS_META, "names")
        counted_up_to = 0  # articles up to this arrival are in the saved frequencies
        if words is not None and names is not None:
            self.rep.load(words, names)
            counted_up_to = int((self.store.get_state(NS_META, "seq") or b"0").decode("ascii"))
        for _, data in self.store.iter_state(NS_STORY):
            story = StoryState.from_bytes(data)
            self.story_states[story.id] = story
        for _, data in self.store.iter_state(NS_EVENT):
            event = EventState.from_bytes(data)
            if event.story in self.story_states:
                self.events[event.id] = event
                self._reindex_event(event)
        states: list[EventState | StoryState] = [*self.events.values(), *self.story_states.values()]
        self.seq = max((s.last_seq for s in states), default=0)
        days = [s.last_day for s in states if s.last_day is not None]
        self.clock_day = max(days) if days else None
        seq_of = {aid: e.seqs[i] for e in self.events.values() for i, aid in enumerate(e.articles)}
        event_of = {aid: e.id for e in self.events.values() for aid in e.articles}
        for article in self.store.articles(list(event_of)):
            text = article_text(article)
            member = self.rep.member(
                article.id,
                text,
                _dense(article),
                parse_day(article.published),
                seq_of[article.id],
                count=seq_of[article.id] > counted_up_to,
            )
            self.members[article.id] = member
            self.event_of[article.id] = event_of[article.id]
            signature = self.minhash.signature(text)
            self.signatures[article.id] = signature
            self.minhash.add(article.id, signature)
        self._dirty_stories.update(self.story_states)  # membership may not have been written
        for story in self.story_states.values():
            self._reclustered_at[story.id] = sum(
                len(self.events[e].articles) for e in story.events if e in self.events
            )

    # --- views ----------------------------------------------------------------------------
    def _story_view(self, story_id: str) -> Story:
        """A titled Story (with events) for the store, from memory where possible."""
        story = self.story_states.get(story_id)
        if story is None:
            stored = self.store.get_story(story_id)
            return stored if stored is not None else Story(story_id, "", [], [])
        events: list[Event] = []
        titler = self.rep.words
        for eid in story.events:
            state = self.events.get(eid)
            if state is not None:
                words_only = SparseVector(
                    state.tfidf_sum.indices[state.tfidf_sum.indices < self.rep.n_features],
                    state.tfidf_sum.values[state.tfidf_sum.indices < self.rep.n_features],
                ).normalized()
                title = event_title(state.headlines, words_only, state.entities, titler)
                events.append(Event(eid, title, list(state.articles)))
            else:
                stored_event = self.store.get_event(eid)
                if stored_event is not None:
                    events.append(stored_event)
        events = [e for e in events if e.articles]
        words_story = SparseVector(
            story.tfidf_sum.indices[story.tfidf_sum.indices < self.rep.n_features],
            story.tfidf_sum.values[story.tfidf_sum.indices < self.rep.n_features],
        ).normalized()
        title = story_title(
            [(e.title, len(e.articles)) for e in events], words_story, story.entities, titler
        )
        articles = [aid for e in events for aid in e.articles]
        return Story(story_id, title, articles, events)
