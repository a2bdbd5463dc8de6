"""Flags as a reader meets them: once each, grouped per article, tied to the diff that shows them."""

from __future__ import annotations

from collections import defaultdict

from newstrace.model import Article, Derivation, Flag
from newstrace.report.views.text import label_of, outlet_of
from newstrace.report.views.types import EvidenceView, FlagGroup, FlagView


def flag_view(flag: Flag, articles: dict[str, Article]) -> FlagView:
    """A flag with the titles and outlets of its article and evidence."""

    def meta(aid: str) -> tuple[str, str]:
        a = articles.get(aid)
        return (label_of(a), outlet_of(a)) if a else (aid, aid)

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


def link_flags_to_diffs(flags: list[FlagView], derivations: list[Derivation]) -> None:
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


# the order flags of one sentence are listed in
FLAG_ORDER = {"altered": 0, "contradiction": 1, "numeric_conflict": 2, "unsupported": 3}


def unique_flags(flags: list[Flag]) -> list[Flag]:
    """Each (article, kind, sentence, reason) once, even when several checks raised it."""
    seen: set[tuple[str, str, int, str, str]] = set()
    out = []
    for f in flags:
        key = (f.article, f.kind, f.sentence, f.reason, f.text)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def group_flags(flags: list[FlagView], ordered: list[Article]) -> list[FlagGroup]:
    """Flags per article, articles in publication order, each group in reading order."""
    groups: dict[str, FlagGroup] = {}
    for a in ordered:
        groups[a.id] = FlagGroup(a.id, label_of(a), outlet_of(a))
    for f in flags:
        group = groups.setdefault(f.article, FlagGroup(f.article, f.title, f.outlet))
        group.flags.append(f)
        group.counts[f.kind] = group.counts.get(f.kind, 0) + 1
    for group in groups.values():
        group.flags.sort(
            key=lambda f: (f.sentence if f.sentence >= 0 else 10**6, FLAG_ORDER.get(f.kind, 9))
        )
    return [g for g in groups.values() if g.flags]


def unsupported_by_article(flags: list[Flag]) -> dict[str, list[Flag]]:
    """The `unsupported` flags of each article."""
    by_article: dict[str, list[Flag]] = defaultdict(list)
    for f in flags:
        if f.kind == "unsupported":
            by_article[f.article].append(f)
    return by_article


def flag_on(flags: list[Flag], sentence: int, text: str) -> Flag | None:
    """The flag on this sentence: by index when set, else by its text."""
    for f in flags:
        if f.sentence >= 0 and f.sentence == sentence:
            return f
    norm = " ".join(text.split())
    for f in flags:
        if f.sentence < 0 and norm and norm in " ".join(f.text.split()):
            return f
    return None


def page_of_groups(groups: list[FlagGroup], page: int, size: int) -> list[FlagGroup]:
    """The flag groups holding flags number (page-1)*size .. page*size-1, in order (a group
    cut by a page edge is split, its counts kept whole so the summary still tells all)."""
    start, stop = (page - 1) * size, page * size
    out: list[FlagGroup] = []
    seen = 0
    for group in groups:
        first, seen = seen, seen + len(group.flags)
        if seen <= start or first >= stop:
            continue
        part = group.flags[max(0, start - first) : stop - first]
        out.append(FlagGroup(group.article, group.title, group.outlet, group.counts, part))
    return out
