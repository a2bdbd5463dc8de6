"""One way for the provenance tests to run a story: analyse it, then analyze_story."""

from __future__ import annotations

from newstrace.analyze import Analyzer
from newstrace.model import Article, StoryProvenance
from newstrace.provenance import analyze_story
from newstrace.settings import Settings

LEXICAL = Settings.lexical()


def run(
    analyzer: Analyzer, articles: list[Article], settings: Settings = LEXICAL
) -> StoryProvenance:
    analyzer.analyze(articles)
    return analyze_story(articles, [], settings)
