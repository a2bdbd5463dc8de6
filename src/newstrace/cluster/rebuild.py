"""Rebuild all stories from scratch: the same single pass in publication order, then the
events of every story re-derived once more, replacing whatever clustering the store held."""

from __future__ import annotations

from newstrace.cluster.features import parse_day
from newstrace.cluster.incremental import NS_EVENT, NS_META, NS_STORY, IncrementalClusterer
from newstrace.cluster.similarity import ClusterParams
from newstrace.model import Story
from newstrace.settings import Settings
from newstrace.store.base import Store

CHUNK = 500


def clear_cluster_state(store: Store) -> list[str]:
    """Delete the clusterer's saved state; returns the ids of the stories the store held."""
    for namespace in (NS_EVENT, NS_STORY, NS_META):
        for key in [k for k, _ in store.iter_state(namespace)]:
            store.delete_state(namespace, key)
    return [s.id for s in store.stories()]


def recluster(store: Store, settings: Settings, params: ClusterParams | None = None) -> list[Story]:
    """Cluster every stored article again (dated ones by date, the rest in ingest order)."""
    old_ids = clear_cluster_state(store)
    clusterer = IncrementalClusterer(store, settings, params)
    dated = [(a.id, parse_day(a.published)) for a in store.articles(with_analysis=False)]
    order = sorted(range(len(dated)), key=lambda i: (dated[i][1] is None, dated[i][1] or 0.0, i))
    for start in range(0, len(order), CHUNK):
        ids = [dated[i][0] for i in order[start : start + CHUNK]]
        fetched = {a.id: a for a in store.articles(ids)}  # memory: one chunk at a time
        for article_id in ids:
            clusterer.add(fetched[article_id])
    clusterer.rebuild_all()
    stories = clusterer.stories()
    live = {s.id for s in stories}
    for sid in old_ids:
        if sid not in live:
            clusterer.delete_story_rows(sid)
    return stories
