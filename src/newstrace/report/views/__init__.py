"""What a reader sees of one story, built once from the store.

The HTML report, the Markdown report, the web pages and the JSON API all render these plain
dataclasses (`types`), so every surface shows the same facts. Nothing here recomputes
provenance: the views only read articles, stories and `store.get_provenance` and arrange them
for reading: the story page (`story`), a derivation's side-by-side diff (`diff`) and one
article sentence by sentence (`article`).
"""

from __future__ import annotations

from newstrace.report.views.article import article_view
from newstrace.report.views.compare import compare_view, diff_or_compare_view, pair_view
from newstrace.report.views.diff import article_diff_view
from newstrace.report.views.story import (
    claim_matrix_view,
    story_list_view,
    story_view,
    story_with_diffs,
)
from newstrace.report.views.text import format_figure, format_number, word_diff
from newstrace.report.views.types import (
    ROLE_HINT,
    ROLE_LABEL,
    UNDATED,
    ArticleRow,
    ArticleView,
    CellState,
    ClaimMatrix,
    DerivationSummary,
    DiffRow,
    DiffView,
    EntityView,
    EvidenceView,
    FigureGroup,
    FigureView,
    FlagGroup,
    FlagView,
    GraphEdge,
    GraphNode,
    GraphView,
    MatrixCell,
    MatrixColumn,
    MatrixRow,
    NodeRole,
    QuoteView,
    RowRelation,
    Segment,
    SegmentOp,
    SentenceNote,
    SentenceView,
    SpeakerQuotes,
    StorySummary,
    StoryView,
    TimelineDay,
    TimelineEntry,
    ViewNotFound,
    to_jsonable,
)

__all__ = [
    "ROLE_HINT",
    "ROLE_LABEL",
    "UNDATED",
    "ArticleRow",
    "ArticleView",
    "CellState",
    "ClaimMatrix",
    "DerivationSummary",
    "DiffRow",
    "DiffView",
    "EntityView",
    "EvidenceView",
    "FigureGroup",
    "FigureView",
    "FlagGroup",
    "FlagView",
    "GraphEdge",
    "GraphNode",
    "GraphView",
    "MatrixCell",
    "MatrixColumn",
    "MatrixRow",
    "NodeRole",
    "QuoteView",
    "RowRelation",
    "Segment",
    "SegmentOp",
    "SentenceNote",
    "SentenceView",
    "SpeakerQuotes",
    "StorySummary",
    "StoryView",
    "TimelineDay",
    "TimelineEntry",
    "ViewNotFound",
    "article_diff_view",
    "article_view",
    "claim_matrix_view",
    "compare_view",
    "diff_or_compare_view",
    "format_figure",
    "format_number",
    "pair_view",
    "story_list_view",
    "story_view",
    "story_with_diffs",
    "to_jsonable",
    "word_diff",
]
