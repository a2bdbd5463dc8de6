"""The self-contained HTML report: every section, the diffs, and no network request."""

from __future__ import annotations

import re

import pytest

from newstrace.model import Story
from newstrace.report.html import render_story_html
from newstrace.report.views import ViewNotFound
from tests.web.sample_story import STORY_ID, sample_store


@pytest.fixture(scope="module")
def page() -> str:
    return render_story_html(sample_store(), STORY_ID)


def test_every_section_is_there(page: str) -> None:
    for section in (
        "timeline",
        "graph",
        "flags",
        "quotes",
        "figures",
        "entities",
        "claims",
        "diffs",
    ):
        assert f'id="{section}"' in page
    assert "<h1>Rail engineers strike across Verenia</h1>" in page


def test_the_page_makes_no_network_request(page: str) -> None:
    assert "<script" not in page and "@import" not in page
    assert re.findall(r'<link [^>]*href="(?!data:)', page) == []  # only the inline favicon
    assert not re.search(r'\ssrc="(https?:)?//', page)
    assert not re.search(r"url\((['\"]?)(https?:)?//", page)
    assert "<style>" in page and "<svg" in page


def test_graph_draws_an_arrow_from_the_wire_to_the_rewrite(page: str) -> None:
    edge = re.search(
        r'<g class="edge edge-paraphrase" data-source="mpa-wire" data-derived="orchid-rewrite">',
        page,
    )
    assert edge is not None
    assert 'data-article="orchid-rewrite" data-role="derived"' in page
    assert 'href="#diff-mpa-wire--orchid-rewrite"' in page  # the arrow leads to its diff
    assert 'id="diff-mpa-wire--orchid-rewrite"' in page
    assert (
        '<a href="#article-orchid-rewrite" aria-label="Orchid Gazette: read the article">' in page
    )


def test_diff_marks_the_invented_quote_and_the_changed_number(page: str) -> None:
    invented = re.search(r'<tr class="invented".*?</tr>', page, re.S)
    assert invented is not None
    assert "The government has abandoned us" in invented.group(0)
    assert "quote not in any source" in invented.group(0)
    altered = re.search(r'<tr class="altered".*?</tr>', page, re.S)
    assert altered is not None
    assert "<mark>14,000</mark>" in altered.group(0) and "<mark>1,400</mark>" in altered.group(0)


def test_timeline_entries_lead_to_their_article(page: str) -> None:
    assert (
        '<a href="#article-orchid-rewrite">Verenia grinds to a halt as engineers strike</a>' in page
    )
    assert '<tr id="article-orchid-rewrite">' in page


def test_figures_are_shown_in_their_sentence(page: str) -> None:
    assert "<b>About 14,000 passenger trains</b> were cancelled on Monday." in page


def test_flags_show_evidence_beside_the_flagged_sentence(page: str) -> None:
    card = re.search(r'<div class="card flag altered">.*?</div>\s*</div>\s*</div>', page, re.S)
    assert card is not None
    assert "number 1,400 -&gt; 14,000" in card.group(0)
    assert "About 1,400 passenger trains were cancelled on Monday." in card.group(0)
    assert 'href="#diff-mpa-wire--orchid-rewrite">see it in the diff</a>' in card.group(0)


def test_text_from_articles_is_escaped() -> None:
    store = sample_store()
    story = store.get_story(STORY_ID)
    assert story is not None
    store.save_stories(
        [Story(story.id, "<script>alert(1)</script> strike", story.articles, story.events)]
    )
    html = render_story_html(store, STORY_ID)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; strike" in html


def test_only_web_addresses_become_links() -> None:
    store = sample_store()
    [article] = list(store.articles(["mpa-wire"]))
    article.url = "javascript:alert(document.cookie)"
    html = render_story_html(store, STORY_ID)
    assert "javascript:" not in html
    assert 'href="https://example.org/orchid-rewrite"' in html


def test_the_page_forbids_itself_any_request(page: str) -> None:
    assert "default-src 'none'; style-src 'unsafe-inline'; img-src data:" in page


def test_unknown_story() -> None:
    with pytest.raises(ViewNotFound):
        render_story_html(sample_store(), "missing")
