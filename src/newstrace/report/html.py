"""The story as one self-contained HTML page: inline CSS, inline SVG, no network requests.

The page sections are Jinja2 macros (templates/sections.html.j2) shared with the web UI, and the
provenance graph is drawn here as SVG so both surfaces show the same picture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import TYPE_CHECKING, Any

from newstrace import __version__
from newstrace.report.views import (
    ROLE_HINT,
    ROLE_LABEL,
    GraphEdge,
    GraphNode,
    GraphView,
    story_with_diffs,
)
from newstrace.store.base import Store

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

EdgeLink = Callable[[str, str], str]

# the graph is an arc diagram: articles stacked in publication order, each derivation an arc in
# the left gutter from the earlier (source) row down to the later (derived) row
NODE_W, NODE_H, ROW_H = 330, 44, 56
PAD, TOP, NOTE_W = 16, 34, 420
MAX_GUTTER = 260
_EDGE_STYLE = {
    "verbatim": ("#2b2f36", ""),
    "syndication": ("#1f4e79", ""),
    "paraphrase": ("#6a4c93", "6 4"),
    "possible": ("#8a8f98", "2 4"),  # a possible rewrite: below the bar, drawn faint and dotted
}
_NODE_STYLE = {
    "source": ("#ffffff", "#1f4e79"),
    "derived": ("#fbe7cf", "#b86e12"),
    "relay": ("#fbe7cf", "#b86e12"),
    "possible": ("#f2f0ea", "#8a6d3b"),
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
    env.filters["emphasise"] = emphasise
    env.filters["web_url"] = web_url
    env.filters["anchor_id"] = anchor_id
    env.globals.update(role_label=ROLE_LABEL, role_hint=ROLE_HINT)
    return env


def web_url(url: str | None) -> str | None:
    """The URL if it is a plain web address; None for javascript:, data: and other schemes."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def emphasise(text: str, part: str) -> Any:
    """`text`, escaped, with the first occurrence of `part` in bold (a figure in its sentence)."""
    from markupsafe import Markup
    from markupsafe import escape as markup_escape

    at = text.find(part) if part else -1
    if at < 0:
        return markup_escape(text)
    before, after = text[:at], text[at + len(part) :]
    return Markup("{}<b>{}</b>{}").format(before, part, after)


@functools.cache
def _report_environment() -> Environment:
    """Templates compile once per process, not once per report."""
    return environment()


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class _Row:
    y: float  # top of the article's box
    index: int


def provenance_svg(
    graph: GraphView,
    edge_link: EdgeLink | None = None,
    node_link: Callable[[str], str] | None = None,
) -> str:
    """The provenance graph as inline SVG: articles in time order, arcs from source to derived."""
    if not graph.nodes:
        return '<p class="empty-note">No articles.</p>'
    rows = {n.id: _Row(TOP + i * ROW_H, i) for i, n in enumerate(graph.nodes)}
    edges = [e for e in graph.edges if e.source in rows and e.derived in rows]
    max_span = max((abs(rows[e.derived].index - rows[e.source].index) for e in edges), default=0)
    gutter = min(MAX_GUTTER, 24 + 26 * max_span) if edges else 0
    node_x = PAD + gutter
    width = node_x + NODE_W + 16 + NOTE_W
    height = TOP + len(graph.nodes) * ROW_H + PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="provenance" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Provenance graph: {len(edges)} derivations among '
        f'{len(graph.nodes)} articles" font-family="Segoe UI, Helvetica Neue, Arial, sans-serif">',
        "<defs>",
    ]
    for kind, (colour, _) in _EDGE_STYLE.items():
        parts.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" '
            f'markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    parts.append(
        f'<text x="{node_x}" y="{TOP - 12}" font-size="11" fill="#5b6472" letter-spacing="0.06em">'
        "ARTICLES, EARLIEST FIRST</text>"
    )
    if edges:
        parts.append(
            f'<text x="{PAD}" y="{TOP - 12}" font-size="11" fill="#5b6472" '
            'letter-spacing="0.06em">COPIED →</text>'
        )
    # longer arcs first, so short ones are drawn on top of them
    for e in sorted(edges, key=lambda e: -abs(rows[e.derived].index - rows[e.source].index)):
        span = abs(rows[e.derived].index - rows[e.source].index)
        reach = 16 + (gutter - 24) * span / max(1, max_span)
        parts.append(_edge_svg(e, rows, node_x, reach, edge_link))
    notes = _node_notes(graph, edges)
    for node in graph.nodes:
        drawn = _node_svg(node, node_x, rows[node.id].y, notes[node.id])
        if node_link is not None:
            target = node.members[0] if node.members else node.id
            label = f"{node.outlet}: read the article"
            drawn = (
                f'<a href="{escape(node_link(target))}" aria-label="{escape(label)}">{drawn}</a>'
            )

        parts.append(drawn)
    parts.append("</svg>")
    return "".join(parts)


def _node_notes(graph: GraphView, edges: list[GraphEdge]) -> dict[str, str]:
    """One line beside each article: where it came from, or who copied it."""
    label = {n.id: n.label for n in graph.nodes}
    notes: dict[str, str] = {}
    for node in graph.nodes:
        sure = [e for e in edges if e.strength == "derived"]
        sources = sorted((e for e in sure if e.derived == node.id), key=lambda e: -e.score)
        copies = [e for e in sure if e.source == node.id]
        maybe = [e for e in edges if e.strength != "derived" and node.id in (e.source, e.derived)]
        if sources:
            best = sources[0]
            note = f"from {label[best.source]} · {best.kind} {best.score:.2f}"
            if best.direction == "undetermined":
                note = f"linked to {label[best.source]} · order undetermined · {best.score:.2f}"
            if len(sources) > 1:
                note += f" · +{len(sources) - 1} more"
        elif copies:
            note = f"copied by {len(copies)} article{'s' if len(copies) != 1 else ''}"
        elif maybe:
            best = max(maybe, key=lambda e: e.score)
            other = best.source if best.derived == node.id else best.derived
            note = f"possible rewrite, with {label[other]} ({best.score:.2f})"
        else:
            note = "no link found to another article here"
        if node.members:
            note = f"{len(node.members)} copies: {node.outlet}"
        notes[node.id] = note
    return notes


def _node_svg(node: GraphNode, x: float, y: float, note: str) -> str:
    fill, stroke = _NODE_STYLE.get(node.role, _NODE_STYLE["independent"])
    when = (node.published or "date unknown")[:16].replace("T", " ")
    role = ROLE_LABEL.get(node.role, "") if node.role != "independent" else ""
    out = (
        f'<g class="node node-{node.role}" data-article="{escape(node.id)}" '
        f'data-role="{node.role}"><title>{escape(node.id)} · {escape(node.outlet)} · '
        f"{escape(node.role)}</title>"
        f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="5" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
        f'<text x="{x + 10}" y="{y + 18}" font-size="13" font-weight="700" '
        f'fill="#1d2430">{escape(_truncate(node.label, 40))}</text>'
        f'<text x="{x + 10}" y="{y + 35}" font-size="11" fill="#5b6472">'
        f"{escape(when)}{'' if node.label == node.id else ' · ' + escape(_truncate(node.id, 30))}"
        "</text>"
    )
    if role:
        out += (
            f'<text x="{x + NODE_W - 20}" y="{y + 18}" font-size="10" font-weight="700" '
            f'fill="{stroke}" text-anchor="end" letter-spacing="0.05em">{role.upper()}</text>'
        )
    if node.flag_count:
        cx, cy = x + NODE_W - 4, y + 4
        out += (
            f'<circle cx="{cx}" cy="{cy}" r="10" fill="#b3261e"/><text x="{cx}" y="{cy + 4}" '
            f'font-size="11" font-weight="700" fill="#fff" text-anchor="middle">'
            f"{node.flag_count}</text>"
        )
    out += (
        f'<text x="{x + NODE_W + 16}" y="{y + NODE_H / 2 + 4}" font-size="12" '
        f'fill="#3b4350">{escape(_truncate(note, 62))}</text>'
    )
    return out + "</g>"


def _edge_svg(
    edge: GraphEdge, rows: dict[str, _Row], node_x: float, reach: float, edge_link: EdgeLink | None
) -> str:
    """An arc in the left gutter from the source's row to the derived article's row."""
    style = "possible" if edge.strength != "derived" else edge.kind
    colour, dash = _EDGE_STYLE.get(style, _EDGE_STYLE["paraphrase"])
    y1 = rows[edge.source].y + NODE_H / 2 + 7  # leaves below the middle of the source ...
    y2 = rows[edge.derived].y + NODE_H / 2 - 7  # ... and arrives above the middle of the derived
    x = node_x - 1
    ctrl = x - reach / 0.75  # a cubic with both handles here bulges exactly `reach` to the left
    path = f"M{x},{y1} C{ctrl:.1f},{y1} {ctrl:.1f},{y2} {x - 1},{y2}"
    width = 1.2 + 2.3 * max(0.0, min(1.0, edge.score))
    what = "possible rewrite" if edge.strength != "derived" else edge.kind
    order = (
        "source and derived in no particular order"
        if edge.direction == "undetermined"
        else edge.direction_evidence
    )
    title = (
        f"{edge.source} → {edge.derived}: {what}, score {edge.score:.2f}, "
        f"{edge.shared_sentences} shared sentences" + (f"; {order}" if order else "")
    )
    kind = escape(style)
    body = (
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width:.1f}"'
        + (f' stroke-dasharray="{dash}"' if dash else "")
        # no arrow head where the order is undetermined: the arc joins, it does not point
        + (f' marker-end="url(#arrow-{kind})"' if edge.direction != "undetermined" else "")
        + "/>"
        # a wide transparent twin makes the thin arc easy to hover and click
        + f'<path d="{path}" fill="none" stroke="transparent" stroke-width="10"/>'
    )
    group = (
        f'<g class="edge edge-{kind}" data-source="{escape(edge.source)}" '
        f'data-derived="{escape(edge.derived)}"><title>{escape(title)}</title>{body}</g>'
    )
    if edge_link is None:
        return group
    label = f"{what} from {edge.source} to {edge.derived}: compare side by side"
    href = escape(
        edge_link(edge.source_article or edge.source, edge.derived_article or edge.derived)
    )
    return f'<a href="{href}" aria-label="{escape(label)}">{group}</a>'


_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def anchor_id(text: str) -> str:
    """`text` made safe as (part of) an HTML id."""
    return _ANCHOR_UNSAFE.sub("_", text)


def diff_anchor(source: str, derived: str) -> str:
    """In-page anchor of one derivation's diff."""
    return f"#diff-{anchor_id(source)}--{anchor_id(derived)}"


class ReportLinks:
    """Where things live inside the single-page report: in-page anchors."""

    def diff(self, source: str, derived: str) -> str:
        return diff_anchor(source, derived)

    def claims(self, story_id: str) -> str:
        return "#claims"

    def article(self, article_id: str) -> str:
        return "#article-" + anchor_id(article_id)


def render_story_html(store: Store, story_id: str) -> str:
    """One self-contained HTML page for a story (raises views.ViewNotFound for an unknown id)."""
    view, diffs = story_with_diffs(store, story_id)
    template = _report_environment().get_template("story_report.html.j2")
    links = ReportLinks()
    return template.render(
        view=view,
        diffs=diffs,
        links=links,
        svg=_markup(provenance_svg(view.graph, diff_anchor, links.article)),
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


def _markup(svg: str) -> Any:
    from markupsafe import Markup

    return Markup(svg)
