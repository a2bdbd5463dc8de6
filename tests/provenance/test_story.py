"""analyze_story on small fictional stories: copies, rewrites, independent reports."""

from __future__ import annotations

import pytest

from newstrace.analyze import Analyzer
from newstrace.model import StoryProvenance
from newstrace.provenance import analyze_story
from newstrace.settings import Settings
from tests.provenance.runner import LEXICAL, run
from tests.provenance.stories import (
    EMPLOYER_VIEW,
    INDEPENDENT,
    REWRITE,
    TRAINS_A,
    TRAINS_B,
    UNION_VIEW,
    WIRE,
    article,
)


@pytest.fixture(scope="module")
def rewrite_story(lexical_analyzer: Analyzer) -> StoryProvenance:
    return run(
        lexical_analyzer,
        [
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("rewrite", REWRITE, "2026-04-08T09:00:00Z", "ClickNews"),
        ],
    )


def test_verbatim_copy_is_derived_from_the_earlier_article(lexical_analyzer: Analyzer) -> None:
    result = run(
        lexical_analyzer,
        [
            article("copy", WIRE, "2026-04-08T06:00:00Z", "Marrow Gazette"),
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
        ],
    )
    assert len(result.derivations) == 1
    derivation = result.derivations[0]
    assert (derivation.source, derivation.derived) == ("wire", "copy")
    assert derivation.kind == "verbatim"
    assert derivation.direction_evidence == "published earlier"
    assert derivation.shared_sentences == len(derivation.pairs) >= 10
    assert all(p.relation == "shared" for p in derivation.pairs)
    assert result.flags == []


def test_rewrite_is_a_paraphrase_of_the_wire(rewrite_story: StoryProvenance) -> None:
    assert [(d.source, d.derived, d.kind) for d in rewrite_story.derivations] == [
        ("wire", "rewrite", "paraphrase")
    ]
    relations = {p.relation for p in rewrite_story.derivations[0].pairs}
    assert {"reworded", "altered"} <= relations


def test_invented_quote_is_unsupported_with_evidence(rewrite_story: StoryProvenance) -> None:
    flags = [f for f in rewrite_story.flags if "Aksel Brandt" in f.text]
    assert len(flags) == 1
    flag = flags[0]
    assert flag.kind == "unsupported"
    assert flag.article == "rewrite"
    assert flag.text.startswith('"This is the worst disaster')
    assert flag.reason == "quote not in any source"
    assert flag.evidence and all(e.article == "wire" for e in flag.evidence)


def test_flipped_role_is_altered_with_the_source_sentence(rewrite_story: StoryProvenance) -> None:
    flag = next(f for f in rewrite_story.flags if f.text.startswith("Halloran briefed Solberg"))
    assert flag.kind == "altered"
    assert flag.reason.startswith("roles swapped")
    assert [e.text for e in flag.evidence] == [
        "Solberg briefed Halloran at the terminal gates before dawn on Wednesday."
    ]


def test_changed_figure_is_altered(rewrite_story: StoryProvenance) -> None:
    flag = next(f for f in rewrite_story.flags if "80,000 tonnes" in f.text)
    assert flag.kind == "altered"
    assert flag.reason == "number 18,000 tonnes -> 80,000 tonnes"
    assert "18,000 tonnes" in flag.evidence[0].text


def test_dropped_negation_is_altered(rewrite_story: StoryProvenance) -> None:
    flag = next(f for f in rewrite_story.flags if f.text.startswith("Police said"))
    assert flag.kind == "altered"
    assert flag.reason.startswith("negation removed")


def test_faithful_rewording_is_not_flagged(rewrite_story: StoryProvenance) -> None:
    flagged = {f.text for f in rewrite_story.flags}
    assert not any(t.startswith("No one was hurt") for t in flagged)
    assert not any(t.startswith("Ships in the port") for t in flagged)
    assert len(rewrite_story.flags) == 4


def test_original_reporting_is_never_unsupported(rewrite_story: StoryProvenance) -> None:
    assert not [f for f in rewrite_story.flags if f.article == "wire"]


def test_claims_group_the_restated_sentences(rewrite_story: StoryProvenance) -> None:
    shared = [c for c in rewrite_story.claims if c.articles == ["wire", "rewrite"]]
    assert len(shared) >= 5
    contradicted = [c for c in rewrite_story.claims if c.contradicted_by]
    assert any("18,000 tonnes" in c.text and c.contradicted_by == ["rewrite"] for c in contradicted)
    quoted = next(c for c in shared if "smoulder for days" in c.text)
    assert quoted.attributed_to is not None and "Solberg" in quoted.attributed_to


def test_independent_reports_are_not_derived(lexical_analyzer: Analyzer) -> None:
    result = run(
        lexical_analyzer,
        [
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("local", INDEPENDENT, "2026-04-08T08:00:00Z", "Lowmarsh Voice"),
        ],
    )
    assert result.derivations == []
    assert not [f for f in result.flags if f.kind in ("unsupported", "altered")]


def test_figures_from_different_speakers_are_not_a_conflict(lexical_analyzer: Analyzer) -> None:
    result = run(
        lexical_analyzer,
        [
            article("union", UNION_VIEW, "2026-04-10T10:00:00Z", "Port Daily"),
            article("employers", EMPLOYER_VIEW, "2026-04-10T11:00:00Z", "Business Desk"),
        ],
    )
    assert result.derivations == []
    assert result.flags == []


def test_same_figure_differing_between_independent_reports_conflicts(
    lexical_analyzer: Analyzer,
) -> None:
    result = run(
        lexical_analyzer,
        [
            article("north", TRAINS_A, "2026-05-04T18:00:00Z", "North Post"),
            article("evening", TRAINS_B, "2026-05-04T20:00:00Z", "Evening Standard"),
        ],
    )
    assert result.derivations == []
    conflicts = [f for f in result.flags if f.kind == "numeric_conflict"]
    assert len(conflicts) == 1
    assert "2,100" in conflicts[0].text and "1,400" in conflicts[0].evidence[0].text


def test_entities_are_passed_through(lexical_analyzer: Analyzer) -> None:
    from newstrace.model import Entity

    entities = [Entity("Ingrid Solberg", "PERSON", ["Solberg"], ["wire"])]
    articles = [article("wire", WIRE, None, "Harbour Wire")]
    lexical_analyzer.analyze(articles)
    assert analyze_story(articles, entities, LEXICAL).entities == entities


@pytest.mark.slow
def test_rewrite_flags_with_full_models(full_analyzer: Analyzer) -> None:
    result = run(
        full_analyzer,
        [
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("rewrite", REWRITE, "2026-04-08T09:00:00Z", "ClickNews"),
            article("local", INDEPENDENT, "2026-04-08T08:00:00Z", "Lowmarsh Voice"),
        ],
        Settings(),
    )
    assert [(d.source, d.derived) for d in result.derivations] == [("wire", "rewrite")]
    kinds = sorted((f.kind, f.text[:20]) for f in result.flags)
    assert ("unsupported", '"This is the worst d') in kinds
    assert ("altered", "Halloran briefed Sol") in kinds
    assert not [f for f in result.flags if f.article in ("wire", "local")]


def test_without_dates_a_trimmed_copy_with_an_addition_is_the_derived_one(
    lexical_analyzer: Analyzer,
) -> None:
    paragraphs = WIRE.split("\n\n")
    trimmed = "\n\n".join(
        [
            *paragraphs[:3],
            "The port reopened its western basin to shipping at noon.",
            *paragraphs[3:6],
        ]
    )
    result = run(
        lexical_analyzer,
        [
            article("copy", trimmed, None, "Marrow Gazette"),
            article("wire", WIRE, None, "Harbour Wire"),
        ],
    )
    assert [(d.source, d.derived, d.kind) for d in result.derivations] == [
        ("wire", "copy", "syndication")
    ]
    assert "cut short" in result.derivations[0].direction_evidence
    added = [f for f in result.flags if f.kind == "unsupported"]
    assert [f.text for f in added] == ["The port reopened its western basin to shipping at noon."]
