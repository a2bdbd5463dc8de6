"""Rebuild all stories from scratch: the same single pass in publication order, then the
events of every story re-derived once more, replacing whatever clustering the store held."""

from __future__ import annotations

from newstrace.cluster.features import parse_day
from newstrace.cluster.incremental import NS_EVENT, NS_META, NS_STORY, IncrementalClusterer
from newstrace.cluster.similarity import ClusterParams
from newstrace.model import Story
from newstrace.settings import Settings
from newstrace.store.base import Store


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
    articles = list(store.articles())
    days = [parse_day(a.published) for a in articles]
    order = sorted(range(len(articles)), key=lambda i: (days[i] is None, days[i] or 0.0, i))
    for i in order:
        clusterer.add(articles[i])
    clusterer.rebuild_all()
    stories = clusterer.stories()
    live = {s.id for s in stories}
    for sid in old_ids:
        if sid not in live:
            clusterer.delete_story_rows(sid)
    return stories
