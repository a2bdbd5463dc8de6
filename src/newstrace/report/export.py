"""A story's quotes, figures, flags and claims as CSV: one row per thing a page lists.

The rows come from the same view models the pages render (`report.views`), so a spreadsheet
says what the screen says.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from newstrace.report.views import StoryView

Row = list[str | int | float | None]


def _quotes(view: StoryView) -> Iterator[Row]:
    yield ["speaker", "quote", "kind", "cue", "as written", "articles", "outlets", "flagged in"]
    for group in view.quotes:
        for q in group.quotes:
            yield [
                group.speaker,
                q.text,
                q.kind,
                q.cue,
                q.speaker_text,
                " ".join(q.articles),
                "; ".join(q.outlets),
                " ".join(q.unsupported_in),
            ]


def _figures(view: StoryView) -> Iterator[Row]:
    yield [
        "unit",
        "value",
        "upper",
        "qualifier",
        "as written",
        "stated by",
        "sentence",
        "articles",
        "outlets",
        "values differ in unit",
    ]
    for group in view.figures:
        for f in group.figures:
            yield [
                group.unit,
                f.value,
                f.upper,
                f.qualifier,
                f.span,
                f.attributed_to,
                f.text,
                " ".join(f.articles),
                "; ".join(f.outlets),
                "yes" if group.values_differ else "no",
            ]


def _flags(view: StoryView) -> Iterator[Row]:
    yield ["article", "outlet", "kind", "sentence", "text", "reason", "score", "evidence"]
    for f in view.flags:
        evidence = " | ".join(f"{e.article}: {e.text}" for e in f.evidence)
        yield [
            f.article,
            f.outlet,
            f.kind,
            f.sentence + 1 if f.sentence >= 0 else None,
            f.text,
            f.reason,
            f.score,
            evidence,
        ]


def _claims(view: StoryView) -> Iterator[Row]:
    columns = view.claims.columns
    yield [
        "claim",
        "attributed to",
        "supported by",
        "contradicted by",
        *[c.article for c in columns],
    ]
    for row in view.claims.rows:
        yield [
            row.text,
            row.attributed_to,
            row.supported,
            row.contradicted,
            *[cell.state for cell in row.cells],
        ]


EXPORTS: dict[str, Callable[[StoryView], Iterator[Row]]] = {
    "quotes": _quotes,
    "figures": _figures,
    "flags": _flags,
    "claims": _claims,
}


def export_csv(view: StoryView, what: str) -> str:
    """CSV text of one list of the story (`quotes`, `figures`, `flags` or `claims`)."""
    if what not in EXPORTS:
        raise ValueError(f"nothing to export as {what!r}: choose one of {', '.join(EXPORTS)}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(EXPORTS[what](view))
    return out.getvalue()
