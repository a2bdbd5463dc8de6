"""The story page: timeline, graph, derivations, flags, quotes, figures, entities, claims."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from newstrace.model import Article, Claim, Derivation, Entity, Flag, StoryProvenance
from newstrace.report.views.diff import build_diff_view
from newstrace.report.views.flags import (
    flag_on,
    flag_view,
    group_flags,
    link_flags_to_diffs,
    page_of_groups,
    unique_flags,
    unsupported_by_article,
)
from newstrace.report.views.loading import StoryData, load_story, roles_of, summarize
from newstrace.report.views.text import (
    WORDS,
    day_of,
    format_figure,
    label_of,
    outlet_of,
    publication_order,
    sentences_of,
)
from newstrace.report.views.types import (
    ArticleRow,
    CellState,
    ClaimMatrix,
    DerivationSummary,
    DiffView,
    EntityView,
    FigureGroup,
    FigureView,
    GraphEdge,
    GraphNode,
    GraphView,
    MatrixCell,
    MatrixColumn,
    MatrixRow,
    NodeRole,
    QuoteView,
    SpeakerQuotes,
    StorySummary,
    StoryView,
    TimelineDay,
    TimelineEntry,
)
from newstrace.store.base import Store


def story_list_view(store: Store, limit: int | None = None, offset: int = 0) -> list[StorySummary]:
    """One summary per story, most recently active first; a page of them with `limit`."""
    return [
        StorySummary(
            id=s.id,
            title=s.title,
            article_count=s.articles,
            outlet_count=s.outlets,
            first_seen=s.first_seen,
            last_seen=s.last_seen,
            flag_count=s.flags,
            derivation_count=s.derivations,
        )
        for s in store.story_stats(limit, offset)
    ]


def story_view(
    store: Store, story_id: str, flags_page: int | None = None, claims_page: int | None = None
) -> StoryView:
    """Everything the story page shows, read once from the store; with `flags_page`, one page
    of FLAGS_PAGE flags; with `claims_page`, one page of the claim matrix (the story page shows
    only its count; the claims page shows the rest)."""
    if claims_page is None:
        data = load_story(store, story_id)
    else:  # every article's quotes, figures and names; sentences only for the claims shown
        data = load_story(
            store, story_id, focus=claim_page_articles(claims_page), layers=story_page_layers
        )
    view = build_story_view(data, claims_page)
    if flags_page is not None:
        view.flags_total = len(view.flags)
        view.flags_page = flags_page
        view.flag_groups = page_of_groups(view.flag_groups, flags_page, FLAGS_PAGE)
    return view


FLAGS_PAGE = 50  # flags per page of a story's flag list
# how much of each long list a story page shows; the rest is in the CSV exports
PAGE_LIMITS = {"quotes": 40, "figures": 40, "entities": 100}
QUOTES_PER_SPEAKER = 6
FIGURES_PER_GROUP = 8


def trim_for_page(view: StoryView) -> StoryView:
    """A big story's page made readable: the most-reported speakers, figure groups and
    entities first, each list cut to its limit; `view.trimmed` says what was left out."""
    for name, limit in PAGE_LIMITS.items():
        items = getattr(view, name)
        if len(items) > limit:
            view.trimmed[name] = len(items)
            setattr(view, name, items[:limit])
    for group in view.quotes:
        group.quotes = group.quotes[:QUOTES_PER_SPEAKER]
    for figures in view.figures:
        figures.figures = figures.figures[:FIGURES_PER_GROUP]
    return view


def story_with_diffs(store: Store, story_id: str) -> tuple[StoryView, list[DiffView]]:
    """The story view and the diff of each of its derivations (one read of the store)."""
    data = load_story(store, story_id)
    view = build_story_view(data)
    return view, [build_diff_view(data, d.source, d.derived) for d in view.derivations]


def build_story_view(data: StoryData, claims_page: int | None = None) -> StoryView:
    """The story page of a loaded story (the whole claim matrix, or one page of it)."""
    ordered = sorted(data.articles.values(), key=publication_order)
    prov = data.provenance
    roles = roles_of(data.articles, prov.derivations)
    flags_per_article: dict[str, int] = defaultdict(int)
    for flag in unique_flags(prov.flags):
        flags_per_article[flag.article] += 1
    derived_from: dict[str, list[str]] = defaultdict(list)
    for d in prov.derivations:
        if d.strength == "derived":
            derived_from[d.derived].append(d.source)

    flags = [flag_view(f, data.articles) for f in unique_flags(prov.flags)]
    link_flags_to_diffs(flags, prov.derivations)
    rows = [
        ArticleRow(
            id=a.id,
            title=label_of(a),
            outlet=outlet_of(a),
            published=a.published,
            url=a.url,
            source=a.source,
            role=roles[a.id],
            derived_from=derived_from.get(a.id, []),
            flag_count=flags_per_article.get(a.id, 0),
            analyzed_with=a.analyzed_with,
        )
        for a in ordered
    ]
    return StoryView(
        story=summarize(data),
        articles=rows,
        timeline=_timeline(data, ordered, roles),
        graph=_graph(ordered, prov.derivations, roles, flags_per_article),
        derivations=derivation_summaries(data, flags_per_article),
        flags=flags,
        flag_groups=group_flags(flags, ordered),
        quotes=_quotes(ordered, prov.flags, prov.entities),
        figures=_figures(ordered, prov.flags),
        entities=_entities(prov.entities, ordered),
        claims=build_claim_matrix(prov.claims, ordered, claims_page),
        events=[{"id": e.id, "title": e.title, "articles": e.articles} for e in data.story.events],
        notices=story_notices(data),
    )


def story_notices(data: StoryData) -> list[str]:
    """What a reader must know before trusting the page: what the evidence is thin on."""
    notices = []
    undated = sum(1 for a in data.articles.values() if not a.published)
    if undated:
        which = (
            "No article here carries a"
            if undated == len(data.articles)
            else f"{undated} of these {len(data.articles)} articles "
            + ("carries" if undated == 1 else "carry")
            + " no"
        )
        notices.append(
            f"{which} publication date: who was written from whom (the direction of each "
            "link) and how the story splits into events rest on the text alone for them."
        )
    if not any(a.outlet for a in data.articles.values()):
        notices.append(
            "No article names its outlet: each is shown by its id (its file name). To name "
            "them, start each file with a front-matter block, or ingest with --meta FILE."
        )
    return notices


def _timeline(
    data: StoryData, ordered: list[Article], roles: dict[str, NodeRole]
) -> list[TimelineDay]:
    event_of: dict[str, tuple[str, str]] = {}
    for event in data.story.events:
        for aid in event.articles:
            event_of.setdefault(aid, (event.id, event.title))
    days: dict[str, TimelineDay] = {}
    seen_events: set[str] = set()
    for a in ordered:
        day = days.setdefault(day_of(a.published), TimelineDay(date=day_of(a.published)))
        event_ref = event_of.get(a.id)
        day.entries.append(
            TimelineEntry(
                article=a.id,
                title=label_of(a),
                outlet=outlet_of(a),
                published=a.published,
                event=event_ref[0] if event_ref else None,
                event_title=event_ref[1] if event_ref else None,
                role=roles[a.id],
            )
        )
        if event_ref and event_ref[0] not in seen_events:
            seen_events.add(event_ref[0])
            day.new_events.append(event_ref[1])
    return list(days.values())


def _graph(
    ordered: list[Article],
    derivations: list[Derivation],
    roles: dict[str, NodeRole],
    flags_per_article: dict[str, int],
) -> GraphView:
    # copies of one wire story (derivations sharing a group) are drawn as one node
    group_of: dict[str, str] = {}
    for d in derivations:
        if d.group and d.strength == "derived":
            group_of.setdefault(d.derived, d.group)
    members: dict[str, list[str]] = defaultdict(list)
    for a in ordered:
        if a.id in group_of:
            members[group_of[a.id]].append(a.id)
    node_of = {aid: (f"group:{g}" if len(members[g]) > 1 else aid) for aid, g in group_of.items()}
    nodes: list[GraphNode] = []
    drawn: set[str] = set()
    for a in ordered:
        node_id = node_of.get(a.id, a.id)
        if node_id in drawn:
            continue
        drawn.add(node_id)
        group = members[group_of[a.id]] if node_id != a.id else []
        nodes.append(
            GraphNode(
                id=node_id,
                label=f"{len(group)} copies of one story" if group else a.outlet or a.id,
                outlet=", ".join(outlet_of(by) for by in _articles(ordered, group))
                if group
                else outlet_of(a),
                published=a.published,
                role=roles[a.id],
                flag_count=sum(flags_per_article.get(m, 0) for m in group or [a.id]),
                members=group,
            )
        )
    known = {a.id for a in ordered}
    edges: dict[tuple[str, str], GraphEdge] = {}
    for d in sorted(derivations, key=lambda d: -d.score):
        if d.source not in known or d.derived not in known:
            continue
        src, der = node_of.get(d.source, d.source), node_of.get(d.derived, d.derived)
        if src == der or (src, der) in edges:
            continue
        edges[(src, der)] = GraphEdge(
            source=src,
            derived=der,
            kind=d.kind,
            score=round(d.score, 3),
            shared_sentences=d.shared_sentences,
            direction_evidence=d.direction_evidence,
            strength=d.strength,
            direction=d.direction,
            group=d.group,
            source_article=d.source,
            derived_article=d.derived,
        )
    return GraphView(nodes=nodes, edges=list(edges.values()))


def _articles(ordered: list[Article], ids: list[str]) -> list[Article]:
    wanted = set(ids)
    return [a for a in ordered if a.id in wanted]


def derivation_summaries(
    data: StoryData, flags_per_article: dict[str, int]
) -> list[DerivationSummary]:
    """The story's derivations, most certain first, with labels and flag counts."""
    out = []
    for d in data.provenance.derivations:
        src, der = data.articles.get(d.source), data.articles.get(d.derived)
        if src is None or der is None:
            continue
        out.append(
            DerivationSummary(
                source=d.source,
                derived=d.derived,
                source_label=outlet_of(src),
                derived_label=outlet_of(der),
                kind=d.kind,
                score=round(d.score, 3),
                shared_sentences=d.shared_sentences,
                direction_evidence=d.direction_evidence,
                flag_count=flags_per_article.get(d.derived, 0),
                strength=d.strength,
                direction=d.direction,
                group=d.group,
            )
        )
    out.sort(key=lambda s: (s.strength != "derived", -s.score))
    return out


def _quotes(
    ordered: list[Article], flags: list[Flag], entities: list[Entity]
) -> list[SpeakerQuotes]:
    alias_to_name: dict[str, str] = {}
    for e in entities:
        for alias in [e.name, *e.aliases]:
            alias_to_name.setdefault(alias.lower(), e.name)
    unsupported = unsupported_by_article(flags)
    groups: dict[str, SpeakerQuotes] = {}
    seen: dict[tuple[str, str], QuoteView] = {}  # (speaker, words) -> its view: one lookup each
    outlets_of_group: defaultdict[str, set[str]] = defaultdict(set)  # set lookups, not list scans
    for a in ordered:
        for q in a.quotes:
            raw = q.speaker or q.speaker_text or "unattributed"
            speaker = alias_to_name.get(raw.lower(), raw)
            group = groups.setdefault(speaker.lower(), SpeakerQuotes(speaker=speaker))
            flagged = flag_on(unsupported.get(a.id, []), q.sentence, q.text)
            key = (speaker.lower(), " ".join(WORDS.findall(q.text.lower())))
            view = seen.get(key)
            if view is None:
                view = QuoteView(
                    text=q.text,
                    article=a.id,
                    outlet=outlet_of(a),
                    published=a.published,
                    kind=q.kind,
                    cue=q.cue,
                    speaker_text=q.speaker_text,
                    sentence=q.sentence,
                )
                seen[key] = view
                group.quotes.append(view)
            if a.id not in view.articles:
                view.articles.append(a.id)
                view.outlets.append(outlet_of(a))
            if flagged is not None and a.id not in view.unsupported_in:
                view.unsupported_in.append(a.id)
                view.unsupported = True
            if outlet_of(a) not in outlets_of_group[group.speaker]:
                outlets_of_group[group.speaker].add(outlet_of(a))
                group.outlets.append(outlet_of(a))
    return sorted(
        groups.values(), key=lambda g: (-sum(len(q.articles) for q in g.quotes), g.speaker.lower())
    )


# flags whose evidence says two figures disagree about one thing
_FIGURE_FLAGS = ("altered", "numeric_conflict", "contradiction")


def _figures(ordered: list[Article], flags: Sequence[Flag] = ()) -> list[FigureGroup]:
    """Figures grouped by unit. A group is marked as disagreeing only where the provenance
    found a changed or conflicting figure in one of its sentences: a shared unit alone ("km",
    or none) does not make a front line's length and a strike's depth one quantity."""
    flagged = {(f.article, " ".join(f.text.split())) for f in flags if f.kind in _FIGURE_FLAGS}
    groups: dict[str, FigureGroup] = {}
    seen: dict[tuple[str, float, float | None, str, str, str], FigureView] = {}
    for a in ordered:
        for q in a.quantities:
            unit = " ".join(q.unit.lower().split()) or "(no unit)"
            group = groups.setdefault(unit, FigureGroup(unit=unit))
            owner = q.attributed_to or ""
            key = (unit, q.value, q.upper, q.qualifier, owner, " ".join(q.span.lower().split()))
            view = seen.get(key)
            if view is None:
                view = FigureView(
                    value=q.value,
                    upper=q.upper,
                    display=format_figure(q.value, q.qualifier, q.upper, q.span)
                    + (unit if unit != "(no unit)" and not any(c.isalpha() for c in unit) else ""),
                    qualifier=q.qualifier,
                    span=q.span,
                    text=q.text,
                    article=a.id,
                    outlet=outlet_of(a),
                    attributed_to=q.attributed_to,
                )
                seen[key] = view
                group.figures.append(view)
            if a.id not in view.articles:
                view.articles.append(a.id)
                view.outlets.append(outlet_of(a))
    for group in groups.values():
        values = {(f.value, f.upper, f.qualifier) for f in group.figures}
        group.values_differ = len(values) > 1 and any(
            (aid, " ".join(f.text.split())) in flagged for f in group.figures for aid in f.articles
        )
        group.figures.sort(key=lambda f: (f.value, f.upper or 0.0, f.outlet))
    return sorted(groups.values(), key=lambda g: (-sum(len(f.articles) for f in g.figures), g.unit))


def _entities(entities: list[Entity], ordered: list[Article]) -> list[EntityView]:
    """The story's resolved entities; grouped mentions when resolution has not run. Articles
    and outlets are collected in sets first: an entity of a big story is in hundreds of them."""
    if entities:
        views = [EntityView(e.name, e.type, list(e.aliases), list(e.articles)) for e in entities]
    else:
        grouped: dict[tuple[str, str], EntityView] = {}
        members: defaultdict[tuple[str, str], dict[str, None]] = defaultdict(dict)
        aliases: defaultdict[tuple[str, str], dict[str, None]] = defaultdict(dict)
        for a in ordered:
            for m in a.mentions:
                name = m.canonical or m.text
                key = (name.lower(), m.label)
                view = grouped.get(key)
                if view is None:
                    view = grouped[key] = EntityView(name, m.label)
                if m.text != view.name:
                    aliases[key][m.text] = None
                members[key][a.id] = None
        for key, view in grouped.items():
            view.aliases = [alias for alias in aliases[key] if alias != view.name]
            view.articles = list(members[key])
        views = list(grouped.values())
    rank = {a.id: i for i, a in enumerate(ordered)}
    outlet_by_id = {a.id: outlet_of(a) for a in ordered}
    for view in views:
        view.articles = sorted(
            dict.fromkeys(view.articles), key=lambda aid: rank.get(aid, len(rank))
        )
        outlets = dict.fromkeys(view.outlets)
        outlets.update((o, None) for aid in view.articles if (o := outlet_by_id.get(aid)))
        view.outlets = list(outlets)
    return sorted(views, key=lambda e: (-len(e.articles), e.type, e.name.lower()))


def build_claim_matrix(
    claims: list[Claim], ordered: list[Article], page: int | None = None, size: int = 50
) -> ClaimMatrix:
    """Claims x articles; contradicted claims first, then the most supported. With `page`
    (1-based), only that page's `size` rows, and only the articles that state or contradict
    one of them as columns: a big story's matrix stays a page, not a million cells."""
    by_id = {a.id: a for a in ordered}

    def rank(claim: Claim) -> tuple[int, int]:
        contradicted = sum(1 for aid in set(claim.contradicted_by) if aid in by_id)
        supported = sum(1 for aid in set(claim.articles) if aid in by_id) - contradicted
        return (-contradicted, -supported)

    claims = sorted(claims, key=rank)
    total = len(claims)
    if page is not None:
        claims = claims[(page - 1) * size : page * size]
        named = {aid for c in claims for aid in (*c.articles, *c.contradicted_by)}
        ordered = [a for a in ordered if a.id in named]
    columns = [MatrixColumn(a.id, a.outlet or a.id, outlet_of(a), a.published) for a in ordered]
    rows = []
    for claim in claims:
        cells = []
        for col in columns:
            state: CellState = "silent"
            if col.article in claim.contradicted_by:
                state = "contradicted"
            elif col.article in claim.articles:
                state = "supported"
            sentence = None
            idx = claim.sentences.get(col.article)
            if idx is not None:
                sents = sentences_of(by_id[col.article])
                if 0 <= idx < len(sents):
                    sentence = sents[idx].text
            cells.append(MatrixCell(col.article, state, sentence))
        rows.append(
            MatrixRow(
                claim=claim.id,
                text=claim.text,
                attributed_to=claim.attributed_to,
                cells=cells,
                supported=sum(c.state == "supported" for c in cells),
                contradicted=sum(c.state == "contradicted" for c in cells),
            )
        )
    rows.sort(key=lambda r: (-r.contradicted, -r.supported))
    return ClaimMatrix(columns=columns, rows=rows, total=total, page=page or 1, size=size)


def story_page_layers(provenance: StoryProvenance) -> tuple[str, ...]:
    """What the story page reads of every article: quotes and figures, and the names only
    when the story has no resolved entities (sentences only for its page of claims)."""
    return ("quotes", "quantities") if provenance.entities else ("mentions", "quotes", "quantities")


def claim_page_articles(page: int, size: int = 50) -> Callable[[StoryProvenance], list[str]]:
    """The articles a page of the claim matrix shows sentences of (with room for ties)."""

    def focus(prov: StoryProvenance) -> list[str]:
        ranked = sorted(
            prov.claims, key=lambda c: (-len(set(c.contradicted_by)), -len(set(c.articles)))
        )
        window = ranked[max(0, (page - 2) * size) : (page + 1) * size]
        return [aid for c in window for aid in (*c.articles, *c.contradicted_by)]

    return focus


def claim_matrix_view(
    store: Store, story_id: str, page: int | None = None, size: int = 50
) -> ClaimMatrix:
    """Only the claim matrix of a story (the claims page and `/api/.../claims`); one page of
    it with `page` (then only the articles of that page's claims are read with their
    sentences)."""

    focus = claim_page_articles(page, size) if page is not None else None
    data = load_story(store, story_id, focus=focus)
    return build_claim_matrix(
        data.provenance.claims,
        sorted(data.articles.values(), key=publication_order),
        page,
        size,
    )
