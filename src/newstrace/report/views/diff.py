"""A derived article beside its source, sentence by sentence, with the words that changed."""

from __future__ import annotations

from collections import defaultdict

from newstrace.model import Article, Derivation, Flag, Sentence
from newstrace.report.views.flags import flag_on
from newstrace.report.views.loading import StoryData, load_story, roles_of
from newstrace.report.views.text import label_of, outlet_of, sentences_of, word_diff
from newstrace.report.views.types import (
    ArticleRow,
    DiffRow,
    DiffView,
    RowRelation,
    Segment,
    ViewNotFound,
)
from newstrace.store.base import Store


def article_diff_view(store: Store, story_id: str, source_id: str, derived_id: str) -> DiffView:
    """The derived article beside its source: aligned, reworded, altered and added sentences."""
    data = load_story(store, story_id, focus=lambda _: (source_id, derived_id))
    return build_diff_view(data, source_id, derived_id)


def build_diff_view(data: StoryData, source_id: str, derived_id: str) -> DiffView:
    """The diff of one derivation of a loaded story; ViewNotFound when there is none."""
    story_id = data.story.id
    source, derived = data.articles.get(source_id), data.articles.get(derived_id)
    if source is None or derived is None:
        missing = source_id if source is None else derived_id
        raise ViewNotFound(f"article {missing!r} is not part of story {story_id!r}")
    derivation = next(
        (
            d
            for d in data.provenance.derivations
            if d.source == source_id and d.derived == derived_id
        ),
        None,
    )
    if derivation is None:
        raise ViewNotFound(f"no derivation {source_id!r} -> {derived_id!r} in story {story_id!r}")
    roles = roles_of(data.articles, data.provenance.derivations)
    flags = [f for f in data.provenance.flags if f.article == derived_id]
    rows = diff_rows(sentences_of(source), sentences_of(derived), derivation, flags)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.relation] += 1

    def row_of(a: Article) -> ArticleRow:
        return ArticleRow(
            id=a.id,
            title=label_of(a),
            outlet=outlet_of(a),
            published=a.published,
            url=a.url,
            source=a.source,
            role=roles[a.id],
        )

    return DiffView(
        story=story_id,
        source=row_of(source),
        derived=row_of(derived),
        kind=derivation.kind,
        score=round(derivation.score, 3),
        direction_evidence=derivation.direction_evidence,
        rows=rows,
        counts=dict(counts),
        strength=derivation.strength,
        direction=derivation.direction,
    )


def diff_rows(
    source: list[Sentence], derived: list[Sentence], derivation: Derivation, flags: list[Flag]
) -> list[DiffRow]:
    """Derived sentences in order, each beside its best source sentence; unused source
    sentences as `omitted` rows where they stood."""
    src_text = {s.index: s.text for s in source}
    pairs_by_derived = defaultdict(list)
    for p in derivation.pairs:
        if p.source_sentence in src_text:
            pairs_by_derived[p.derived_sentence].append(p)
    used_source = {p.source_sentence for ps in pairs_by_derived.values() for p in ps}
    omitted = sorted(i for i in src_text if i not in used_source)

    rows: list[DiffRow] = []
    last_source = -1

    def flush_omitted(upto: int) -> None:
        while omitted and omitted[0] < upto:
            i = omitted.pop(0)
            rows.append(DiffRow("omitted", None, [], i, [Segment(src_text[i], "same")]))

    for sent in derived:
        flag = flag_on(flags, sent.index, sent.text)
        pairs = sorted(pairs_by_derived.get(sent.index, []), key=lambda p: -p.similarity)
        if not pairs:
            relation: RowRelation = (
                "invented" if flag is not None and flag.kind == "unsupported" else "added"
            )
            rows.append(
                DiffRow(
                    relation,
                    sent.index,
                    [Segment(sent.text, "changed")],
                    None,
                    [],
                    flag_kind=flag.kind if flag else None,
                    flag_reason=flag.reason if flag else None,
                )
            )
            continue
        best = pairs[0]
        if best.source_sentence > last_source:
            flush_omitted(best.source_sentence)
            last_source = best.source_sentence
        source_text = " ".join(src_text[p.source_sentence] for p in pairs)
        relation = best.relation
        if relation == "shared" and flag is not None and flag.kind == "altered":
            relation = "altered"
        if relation == "shared" and " ".join(source_text.split()) == " ".join(sent.text.split()):
            src_segs, der_segs = [Segment(source_text, "same")], [Segment(sent.text, "same")]
        else:
            src_segs, der_segs = word_diff(source_text, sent.text)
        rows.append(
            DiffRow(
                relation,
                sent.index,
                der_segs,
                best.source_sentence,
                src_segs,
                similarity=round(best.similarity, 3),
                flag_kind=flag.kind if flag else None,
                flag_reason=flag.reason if flag else None,
            )
        )
    flush_omitted(len(source) + 10**9)
    return rows
