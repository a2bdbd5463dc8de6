"""Parameters of the clusterer and the time arithmetic it shares.

Defaults were tuned on ECB+ topics 1-35 (bench/ecb_events.py), never on the test topics.
"""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.cluster.represent import Channels


@dataclass
class ClusterParams:
    """Weights and thresholds of the clusterer."""

    name_weight: float = 0.5  # share of proper names and numbers in the lexical vector
    dense_weight: float = 0.3  # share of the dense (MiniLM) cosine when both sides have one
    story_threshold: float = 0.20  # join the story of an event at least this similar
    story_centroid_threshold: float = 0.25  # ... and, in a story of many events, this similar
    story_sprawl_events: int = 8  # to the story as a whole (a sprawling story is no sink)
    story_merge_threshold: float = 0.30  # an article this close to two stories merges them
    story_merges: int = 2  # at most this many stories merged per article
    story_merge_max_events: int = 8  # ... and only while together this few events
    # the two ratios of `same_happening` (neutral on ECB+ train; bench/templated_briefs.py):
    template_name_ratio: float = 0.7  # names agreeing less than this share of the words: not
    # one happening but another instance of its kind (templated briefs, results, reports)
    coincidence_action_ratio: float = 0.1  # what happened agreeing less than this share of
    # the names: names met by coincidence (a street, a surname, a small number)
    event_threshold: float = 0.35  # provisional join of an event (Ward re-derives events)
    ward_threshold: float = 1.9  # Ward distance at which a story's events stop merging
    ward_reference_size: float = 40.0  # events larger than this get a wider Ward threshold
    duplicate_jaccard: float = 0.6  # a near-copy joins its original's event outright
    event_max_gap_days: float = 2.0  # reports further apart are separate developments
    story_max_gap_days: float = 21.0  # a story goes dormant after this many quiet days
    story_max_span_days: float = 60.0  # a story is a topic developing over weeks, not a sink
    candidates: int = 24  # events scored per article
    rebuild_always: int = 20  # a new event in a story this small rebuilds the story at once
    rebuild_grow: float = 0.1  # ... or when it has grown by this share since the last rebuild
    rebuild_large: int = 60  # stories above this many active articles
    rebuild_grow_large: float = 0.25  # ... wait for this share of growth
    rebuild_max: int = 400  # larger stories keep incremental joins only
    active_days: float = 30.0  # events idle longer than this leave memory
    active_articles: int = 30_000  # ... as do events idle for this many arrivals (undated)


def same_happening(channels: Channels | None, params: ClusterParams) -> bool:
    """Whether two texts may report one happening. Reports of one event name its people,
    places and figures at least about as much as they share its wording, and share some words
    of what happened: texts sharing the wording but not the names are two instances of one kind
    of event (a flood in one town and in another, briefs written from one template); texts
    sharing a few names but nothing of what happened met by coincidence."""
    if channels is None:
        return True
    if channels.names < params.template_name_ratio * channels.words:
        return False
    if channels.action is None:
        return True
    return channels.action >= params.coincidence_action_ratio * channels.names


def span_with(day: float | None, first: float | None, last: float | None) -> float:
    """Days a span would cover once a date joins it; 0 when either is unknown."""
    if day is None or first is None or last is None:
        return 0.0
    return max(last, day) - min(first, day)


def day_gap(day: float | None, first: float | None, last: float | None) -> float:
    """Days between a date and a span; 0 when either is unknown or the date is inside."""
    if day is None or first is None or last is None:
        return 0.0
    if day < first:
        return first - day
    if day > last:
        return day - last
    return 0.0
