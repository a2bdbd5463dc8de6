"""The story as one self-contained HTML page: inline CSS, inline SVG, no network requests.

The page sections are Jinja2 macros (templates/sections.html.j2) shared with the web UI, and the
provenance graph is drawn here as SVG so both surfaces show the same picture.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import TYPE_CHECKING, Any

from newstrace import __version__
from newstrace.report.views import GraphEdge, GraphNode, GraphView, story_with_diffs
from newstrace.store.base import Store

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

EdgeLink = Callable[[str, str], str]

NODE_W, NODE_H = 190, 48
COL_GAP, ROW_GAP = 90, 16
PAD = 16
_EDGE_STYLE = {
    "verbatim": ("#2b2f36", ""),
    "syndication": ("#1f4e79", ""),
    "paraphrase": ("#6a4c93", "6 4"),
}
_NODE_STYLE = {
    "source": ("#ffffff", "#1f4e79"),
    "derived": ("#fbe7cf", "#b86e12"),
    "relay": ("#fbe7cf", "#b86e12"),
    "independent": ("#f2f0ea", "#9aa0aa"),
}


def environment(extra: Sequence[BaseLoader] = ()) -> Environment:
    """A Jinja2 environment over the report templates (plus `extra` loaders searched first)."""
    try:
        from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
    except ImportError as exc:  # pragma: no cover - depends on installed extras
        raise ImportError("HTML reports need Jinja2: pip install 'newstrace[web]'") from exc
    loader = ChoiceLoader([*extra, PackageLoader("newstrace.report", "templates")])
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


@functools.cache
def _report_environment() -> Environment:
    """Templates compile once per process, not once per report."""
    return environment()


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _layers(graph: GraphView) -> dict[str, int]:
    """Column of each node: 0 for originals, 1 + the deepest source for derived articles."""
    sources: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        sources[e.derived].append(e.source)
    depth = {n.id: 0 for n in graph.nodes}
    for _ in range(len(graph.nodes)):  # longest path; bounded so a cycle cannot loop forever
        changed = False
        for node, srcs in sources.items():
            best = max(depth.get(s, 0) for s in srcs) + 1
            if best > depth.get(node, 0) and best < len(graph.nodes) + 1:
                depth[node] = best
                changed = True
        if not changed:
            break
    return depth


@dataclass
class _Box:
    x: float
    y: float
    column: int = -1  # -1: in the row of articles with no derivation


@dataclass
class _Layout:
    boxes: dict[str, _Box]
    headings: list[tuple[float, float, str]]  # x, y, text
    width: float
    height: float
    arc_floor: dict[tuple[str, str], tuple[float, int]]  # edges drawn below the boxes: depth, slot


def _layout(graph: GraphView) -> _Layout:
    """Columns by derivation depth (originals left); articles with no derivation in a row below."""
    depth = _layers(graph)
    linked = {e.source for e in graph.edges} | {e.derived for e in graph.edges}
    columns: dict[int, list[str]] = defaultdict(list)
    unlinked = []
    for node in graph.nodes:  # nodes arrive in publication order
        if node.id in linked:
            columns[depth[node.id]].append(node.id)
        else:
            unlinked.append(node.id)
    top = PAD + 22
    boxes: dict[str, _Box] = {}
    headings: list[tuple[float, float, str]] = []
    for col, ids in sorted(columns.items()):
        x = PAD + col * (NODE_W + COL_GAP)
        headings.append((x, PAD + 10, "originals" if col == 0 else f"derived, step {col}"))
        for row, nid in enumerate(ids):
            boxes[nid] = _Box(x, top + row * (NODE_H + ROW_GAP), col)
    n_cols = len(columns)
    width = PAD * 2 + max(n_cols * NODE_W + (n_cols - 1) * COL_GAP, 3 * NODE_W + 2 * ROW_GAP)
    bottom_of = {c: top + len(ids) * (NODE_H + ROW_GAP) - ROW_GAP for c, ids in columns.items()}
    graph_bottom = max(bottom_of.values(), default=top - ROW_GAP)

    arc_floor: dict[tuple[str, str], tuple[float, int]] = {}
    lowest = graph_bottom
    for i, e in enumerate(graph.edges):
        a, b = boxes.get(e.source), boxes.get(e.derived)
        if a is None or b is None or b.column == a.column + 1:
            continue
        span = range(min(a.column, b.column), max(a.column, b.column) + 1)
        floor = max(bottom_of.get(c, 0) for c in span) + 16 + 10 * (i % 4)
        arc_floor[(e.source, e.derived)] = (floor, i % 4)
        lowest = max(lowest, floor + 14)

    y = lowest + 30
    if unlinked:
        headings.append((PAD, y, "no derivation found"))
        per_row = max(1, int((width - 2 * PAD + ROW_GAP) // (NODE_W + ROW_GAP)))
        for i, nid in enumerate(unlinked):
            row, col = divmod(i, per_row)
            boxes[nid] = _Box(PAD + col * (NODE_W + ROW_GAP), y + 12 + row * (NODE_H + ROW_GAP))
        rows = (len(unlinked) + per_row - 1) // per_row
        y += 12 + rows * (NODE_H + ROW_GAP)
    return _Layout(boxes, headings, width, y + PAD - ROW_GAP, arc_floor)


def provenance_svg(graph: GraphView, edge_link: EdgeLink | None = None) -> str:
    """The provenance graph as inline SVG: articles as boxes, arrows from source to derived."""
    if not graph.nodes:
        return '<p class="empty-note">No articles.</p>'
    lay = _layout(graph)
    width, height = int(lay.width), int(lay.height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="provenance" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Provenance graph: {len(graph.edges)} derivations among '
        f'{len(graph.nodes)} articles" font-family="Segoe UI, Helvetica Neue, Arial, sans-serif">',
        "<defs>",
    ]
    for kind, (colour, _) in _EDGE_STYLE.items():
        parts.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
            f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    for x, y, text in lay.headings:
        parts.append(
            f'<text x="{x}" y="{y}" font-size="11" fill="#5b6472" '
            f'letter-spacing="0.06em">{escape(text.upper())}</text>'
        )
    for e in graph.edges:
        parts.append(_edge_svg(e, lay, edge_link))
    for node in graph.nodes:
        parts.append(_node_svg(node, lay.boxes[node.id]))
    parts.append("</svg>")
    return "".join(parts)


def _node_svg(node: GraphNode, box: _Box) -> str:
    fill, stroke = _NODE_STYLE.get(node.role, _NODE_STYLE["independent"])
    when = (node.published or "date unknown")[:16].replace("T", " ")
    out = (
        f'<g class="node node-{node.role}" data-article="{escape(node.id)}" '
        f'data-role="{node.role}"><title>{escape(node.id)} · {escape(node.outlet)} · '
        f"{escape(node.role)}</title>"
        f'<rect x="{box.x}" y="{box.y}" width="{NODE_W}" height="{NODE_H}" rx="5" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
        f'<text x="{box.x + 10}" y="{box.y + 20}" font-size="13" font-weight="700" '
        f'fill="#1d2430">{escape(_truncate(node.label, 24))}</text>'
        f'<text x="{box.x + 10}" y="{box.y + 37}" font-size="11" fill="#5b6472">'
        f"{escape(when)}{' · derived' if node.role in ('derived', 'relay') else ''}</text>"
    )
    if node.flag_count:
        cx, cy = box.x + NODE_W - 4, box.y + 4
        out += (
            f'<circle cx="{cx}" cy="{cy}" r="10" fill="#b3261e"/><text x="{cx}" y="{cy + 4}" '
            f'font-size="11" font-weight="700" fill="#fff" text-anchor="middle">'
            f"{node.flag_count}</text>"
        )
    return out + "</g>"


def _edge_svg(edge: GraphEdge, lay: _Layout, edge_link: EdgeLink | None) -> str:
    a, b = lay.boxes[edge.source], lay.boxes[edge.derived]
    colour, dash = _EDGE_STYLE.get(edge.kind, _EDGE_STYLE["paraphrase"])
    arc = lay.arc_floor.get((edge.source, edge.derived))
    if arc is None:  # neighbouring columns: a gentle S from right side to left side
        x1, y1, x2, y2 = a.x + NODE_W, a.y + NODE_H / 2, b.x - 2, b.y + NODE_H / 2
        bend = (x2 - x1) / 2
        path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
        label_x, label_y = x2 - 42, y2 - 7
    else:  # skipping columns: an arc below the boxes, into the bottom of the derived article
        floor, slot = arc
        x1, y1 = a.x + NODE_W * (0.5 + 0.1 * slot), a.y + NODE_H
        x2, y2 = b.x + NODE_W * (0.2 + 0.14 * slot), b.y + NODE_H + 2
        ctrl = y1 + (floor - y1) / 0.75
        path = f"M{x1},{y1} C{x1},{ctrl} {x2},{ctrl} {x2},{y2}"
        label_x, label_y = (x1 + x2) / 2, floor + 4
    width = 1.2 + 2.8 * max(0.0, min(1.0, edge.score))
    title = (
        f"{edge.source} → {edge.derived}: {edge.kind}, score {edge.score:.2f}, "
        f"{edge.shared_sentences} shared sentences"
        + (f"; {edge.direction_evidence}" if edge.direction_evidence else "")
    )
    kind = escape(edge.kind)
    body = (
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width:.1f}"'
        + (f' stroke-dasharray="{dash}"' if dash else "")
        + f' marker-end="url(#arrow-{kind})"/>'
        f'<text x="{label_x}" y="{label_y}" font-size="10.5" fill="{colour}" '
        f'text-anchor="middle" paint-order="stroke" stroke="#ffffff" stroke-width="3">'
        f"{kind} {edge.score:.2f}</text>"
    )
    group = (
        f'<g class="edge edge-{kind}" data-source="{escape(edge.source)}" '
        f'data-derived="{escape(edge.derived)}"><title>{escape(title)}</title>{body}</g>'
    )
    if edge_link is None:
        return group
    return f'<a href="{escape(edge_link(edge.source, edge.derived))}">{group}</a>'


_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def diff_anchor(source: str, derived: str) -> str:
    """In-page anchor of one derivation's diff."""
    return "#diff-" + _ANCHOR_UNSAFE.sub("_", source) + "--" + _ANCHOR_UNSAFE.sub("_", derived)


class ReportLinks:
    """Where things live inside the single-page report: in-page anchors."""

    def diff(self, source: str, derived: str) -> str:
        return diff_anchor(source, derived)

    def claims(self, story_id: str) -> str:
        return "#claims"


def render_story_html(store: Store, story_id: str) -> str:
    """One self-contained HTML page for a story (raises views.ViewNotFound for an unknown id)."""
    view, diffs = story_with_diffs(store, story_id)
    template = _report_environment().get_template("story_report.html.j2")
    return template.render(
        view=view,
        diffs=diffs,
        links=ReportLinks(),
        svg=_markup(provenance_svg(view.graph, diff_anchor)),
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _markup(svg: str) -> Any:
    from markupsafe import Markup

    return Markup(svg)
