"""analyze_story: derivations, flags and claims for one story's analysed articles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from newstrace.align.meaning import LEVELS, Matching, vector_family
from newstrace.align.sentences import PreparedArticle, fill_gaps
from newstrace.align.support import SupportChecker
from newstrace.model import (
    Article,
    Claim,
    Derivation,
    DerivationStrength,
    Entity,
    Flag,
    SentencePair,
    StoryProvenance,
)
from newstrace.provenance.claims import build_claims
from newstrace.provenance.derivation import (
    MIN_NAMES,
    MIN_NAMES_SHARED,
    POSSIBLE_THRESHOLD,
    PairEvidence,
    compare,
    with_restated_elsewhere,
)
from newstrace.provenance.direction import Direction, from_metadata, from_text, timestamp
from newstrace.provenance.flags import conflict_flags, derived_flags, figure_conflicts
from newstrace.provenance.lineage import (
    BestIn,
    common_source,
    nearest_parents,
    second_sources,
)
from newstrace.provenance.pair_features import names_held
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


# a new article is compared with this many of the story's representatives nearest in meaning
# (besides any that share its wording): the cost of adding one article stays flat as a story
# grows to thousands
CANDIDATES = 8
# articles sharing this share of word 5-grams are copies of one text: one syndication group
COPY_SHARE = 0.6
# ... and this share marks a representative worth comparing, among this many nearest
SHARED_WORDING = 0.3
# a copy shares this much more of its wording with one version of a text than with another
# when it was copied from that one
NEARER_WORDING = 0.1
WORDING_SCAN = 64


def analyze_story(
    articles: list[Article],
    entities: list[Entity],
    settings: Settings | None = None,
    previous: StoryProvenance | None = None,
    new_ids: set[str] | None = None,
) -> StoryProvenance:
    """Who was written from whom, what each derived article invented or changed, the claims.

    Articles are placed one at a time, earliest first, each compared only with the story's
    nearest representatives (copies of one wire story collapse into a syndication group whose
    representative is its fullest, earliest version). With `previous` (the stored result) and
    `new_ids`, only the new articles are placed and only what they touch is recomputed.
    """
    settings = settings or Settings()
    if previous is None or new_ids is None:
        previous, new_ids = None, {a.id for a in articles}
    state = _State(articles, settings, previous, new_ids)
    todo = [a.id for a in articles if a.id in new_ids]
    for article_id in sorted(todo, key=lambda i: state.order[i]):
        state.place(article_id)
    return state.result(entities)


class _State:
    """The story's provenance while articles are placed: groups, links, flags, claims."""

    def __init__(
        self,
        articles: list[Article],
        settings: Settings,
        previous: StoryProvenance | None,
        new_ids: set[str],
    ) -> None:
        self.settings = settings
        self.checker = SupportChecker(settings)
        self.by_id = {a.id: a for a in articles}
        self.order = _publication_order(articles)
        self._prepared: dict[str, PreparedArticle] = {}
        self._grams: dict[str, set[tuple[str, ...]]] = {}
        self._matchings: dict[tuple[str, str], Matching] = {}
        self.derivations: list[Derivation] = []
        self.possible: list[Derivation] = []
        self.flags: list[Flag] = []
        self.claims: list[Claim] = []
        self.group_of: dict[str, str] = {}  # article -> its syndication group's representative
        self.placed: list[str] = []
        self.compared: dict[frozenset[str], PairEvidence] = {}
        self.touched: set[str] = set()  # derived articles whose flags must be recomputed
        self.new_pairs: list[SentencePair] = []
        if previous is not None:
            known = set(self.by_id)
            for d in previous.derivations:
                if d.source in known and d.derived in known:
                    (self.derivations if d.strength == "derived" else self.possible).append(d)
                    if d.group:
                        self.group_of[d.derived] = d.group
                        self.group_of.setdefault(d.group, d.group)
            self.flags = [f for f in previous.flags if f.article in known]
            self.claims = [c for c in previous.claims if set(c.sentences) <= known]
            self.placed = [i for i in self.by_id if i not in new_ids]
            for i in self.placed:
                self.group_of.setdefault(i, i)

    # -- lazily prepared views of the articles --------------------------------------------------
    def prepared(self, article_id: str) -> PreparedArticle:
        if article_id not in self._prepared:
            self._prepared[article_id] = PreparedArticle.of(self.by_id[article_id])
        return self._prepared[article_id]

    def grams(self, article_id: str) -> set[tuple[str, ...]]:
        if article_id not in self._grams:
            words = self.by_id[article_id].text.lower().split()
            self._grams[article_id] = {tuple(words[i : i + 5]) for i in range(len(words) - 4)}
        return self._grams[article_id]

    def wording_share(self, x: str, y: str) -> float:
        gx, gy = self.grams(x), self.grams(y)
        return len(gx & gy) / max(1, min(len(gx), len(gy)))

    def best_in(self, x: str, y: str) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """For each sentence of x, its best similarity in y and that sentence's index."""
        evidence = self.compared.get(frozenset((x, y)))
        matching = evidence.matching if evidence is not None else None
        if matching is None or evidence is None:
            key = (y, x)
            if key not in self._matchings:
                self._matchings[key] = Matching.of(self.prepared(y), self.prepared(x))
            return self._matchings[key].best_source_sim, self._matchings[key].best_source
        if evidence.b == x:
            return matching.best_source_sim, matching.best_source
        return matching.best_derived_sim, matching.best_derived

    def neighbours(self, article_id: str) -> list[str]:
        """The articles compared with this one in this run."""
        return sorted(
            {i for pair in self.compared if article_id in pair for i in pair} - {article_id},
            key=lambda i: self.order[i],
        )

    def with_second_sources(
        self, links: list[Derivation], kept: list[Derivation]
    ) -> list[Derivation]:
        """A rewrite merged from two reports is linked to the second too (lineage.second_sources);
        a link read the other way round by the text alone is the merge read backwards."""
        found = second_sources(links, [*kept, *links], self.neighbours, self.best_in, self.levels())
        for first_link, s2 in found:
            derived = first_link.derived
            source, merge = self.prepared(s2), self.prepared(derived)
            meta = from_metadata(source.article, merge.article)
            if meta is not None and meta.source != s2:
                continue  # published after the merge, or citing it: not its source
            backwards = [k for k in links if k.source == derived and k.derived == s2]
            if any(k.direction_evidence.startswith(("cites", "published")) for k in backwards):
                continue
            links = [k for k in links if k not in backwards]
            self.possible = [k for k in self.possible if {k.source, k.derived} != {s2, derived}]
            evidence = compare(source, merge, self.settings, self.checker)
            direction = meta or Direction(
                s2,
                derived,
                f"text: {derived} merges {first_link.source} and {s2}, carrying what only each "
                "says",
            )
            pairs = fill_gaps(source, merge, evidence.pairs, checker=self.checker)
            self.new_pairs.extend(pairs)
            links.append(_derivation(evidence, direction, pairs, "derived"))
            self.touched.add(derived)
        return links

    def restated_share(self, link: Derivation) -> float:
        """Share of the derived article's sentences its source restates."""
        sims, _ = self.best_in(link.derived, link.source)
        return float(np.mean(sims >= self.levels()[1])) if len(sims) else 0.0

    def levels(self) -> tuple[float, float]:
        """The similarities at which a sentence is said at all (low) and restated (mid)."""
        any_id = next(iter(self.by_id))
        low, mid, _ = LEVELS[vector_family(self.prepared(any_id))]
        return low, mid

    # -- placing one article --------------------------------------------------------------------
    def candidates(self, article_id: str) -> list[str]:
        """The representatives nearest in meaning, and any sharing much of the wording."""
        reps = [i for i in self.placed if self.group_of.get(i, i) == i]
        vector = self.by_id[article_id].vector
        ranked = reps
        if vector is not None and reps:
            scores = []
            for i in reps:
                other = self.by_id[i].vector
                sim = float(np.dot(vector, other)) if other is not None else 0.0
                scores.append((-sim, self.order[i], i))
            ranked = [i for _, _, i in sorted(scores)]
        chosen = ranked[:CANDIDATES]
        # a copy's lead is its original's: among the nearest, any sharing much of the wording
        chosen += [
            i
            for i in ranked[CANDIDATES:WORDING_SCAN]
            if self.wording_share(article_id, i) >= SHARED_WORDING
        ]
        return chosen

    def place(self, article_id: str) -> None:
        x = self.prepared(article_id)
        self.group_of[article_id] = article_id
        for candidate in self.candidates(article_id):
            y = self.prepared(candidate)
            if _article_overlap(x, y) < MIN_ARTICLE_OVERLAP:
                continue
            first, second = (y, x) if self.order[candidate] < self.order[article_id] else (x, y)
            self.link(first, second)
        self.placed.append(article_id)

    def link(self, a: PreparedArticle, b: PreparedArticle) -> None:
        """Compare two articles and record what they are to each other."""
        settings, checker = self.settings, self.checker
        evidence = compare(a, b, settings, checker)
        self.compared[frozenset((a.article.id, b.article.id))] = evidence
        if evidence.score < POSSIBLE_THRESHOLD:
            self.independent(evidence)
            return
        # the text's evidence (a checker call per unaligned sentence) only when no citation or
        # publication time decides
        direction = from_metadata(a.article, b.article) or from_text(
            a, b, with_restated_elsewhere(evidence, a, b, checker)
        )
        if direction.source != a.article.id:
            evidence = compare(b, a, settings, checker)
            self.compared[frozenset((a.article.id, b.article.id))] = evidence
        if not evidence.derived:  # a possible rewrite: listed with its score, no flags
            self.possible.append(_derivation(evidence, direction, evidence.pairs, "possible"))
            return
        source, derived = self.prepared(direction.source), self.prepared(direction.derived)
        pairs = fill_gaps(source, derived, evidence.pairs, checker=checker)
        self.new_pairs.extend(pairs)
        link = _derivation(evidence, direction, pairs, "derived")
        if self.wording_share(direction.source, direction.derived) >= COPY_SHARE:
            self.join_group(link)
        self.derivations.append(link)
        self.touched.add(link.derived)

    def join_group(self, link: Derivation) -> None:
        """A copy joins its source's syndication group; a fuller version that turns out to be
        the source of a group's representative becomes the representative."""
        source, derived = link.source, link.derived
        rep = self.group_of.get(derived, derived)
        if rep == derived and self.group_of.get(source, source) == source:
            # the new article copies a representative (or is copied by it)
            self.group_of[derived] = source
            link.group = source
            if any(d.group == derived for d in self.derivations):  # a fuller original arrived
                self.regroup(old=derived, new=source)
            return
        group = self.group_of.get(source, source)
        self.group_of[derived] = group
        link.group = group

    def regroup(self, old: str, new: str) -> None:
        """Members of `old`'s group join `new`'s. Each becomes a copy of `new`, compared with it
        afresh, unless its wording is clearly `old`'s rather than `new`'s (a copy of the old
        representative, which the fuller text reworded): a copy names its nearest original."""
        members = [d for d in self.derivations if d.group == old]
        self.derivations = [d for d in self.derivations if d.group != old]
        for link in members:
            member = link.derived
            self.group_of[member] = new
            if link.source == old and self.wording_share(member, old) >= (
                self.wording_share(member, new) + NEARER_WORDING
            ):
                link.group = new
                self.derivations.append(link)
                continue
            self.link(self.prepared(new), self.prepared(member))

    def independent(self, evidence: PairEvidence) -> None:
        a, b = self.prepared(evidence.a), self.prepared(evidence.b)
        share, count = names_held(a, b)
        if count >= MIN_NAMES and share < MIN_NAMES_SHARED:
            return  # other people and places: reports of different events cannot contradict
        found = conflict_flags(a, b, evidence.pairs, self.checker)
        flagged = {f.sentence for f in found}
        for pair in evidence.pairs:  # an unconfirmed change between independent reports
            if pair.relation == "altered" and _sentence_of(b, pair.derived_sentence) not in flagged:
                pair.relation = "reworded"
        self.new_pairs.extend(evidence.pairs)
        if not _far_apart(self.by_id[evidence.a], self.by_id[evidence.b]):
            figure_flags, figure_pairs = figure_conflicts(a, b)
            found += [f for f in figure_flags if f.sentence not in flagged]
            self.new_pairs.extend(figure_pairs)
        self.flags.extend(found)

    # -- the result -----------------------------------------------------------------------------
    def result(self, entities: list[Entity]) -> StoryProvenance:
        touched_links = [d for d in self.derivations if d.derived in self.touched]
        kept = [d for d in self.derivations if d.derived not in self.touched]
        merged = _merges(self.possible, self.compared)
        touched_links += merged
        self.touched |= {d.derived for d in merged}
        touched_links = _prefer_common_source(
            touched_links,
            [*kept, *touched_links],
            self.best_in,
            self.levels(),
            lambda z, d: compare(self.prepared(z), self.prepared(d), self.settings, self.checker),
        )
        touched_links = nearest_parents(
            touched_links,
            [*kept, *touched_links, *self.possible],
            self.best_in,
            self.levels(),
            self.restated_share,
        )
        touched_links = self.with_second_sources(touched_links, kept)
        derivations = _break_cycles(kept + touched_links)
        self.recompute_flags(derivations)
        claims = _merge_claims(
            self.claims,
            build_claims(
                [self.prepared(i) for i in sorted(self._prepared)], self.new_pairs, self.order
            ),
        )
        unique: dict[tuple[str, str, int, str], Flag] = {}
        for f in self.flags:
            unique.setdefault((f.article, f.kind, f.sentence, f.reason), f)
        return StoryProvenance(
            story="",
            derivations=derivations + _unexplained(self.possible, derivations),
            flags=list(unique.values()),
            claims=claims,
            entities=list(entities),
        )

    def recompute_flags(self, derivations: list[Derivation]) -> None:
        """Flags of every derived article whose sources changed, against its sources."""
        sources_of: dict[str, list[str]] = {}
        for d in derivations:
            sources_of.setdefault(d.derived, []).append(d.source)
        redo = {i for i in self.touched if i in sources_of}
        self.flags = [
            f
            for f in self.flags
            if f.article not in redo or f.kind not in ("unsupported", "altered")
        ]
        for derived_id in sorted(redo, key=lambda i: self.order[i]):
            source_ids = sources_of[derived_id]
            related = set(source_ids) | {derived_id}
            neighbours = {i for pair in self.compared for i in pair if derived_id in pair}
            earlier = [
                self.prepared(i)
                for i in sorted(neighbours - related, key=lambda i: self.order[i])
                if self.order[i] < self.order[derived_id]
                and derived_id not in sources_of.get(i, [])
            ]
            parents = [d for d in derivations if d.derived == derived_id]
            restated = {p.derived_sentence for d in parents for p in d.pairs}
            share = len(restated) / max(1, len(self.prepared(derived_id).texts))
            # additions are flagged only against a parent the article surely was written from:
            # a weak link in an undated story may be two reports of one event, either way round
            confident = (
                any(d.score >= CONFIDENT_DERIVATION and _sure_parent(d) for d in parents)
                and share >= MIN_RESTATED_SHARE
            )
            found = derived_flags(
                self.prepared(derived_id),
                # earliest first: where copies say the same, the evidence quotes the original
                [self.prepared(s) for s in sorted(source_ids, key=lambda s: self.order[s])],
                earlier,
                self.checker,
                [p for d in parents for p in d.pairs],
            )
            # with no parent's direction decided, either text may be the original: a changed
            # fact is then a disagreement between the two, not an alteration by this one
            decided = any(d.direction == "decided" for d in parents)
            self.flags.extend(
                f if decided or f.kind != "altered" else replace(f, kind="contradiction")
                for f in found
                if confident or f.kind != "unsupported"
            )


def placed_articles(provenance: StoryProvenance) -> set[str]:
    """The articles a stored result already accounts for: every article its links, flags or
    claims name. (One that none names is placed again: cheap, and its flags are deduplicated.)"""
    found: set[str] = set()
    for d in provenance.derivations:
        found |= {d.source, d.derived}
    for f in provenance.flags:
        found.add(f.article)
        found |= {e.article for e in f.evidence}
    for c in provenance.claims:
        found |= set(c.articles) | set(c.contradicted_by) | set(c.sentences)
    return found


def _closeness(evidence: PairEvidence | None) -> float:
    if evidence is None:
        return 0.0
    return evidence.covered_b * evidence.mean_similarity


def _merge_claims(old: list[Claim], new: list[Claim]) -> list[Claim]:
    """Claims found on the new pairs folded into the stored ones: a new claim holding a
    sentence an old claim holds extends that claim."""
    merged = list(old)
    where: dict[tuple[str, int], Claim] = {}
    for claim in merged:
        for article, sentence in claim.sentences.items():
            where[(article, sentence)] = claim
    for claim in new:
        home = next((where[(a, s)] for a, s in claim.sentences.items() if (a, s) in where), None)
        if home is None:
            merged.append(claim)
            home = claim
        else:
            for a in claim.articles:
                if a not in home.articles:
                    home.articles.append(a)
            for a in claim.contradicted_by:
                if a not in home.contradicted_by:
                    home.contradicted_by.append(a)
            for a, s in claim.sentences.items():
                home.sentences.setdefault(a, s)
        for a, s in home.sentences.items():
            where[(a, s)] = home
    return merged


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


def _prefer_common_source(
    derivations: list[Derivation],
    every: list[Derivation],
    best_in: BestIn,
    levels: tuple[float, float],
    compare_pair: Callable[[str, str], PairEvidence],
) -> list[Derivation]:
    """Two rewrites of one source resemble each other because they share it: X -> Y (of
    `derivations`) is replaced by Z -> Y when Z is X's source (in `every`) and Y carries none
    of X's own material (lineage.common_source). Where Z -> Y is found too,
    lineage.nearest_parents chooses."""
    kept: list[Derivation] = []
    made: set[tuple[str, str]] = set()
    for d in derivations:
        replacement = common_source(d, every, best_in, *levels)
        if replacement is None or any(
            k.source == replacement and k.derived == d.derived for k in every
        ):
            kept.append(d)
            continue
        if (replacement, d.derived) in made:
            continue
        made.add((replacement, d.derived))
        evidence = compare_pair(replacement, d.derived)
        if not evidence.derived:  # Z alone does not explain it: X's link stands
            kept.append(d)
            continue
        kept.append(
            Derivation(
                source=replacement,
                derived=d.derived,
                score=round(evidence.score, 4),
                kind=evidence.kind,
                shared_sentences=len(evidence.pairs),
                direction_evidence=(
                    f"common source: {replacement} is the source of {d.source}, a sibling "
                    f"rewrite, and explains this one as well"
                ),
                pairs=evidence.pairs,
                strength="derived",
                direction=d.direction,
                group=d.group,
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
        if frozenset((d.source, d.derived)) in compared:  # compared in this run
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
