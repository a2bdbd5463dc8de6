"""One read of a story from the store, and what every view derives from it first."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from newstrace.model import Article, Derivation, Story, StoryProvenance
from newstrace.report.views.flags import unique_flags
from newstrace.report.views.types import NodeRole, StorySummary, ViewNotFound
from newstrace.store.base import Store


@dataclass
class StoryData:
    story: Story
    articles: dict[str, Article]
    provenance: StoryProvenance


def load_story(
    store: Store,
    story_id: str,
    with_analysis: bool = True,
    focus: Callable[[StoryProvenance], Iterable[str]] | None = None,
    layers: Callable[[StoryProvenance], Collection[str]] | None = None,
) -> StoryData:
    """The story, its articles and its provenance; ViewNotFound for an unknown id.

    With `focus`, only the articles it names (given the provenance) are read with all their
    analysis layers, the others as text and metadata, or with just the layers `layers` names
    (given the provenance): a page about one or two articles of a big story does not decode
    the sentences, quotes and vectors of a thousand, nor a page of quotes and figures every
    sentence."""
    story = store.get_story(story_id)
    if story is None:
        raise ViewNotFound(f"no story with id {story_id!r}")
    provenance = store.get_provenance(story_id) or StoryProvenance(story=story_id)
    if focus is None:
        articles = {a.id: a for a in store.articles(story.articles, with_analysis=with_analysis)}
    else:
        articles = {
            a.id: a
            for a in store.articles(
                story.articles,
                with_analysis=layers is not None,
                layers=None if layers is None else layers(provenance),
            )
        }
        wanted = [aid for aid in dict.fromkeys(focus(provenance)) if aid in articles]
        articles.update((a.id, a) for a in store.articles(wanted, with_analysis=True))
    return StoryData(story, articles, provenance)


def roles_of(article_ids: Iterable[str], derivations: list[Derivation]) -> dict[str, NodeRole]:
    """Each article's place in the provenance graph. Only sure links make a source or a derived
    article; one touched only by a possible link is "possible", never "independent"."""
    sure = [d for d in derivations if d.strength == "derived"]
    is_source = {d.source for d in sure}
    is_derived = {d.derived for d in sure}
    maybe = {x for d in derivations if d.strength != "derived" for x in (d.source, d.derived)}
    roles: dict[str, NodeRole] = {}
    for aid in article_ids:
        if aid in is_source and aid in is_derived:
            roles[aid] = "relay"
        elif aid in is_derived:
            roles[aid] = "derived"
        elif aid in is_source:
            roles[aid] = "source"
        elif aid in maybe:
            roles[aid] = "possible"
        else:
            roles[aid] = "independent"
    return roles


def summarize(data: StoryData) -> StorySummary:
    """The story-list line of a loaded story."""
    dates = sorted(a.published for a in data.articles.values() if a.published)
    outlets = {a.outlet for a in data.articles.values() if a.outlet}
    return StorySummary(
        id=data.story.id,
        title=data.story.title,
        article_count=len(data.articles),
        outlet_count=len(outlets),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        flag_count=len(unique_flags(data.provenance.flags)),
        derivation_count=sum(d.strength == "derived" for d in data.provenance.derivations),
    )
