"""The mechanisms that kept original reporting from being flagged: weak links, both-tailed
alignments, copies of copies, names changed in a restated sentence."""

from __future__ import annotations

import pytest

from newstrace.analyze import Analyzer
from newstrace.model import Article, StoryProvenance
from newstrace.provenance import analyze_story
from newstrace.settings import Settings
from tests.provenance.stories import FEATURE, WIRE, article

LEXICAL = Settings.lexical()


def run(analyzer: Analyzer, articles: list[Article]) -> StoryProvenance:
    analyzer.analyze(articles)
    return analyze_story(articles, [], LEXICAL)


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
    # the wire ends with three sentences the feature lacks, the feature with five of its own:
    # neither is a copy cut from the bottom, so the wire is not taken as the derived one
    assert [(d.source, d.derived) for d in feature_story.derivations] == [("wire", "feature")]
    assert not feature_story.derivations[0].direction_evidence.startswith("containment")
    assert not [f for f in feature_story.flags if f.article == "wire"]
