"""The story as Markdown: the same view as the HTML report, for terminals, tickets and diffs."""

from __future__ import annotations

from newstrace.report.views import (
    ROLE_LABEL,
    DerivationSummary,
    DiffView,
    Segment,
    StoryView,
    story_with_diffs,
)
from newstrace.report.views.text import relation_label
from newstrace.store.base import Store

_ROLE = {role: f" _({label})_" for role, label in ROLE_LABEL.items() if role != "independent"}
_CELL = {"supported": "✓", "contradicted": "✗", "silent": "·"}


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.replace("|", "\\|").split())


def _when(ts: str | None) -> str:
    return ts[:16].replace("T", " ") if ts else "date unknown"


def _segments(segments: list[Segment]) -> str:
    """Changed words in bold, so a reworded sentence shows what moved."""
    return "".join(f"**{s.text}**" if s.op == "changed" else s.text for s in segments)


def render_story_markdown(store: Store, story_id: str) -> str:
    """Markdown report of one story (raises views.ViewNotFound for an unknown id)."""
    view, diffs = story_with_diffs(store, story_id)
    lines: list[str] = []
    _header(view, lines)
    _timeline(view, lines)
    _graph(view, lines)
    _flags(view, lines)
    _quotes(view, lines)
    _figures(view, lines)
    _entities(view, lines)
    _claims(view, lines)
    lines += ["## Each derivation, side by side", ""]
    if not diffs:
        lines += ["_No derivations to compare._", ""]
    for diff in diffs:
        _diff(diff, lines)
    return "\n".join(lines).rstrip() + "\n"


def _header(view: StoryView, lines: list[str]) -> None:
    s = view.story
    lines += [
        f"# {s.title}",
        "",
        f"Story `{s.id}`: {s.article_count} articles from "
        f"{s.outlet_count or 'unnamed'} outlets, "
        f"{s.derivation_count} derivations, {s.flag_count} flags. "
        f"First seen {_when(s.first_seen)}, last seen {_when(s.last_seen)}.",
        "",
    ]
    lines += [f"> **Note:** {n}\n" for n in view.notices]


def _timeline(view: StoryView, lines: list[str]) -> None:
    lines += ["## Timeline", ""]
    for day in view.timeline:
        lines.append(f"- **{day.date}**")
        lines += [f"  - new development: {ev}" for ev in day.new_events]
        for e in day.entries:
            time = e.published[11:16] if e.published and len(e.published) >= 16 else ""
            role = _ROLE.get(e.role, "")
            lines.append(
                f"  - {time} {e.outlet}: {e.title} (`{e.article}`){role}".replace("   ", " ")
            )
    lines.append("")


def _graph(view: StoryView, lines: list[str]) -> None:
    lines += ["## Who copied whom", ""]
    if not view.derivations:
        lines += [
            "_No link between these articles cleared the bar; that is not evidence that each "
            "was written independently._",
            "",
        ]
        return
    lines += [
        "| source | → | derived | kind | score | shared sentences | direction |",
        "|---|---|---|---|---:|---:|---|",
    ]
    for d in view.derivations:
        lines.append(
            f"| {_cell(d.source_label)} (`{d.source}`) | → | {_cell(d.derived_label)} "
            f"(`{d.derived}`) | {_kind(d)} | {d.score:.2f} | {d.shared_sentences} | "
            f"{_direction(d)} |"
        )
    lines.append("")


def _kind(d: DerivationSummary | DiffView) -> str:
    return f"possible rewrite ({d.score:.2f})" if d.strength != "derived" else d.kind


def _direction(d: DerivationSummary | DiffView) -> str:
    if d.direction == "undetermined":
        return "order undetermined (source and derived in no particular order)"
    return _cell(d.direction_evidence) or "—"


def _flags(view: StoryView, lines: list[str]) -> None:
    lines += ["## What was invented or changed", ""]
    if not view.flag_groups:
        checked = any(d.strength == "derived" for d in view.derivations)
        lines += [
            "_No flags raised. Only sentences of articles found to be derived are checked "
            "against their sources; this is not proof that every sentence is supported._"
            if checked
            else "_No flags raised: no article was found to be derived, so no sentence was "
            "checked against a source._",
            "",
        ]
    for group in view.flag_groups:
        counts = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(group.counts.items()))
        lines += [f"### {group.outlet} (`{group.article}`): {counts}", ""]
        for f in group.flags:
            where = f"sentence {f.sentence + 1}, " if f.sentence >= 0 else ""
            reason = f" — {f.reason}" if f.reason else ""
            lines += [f"**{f.kind.replace('_', ' ')}** ({where}score {f.score:.2f}){reason}", ""]
            lines += [f"> {f.text}", ""]
            if f.evidence:
                label = _EVIDENCE_LABEL.get(f.kind, "evidence")
                lines += [
                    f"- {label}, {ev.outlet} (`{ev.article}`): “{ev.text}”" for ev in f.evidence
                ]
            else:
                lines.append("- evidence: no article in the story says this")
            lines.append("")


# an unsupported sentence has no evidence, only the nearest thing its sources say
_EVIDENCE_LABEL = {
    "unsupported": "closest in its sources (does not say this)",
    "altered": "what the source said",
}


def _quotes(view: StoryView, lines: list[str]) -> None:
    lines += ["## Who is quoted saying what", ""]
    if not view.quotes:
        lines += ["_No quotes found._", ""]
    for g in view.quotes:
        lines.append(f"**{g.speaker}**")
        lines.append("")
        for q in g.quotes:
            text = f"“{q.text}”" if q.kind == "direct" else f"{q.text} (paraphrased)"
            mark = " **[not in any source]**" if q.unsupported else ""
            lines.append(f"- {text} — {', '.join(q.outlets)}{mark}")
        lines.append("")


def _figures(view: StoryView, lines: list[str]) -> None:
    lines += ["## Figures", ""]
    if not view.figures:
        lines += ["_No figures found._", ""]
    for g in view.figures:
        distinct = len({f.display for f in g.figures})
        differ = f" — {distinct} different figures" if g.values_differ else ""
        lines += [f"**{g.unit}**{differ}", "", "| figure | stated by | reported by | sentence |"]
        lines.append("|---:|---|---|---|")
        for f in g.figures:
            lines.append(
                f"| {f.display} | {_cell(f.attributed_to or 'the outlet itself')} | "
                f"{_cell(', '.join(f.outlets))} | {_cell(f.text)} |"
            )
        lines.append("")


def _entities(view: StoryView, lines: list[str]) -> None:
    lines += ["## People, organisations and places", ""]
    if not view.entities:
        lines += ["_No entities found._", ""]
        return
    lines += ["| name | type | also written as | articles |", "|---|---|---|---:|"]
    for e in view.entities:
        aliases = _cell(", ".join(e.aliases)) or "—"
        lines.append(f"| {_cell(e.name)} | {e.type} | {aliases} | {len(e.articles)} |")
    lines.append("")


def _claims(view: StoryView, lines: list[str]) -> None:
    matrix = view.claims
    lines += ["## Claims across articles", ""]
    if not matrix.rows:
        lines += ["_No claims extracted._", ""]
        return
    lines.append("✓ states it · ✗ contradicts it · · silent")
    lines.append("")
    lines.append("| claim | " + " | ".join(_cell(c.label) for c in matrix.columns) + " |")
    lines.append("|---|" + "|".join(":-:" for _ in matrix.columns) + "|")
    for r in matrix.rows:
        cells = " | ".join(_CELL[c.state] for c in r.cells)
        lines.append(f"| {_cell(r.text)} | {cells} |")
    lines.append("")


def render_compare_markdown(diff: DiffView) -> str:
    """Markdown of a compare view (`newstrace compare A B`): B aligned to A, with verdicts."""
    lines: list[str] = []
    _diff(diff, lines)
    return "\n".join(lines).rstrip() + "\n"


def _link_line(diff: DiffView) -> str:
    if diff.mode != "compare":
        order = "; order undetermined" if diff.direction == "undetermined" else ""
        return f"{_kind(diff)}, score {diff.score:.2f}{order}"
    bar = f"the bar of {diff.threshold:.2f} for a derivation"
    found = {
        "derived": "the story analysis links them"
        + (" (order undetermined)" if diff.direction == "undetermined" else ""),
        "possible": "the story analysis found a possible rewrite",
    }.get(diff.strength, "the story analysis found no link")
    verdicts = ", ".join(f"{n} {label}" for label, n in sorted(diff.verdicts.items()))
    return (
        f"Link score {diff.score:.2f}, {'at or above' if diff.above_bar else 'below'} {bar}; "
        f"{found}. Checker on the {sum(diff.verdicts.values())} sentences of "
        f"`{diff.derived.id}` against `{diff.source.id}`: {verdicts}. Rows"
    )


def _diff(diff: DiffView, lines: list[str]) -> None:
    compare = diff.mode == "compare"
    counts = ", ".join(
        f"{n} {relation_label(rel, compare)}" for rel, n in sorted(diff.counts.items())
    )
    how = "compared with" if compare else "from"
    lines += [
        f"### {diff.derived.outlet} (`{diff.derived.id}`) {how} {diff.source.outlet} "
        f"(`{diff.source.id}`)",
        "",
        f"{_link_line(diff)}; {counts}. Changed words in **bold**.",
        "",
        "| relation | checker | sentence | against |"
        if compare
        else "| relation | derived | source |",
        "|---|---|---|---|" if compare else "|---|---|---|",
    ]
    for row in diff.rows:
        plain = row.relation in ("added", "invented")
        derived = "".join(s.text for s in row.derived) if plain else _segments(row.derived)
        derived = _cell(derived)
        if row.flag_kind:
            why = f"{row.flag_kind.replace('_', ' ')}" + (
                f": {row.flag_reason}" if row.flag_reason else ""
            )
            derived += f" _[{_cell(why)}]_"
        source = _cell(_segments(row.source)) if row.source else ""
        if compare:
            verdict = row.verdict or ""
            if row.verdict_reason:
                verdict += f": {_cell(row.verdict_reason)}"
            lines.append(
                f"| {relation_label(row.relation, compare)} | {verdict} | {derived} | {source} |"
            )
        else:
            lines.append(f"| {row.relation} | {derived} | {source} |")
    lines.append("")
