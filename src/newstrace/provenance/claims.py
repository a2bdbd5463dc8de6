"""Claims: one fact as reported across articles, grouped from aligned sentences.

Sentences linked by a shared or reworded alignment form one claim; an altered link makes the
other article a contradictor of that claim.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from newstrace.align.sentences import PreparedArticle
from newstrace.model import Claim, SentencePair

Node = tuple[str, int]  # (article id, position in its sentence list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, x: Node) -> Node:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: Node, y: Node) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def build_claims(
    articles: Sequence[PreparedArticle],
    pairs: Iterable[SentencePair],
    order: dict[str, int],
) -> list[Claim]:
    """Claims reported by at least two articles, or contradicted by one; earliest wording first.

    `order` ranks article ids (publication order when known) to pick each claim's wording.
    """
    by_id = {p.article.id: p for p in articles}
    groups = _UnionFind()
    conflicts: list[tuple[Node, Node]] = []
    agreeing: list[tuple[Node, Node]] = []
    for pair in pairs:
        a: Node = (pair.source, pair.source_sentence)
        b: Node = (pair.derived, pair.derived_sentence)
        groups.find(a)
        groups.find(b)
        (conflicts if pair.relation == "altered" else agreeing).append((a, b))
    opposed: dict[Node, set[Node]] = defaultdict(set)
    for a, b in conflicts:
        opposed[a].add(b)
        opposed[b].add(a)
    group_members: dict[Node, set[Node]] = {n: {n} for n in groups.parent}
    for a, b in agreeing:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        # two sentences that conflict never end up in one claim, however they are linked
        if any(opposed[n] & group_members[rb] for n in group_members[ra]):
            continue
        groups.union(a, b)
        root = groups.find(a)
        group_members[root] = group_members.pop(ra) | group_members.pop(rb)
    members: dict[Node, list[Node]] = defaultdict(list)
    for node in list(groups.parent):
        members[groups.find(node)].append(node)
    contradicted: dict[Node, set[str]] = defaultdict(set)
    for a, b in conflicts:
        contradicted[groups.find(a)].add(b[0])
        contradicted[groups.find(b)].add(a[0])
    claims: list[Claim] = []
    for root, nodes in members.items():
        supporting = sorted({n[0] for n in nodes}, key=lambda x: (order.get(x, 0), x))
        against = sorted(contradicted.get(root, set()) - set(supporting))
        if len(supporting) < 2 and not against:
            continue
        first = min(nodes, key=lambda n: (order.get(n[0], 0), n[0], n[1]))
        prepared = by_id[first[0]]
        text = prepared.texts[first[1]]
        sentences: dict[str, int] = {}
        for article_id, position in sorted(nodes):
            sentences.setdefault(article_id, _sentence_index(by_id[article_id], position))
        claims.append(
            Claim(
                id="c" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10],
                text=text,
                articles=supporting,
                contradicted_by=against,
                attributed_to=_attribution(prepared, first[1]),
                sentences=sentences,
            )
        )
    claims.sort(key=lambda c: (-len(c.articles), c.id))
    return claims


def _sentence_index(article: PreparedArticle, position: int) -> int:
    sentences = article.article.sentences
    return sentences[position].index if position < len(sentences) else position


def _attribution(article: PreparedArticle, position: int) -> str | None:
    speaker = article.speakers[position] if position < len(article.speakers) else None
    if speaker:
        return speaker
    index = _sentence_index(article, position)
    for quantity in article.article.quantities:
        if quantity.sentence == index and quantity.attributed_to:
            return quantity.attributed_to
    return None
