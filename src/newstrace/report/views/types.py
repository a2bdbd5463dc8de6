"""The shapes every surface renders: plain dataclasses, one per thing a page shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

CellState = Literal["supported", "contradicted", "silent"]
RowRelation = Literal["shared", "reworded", "altered", "added", "invented", "omitted"]
SegmentOp = Literal["same", "changed"]
NodeRole = Literal["source", "derived", "relay", "possible", "independent"]

UNDATED = "undated"

# one word per role on every surface (graph, timeline, tables, Markdown). "independent" only
# means no link was found: the words say so rather than claim the article was written alone
ROLE_LABEL: dict[str, str] = {
    "source": "source",
    "derived": "derived",
    "relay": "derived · relayed",
    "possible": "possible rewrite",
    "independent": "no link found",
}
ROLE_HINT: dict[str, str] = {
    "source": "other articles here were written from it",
    "derived": "written from another article in this story",
    "relay": "written from one article here and copied by another",
    "possible": "close to another article, but below the bar for a sure link",
    "independent": "no derivation found among these articles; that is not proof it was "
    "written independently",
}


class ViewNotFound(LookupError):
    """The story, article or derivation asked for is not in the store (the web maps it to 404)."""


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
    members: list[str] = field(default_factory=list)  # a syndication group: its articles


@dataclass
class GraphEdge:
    """source -> derived: `derived` was written from `source`."""

    source: str
    derived: str
    kind: str
    score: float
    shared_sentences: int
    direction_evidence: str
    strength: str = "derived"  # "possible": a possible rewrite, shown with its score
    direction: str = "decided"  # "undetermined": source and derived in no particular order
    group: str | None = None
    source_article: str = ""  # the articles to compare when an end is a group node
    derived_article: str = ""


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
    total: int = 0  # claims in the story (rows holds one page of them when paged)
    page: int = 1
    size: int = 0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size)) if self.size else 1


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
    strength: str = "derived"
    direction: str = "decided"
    group: str | None = None


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
    notices: list[str] = field(default_factory=list)  # where the evidence is thin
    flags_page: int = 1  # flag_groups holds this page of the flags when paged
    flags_total: int = 0  # ... out of this many (0: not paged)
    trimmed: dict[str, int] = field(default_factory=dict)  # list cut for the page -> its length


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
    verdict: str | None = None  # compare view: the checker's label for the derived sentence
    verdict_reason: str | None = None
    verdict_score: float | None = None


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
    strength: str = "derived"
    direction: str = "decided"
    # "derivation": a link the story analysis found; "compare": two articles a reader chose,
    # aligned and checked on request (there may be no link between them)
    mode: str = "derivation"
    above_bar: bool = True  # compare mode: the link score clears the derivation bar
    threshold: float = 0.0
    verdicts: dict[str, int] = field(default_factory=dict)  # compare mode: label -> sentences
    stored_source: str | None = None  # compare mode: the story's own link, when it has one
    stored_derived: str | None = None


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


def to_jsonable(view: Any) -> Any:
    """A view as plain dicts/lists (for the JSON API)."""
    return asdict(view)
