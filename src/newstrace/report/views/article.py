"""One article read in its story, sentence by sentence."""

from __future__ import annotations

from collections import defaultdict

from newstrace.model import StoryProvenance
from newstrace.report.views.diff import diff_rows
from newstrace.report.views.flags import unique_flags
from newstrace.report.views.loading import load_story, roles_of
from newstrace.report.views.story import derivation_summaries
from newstrace.report.views.text import label_of, outlet_of, sentences_of
from newstrace.report.views.types import (
    ArticleRow,
    ArticleView,
    RowRelation,
    SentenceNote,
    SentenceView,
    ViewNotFound,
)
from newstrace.store.base import Store


def article_view(store: Store, story_id: str, article_id: str) -> ArticleView:
    """An article sentence by sentence: copied, reworded, altered or new, and what was flagged."""

    def focus(prov: StoryProvenance) -> list[str]:  # the article and its sources
        return [article_id, *(d.source for d in prov.derivations if d.derived == article_id)]

    data = load_story(store, story_id, focus=focus)
    article = data.articles.get(article_id)
    if article is None:
        raise ViewNotFound(f"article {article_id!r} is not part of story {story_id!r}")
    prov = data.provenance
    flags_per_article: dict[str, int] = defaultdict(int)
    flags = unique_flags(prov.flags)
    for f in flags:
        flags_per_article[f.article] += 1
    summaries = derivation_summaries(data, flags_per_article)
    sources = [d for d in summaries if d.derived == article_id]
    copies = [d for d in summaries if d.source == article_id]
    roles = roles_of(data.articles, prov.derivations)

    relation: dict[int, RowRelation] = {}
    # summaries are most certain first; a possible link is no ground to colour the sentences
    compared_with = next((d.source for d in sources if d.strength == "derived"), None)
    own_flags = [f for f in flags if f.article == article_id]
    if compared_with is not None:
        derivation = next(
            d for d in prov.derivations if d.source == compared_with and d.derived == article_id
        )
        rows = diff_rows(
            sentences_of(data.articles[compared_with]), sentences_of(article), derivation, own_flags
        )
        relation = {r.derived_sentence: r.relation for r in rows if r.derived_sentence is not None}
    quoted = {q.sentence for q in article.quotes}
    paragraphs: dict[int, list[SentenceView]] = {}
    counts: dict[str, int] = defaultdict(int)
    for sent in sentences_of(article):
        notes = [
            SentenceNote(f.kind, f.reason)
            for f in own_flags
            if f.sentence == sent.index
            or (f.sentence < 0 and " ".join(sent.text.split()) in " ".join(f.text.split()))
        ]
        view = SentenceView(
            sent.index, sent.text, relation.get(sent.index), notes, sent.index in quoted
        )
        if view.relation:
            counts[view.relation] += 1
        paragraphs.setdefault(sent.paragraph, []).append(view)
    return ArticleView(
        story=story_id,
        story_title=data.story.title,
        article=ArticleRow(
            id=article.id,
            title=label_of(article),
            outlet=outlet_of(article),
            published=article.published,
            url=article.url,
            source=article.source,
            role=roles[article.id],
            derived_from=[d.source for d in sources],
            flag_count=len(own_flags),
            analyzed_with=article.analyzed_with,
        ),
        author=article.author,
        cited_sources=list(article.cited_sources),
        compared_with=compared_with,
        sources=sources,
        copies=copies,
        paragraphs=[paragraphs[k] for k in sorted(paragraphs)],
        counts=dict(counts),
    )
