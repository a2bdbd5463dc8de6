"""The story as one self-contained HTML page: inline CSS, inline SVG, no network requests.

The page sections are Jinja2 macros (templates/sections.html.j2) shared with the web UI, and the
provenance graph is drawn here as SVG so both surfaces show the same picture.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import TYPE_CHECKING, Any

from newstrace import __version__
from newstrace.report.views import GraphView, story_with_diffs
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


def provenance_svg(graph: GraphView, edge_link: EdgeLink | None = None) -> str:
    """The provenance graph as inline SVG: articles as boxes, arrows from source to derived."""
    if not graph.nodes:
        return '<p class="empty-note">No articles.</p>'
    depth = _layers(graph)
    linked = {e.source for e in graph.edges} | {e.derived for e in graph.edges}
    columns: dict[int, list[str]] = defaultdict(list)
    unlinked = []
    for node in graph.nodes:  # nodes arrive in publication order
        if node.id in linked:
            columns[depth[node.id]].append(node.id)
        else:
            unlinked.append(node.id)
    if unlinked:
        columns[max(columns, default=-1) + 1] = unlinked
    boxes: dict[str, _Box] = {}
    for col, ids in sorted(columns.items()):
        for row, nid in enumerate(ids):
            boxes[nid] = _Box(PAD + col * (NODE_W + COL_GAP), PAD + 22 + row * (NODE_H + ROW_GAP))
    width = PAD * 2 + len(columns) * NODE_W + (len(columns) - 1) * COL_GAP
    tallest = max(len(ids) for ids in columns.values())
    height = PAD * 2 + 22 + tallest * (NODE_H + ROW_GAP)

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
            f'<path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    headings = ["originals", *[f"derived, step {c}" for c in range(1, len(columns))]]
    if unlinked:
        headings[len(columns) - 1] = "no derivation found"
    for col in range(len(columns)):
        x = PAD + col * (NODE_W + COL_GAP)
        parts.append(
            f'<text x="{x}" y="{PAD + 10}" font-size="11" fill="#5b6472" '
            f'letter-spacing="0.06em">{escape(headings[col].upper())}</text>'
        )
    for e in graph.edges:
        parts.append(_edge_svg(e.source, e.derived, e.kind, e.score, boxes, edge_link, e))
    for node in graph.nodes:
        box = boxes[node.id]
        fill, stroke = _NODE_STYLE.get(node.role, _NODE_STYLE["independent"])
        when = (node.published or "date unknown")[:16].replace("T", " ")
        parts.append(
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
            parts.append(
                f'<circle cx="{cx}" cy="{cy}" r="10" fill="#b3261e"/><text x="{cx}" y="{cy + 4}" '
                f'font-size="11" font-weight="700" fill="#fff" text-anchor="middle">'
                f"{node.flag_count}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _edge_svg(
    source: str,
    derived: str,
    kind: str,
    score: float,
    boxes: dict[str, _Box],
    edge_link: EdgeLink | None,
    edge: Any,
) -> str:
    a, b = boxes[source], boxes[derived]
    colour, dash = _EDGE_STYLE.get(kind, _EDGE_STYLE["paraphrase"])
    if b.x > a.x:
        x1, y1, x2, y2 = a.x + NODE_W, a.y + NODE_H / 2, b.x - 2, b.y + NODE_H / 2
        bend = (x2 - x1) / 2
        path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
    else:  # same column (or backwards): loop out on the right
        x1, y1, x2, y2 = a.x + NODE_W, a.y + NODE_H / 2, b.x + NODE_W + 2, b.y + NODE_H / 2
        path = f"M{x1},{y1} C{x1 + 60},{y1} {x2 + 60},{y2} {x2},{y2}"
    width = 1.2 + 2.8 * max(0.0, min(1.0, score))
    # label near the arrow head, where edges fanning out of one source no longer overlap
    mid_x, mid_y = x2 - 42, y2 - 7
    title = (
        f"{source} → {derived}: {kind}, score {score:.2f}, "
        f"{edge.shared_sentences} shared sentences"
        + (f"; {edge.direction_evidence}" if edge.direction_evidence else "")
    )
    body = (
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width:.1f}"'
        + (f' stroke-dasharray="{dash}"' if dash else "")
        + f' marker-end="url(#arrow-{escape(kind)})"/>'
        f'<text x="{mid_x}" y="{mid_y}" font-size="10.5" fill="{colour}" text-anchor="middle" '
        f'paint-order="stroke" stroke="#ffffff" stroke-width="3">{escape(kind)} '
        f"{score:.2f}</text>"
    )
    group = (
        f'<g class="edge edge-{escape(kind)}" data-source="{escape(source)}" '
        f'data-derived="{escape(derived)}"><title>{escape(title)}</title>{body}</g>'
    )
    if edge_link is None:
        return group
    return f'<a href="{escape(edge_link(source, derived))}">{group}</a>'


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
    template = environment().get_template("story_report.html.j2")
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
