"""Any two articles of a story side by side, aligned and checked sentence by sentence.

Unlike the diff of a derivation, nothing here was decided by the story analysis: the reader
chose the pair, and the alignment and the checker's verdicts are computed on request through
`newstrace.provenance.pairwise.compare_articles`, the one entry point into align/provenance.
"""

from __future__ import annotations

import re
from collections import Counter

from newstrace.model import Derivation, SentencePair, Story, StoryProvenance
from newstrace.provenance.pairwise import PairComparison, compare_articles
from newstrace.report.views.diff import build_diff_view, diff_rows
from newstrace.report.views.loading import StoryData, load_story, roles_of
from newstrace.report.views.text import label_of, outlet_of, sentences_of
from newstrace.report.views.types import ArticleRow, DiffView, ViewNotFound
from newstrace.settings import Settings
from newstrace.store.base import Store


def compare_view(
    store: Store, story_id: str, a_id: str, b_id: str, settings: Settings | None = None
) -> DiffView:
    """Article `b_id` beside article `a_id` of one story: aligned rows and per-sentence verdicts."""
    data = load_story(store, story_id, focus=lambda _: (a_id, b_id))
    return build_compare_view(data, a_id, b_id, settings)


def pair_view(store: Store, a_id: str, b_id: str, settings: Settings | None = None) -> DiffView:
    """Two stored articles compared, inside their story when they share one (so the stored
    link, if any, is shown beside the comparison), else on their own."""
    stories = store.stories_of([a_id, b_id])
    for aid in (a_id, b_id):
        if not store.has_article(aid):
            raise ViewNotFound(f"no article with id {aid!r}")
    if a_id in stories and stories[a_id][0] == stories.get(b_id, ("",))[0]:
        return compare_view(store, stories[a_id][0], a_id, b_id, settings)
    articles = {a.id: a for a in store.articles([a_id, b_id])}
    lone = Story(id="(none)", title="two articles of different stories", articles=[a_id, b_id])
    data = StoryData(lone, articles, StoryProvenance(story=lone.id))
    return build_compare_view(data, a_id, b_id, settings)


def diff_or_compare_view(
    store: Store, story_id: str, source_id: str, derived_id: str, settings: Settings | None = None
) -> DiffView:
    """The diff of a derivation when the story has one for this pair, else the compare view."""
    data = load_story(store, story_id, focus=lambda _: (source_id, derived_id))
    if any(d.source == source_id and d.derived == derived_id for d in data.provenance.derivations):
        return build_diff_view(data, source_id, derived_id)
    return build_compare_view(data, source_id, derived_id, settings)


def build_compare_view(
    data: StoryData, a_id: str, b_id: str, settings: Settings | None = None
) -> DiffView:
    """The compare view of two articles of a loaded story."""
    a, b = data.articles.get(a_id), data.articles.get(b_id)
    if a is None or b is None:
        missing = a_id if a is None else b_id
        raise ViewNotFound(f"article {missing!r} is not part of story {data.story.id!r}")
    if a_id == b_id:
        raise ViewNotFound("choose two different articles to compare")
    result = compare_articles(a, b, settings)
    link = Derivation(source=a_id, derived=b_id, score=result.score, kind=result.kind)
    from_checker = _checker_pairs(result)
    link.pairs = result.pairs + from_checker
    rows = diff_rows(sentences_of(a), sentences_of(b), link, [])
    by_sentence = {v.sentence: v for v in result.verdicts}
    checker_rows = {p.derived_sentence for p in from_checker}
    for row in rows:
        verdict = (
            by_sentence.get(row.derived_sentence) if row.derived_sentence is not None else None
        )
        if verdict is not None:
            row.verdict = verdict.label
            row.verdict_reason = _against_one_article(verdict.reason)
            row.verdict_score = verdict.score
        if row.derived_sentence in checker_rows:
            row.similarity = None  # placed by the checker's evidence, not by the alignment
    roles = roles_of(data.articles, data.provenance.derivations)

    def row_of(x_id: str) -> ArticleRow:
        x = data.articles[x_id]
        return ArticleRow(
            id=x.id,
            title=label_of(x),
            outlet=outlet_of(x),
            published=x.published,
            url=x.url,
            source=x.source,
            role=roles[x.id],
        )

    stored = next(
        (d for d in data.provenance.derivations if {d.source, d.derived} == {a_id, b_id}),
        None,
    )
    return DiffView(
        story=data.story.id,
        source=row_of(a_id),
        derived=row_of(b_id),
        kind=result.kind,
        score=round(result.score, 3),
        direction_evidence=stored.direction_evidence if stored else "",
        rows=rows,
        counts=dict(Counter(r.relation for r in rows)),
        strength=stored.strength if stored else "none",
        direction=stored.direction if stored else "undetermined",
        mode="compare",
        above_bar=result.above_bar,
        threshold=result.threshold,
        verdicts=dict(Counter(v.label for v in result.verdicts)),
        stored_source=stored.source if stored else None,
        stored_derived=stored.derived if stored else None,
    )


def _checker_pairs(result: PairComparison) -> list[SentencePair]:
    """A sentence the alignment left unpaired, but which the checker finds supported (or
    altered) by a sentence of the other article, is shown beside that sentence: a row that said
    "added: not in this source" next to a "supported" verdict would contradict itself."""
    paired = {p.derived_sentence for p in result.pairs}
    return [
        SentencePair(
            source=result.a,
            source_sentence=v.evidence_index,
            derived=result.b,
            derived_sentence=v.sentence,
            similarity=0.0,
            relation="altered" if v.label == "altered" else "reworded",
        )
        for v in result.verdicts
        if v.label != "unsupported" and v.evidence_index >= 0 and v.sentence not in paired
    ]


# the checker speaks of "sources"; in a comparison there is one other article, which is not
# claimed to be a source of this one
_ANY_SOURCE = re.compile(r"\bin any source\b")
_NO_SOURCE_SENTENCE = re.compile(r"\bno source sentence\b")
_CLOSEST_SOURCES = re.compile(r"\bthe closest sources\b")


def _against_one_article(reason: str) -> str:
    reason = _ANY_SOURCE.sub("in the other article", reason)
    reason = _NO_SOURCE_SENTENCE.sub("no sentence of the other article", reason)
    return _CLOSEST_SOURCES.sub("the other article", reason)
