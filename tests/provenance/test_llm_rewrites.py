"""Provenance on text written the way LLM content farms and wire syndication write it (issue 11):
condensed and restyled rewrites are linked in the right direction, a swapped role is altered,
an invented quote is unsupported, independent reports stay apart, wire copies form one
syndication group, and identical texts from two files are both kept as a verbatim copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.analyze import Analyzer
from newstrace.model import Derivation, StoryProvenance
from newstrace.settings import Settings
from tests.provenance.runner import LEXICAL, run
from tests.provenance.stories_llm import (
    BUDGET_INVENTED_QUOTE,
    BUDGET_RESTYLE,
    BUDGET_RESTYLE_TITLE,
    BUDGET_RESTYLE_WITH_QUOTE,
    BUDGET_WIRE,
    FIRE_LOCAL,
    FIRE_NATIONAL,
    FIRE_TRIMMED,
    FIRE_WIRE,
    VERDICT_CONDENSED,
    VERDICT_CONDENSED_SWAPPED,
    VERDICT_CONDENSED_TITLE,
    VERDICT_SENSATIONAL,
    VERDICT_SWAP_SOURCE,
    VERDICT_SWAPPED,
    VERDICT_WIRE,
    article,
    fire_copies,
)


def linked(result: StoryProvenance) -> list[Derivation]:
    return [d for d in result.derivations if d.strength == "derived"]


def described(result: StoryProvenance) -> str:
    """What the tool found, for the failure message."""
    lines = [
        f"{d.source}->{d.derived} {d.strength} {d.direction} score={d.score} kind={d.kind}"
        f" group={d.group} evidence={d.direction_evidence!r}"
        for d in result.derivations
    ]
    lines += [f"flag {f.article} {f.kind} {f.reason!r}: {f.text}" for f in result.flags]
    return "\n".join(lines) or "nothing"


def condensed_story(analyzer: Analyzer, settings: Settings) -> StoryProvenance:
    return run(
        analyzer,
        [
            article("wire", VERDICT_WIRE, None, "Lansmere Ledger"),
            article("farm", VERDICT_CONDENSED, None, "TrendPulse Daily", VERDICT_CONDENSED_TITLE),
        ],
        settings,
    )


def assert_condensed_rewrite_derived_from_its_source(result: StoryProvenance) -> None:
    links = [(d.source, d.derived, d.direction) for d in linked(result)]
    assert links == [("wire", "farm", "decided")], described(result)


def test_the_condensed_rewrite_is_about_half_its_source() -> None:
    # the premise of the next test: the rewrite condenses, it is no trimmed copy
    ratio = len(VERDICT_CONDENSED.split()) / len(VERDICT_WIRE.split())
    assert 0.4 <= ratio <= 0.6
    assert VERDICT_CONDENSED[:200] not in VERDICT_WIRE


def test_a_condensed_rewrite_is_derived_from_the_fuller_text_undated(
    lexical_analyzer: Analyzer,
) -> None:
    assert_condensed_rewrite_derived_from_its_source(condensed_story(lexical_analyzer, LEXICAL))


@pytest.mark.slow
def test_a_condensed_rewrite_is_derived_from_the_fuller_text_with_the_models(
    full_analyzer: Analyzer,
) -> None:
    assert_condensed_rewrite_derived_from_its_source(condensed_story(full_analyzer, Settings()))


def test_a_faithful_condensed_rewrite_has_nothing_flagged(lexical_analyzer: Analyzer) -> None:
    # merged and reworded sentences that say what the source says are neither invented nor changed
    result = condensed_story(lexical_analyzer, LEXICAL)
    assert result.flags == [], described(result)


def test_two_rewrites_of_one_report_are_each_linked_to_it_not_to_each_other(
    lexical_analyzer: Analyzer,
) -> None:
    # the two rewrites share the wire's facts and a content farm's hedges, so they resemble
    # each other; each carries wire details the other cut, so each was written from the wire
    result = run(
        lexical_analyzer,
        [
            article("wire", VERDICT_WIRE, None, "Lansmere Ledger"),
            article("farm", VERDICT_CONDENSED, None, "TrendPulse Daily", VERDICT_CONDENSED_TITLE),
            article("tabloid", VERDICT_SENSATIONAL, None, "BuzzWire Hub"),
        ],
    )
    links = sorted((d.source, d.derived) for d in linked(result))
    assert links == [("wire", "farm"), ("wire", "tabloid")], described(result)


@pytest.fixture(scope="module")
def restyled(lexical_analyzer: Analyzer) -> StoryProvenance:
    return run(
        lexical_analyzer,
        [
            article("wire", BUDGET_WIRE, "2026-06-19T03:40:00Z", "Harwick Tribune"),
            article(
                "farm",
                BUDGET_RESTYLE,
                "2026-06-19T09:15:00Z",
                "MetroBuzz Now",
                BUDGET_RESTYLE_TITLE,
            ),
        ],
    )


def test_a_full_restyle_with_merged_sentences_is_linked(restyled: StoryProvenance) -> None:
    links = [(d.source, d.derived) for d in linked(restyled)]
    assert links == [("wire", "farm")], described(restyled)


def test_a_faithful_restyle_has_nothing_flagged(restyled: StoryProvenance) -> None:
    assert restyled.flags == [], described(restyled)


def test_an_agent_patient_swap_is_altered_with_its_source_sentence(
    lexical_analyzer: Analyzer,
) -> None:
    result = run(
        lexical_analyzer,
        [
            article("wire", VERDICT_WIRE, "2026-10-14T21:05:00Z", "Lansmere Ledger"),
            article(
                "farm",
                VERDICT_CONDENSED_SWAPPED,
                "2026-10-15T06:30:00Z",
                "TrendPulse Daily",
                VERDICT_CONDENSED_TITLE,
            ),
        ],
    )
    assert [(d.source, d.derived) for d in linked(result)] == [("wire", "farm")], described(result)
    flags = [f for f in result.flags if f.article == "farm" and f.text == VERDICT_SWAPPED]
    assert [f.kind for f in flags] == ["altered"], described(result)
    assert VERDICT_SWAP_SOURCE in [e.text for e in flags[0].evidence], flags[0].evidence


def test_an_invented_quote_in_a_dated_rewrite_is_unsupported(lexical_analyzer: Analyzer) -> None:
    result = run(
        lexical_analyzer,
        [
            article("wire", BUDGET_WIRE, "2026-06-19T03:40:00Z", "Harwick Tribune"),
            article(
                "farm",
                BUDGET_RESTYLE_WITH_QUOTE,
                "2026-06-19T09:15:00Z",
                "MetroBuzz Now",
                BUDGET_RESTYLE_TITLE,
            ),
        ],
    )
    assert [(d.source, d.derived) for d in linked(result)] == [("wire", "farm")], described(result)
    flags = [(f.article, f.kind, f.text) for f in result.flags if "Victor Amadi" in f.text]
    assert flags == [("farm", "unsupported", BUDGET_INVENTED_QUOTE)], described(result)


def test_two_independent_reports_of_one_fire_are_neither_linked_nor_flagged(
    lexical_analyzer: Analyzer,
) -> None:
    result = run(
        lexical_analyzer,
        [
            article("local", FIRE_LOCAL, None, "Brennock Courier"),
            article("national", FIRE_NATIONAL, None, "The National Ledger"),
        ],
    )
    assert linked(result) == [], described(result)
    assert result.flags == [], described(result)


def trimmed_story(analyzer: Analyzer, wire_outlet: str | None) -> StoryProvenance:
    return run(
        analyzer,
        [
            article("copy", FIRE_TRIMMED, None, "Kelby Evening Post"),
            article("wire", FIRE_WIRE, None, wire_outlet),
        ],
    )


# with the wire's outlet known the copy's dateline cites it; without, the text alone decides
@pytest.mark.parametrize("wire_outlet", ["Northgate Press", None])
def test_a_trimmed_copy_with_a_credit_line_is_derived_from_the_full_text_undated(
    lexical_analyzer: Analyzer, wire_outlet: str | None
) -> None:
    # the copy stops where the wire goes on and says where it came from: it is the reprint
    result = trimmed_story(lexical_analyzer, wire_outlet)
    links = [(d.source, d.derived, d.direction) for d in linked(result)]
    assert links == [("wire", "copy", "decided")], described(result)


def test_a_credit_line_is_no_invented_fact(lexical_analyzer: Analyzer) -> None:
    # "X contributed to this report" says who worked on the copy, not what happened
    result = trimmed_story(lexical_analyzer, "Northgate Press")
    assert result.flags == [], described(result)


@pytest.fixture(scope="module")
def syndicated(lexical_analyzer: Analyzer) -> StoryProvenance:
    copies = [
        article(
            f"paper{i:02d}",
            text,
            f"2026-03-02T{7 + i // 6:02d}:{(i % 6) * 10:02d}:00Z",
            f"Paper {i}",
        )
        for i, text in enumerate(fire_copies(29))
    ]
    wire = article("wire", FIRE_WIRE, "2026-03-02T06:05:00Z", "Northgate Press")
    return run(lexical_analyzer, [*copies[:14], wire, *copies[14:]])


def test_every_copy_of_a_wire_story_is_derived_from_the_full_text(
    syndicated: StoryProvenance,
) -> None:
    copies = {f"paper{i:02d}" for i in range(29)}
    sources: dict[str, set[str]] = {c: set() for c in copies}
    for d in linked(syndicated):
        sources.setdefault(d.derived, set()).add(d.source)
    wrong = {c: s for c, s in sources.items() if s != {"wire"}}
    assert wrong == {}, described(syndicated)


def test_thirty_copies_of_a_wire_story_form_one_syndication_group(
    syndicated: StoryProvenance,
) -> None:
    to_copies = [d for d in linked(syndicated) if d.source == "wire"]
    assert {d.derived for d in to_copies} == {f"paper{i:02d}" for i in range(29)}
    groups = {d.group for d in to_copies}
    assert len(groups) == 1 and None not in groups, described(syndicated)


def test_identical_texts_from_two_files_are_both_kept_as_a_verbatim_copy(
    tmp_path: Path,
) -> None:
    from newstrace.pipeline import Pipeline
    from newstrace.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tribune.txt").write_text(f"Outlet: Harwick Tribune\n\n{BUDGET_WIRE}\n", "utf-8")
    (folder / "valley.txt").write_text(f"Outlet: Valley Herald\n\n{BUDGET_WIRE}\n", "utf-8")
    store = open_store(tmp_path / "store.db")
    report = Pipeline(store, LEXICAL).ingest([folder])
    assert sorted(report.added) == ["tribune", "valley"], (report.added, report.skipped)
    stored = {a.id: a for a in store.articles(None, False)}
    assert stored["tribune"].text == stored["valley"].text
    derivations = [
        d
        for story in store.stories()
        if (p := store.get_provenance(story.id)) is not None
        for d in p.derivations
    ]
    assert [({d.source, d.derived}, d.kind) for d in derivations] == [
        ({"tribune", "valley"}, "verbatim")
    ]
