"""HTML pages: trafilatura with metadata, the lxml baseline when it finds nothing, clear errors."""

from __future__ import annotations

from pathlib import Path

from newstrace.ingest import read_paths
from newstrace.ingest.html import extract_html, html_to_text
from newstrace.model import Article, IngestError


def test_page_text_and_metadata(samples: Path) -> None:
    (article,) = list(read_paths([samples / "depot_report.html"]))
    assert isinstance(article, Article)
    assert article.id == "depot_report"
    assert article.format == "html"
    assert article.title == "Depot fire: what we know"
    assert article.outlet == "Coastal Times"
    assert article.author == "Samuel Ortiz"
    assert article.published == "2026-03-04T14:30:00Z"
    assert article.url == "https://www.coastaltimes.example/news/2026/03/04/depot-fire-what-we-know"
    assert article.text.startswith("A fire at a chemical storage depot in Eastport")
    assert "Norland Logistics said in a statement" in article.text
    for furniture in ("Home", "Most read", "All rights reserved", "dataLayer"):
        assert furniture not in article.text
    assert len(article.text.split("\n\n")) == 4


def test_broken_html_is_still_extracted(bad_inputs: Path) -> None:
    (article,) = list(read_paths([bad_inputs / "broken.html"]))
    assert isinstance(article, Article)
    assert article.title == "Harbour reopens to shipping"
    assert "Harbour master Colin Reid said" in article.text
    assert article.text.endswith("followed by a ferry from Harlow Island.")


def test_page_without_text_is_a_clear_error(bad_inputs: Path) -> None:
    (error,) = list(read_paths([bad_inputs / "scripts_only.html"]))
    assert isinstance(error, IngestError)
    assert error.reason == "no article text found in the HTML page"
    assert error.source.endswith("scripts_only.html")


def test_fallback_extractor_is_named_in_format() -> None:
    # Too short for trafilatura's main extractor, but a real (brief) wire item.
    html = (
        "<html><body><div id='x'><p>Eastport harbour reopened to shipping on Friday, "
        "the port authority said.</p></div></body></html>"
    )
    article = extract_html(html, source="brief.html", article_id="brief")
    assert isinstance(article, Article)
    assert article.format in ("html", "html-fallback")
    assert (
        article.text == "Eastport harbour reopened to shipping on Friday, the port authority said."
    )


def test_baseline_used_when_trafilatura_finds_nothing() -> None:
    # trafilatura discards blocks it takes for reader comments; the baseline keeps the text.
    html = (
        "<html><body><div class='comments'><p>Ferry fares rose by a third on the island route, "
        "operators said on Monday.</p></div></body></html>"
    )
    article = extract_html(html, source="t.html", article_id="t")
    assert isinstance(article, Article)
    assert article.format == "html-fallback"
    assert "Ferry fares rose by a third" in article.text


def test_fragment_to_paragraphs() -> None:
    assert html_to_text("<p>One.</p><p>Two <b>bold</b>.</p>") == "One.\n\nTwo bold."
    assert html_to_text("Fish &amp; chips<br>Line two") == "Fish & chips\n\nLine two"


def test_furniture_blocks_and_teasers_are_dropped() -> None:
    story = "".join(
        f"<p>Paragraph {n}: crews worked through the night to contain the depot fire, "
        "the county emergency office said in its latest update.</p>"
        for n in range(5)
    )
    html = (
        "<html><body><div class='cookie-banner'>We use cookies. Accept all cookies?</div>"
        f"<div class='story social-share-enabled'>{story}"
        "<p><strong>Read more:</strong> <a href='/x'>Ferry strike called off after talks</a></p>"
        "<div class='ad-slot'>ADVERTISEMENT</div></div>"
        "<ul class='related-links'><li>Schools reopen across the county after storm damage</li></ul>"
        "</body></html>"
    )
    article = extract_html(html, source="p.html", article_id="p")
    assert isinstance(article, Article)
    assert article.text.startswith("Paragraph 0: crews worked")
    assert article.text.count("Paragraph") == 5  # the wrapper with 'share' in its class is kept
    for furniture in ("cookies", "Read more", "Ferry strike", "ADVERTISEMENT", "Schools reopen"):
        assert furniture not in article.text


def test_sentence_starting_like_a_teaser_label_is_kept() -> None:
    from newstrace.ingest.html import drop_furniture

    text = "More than 2,000 residents left.\n\nRelated: Ferry strike ends\n\nWatch the video below."
    assert drop_furniture(text) == "More than 2,000 residents left.\n\nWatch the video below."


def test_headline_repeated_as_first_paragraph_is_dropped() -> None:
    body = "".join(
        f"<p>Paragraph {n}: the ferry operator said services would resume on Friday morning "
        "after the strike ended.</p>"
        for n in range(4)
    )
    html = (
        "<html><head><title>Ferries to resume | Harbour Wire</title>"
        "<meta property='og:title' content='Ferries to resume Friday'></head>"
        f"<body><article><h1>Ferries to resume after strike ends</h1>{body}</article></body></html>"
    )
    article = extract_html(html, source="f.html", article_id="f")
    assert isinstance(article, Article)
    assert article.text.startswith("Paragraph 0:")
