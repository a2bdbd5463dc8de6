"""analyze_story: derivations, flags and claims for one story's analysed articles."""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.align.sentences import PreparedArticle, fill_gaps
from newstrace.align.support import SupportChecker
from newstrace.model import (
    Article,
    Derivation,
    DerivationStrength,
    Entity,
    Flag,
    SentencePair,
    StoryProvenance,
)
from newstrace.provenance.claims import build_claims
from newstrace.provenance.derivation import (
    POSSIBLE_THRESHOLD,
    PairEvidence,
    compare,
    with_restated_elsewhere,
)
from newstrace.provenance.direction import Direction, decide, timestamp
from newstrace.provenance.flags import conflict_flags, derived_flags, figure_conflicts
from newstrace.settings import Settings

# article pairs sharing less than this share of content words are not compared sentence by sentence
MIN_ARTICLE_OVERLAP = 0.08
# below this derivation score an added sentence may be the writer's own reporting: only
# changed facts are flagged, not additions
CONFIDENT_DERIVATION = 0.55
# an article less than this share of whose sentences restate its sources is mostly its own
# reporting that shares some passages (two reports of one event, or a piece quoting the
# wire): what it says beyond them is not "unsupported"
MIN_RESTATED_SHARE = 0.5
# a link this strong leaves no doubt that one article was written from the other
SURE_DERIVATION = 0.8


def _article_overlap(a: PreparedArticle, b: PreparedArticle) -> float:
    wa, wb = a.index.words, b.index.words
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _publication_order(articles: Sequence[Article]) -> dict[str, int]:
    """Rank by publication time when known; articles without one come after, in input order."""
    keyed = []
    for position, article in enumerate(articles):
        ts = timestamp(article)
        keyed.append((ts is None, ts or 0.0, position, article.id))
    return {article_id: rank for rank, (*_, article_id) in enumerate(sorted(keyed))}


def analyze_story(
    articles: list[Article], entities: list[Entity], settings: Settings | None = None
) -> StoryProvenance:
    """Who was written from whom, what each derived article invented or changed, the claims."""
    settings = settings or Settings()
    checker = SupportChecker(settings)
    prepared = {a.id: PreparedArticle.of(a) for a in articles}
    by_id = {a.id: a for a in articles}
    order = _publication_order(articles)
    ids = [a.id for a in articles]

    derivations: list[Derivation] = []
    closeness: dict[tuple[str, str], float] = {}  # share of the derived restated x similarity
    restated: dict[tuple[str, str], frozenset[int]] = {}  # derived sentences the source restates
    independent: list[PairEvidence] = []
    possible: list[Derivation] = []
    compared: dict[frozenset[str], PairEvidence] = {}
    all_pairs: list[SentencePair] = []
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            a, b = prepared[ids[x]], prepared[ids[y]]
            if _article_overlap(a, b) < MIN_ARTICLE_OVERLAP:
                continue
            evidence = compare(a, b, settings, checker)
            compared[frozenset((a.article.id, b.article.id))] = evidence
            if evidence.score < POSSIBLE_THRESHOLD:
                independent.append(evidence)
                all_pairs.extend(evidence.pairs)
                continue
            direction = decide(a, b, with_restated_elsewhere(evidence, a, b, checker))
            if direction.source != a.article.id:
                evidence = compare(b, a, settings, checker)
            if not evidence.derived:  # a possible rewrite: listed with its score, no flags
                possible.append(_derivation(evidence, direction, evidence.pairs, "possible"))
                continue
            pairs = fill_gaps(
                prepared[direction.source],
                prepared[direction.derived],
                evidence.pairs,
                checker=checker,
            )
            all_pairs.extend(pairs)
            closeness[(direction.source, direction.derived)] = (
                evidence.covered_b * evidence.mean_similarity
            )
            restated[(direction.source, direction.derived)] = evidence.aligned_b | {
                p.derived_sentence for p in pairs
            }
            derivations.append(_derivation(evidence, direction, pairs, "derived"))

    derivations += _merges(possible, compared)
    derivations = _prefer_common_source(
        _break_cycles(derivations), compared, prepared, settings, checker
    )
    derivations = _closest_sources(derivations, closeness)
    flags: list[Flag] = []
    sources_of: dict[str, list[str]] = {}
    for d in derivations:
        sources_of.setdefault(d.derived, []).append(d.source)
    for derived_id, source_ids in sources_of.items():
        related = set(source_ids) | {derived_id}
        earlier = [
            prepared[i]
            for i in ids
            if i not in related
            and order[i] < order[derived_id]
            and derived_id not in sources_of.get(i, [])
        ]
        parents = [d for d in derivations if d.derived == derived_id]
        # additions are flagged only against a parent the article surely was written from:
        # a weak link in an undated story may be two reports of one event, either way round
        confident = (
            any(d.score >= CONFIDENT_DERIVATION and _sure_parent(d) for d in parents)
            and _restated_share(prepared[derived_id], source_ids, restated) >= MIN_RESTATED_SHARE
        )
        found = derived_flags(
            prepared[derived_id],
            # earliest first: where copies say the same, the evidence quotes the original
            [prepared[s] for s in sorted(source_ids, key=lambda s: order[s])],
            earlier,
            checker,
            [p for d in derivations if d.derived == derived_id for p in d.pairs],
        )
        flags.extend(f for f in found if confident or f.kind != "unsupported")
    for evidence in independent:
        a, b = prepared[evidence.a], prepared[evidence.b]
        found = conflict_flags(a, b, evidence.pairs, checker)
        flagged = {f.sentence for f in found}
        for pair in evidence.pairs:  # an unconfirmed change between independent reports
            if pair.relation == "altered" and _sentence_of(b, pair.derived_sentence) not in flagged:
                pair.relation = "reworded"
        if not _far_apart(by_id[evidence.a], by_id[evidence.b]):
            figure_flags, figure_pairs = figure_conflicts(a, b)
            found += [f for f in figure_flags if f.sentence not in flagged]
            all_pairs.extend(figure_pairs)
        flags.extend(found)

    claims = build_claims(list(prepared.values()), all_pairs, order)
    return StoryProvenance(
        story="",
        derivations=derivations + _unexplained(possible, derivations),
        flags=flags,
        claims=claims,
        entities=list(entities),
    )


def _derivation(
    evidence: PairEvidence,
    direction: Direction,
    pairs: list[SentencePair],
    strength: DerivationStrength,
) -> Derivation:
    return Derivation(
        source=direction.source,
        derived=direction.derived,
        score=round(evidence.score, 4),
        kind=evidence.kind,
        shared_sentences=len(pairs),
        direction_evidence=direction.evidence,
        pairs=pairs,
        strength=strength,
        direction="decided" if direction.decided else "undetermined",
    )


# a rewrite's source's own source explaining this share of what the rewrite explains is the
# common source of two siblings
SIBLING_SHARE = 0.85


def _covered(evidence: PairEvidence, article: str) -> float:
    """Share of `article`'s sentences the other article of the pair restates."""
    if evidence.matching is None:
        return 0.0
    if evidence.b == article:
        return evidence.matching.covered_derived(evidence.level)
    return evidence.matching.covered_source(evidence.level)


def _prefer_common_source(
    derivations: list[Derivation],
    compared: dict[frozenset[str], PairEvidence],
    prepared: dict[str, PreparedArticle],
    settings: Settings,
    checker: SupportChecker,
) -> list[Derivation]:
    """Two rewrites of one source resemble each other because they share it: X -> Y is
    replaced by Z -> Y when Z is X's source and explains Y about as well as X does."""
    sources_of: dict[str, list[Derivation]] = {}
    for d in derivations:
        sources_of.setdefault(d.derived, []).append(d)
    kept: list[Derivation] = []
    for d in derivations:
        via = compared.get(frozenset((d.source, d.derived)))
        replacement = None
        for parent in sources_of.get(d.source, []):
            z = parent.source
            if z == d.derived or via is None:
                continue
            direct = compared.get(frozenset((z, d.derived)))
            if direct is None:
                continue
            if _covered(direct, d.derived) >= SIBLING_SHARE * _covered(via, d.derived):
                replacement = z
                break
        if replacement is None:
            kept.append(d)
            continue
        if any(k.source == replacement and k.derived == d.derived for k in derivations):
            continue
        evidence = compare(prepared[replacement], prepared[d.derived], settings, checker)
        kept.append(
            Derivation(
                source=replacement,
                derived=d.derived,
                score=round(max(evidence.score, 0.5), 4),
                kind=evidence.kind,
                shared_sentences=len(evidence.pairs),
                direction_evidence=(
                    f"common source: {replacement} is the source of {d.source}, a sibling "
                    f"rewrite, and explains this one as well"
                ),
                pairs=evidence.pairs,
                strength="derived",
                direction=d.direction,
            )
        )
    return kept


# a rewrite merged from two reports restates, from them together, this share of its sentences
MERGE_COVERAGE = 0.7
# ... each of them adding this share that the other does not explain
MERGE_OWN_SHARE = 0.2


def _restated_sentences(evidence: PairEvidence, article: str) -> set[int]:
    if evidence.matching is None:
        return set()
    sims = (
        evidence.matching.best_source_sim
        if evidence.b == article
        else evidence.matching.best_derived_sim
    )
    return {k for k, sim in enumerate(sims) if sim >= evidence.level}


def _merges(
    possible: list[Derivation], compared: dict[frozenset[str], PairEvidence]
) -> list[Derivation]:
    """Possible links that together explain one article: a rewrite merged from two reports,
    each of which alone explains only its half."""
    by_derived: dict[str, list[Derivation]] = {}
    for d in possible:
        by_derived.setdefault(d.derived, []).append(d)
    promoted: list[Derivation] = []
    for derived, links in by_derived.items():
        if len(links) < 2:
            continue
        covered = {
            d.source: _restated_sentences(compared[frozenset((d.source, derived))], derived)
            for d in links
        }
        ranked = sorted(links, key=lambda d: -len(covered[d.source]))[:2]
        first, second = (covered[d.source] for d in ranked)
        evidence = compared[frozenset((ranked[0].source, derived))]
        n = evidence.n_b if evidence.b == derived else evidence.n_a
        union = len(first | second) / max(1, n)
        if union < MERGE_COVERAGE or min(len(first - second), len(second - first)) < (
            MERGE_OWN_SHARE * n
        ):
            continue
        for d in ranked:
            d.strength = "derived"
            d.direction_evidence += (
                f"; merged with {({x.source for x in ranked} - {d.source}).pop()}"
            )
            promoted.append(d)
    for d in promoted:
        possible.remove(d)
    return promoted


def _unexplained(possible: list[Derivation], derivations: list[Derivation]) -> list[Derivation]:
    """Possible rewrites between articles not already linked, directly or through one source
    they both copy (two rewrites of one wire story resemble each other for that reason)."""
    linked: dict[str, set[str]] = {}
    for d in derivations:
        linked.setdefault(d.source, set()).add(d.derived)
        linked.setdefault(d.derived, set()).add(d.source)
    kept = []
    for d in possible:
        near_s, near_d = linked.get(d.source, set()), linked.get(d.derived, set())
        if d.derived in near_s or near_s & near_d:
            continue
        kept.append(d)
    return kept


def _sure_parent(derivation: Derivation) -> bool:
    """A link whose direction is decided (a citation, dates, or clear evidence in the text)
    and that is close: an undetermined direction leaves either article possibly the original,
    and original reporting is never unsupported."""
    return derivation.direction == "decided" and (
        derivation.direction_evidence.startswith(("cites", "published earlier"))
        or derivation.score >= SURE_DERIVATION
    )


def _restated_share(
    derived: PreparedArticle,
    source_ids: list[str],
    restated: dict[tuple[str, str], frozenset[int]],
) -> float:
    """Share of the derived article's sentences that restate one of its sources."""
    found: set[int] = set()
    for source_id in source_ids:
        found |= restated.get((source_id, derived.article.id), frozenset())
    return len(found) / max(1, len(derived.texts))


def _sentence_of(article: PreparedArticle, position: int) -> int:
    sentences = article.article.sentences
    return sentences[position].index if position < len(sentences) else position


# figures reported this far apart are updates of a developing story, not conflicts
UPDATE_GAP_S = 36 * 3600


def _far_apart(a: Article, b: Article) -> bool:
    ta, tb = timestamp(a), timestamp(b)
    return ta is not None and tb is not None and abs(ta - tb) > UPDATE_GAP_S


# how much each kind of direction evidence is worth, for breaking cycles
_EVIDENCE_STRENGTH = (
    ("cites", 5),
    ("published earlier", 4),
    ("text", 3),
    ("undetermined", 1),
)


def _strength(derivation: Derivation) -> tuple[int, float]:
    for prefix, rank in _EVIDENCE_STRENGTH:
        if derivation.direction_evidence.startswith(prefix):
            return rank, derivation.score
    return 0, derivation.score


def _break_cycles(derivations: list[Derivation]) -> list[Derivation]:
    """Directions decided pair by pair can contradict each other (A -> B -> C -> A); drop the
    edge of each cycle whose direction rests on the weakest evidence."""
    kept = list(derivations)
    while True:
        cycle = _find_cycle(kept)
        if not cycle:
            return kept
        kept.remove(min(cycle, key=_strength))


def _find_cycle(derivations: list[Derivation]) -> list[Derivation]:
    out: dict[str, list[Derivation]] = {}
    for d in derivations:
        out.setdefault(d.source, []).append(d)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[Derivation] = []

    def visit(node: str) -> list[Derivation]:
        state[node] = 1
        for d in out.get(node, []):
            if state.get(d.derived) == 1:
                start = next(i for i, e in enumerate(path) if e.source == d.derived) if path else 0
                return [*path[start:], d]
            if d.derived not in state:
                path.append(d)
                found = visit(d.derived)
                if found:
                    return found
                path.pop()
        state[node] = 2
        return []

    for node in list(out):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def _closest_sources(
    derivations: list[Derivation], closeness: dict[tuple[str, str], float]
) -> list[Derivation]:
    """Drop S -> D when D was written from S1, itself written from S, and D is closer to S1:
    a copy of a copy names its nearest ancestor. Drop D1 -> D2 when both copy one source S
    and S explains D2 at least as well: siblings are not each other's sources."""
    score = {
        (d.source, d.derived): closeness.get((d.source, d.derived), d.score) for d in derivations
    }
    kept = []
    for d in derivations:
        via = [
            s1
            for (s, s1) in score
            if s == d.source
            and (s1, d.derived) in score
            and score[(s1, d.derived)] > score[(d.source, d.derived)]
        ]
        # D1 -> D2 between two copies of one source S that explains D2 at least as well
        common = [
            s
            for (s, d1) in score
            if d1 == d.source
            and (s, d.derived) in score
            and score[(s, d.derived)] > score[(d.source, d.derived)]
        ]
        if not via and not common:
            kept.append(d)
    return kept
