"""The Markdown report: the same facts as the HTML page, readable as plain text."""

from __future__ import annotations

from newstrace.report.markdown import render_story_markdown
from tests.web.sample_story import STORY_ID, sample_articles, sample_store


def test_markdown_report_reads_as_a_dossier() -> None:
    text = render_story_markdown(sample_store(), STORY_ID)
    assert text.startswith("# Rail engineers strike across Verenia\n")
    assert (
        "| Meridian Press Agency (`mpa-wire`) | → | Orchid Gazette (`orchid-rewrite`) | paraphrase | 0.81 |"
        in text
    )
    assert "### Orchid Gazette (`orchid-rewrite`): 1 altered, 1 unsupported" in text
    assert "**altered** (sentence 5, score 0.88) — number 1,400 -> 14,000" in text
    assert "- “The government has abandoned us” — Orchid Gazette **[not in any source]**" in text
    assert "| about 14,000 | the outlet itself | Orchid Gazette |" in text
    assert "| About 1,400 passenger trains were cancelled on Monday. | ✓ | ✓ | ✗ |" in text


def test_markdown_diff_rows_bold_what_changed() -> None:
    text = render_story_markdown(sample_store(), STORY_ID)
    assert "| altered | About **14,000** passenger trains were cancelled on Monday." in text
    invented = next(line for line in text.splitlines() if line.startswith("| invented |"))
    assert (
        "The government has abandoned us" in invented
        and "unsupported: quote not in any source" in invented
    )
    assert "| omitted |  | Verenian National Railways said fewer than 2,500" in text


def test_pipes_in_text_do_not_break_tables() -> None:
    articles = sample_articles()
    [article] = [a for a in articles if a.id == "mpa-wire"]
    article.outlet = "Meridian | Press"
    text = render_story_markdown(sample_store(articles=articles), STORY_ID)
    assert "Meridian \\| Press" in text
