"""What a reader sees of one story, built once from the store.

The HTML report, the Markdown report, the web pages and the JSON API all render these plain
dataclasses, so every surface shows the same facts. Nothing here recomputes provenance: it only
reads articles, stories and `store.get_provenance` and arranges them for reading.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from newstrace.model import (
    Article,
    Claim,
    Derivation,
    Entity,
    Flag,
    Sentence,
    Story,
    StoryProvenance,
)
from newstrace.store.base import Store

CellState = Literal["supported", "contradicted", "silent"]
RowRelation = Literal["shared", "reworded", "altered", "added", "invented", "omitted"]
SegmentOp = Literal["same", "changed"]
NodeRole = Literal["source", "derived", "relay", "independent"]

UNDATED = "undated"


class ViewNotFound(LookupError):
    """The story, article or derivation asked for is not in the store (the web maps it to 404)."""


# --------------------------------------------------------------------------- view dataclasses


@dataclass
class ArticleRow:
    """One article as listed: metadata plus its role in the story's provenance."""

    id: str
    title: str
    outlet: str
    published: str | None
    url: str | None
    source: str
    role: NodeRole = "independent"
    derived_from: list[str] = field(default_factory=list)
    flag_count: int = 0
    analyzed_with: str = ""


@dataclass
class TimelineEntry:
    article: str
    title: str
    outlet: str
    published: str | None
    event: str | None
    event_title: str | None
    role: NodeRole = "independent"


@dataclass
class TimelineDay:
    """Articles of one calendar day (UTC), and the events first reported that day."""

    date: str
    entries: list[TimelineEntry] = field(default_factory=list)
    new_events: list[str] = field(default_factory=list)


@dataclass
class GraphNode:
    id: str
    label: str
    outlet: str
    published: str | None
    role: NodeRole
    flag_count: int = 0


@dataclass
class GraphEdge:
    """source -> derived: `derived` was written from `source`."""

    source: str
    derived: str
    kind: str
    score: float
    shared_sentences: int
    direction_evidence: str


@dataclass
class GraphView:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)


@dataclass
class EvidenceView:
    article: str
    title: str
    outlet: str
    text: str


@dataclass
class FlagView:
    """A flagged sentence beside the evidence that shows what the sources said."""

    article: str
    title: str
    outlet: str
    kind: str
    text: str
    reason: str
    score: float
    sentence: int
    evidence: list[EvidenceView] = field(default_factory=list)
    diff_source: str | None = None  # the source to compare with, when the article is derived


@dataclass
class FlagGroup:
    """The flags raised on one article, most telling first."""

    article: str
    title: str
    outlet: str
    counts: dict[str, int] = field(default_factory=dict)
    flags: list[FlagView] = field(default_factory=list)


@dataclass
class QuoteView:
    text: str
    article: str
    outlet: str
    published: str | None
    kind: str
    cue: str | None
    speaker_text: str | None
    sentence: int
    unsupported: bool = False  # flagged as in no source, in at least one article
    articles: list[str] = field(default_factory=list)  # every article with these words
    outlets: list[str] = field(default_factory=list)
    unsupported_in: list[str] = field(default_factory=list)  # articles where it is flagged


@dataclass
class SpeakerQuotes:
    speaker: str
    quotes: list[QuoteView] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass
class FigureView:
    value: float
    upper: float | None
    display: str  # "more than 5,000", "10–12", "about 3.5"
    qualifier: str
    span: str
    text: str
    article: str
    outlet: str
    attributed_to: str | None
    articles: list[str] = field(default_factory=list)  # every article stating it this way
    outlets: list[str] = field(default_factory=list)


@dataclass
class FigureGroup:
    """All figures that count the same thing (same unit), and whether articles disagree."""

    unit: str
    figures: list[FigureView] = field(default_factory=list)
    values_differ: bool = False


@dataclass
class EntityView:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # who mentions it, earliest first


@dataclass
class MatrixColumn:
    article: str
    label: str
    outlet: str
    published: str | None


@dataclass
class MatrixCell:
    article: str
    state: CellState
    sentence: str | None = None  # the article's sentence stating the claim, when known


@dataclass
class MatrixRow:
    claim: str
    text: str
    attributed_to: str | None
    cells: list[MatrixCell] = field(default_factory=list)
    supported: int = 0
    contradicted: int = 0


@dataclass
class ClaimMatrix:
    """Claims as rows, articles as columns."""

    columns: list[MatrixColumn] = field(default_factory=list)
    rows: list[MatrixRow] = field(default_factory=list)


@dataclass
class DerivationSummary:
    source: str
    derived: str
    source_label: str
    derived_label: str
    kind: str
    score: float
    shared_sentences: int
    direction_evidence: str
    flag_count: int = 0


@dataclass
class StorySummary:
    """One line of the story list."""

    id: str
    title: str
    article_count: int
    outlet_count: int
    first_seen: str | None
    last_seen: str | None
    flag_count: int
    derivation_count: int = 0


@dataclass
class StoryView:
    """Everything a story page shows."""

    story: StorySummary
    articles: list[ArticleRow]
    timeline: list[TimelineDay]
    graph: GraphView
    derivations: list[DerivationSummary]
    flags: list[FlagView]
    quotes: list[SpeakerQuotes]
    figures: list[FigureGroup]
    entities: list[EntityView]
    claims: ClaimMatrix
    events: list[dict[str, Any]] = field(default_factory=list)
    flag_groups: list[FlagGroup] = field(default_factory=list)


@dataclass
class Segment:
    """A run of tokens inside a sentence: the same in both versions, or changed."""

    text: str
    op: SegmentOp


@dataclass
class DiffRow:
    """One line of a side-by-side diff: a derived sentence and the source sentence it came from."""

    relation: RowRelation
    derived_sentence: int | None
    derived: list[Segment]
    source_sentence: int | None
    source: list[Segment]
    similarity: float | None = None
    flag_kind: str | None = None
    flag_reason: str | None = None


@dataclass
class DiffView:
    """The derived article beside its source, sentence by sentence."""

    story: str
    source: ArticleRow
    derived: ArticleRow
    kind: str
    score: float
    direction_evidence: str
    rows: list[DiffRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def to_jsonable(view: Any) -> Any:
    """A view as plain dicts/lists (for the JSON API)."""
    return asdict(view)


# --------------------------------------------------------------------------- small helpers


_FALLBACK_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WORDS = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r"\s+|\d[\d,.]*\d|\w+(?:['’]\w+)*|[^\s\w]", re.UNICODE)


def _sentences(article: Article) -> list[Sentence]:
    """The article's sentences; a plain split when it was never analysed."""
    if article.sentences:
        return article.sentences
    out: list[Sentence] = []
    pos = 0
    for i, piece in enumerate(p for p in _FALLBACK_SENTENCE.split(article.text) if p.strip()):
        start = article.text.find(piece, pos)
        out.append(Sentence(index=i, text=piece.strip(), start=start, end=start + len(piece)))
        pos = max(pos, start + len(piece))
    return out


def _label(article: Article) -> str:
    return article.title or article.outlet or article.id


def _outlet(article: Article) -> str:
    return article.outlet or "unknown outlet"


def _date(published: str | None) -> str:
    return published[:10] if published and len(published) >= 10 else UNDATED


def _sort_key(article: Article) -> tuple[int, str, str]:
    return (0 if article.published else 1, article.published or "", article.id)


def format_number(value: float) -> str:
    """5000.0 -> '5,000'; 3.5 -> '3.5'."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"


def format_figure(value: float, qualifier: str, upper: float | None) -> str:
    number = format_number(value)
    if qualifier == "range" and upper is not None:
        return f"{number}–{format_number(upper)}"
    prefix = {"more_than": "more than ", "less_than": "less than ", "about": "about "}
    return prefix.get(qualifier, "") + number


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(source_text: str, derived_text: str) -> tuple[list[Segment], list[Segment]]:
    """Token-level diff of two sentences: (source segments, derived segments)."""
    a, b = _tokens(source_text), _tokens(derived_text)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    src: list[Segment] = []
    der: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        seg_op: SegmentOp = "same" if op == "equal" else "changed"
        _append(src, "".join(a[i1:i2]), seg_op)
        _append(der, "".join(b[j1:j2]), seg_op)
    return _trim_spaces(src), _trim_spaces(der)


def _append(segments: list[Segment], text: str, op: SegmentOp) -> None:
    if not text:
        return
    if op == "changed" and not text.strip():
        op = "same"  # white space alone is not a change a reader cares about
    if segments and segments[-1].op == op:
        segments[-1].text += text
    else:
        segments.append(Segment(text, op))


def _trim_spaces(segments: list[Segment]) -> list[Segment]:
    """Move spaces at the edges of changed runs into the neighbouring same runs."""
    out: list[Segment] = []
    for seg in segments:
        if seg.op == "same":
            _append(out, seg.text, "same")
            continue
        core = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        _append(out, lead, "same")
        _append(out, core, "changed")
        _append(out, trail, "same")
    return _join_changed_runs(out)


def _join_changed_runs(segments: list[Segment]) -> list[Segment]:
    """'went', ' ', 'on', ' ', 'strike' all changed reads as one change: 'went on strike'."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        between_changes = (
            seg.op == "same"
            and not seg.text.strip()
            and 0 < i < len(segments) - 1
            and segments[i + 1].op == "changed"
            and out
            and out[-1].op == "changed"
        )
        if between_changes or (seg.op == "changed" and out and out[-1].op == "changed"):
            out[-1].text += seg.text
        else:
            out.append(Segment(seg.text, seg.op))
    return out


# --------------------------------------------------------------------------- loading


@dataclass
class _StoryData:
    story: Story
    articles: dict[str, Article]
    provenance: StoryProvenance


def _load(store: Store, story_id: str, with_analysis: bool = True) -> _StoryData:
    story = store.get_story(story_id)
    if story is None:
        raise ViewNotFound(f"no story with id {story_id!r}")
    articles = {a.id: a for a in store.articles(story.articles, with_analysis=with_analysis)}
    provenance = store.get_provenance(story_id) or StoryProvenance(story=story_id)
    return _StoryData(story, articles, provenance)


def _roles(article_ids: Iterable[str], derivations: list[Derivation]) -> dict[str, NodeRole]:
    is_source = {d.source for d in derivations}
    is_derived = {d.derived for d in derivations}
    roles: dict[str, NodeRole] = {}
    for aid in article_ids:
        if aid in is_source and aid in is_derived:
            roles[aid] = "relay"
        elif aid in is_derived:
            roles[aid] = "derived"
        elif aid in is_source:
            roles[aid] = "source"
        else:
            roles[aid] = "independent"
    return roles


def _summary(data: _StoryData) -> StorySummary:
    dates = sorted(a.published for a in data.articles.values() if a.published)
    outlets = {a.outlet for a in data.articles.values() if a.outlet}
    return StorySummary(
        id=data.story.id,
        title=data.story.title,
        article_count=len(data.articles),
        outlet_count=len(outlets),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        flag_count=len(_unique_flags(data.provenance.flags)),
        derivation_count=len(data.provenance.derivations),
    )


def story_list_view(store: Store) -> list[StorySummary]:
    """One summary per story, most recently active first."""
    out: list[StorySummary] = []
    for story in store.stories():
        articles = {a.id: a for a in store.articles(story.articles, with_analysis=False)}
        provenance = store.get_provenance(story.id) or StoryProvenance(story=story.id)
        out.append(_summary(_StoryData(story, articles, provenance)))
    out.sort(key=lambda s: (s.last_seen or "", s.article_count), reverse=True)
    return out


# --------------------------------------------------------------------------- story view


def story_view(store: Store, story_id: str) -> StoryView:
    """Everything the story page shows, read once from the store."""
    return _story_view(_load(store, story_id))


def story_with_diffs(store: Store, story_id: str) -> tuple[StoryView, list[DiffView]]:
    """The story view and the diff of each of its derivations (one read of the store)."""
    data = _load(store, story_id)
    view = _story_view(data)
    return view, [_diff_view(data, d.source, d.derived) for d in view.derivations]


def _story_view(data: _StoryData) -> StoryView:
    ordered = sorted(data.articles.values(), key=_sort_key)
    prov = data.provenance
    roles = _roles(data.articles, prov.derivations)
    flags_per_article: dict[str, int] = defaultdict(int)
    for flag in _unique_flags(prov.flags):
        flags_per_article[flag.article] += 1
    derived_from: dict[str, list[str]] = defaultdict(list)
    for d in prov.derivations:
        derived_from[d.derived].append(d.source)

    flags = [_flag_view(f, data.articles) for f in _unique_flags(prov.flags)]
    _link_flags_to_diffs(flags, prov.derivations)
    rows = [
        ArticleRow(
            id=a.id,
            title=_label(a),
            outlet=_outlet(a),
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
        story=_summary(data),
        articles=rows,
        timeline=_timeline(data, ordered, roles),
        graph=_graph(ordered, prov.derivations, roles, flags_per_article),
        derivations=_derivations(data, flags_per_article),
        flags=flags,
        flag_groups=_flag_groups(flags, ordered),
        quotes=_quotes(ordered, prov.flags, prov.entities),
        figures=_figures(ordered),
        entities=_entities(prov.entities, ordered),
        claims=_claim_matrix(prov.claims, ordered),
        events=[{"id": e.id, "title": e.title, "articles": e.articles} for e in data.story.events],
    )


def _timeline(
    data: _StoryData, ordered: list[Article], roles: dict[str, NodeRole]
) -> list[TimelineDay]:
    event_of: dict[str, tuple[str, str]] = {}
    for event in data.story.events:
        for aid in event.articles:
            event_of.setdefault(aid, (event.id, event.title))
    days: dict[str, TimelineDay] = {}
    seen_events: set[str] = set()
    for a in ordered:
        day = days.setdefault(_date(a.published), TimelineDay(date=_date(a.published)))
        event_ref = event_of.get(a.id)
        day.entries.append(
            TimelineEntry(
                article=a.id,
                title=_label(a),
                outlet=_outlet(a),
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
    nodes = [
        GraphNode(
            id=a.id,
            label=a.outlet or a.id,
            outlet=_outlet(a),
            published=a.published,
            role=roles[a.id],
            flag_count=flags_per_article.get(a.id, 0),
        )
        for a in ordered
    ]
    known = {a.id for a in ordered}
    edges = [
        GraphEdge(
            source=d.source,
            derived=d.derived,
            kind=d.kind,
            score=round(d.score, 3),
            shared_sentences=d.shared_sentences,
            direction_evidence=d.direction_evidence,
        )
        for d in derivations
        if d.source in known and d.derived in known
    ]
    return GraphView(nodes=nodes, edges=edges)


def _derivations(data: _StoryData, flags_per_article: dict[str, int]) -> list[DerivationSummary]:
    out = []
    for d in data.provenance.derivations:
        src, der = data.articles.get(d.source), data.articles.get(d.derived)
        if src is None or der is None:
            continue
        out.append(
            DerivationSummary(
                source=d.source,
                derived=d.derived,
                source_label=_outlet(src) if src.outlet else src.id,
                derived_label=_outlet(der) if der.outlet else der.id,
                kind=d.kind,
                score=round(d.score, 3),
                shared_sentences=d.shared_sentences,
                direction_evidence=d.direction_evidence,
                flag_count=flags_per_article.get(d.derived, 0),
            )
        )
    out.sort(key=lambda s: -s.score)
    return out


def _flag_view(flag: Flag, articles: dict[str, Article]) -> FlagView:
    def meta(aid: str) -> tuple[str, str]:
        a = articles.get(aid)
        return (_label(a), _outlet(a)) if a else (aid, "unknown outlet")

    title, outlet = meta(flag.article)
    evidence = []
    for ev in flag.evidence:
        ev_title, ev_outlet = meta(ev.article)
        evidence.append(EvidenceView(ev.article, ev_title, ev_outlet, ev.text))
    return FlagView(
        article=flag.article,
        title=title,
        outlet=outlet,
        kind=flag.kind,
        text=flag.text,
        reason=flag.reason,
        score=round(flag.score, 3),
        sentence=flag.sentence,
        evidence=evidence,
    )


def _link_flags_to_diffs(flags: list[FlagView], derivations: list[Derivation]) -> None:
    """Point each flag on a derived article at the diff that shows it: its evidence's source
    when that is one, else the most certain source."""
    sources: dict[str, list[Derivation]] = defaultdict(list)
    for d in sorted(derivations, key=lambda d: -d.score):
        sources[d.derived].append(d)
    for flag in flags:
        candidates = sources.get(flag.article)
        if not candidates:
            continue
        cited = {ev.article for ev in flag.evidence}
        best = next((d for d in candidates if d.source in cited), candidates[0])
        flag.diff_source = best.source


_FLAG_ORDER = {"altered": 0, "contradiction": 1, "numeric_conflict": 2, "unsupported": 3}


def _unique_flags(flags: list[Flag]) -> list[Flag]:
    """Each (article, kind, sentence, reason) once, even when several checks raised it."""
    seen: set[tuple[str, str, int, str, str]] = set()
    out = []
    for f in flags:
        key = (f.article, f.kind, f.sentence, f.reason, f.text)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _flag_groups(flags: list[FlagView], ordered: list[Article]) -> list[FlagGroup]:
    groups: dict[str, FlagGroup] = {}
    for a in ordered:
        groups[a.id] = FlagGroup(a.id, _label(a), _outlet(a))
    for f in flags:
        group = groups.setdefault(f.article, FlagGroup(f.article, f.title, f.outlet))
        group.flags.append(f)
        group.counts[f.kind] = group.counts.get(f.kind, 0) + 1
    for group in groups.values():
        group.flags.sort(
            key=lambda f: (f.sentence if f.sentence >= 0 else 10**6, _FLAG_ORDER.get(f.kind, 9))
        )
    return [g for g in groups.values() if g.flags]


def _unsupported_sentences(flags: list[Flag]) -> dict[str, list[Flag]]:
    by_article: dict[str, list[Flag]] = defaultdict(list)
    for f in flags:
        if f.kind == "unsupported":
            by_article[f.article].append(f)
    return by_article


def _flag_for(flags: list[Flag], sentence: int, text: str) -> Flag | None:
    """The flag on this sentence: by index when set, else by its text."""
    for f in flags:
        if f.sentence >= 0 and f.sentence == sentence:
            return f
    norm = " ".join(text.split())
    for f in flags:
        if f.sentence < 0 and norm and norm in " ".join(f.text.split()):
            return f
    return None


def _quotes(
    ordered: list[Article], flags: list[Flag], entities: list[Entity]
) -> list[SpeakerQuotes]:
    alias_to_name: dict[str, str] = {}
    for e in entities:
        for alias in [e.name, *e.aliases]:
            alias_to_name.setdefault(alias.lower(), e.name)
    unsupported = _unsupported_sentences(flags)
    groups: dict[str, SpeakerQuotes] = {}
    for a in ordered:
        for q in a.quotes:
            raw = q.speaker or q.speaker_text or "unattributed"
            speaker = alias_to_name.get(raw.lower(), raw)
            group = groups.setdefault(speaker.lower(), SpeakerQuotes(speaker=speaker))
            flagged = _flag_for(unsupported.get(a.id, []), q.sentence, q.text)
            key = " ".join(_WORDS.findall(q.text.lower()))
            view = next(
                (v for v in group.quotes if " ".join(_WORDS.findall(v.text.lower())) == key), None
            )
            if view is None:
                view = QuoteView(
                    text=q.text,
                    article=a.id,
                    outlet=_outlet(a),
                    published=a.published,
                    kind=q.kind,
                    cue=q.cue,
                    speaker_text=q.speaker_text,
                    sentence=q.sentence,
                )
                group.quotes.append(view)
            if a.id not in view.articles:
                view.articles.append(a.id)
                view.outlets.append(_outlet(a))
            if flagged is not None and a.id not in view.unsupported_in:
                view.unsupported_in.append(a.id)
                view.unsupported = True
            if _outlet(a) not in group.outlets:
                group.outlets.append(_outlet(a))
    return sorted(
        groups.values(), key=lambda g: (-sum(len(q.articles) for q in g.quotes), g.speaker.lower())
    )


def _figures(ordered: list[Article]) -> list[FigureGroup]:
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
                    display=format_figure(q.value, q.qualifier, q.upper)
                    + (unit if unit != "(no unit)" and not any(c.isalpha() for c in unit) else ""),
                    qualifier=q.qualifier,
                    span=q.span,
                    text=q.text,
                    article=a.id,
                    outlet=_outlet(a),
                    attributed_to=q.attributed_to,
                )
                seen[key] = view
                group.figures.append(view)
            if a.id not in view.articles:
                view.articles.append(a.id)
                view.outlets.append(_outlet(a))
    for group in groups.values():
        group.values_differ = len({(f.value, f.upper, f.qualifier) for f in group.figures}) > 1
        group.figures.sort(key=lambda f: (f.value, f.upper or 0.0, f.outlet))
    return sorted(groups.values(), key=lambda g: (-sum(len(f.articles) for f in g.figures), g.unit))


def _entities(entities: list[Entity], ordered: list[Article]) -> list[EntityView]:
    """The story's resolved entities; grouped mentions when resolution has not run."""
    if entities:
        views = [EntityView(e.name, e.type, list(e.aliases), list(e.articles)) for e in entities]
    else:
        grouped: dict[tuple[str, str], EntityView] = {}
        for a in ordered:
            for m in a.mentions:
                name = m.canonical or m.text
                view = grouped.setdefault((name.lower(), m.label), EntityView(name, m.label))
                if m.text != name and m.text not in view.aliases:
                    view.aliases.append(m.text)
                if a.id not in view.articles:
                    view.articles.append(a.id)
        views = list(grouped.values())
    rank = {a.id: i for i, a in enumerate(ordered)}
    outlet_of = {a.id: _outlet(a) for a in ordered}
    for view in views:
        view.articles.sort(key=lambda aid: rank.get(aid, len(rank)))
        for aid in view.articles:
            outlet = outlet_of.get(aid)
            if outlet and outlet not in view.outlets:
                view.outlets.append(outlet)
    return sorted(views, key=lambda e: (-len(e.articles), e.type, e.name.lower()))


def _claim_matrix(claims: list[Claim], ordered: list[Article]) -> ClaimMatrix:
    columns = [MatrixColumn(a.id, a.outlet or a.id, _outlet(a), a.published) for a in ordered]
    by_id = {a.id: a for a in ordered}
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
                sents = _sentences(by_id[col.article])
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
    return ClaimMatrix(columns=columns, rows=rows)


def claim_matrix_view(store: Store, story_id: str) -> ClaimMatrix:
    """Only the claim matrix of a story (the claims page and `/api/.../claims`)."""
    data = _load(store, story_id)
    return _claim_matrix(data.provenance.claims, sorted(data.articles.values(), key=_sort_key))


# --------------------------------------------------------------------------- diff view


def article_diff_view(store: Store, story_id: str, source_id: str, derived_id: str) -> DiffView:
    """The derived article beside its source: aligned, reworded, altered and added sentences."""
    return _diff_view(_load(store, story_id), source_id, derived_id)


def _diff_view(data: _StoryData, source_id: str, derived_id: str) -> DiffView:
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
    roles = _roles(data.articles, data.provenance.derivations)
    flags = [f for f in data.provenance.flags if f.article == derived_id]
    rows = _diff_rows(_sentences(source), _sentences(derived), derivation, flags)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.relation] += 1

    def row_of(a: Article) -> ArticleRow:
        return ArticleRow(
            id=a.id,
            title=_label(a),
            outlet=_outlet(a),
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
    )


def _diff_rows(
    source: list[Sentence], derived: list[Sentence], derivation: Derivation, flags: list[Flag]
) -> list[DiffRow]:
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
        flag = _flag_for(flags, sent.index, sent.text)
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


# --------------------------------------------------------------------------- article view


@dataclass
class SentenceNote:
    kind: str
    reason: str


@dataclass
class SentenceView:
    """One sentence of an article, with what the provenance found about it."""

    index: int
    text: str
    relation: RowRelation | None = None  # vs. its most certain source, when derived
    notes: list[SentenceNote] = field(default_factory=list)
    quoted: bool = False  # a quote starts in it


@dataclass
class ArticleView:
    """One article read in its story: where it came from, who copied it, each sentence."""

    story: str
    story_title: str
    article: ArticleRow
    author: str | None
    cited_sources: list[str]
    compared_with: str | None  # the source its sentence relations are measured against
    sources: list[DerivationSummary] = field(default_factory=list)
    copies: list[DerivationSummary] = field(default_factory=list)
    paragraphs: list[list[SentenceView]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def article_view(store: Store, story_id: str, article_id: str) -> ArticleView:
    """An article sentence by sentence: copied, reworded, altered or new, and what was flagged."""
    data = _load(store, story_id)
    article = data.articles.get(article_id)
    if article is None:
        raise ViewNotFound(f"article {article_id!r} is not part of story {story_id!r}")
    prov = data.provenance
    flags_per_article: dict[str, int] = defaultdict(int)
    flags = _unique_flags(prov.flags)
    for f in flags:
        flags_per_article[f.article] += 1
    summaries = _derivations(data, flags_per_article)
    sources = [d for d in summaries if d.derived == article_id]
    copies = [d for d in summaries if d.source == article_id]
    roles = _roles(data.articles, prov.derivations)

    relation: dict[int, RowRelation] = {}
    compared_with = sources[0].source if sources else None  # summaries are most certain first
    own_flags = [f for f in flags if f.article == article_id]
    if compared_with is not None:
        derivation = next(
            d for d in prov.derivations if d.source == compared_with and d.derived == article_id
        )
        rows = _diff_rows(
            _sentences(data.articles[compared_with]), _sentences(article), derivation, own_flags
        )
        relation = {r.derived_sentence: r.relation for r in rows if r.derived_sentence is not None}
    quoted = {q.sentence for q in article.quotes}
    paragraphs: dict[int, list[SentenceView]] = {}
    counts: dict[str, int] = defaultdict(int)
    for sent in _sentences(article):
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
            title=_label(article),
            outlet=_outlet(article),
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
