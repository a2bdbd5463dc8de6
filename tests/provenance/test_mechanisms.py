"""The mechanisms that kept original reporting from being flagged: weak links, both-tailed
alignments, copies of copies, names changed in a restated sentence."""

from __future__ import annotations

import pytest

from newstrace.analyze import Analyzer
from newstrace.model import StoryProvenance
from tests.provenance.runner import LEXICAL, run
from tests.provenance.stories import FEATURE, REWRITE, WIRE, article


@pytest.fixture(scope="module")
def feature_story(lexical_analyzer: Analyzer) -> StoryProvenance:
    return run(
        lexical_analyzer,
        [
            article("wire", WIRE, None, "Harbour Wire"),
            article("feature", FEATURE, None, "Lowmarsh Voice"),
        ],
    )


def test_own_reporting_around_quoted_wire_paragraphs_is_not_unsupported(
    feature_story: StoryProvenance,
) -> None:
    # the feature restates six of the wire's paragraphs inside eleven sentences of its own:
    # those are the district paper's reporting, not inventions
    assert [f for f in feature_story.flags if f.kind == "unsupported"] == []


def test_both_articles_going_on_past_the_shared_stretch_is_no_sign_of_a_cut(
    feature_story: StoryProvenance,
) -> None:
    # the wire ends with three sentences the feature lacks, the feature with five of its own,
    # both copying the same paragraphs word for word: neither is a copy cut from the bottom,
    # and nothing in the text says which came first, so the link says "undetermined" and
    # neither article's own reporting is flagged as invented
    [link] = feature_story.derivations
    assert {link.source, link.derived} == {"wire", "feature"}
    assert link.strength == "derived"
    assert link.direction == "undetermined", link.direction_evidence
    assert not [f for f in feature_story.flags if f.kind == "unsupported"]


@pytest.fixture(scope="module")
def renamed_story(lexical_analyzer: Analyzer) -> StoryProvenance:
    p = WIRE.split("\n\n")
    rewrite = "\n\n".join(
        [
            p[0],
            "Late Tuesday the fire broke out in a conveyor tunnel and spread to two storage silos"
            " holding about 18,000 tonnes of wheat.",
            *p[2:5],
            "Britt Ekdahl met with Halloran at the terminal's gates prior to sunrise on Wednesday.",
            *p[6:],
            "Traders said the shipments would run late.",
        ]
    )
    return run(
        lexical_analyzer,
        [
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("rewrite", rewrite, "2026-04-08T09:00:00Z", "ClickNews"),
        ],
    )


def test_a_capitalised_ordinary_word_is_no_invented_name(renamed_story: StoryProvenance) -> None:
    # 'Late Tuesday' moved to the front reads as a name; the rewrite writes 'late' elsewhere
    assert not [f for f in renamed_story.flags if f.text.startswith("Late Tuesday")]


def test_a_name_put_in_place_of_the_source_s_is_altered(renamed_story: StoryProvenance) -> None:
    flag = next(f for f in renamed_story.flags if f.text.startswith("Britt Ekdahl"))
    assert flag.kind == "altered"
    assert flag.reason == "name Solberg -> Britt Ekdahl"
    assert [e.text for e in flag.evidence] == [
        "Solberg briefed Halloran at the terminal gates before dawn on Wednesday."
    ]


def test_a_sentence_of_its_own_is_still_unsupported(renamed_story: StoryProvenance) -> None:
    kinds = [(f.kind, f.text) for f in renamed_story.flags if f.text.startswith("Traders said")]
    assert kinds == [("unsupported", "Traders said the shipments would run late.")]


def test_words_between_two_short_quotations_are_no_invented_quote(
    lexical_analyzer: Analyzer,
) -> None:
    nicknames = 'Dock workers call the terminal "Barn" and its night crew "Owls", Solberg said.'
    reworded = (
        'Dock workers call the terminal "Barn" and its night-shift crew "Owls", Solberg said.'
    )
    result = run(
        lexical_analyzer,
        [
            article("wire", f"{WIRE}\n\n{nicknames}", "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("copy", f"{WIRE}\n\n{reworded}", "2026-04-08T09:00:00Z", "ClickNews"),
        ],
    )
    assert [(d.source, d.derived) for d in result.derivations] == [("wire", "copy")]
    assert [f for f in result.flags if f.text == reworded] == []


def test_sentences_too_short_to_align_are_no_sign_of_an_addition(
    lexical_analyzer: Analyzer,
) -> None:
    # undated: the wire has two short sentences the copy dropped, the copy one real addition;
    # the short ones do not make the wire look like the one that added material
    p = WIRE.split("\n\n")
    wire = "\n\n".join([p[0], p[1] + " It was dark.", *p[2:4], p[4] + " Nobody knows why.", *p[5:]])
    added = "The port reopened its western basin to shipping at noon."
    copy = "\n\n".join([*p[:3], added, *p[3:]])
    result = run(
        lexical_analyzer,
        [article("wire", wire, None, "Harbour Wire"), article("copy", copy, None, "ClickNews")],
    )
    assert [(d.source, d.derived) for d in result.derivations] == [("wire", "copy")]
    assert [(f.article, f.kind, f.text) for f in result.flags] == [("copy", "unsupported", added)]


def test_an_unaligned_sentence_the_other_article_supports_was_restated_not_added(
    lexical_analyzer: Analyzer,
) -> None:
    from dataclasses import replace

    from newstrace.align.sentences import PreparedArticle
    from newstrace.align.support import SupportChecker
    from newstrace.provenance.derivation import compare, with_restated_elsewhere

    p = WIRE.split("\n\n")
    added = "The port reopened its western basin to shipping at noon."
    articles = [
        article("wire", WIRE, None, "Harbour Wire"),
        article("copy", "\n\n".join([*p[:6], added, *p[6:]]), None, "ClickNews"),
    ]
    lexical_analyzer.analyze(articles)
    wire, copy = (PreparedArticle.of(a) for a in articles)
    checker = SupportChecker(LEXICAL)
    evidence = compare(wire, copy, LEXICAL, checker)
    at = copy.texts.index(added)
    assert at not in evidence.aligned_b
    # as if the aligner had missed two of the wire's sentences inside the shared stretch
    missed = replace(evidence, aligned_a=evidence.aligned_a - {3, 4})
    restored = with_restated_elsewhere(missed, wire, copy, checker)
    assert {3, 4} <= restored.aligned_a
    assert at not in restored.aligned_b  # the copy's own sentence stays an addition


def test_a_negation_added_with_a_synonym_is_altered(lexical_analyzer: Analyzer) -> None:
    # 'was suspended' -> 'was not halted': the denied word is not the source's, so only the
    # count of negators against the aligned source sentence shows the fact turned around
    p = WIRE.split("\n\n")
    turned = (
        "Shipping in the eastern basin of the port was not halted overnight, and three grain"
        " carriers waiting to load were moved to anchorages outside the harbour."
    )
    result = run(
        lexical_analyzer,
        [
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("copy", "\n\n".join([*p[:6], turned, *p[7:]]), "2026-04-08T09:00:00Z", "X"),
        ],
    )
    flags = [(f.kind, f.reason, [e.text for e in f.evidence]) for f in result.flags]
    assert flags == [("altered", "negation added: not halt", [p[6]])]


def _short_rewrite() -> str:
    """The rewrite's first six paragraphs (with its invented quote) and two of its own."""
    own = [
        "Schools in Lowmarsh kept pupils indoors at break time.",
        "Fishermen tied up in the inner harbour said they had been told to stay in port.",
    ]
    return "\n\n".join([*REWRITE.split("\n\n")[:6], *own])


def test_an_undated_condensed_rewrite_is_derived_by_its_text_and_its_changed_figure_flagged(
    lexical_analyzer: Analyzer,
) -> None:
    # undated: the text decides (the rewrite restates most of the wire, which says more, and
    # ends where the wire goes on), and says so; the changed figure is flagged as altered
    result = run(
        lexical_analyzer,
        [
            article("wire", WIRE, None, "Harbour Wire"),
            article("rewrite", _short_rewrite(), None, "ClickNews"),
        ],
    )
    assert [(d.source, d.derived) for d in result.derivations] == [("wire", "rewrite")]
    assert result.derivations[0].direction == "decided"
    assert result.derivations[0].direction_evidence.startswith("text: rewrite")
    altered = [f.reason for f in result.flags if f.kind == "altered"]
    assert altered == ["number 18,000 tonnes -> 80,000 tonnes"]


def test_with_dates_the_same_link_flags_the_invented_quote(lexical_analyzer: Analyzer) -> None:
    result = run(
        lexical_analyzer,
        [
            article("wire", WIRE, "2026-04-07T23:10:00Z", "Harbour Wire"),
            article("rewrite", _short_rewrite(), "2026-04-08T09:00:00Z", "ClickNews"),
        ],
    )
    unsupported = [f.text for f in result.flags if f.kind == "unsupported"]
    assert any("Aksel Brandt" in t for t in unsupported)


def test_stray_matches_past_the_shared_stretch_do_not_extend_it() -> None:
    from newstrace.provenance.direction import _stretch, _unmatched

    # a copy of the first 40 sentences of a 60-sentence report; four later sentences of the
    # report happen to resemble some of the copy's
    aligned = [*range(40), 45, 50, 53, 55]
    assert _stretch(aligned) == list(range(40))
    assert _unmatched(set(aligned), 60) == (0, 20)


def test_a_sentence_naming_its_own_outlet_is_a_credit_not_an_invention() -> None:
    from newstrace.provenance.flags import names_itself

    assert names_itself("Additional reporting by Valley Evening Post staff.", "Valley Evening Post")
    assert names_itself("Stay with Newsbeat Daily for more updates.", "Newsbeat Daily")
    assert names_itself(
        "The Harbour Courier asked the operator for comment.", "The Harbour Courier"
    )
    assert not names_itself("The operator declined to comment.", "Newsbeat Daily")
    assert not names_itself("Posts were cut.", "Post")  # too short a name to match safely
    assert not names_itself("Talks stalled.", None)
