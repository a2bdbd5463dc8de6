"""Which of two related articles a third was written from: the one whose own material it carries.

Two rewrites of one source resemble each other because they share it, and the same writer's
phrasing can make them closer to each other than either is to the source; a rewrite of a
rewrite resembles its source for the same reason. Closeness does not tell these apart. What
does is the material only one of the two candidate parents has, its own sentences (a
rewrite's framing, padding and inventions; an original's details that a condensation cut):
an article written from X restates some of what only X says; an article written from their
common source restates none of X's own sentences. When neither parent's own material is
carried, the article restates only what both say and the source of the two is named.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from newstrace.model import Derivation

# for one article's sentences, the best similarity in another article and that sentence's index
BestIn = Callable[[str, str], tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]]

# a source restating this share of what its rewrite restates of a third article explains that
# article about as well
SIBLING_SHARE = 0.75
# an article carries a parent's own material when it restates this many of its own sentences
CARRIED = 3
# ... each this much closer to that parent's sentence than to anything the other parent says
# (two rewrites by one hand share phrasing: a little closer is not carried)
CARRIED_MARGIN = 0.15


def carried(best_in: BestIn, derived: str, parent: str, other: str, low: float, mid: float) -> int:
    """How many of `derived`'s sentences restate (at `mid`) a sentence of `parent` that
    `other` does not restate (below `mid`), each clearly closer to it than to `other`."""
    sims, index = best_in(derived, parent)
    if not len(sims) or float(sims.max()) < mid:  # nothing restated: no other article to read
        return 0
    in_other, _ = best_in(derived, other)
    parent_in_other, _ = best_in(parent, other)
    if not len(parent_in_other):
        return 0
    return sum(
        1
        for k in range(len(sims))
        if sims[k] >= mid
        and sims[k] - in_other[k] >= CARRIED_MARGIN
        and parent_in_other[int(index[k])] < mid
    )


def _between(every: list[Derivation]) -> dict[frozenset[str], Derivation]:
    """The link between each linked pair (a derived link over a possible one)."""
    found = {frozenset((d.source, d.derived)): d for d in every if d.strength != "derived"}
    found.update({frozenset((d.source, d.derived)): d for d in every if d.strength == "derived"})
    return found


def nearest_parents(
    links: list[Derivation],
    every: list[Derivation],
    best_in: BestIn,
    levels: tuple[float, float],
    restated: Callable[[Derivation], float],
) -> list[Derivation]:
    """Of two links X -> D and Z -> D whose parents are linked to each other (in `every`,
    possible links too), keep the parent whose own material D carries (both when it carries
    each one's: a merge); when it carries neither's, the source of the two (when which of
    them came first is undetermined, only if it restates about as much of D as the other:
    `restated` is the share of D's sentences a link's source restates)."""
    low, mid = levels
    between = _between(every)
    parents: dict[str, list[Derivation]] = {}
    for d in links:
        parents.setdefault(d.derived, []).append(d)
    dropped: set[int] = set()
    for derived, found in parents.items():
        for i, x_link in enumerate(found):
            for z_link in found[i + 1 :]:
                x, z = x_link.source, z_link.source
                link = between.get(frozenset((x, z)))
                if link is None or id(x_link) in dropped or id(z_link) in dropped:
                    continue
                if x_link.group or z_link.group:  # a copy names its original by its wording
                    continue
                from_x = carried(best_in, derived, x, z, low, mid)
                from_z = carried(best_in, derived, z, x, low, mid)
                if from_x >= CARRIED and from_z >= CARRIED:
                    continue
                if max(from_x, from_z) >= CARRIED:  # it carries one's own material
                    dropped.add(id(z_link) if from_x > from_z else id(x_link))
                else:  # only what both say: from the source of the two, unless which came
                    # first is undetermined and the other explains much more of it
                    first, second = (z_link, x_link) if link.source == z else (x_link, z_link)
                    if link.direction != "decided" and (
                        restated(first) < SIBLING_SHARE * restated(second)
                    ):
                        first, second = second, first
                    dropped.add(id(second))
    return [d for d in links if id(d) not in dropped]


def common_source(
    link: Derivation, every: list[Derivation], best_in: BestIn, low: float, mid: float
) -> str | None:
    """The source Z of `link`'s source X when the derived article carries none of X's own
    material: then it is X's sibling, written from Z, not from X."""
    x, derived = link.source, link.derived
    if link.group:  # a copy names its original by its wording
        return None
    for parent in every:
        if (
            parent.strength != "derived"
            or parent.direction != "decided"
            or parent.derived != x
            or parent.source == derived
        ):
            continue
        if carried(best_in, derived, x, parent.source, low, mid) < CARRIED:
            return parent.source
    return None


# a second source of a merge has this share of its sentences, at most, restated in the merge:
# an original report merged in keeps much of its own; a rewrite of the merge keeps little else
MERGED_FROM_SHARE = 0.7


def second_sources(
    links: list[Derivation],
    every: list[Derivation],
    neighbours: Callable[[str], list[str]],
    best_in: BestIn,
    levels: tuple[float, float],
) -> list[tuple[Derivation, str]]:
    """(S1 -> D, S2) for each article D written from S1 that also carries the own material of
    a neighbour S2, while S1's own material is carried too: D merges two reports, each of
    which says what the other does not. S2 keeps much of its own (it is no rewrite of D)."""
    low, mid = levels
    linked: dict[str, set[str]] = {}
    for d in every:
        if d.strength == "derived":
            linked.setdefault(d.source, set()).add(d.derived)
            linked.setdefault(d.derived, set()).add(d.source)
    found: list[tuple[Derivation, str]] = []
    seen: set[tuple[str, str]] = set()
    for d in links:
        if d.group or d.strength != "derived":
            continue
        s1, derived = d.source, d.derived
        parents = {k.source for k in every if k.derived == derived and k.strength == "derived"}
        # a rewrite or copy of one of its parents is a sibling, not a second source
        kin = set().union(*(linked.get(p, set()) for p in parents))
        for s2 in neighbours(derived):
            if s2 in parents or s2 in kin or (s2, derived) in seen:
                continue
            in_merge, _ = best_in(s2, derived)
            if len(in_merge) and float(np.mean(in_merge >= mid)) > MERGED_FROM_SHARE:
                continue
            if carried(best_in, derived, s2, s1, low, mid) < CARRIED:
                continue
            if carried(best_in, derived, s1, s2, low, mid) < CARRIED:
                continue
            found.append((d, s2))
            seen.add((s2, derived))
            parents.add(s2)
            kin |= linked.get(s2, set())
    return found
