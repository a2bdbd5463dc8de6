"""Plain-text and Markdown articles: headline, header lines, unwrapped body."""

from __future__ import annotations

from pathlib import Path

from newstrace.ingest import read_paths
from newstrace.ingest.text import looks_like_headline, read_text
from newstrace.model import Article, IngestError


def _one(path: Path) -> Article:
    items = list(read_paths([path]))
    assert len(items) == 1
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_text_file_title_headers_and_body(samples: Path) -> None:
    article = _one(samples / "harbour_fire.txt")
    assert article.id == "harbour_fire"
    assert (
        article.title == "Fire at Eastport chemical depot forces 2,000 residents from their homes"
    )
    assert article.outlet == "Eastport Gazette"
    assert article.published == "2026-03-04T15:00:00Z"  # 10:00 EST
    assert article.author == "Helen Marsh"
    assert article.format == "text"
    assert article.text.startswith("EASTPORT — More than 2,000 residents were ordered")
    # hard-wrapped lines are joined, paragraphs kept apart
    assert "leave their homes on Tuesday after a fire" in article.text
    assert article.text.count("\n\n") == 2
    assert "Outlet:" not in article.text and "By Helen" not in article.text


def test_markdown_is_reduced_to_text(samples: Path) -> None:
    article = _one(samples / "council_vote.md")
    assert article.title == "Council delays vote on harbour depot licence"
    assert "renewing the Norland Logistics licence" in article.text
    assert "](" not in article.text and "**" not in article.text
    assert "- The depot has operated since 1998.\n- Its licence expires" in article.text


def test_first_sentence_is_not_taken_for_a_headline() -> None:
    text = (
        "Police closed the coast road on Monday.\nTraffic was diverted through the town centre.\n"
    )
    article = read_text(text, source="x.txt", article_id="x")
    assert isinstance(article, Article)
    assert article.title is None
    assert article.text.startswith("Police closed the coast road on Monday. Traffic was diverted")


def test_byline_like_sentence_stays_in_the_body() -> None:
    text = "By the end of the week, ferry prices had doubled, operators said.\n"
    article = read_text(text, source="x.txt", article_id="x")
    assert isinstance(article, Article)
    assert article.author is None
    assert article.text == text.strip()


def test_header_only_file_is_an_error() -> None:
    result = read_text(
        "Outlet: Eastport Gazette\nDate: 2026-03-04\n", source="h.txt", article_id="h"
    )
    assert isinstance(result, IngestError)
    assert "no article text" in result.reason


def test_headline_shape() -> None:
    assert looks_like_headline("Storm closes ports along the coast")
    assert looks_like_headline("Will the depot reopen?")
    assert not looks_like_headline("The storm closed ports along the coast.")
    assert not looks_like_headline("word " * 40)


def test_bare_dateline_under_the_headline() -> None:
    text = (
        "Ferry strike called off\n4 March 2026 18:30 GMT\n\n"
        "The ferry workers' union called off Thursday's strike after talks with operators.\n"
    )
    article = read_text(text, source="f.txt", article_id="f")
    assert isinstance(article, Article)
    assert article.title == "Ferry strike called off"
    assert article.published == "2026-03-04T18:30:00Z"
    assert article.text.startswith("The ferry workers' union")


def test_bare_url_line_at_the_top() -> None:
    text = (
        "https://www.harbourwire.example/2026/03/04/depot-fire\n"
        "Depot fire forces evacuation\n\n"
        "More than 2,000 residents were evacuated on Tuesday, officials said.\n"
    )
    article = read_text(text, source="u.txt", article_id="u")
    assert isinstance(article, Article)
    assert article.url == "https://www.harbourwire.example/2026/03/04/depot-fire"
    assert article.title == "Depot fire forces evacuation"
    assert article.text == "More than 2,000 residents were evacuated on Tuesday, officials said."


def test_setext_markdown_heading() -> None:
    text = "Ferry strike called off\n=======================\n\nThe union called off the strike.\n"
    article = read_text(text, source="s.md", article_id="s", markdown=True)
    assert isinstance(article, Article)
    assert article.title == "Ferry strike called off"
    assert article.text == "The union called off the strike."


def test_headline_directly_above_a_wrapped_body() -> None:
    text = (
        "Wildfire forces 3,000 from homes near Saltry\n"
        "SALTRY - About 3,000 people were told to leave their homes on\n"
        "Sunday as a wildfire spread towards the town, officials said.\n"
    )
    article = read_text(text, source="w.txt", article_id="w")
    assert isinstance(article, Article)
    assert article.title == "Wildfire forces 3,000 from homes near Saltry"
    assert article.text.startswith(
        "SALTRY - About 3,000 people were told to leave their homes on Sunday"
    )


def test_wrapped_first_line_is_not_a_headline() -> None:
    text = (
        "The fire chief told reporters on Tuesday that\n"
        "Daniel Okafor's crews had contained the blaze.\n"
    )
    article = read_text(text, source="c.txt", article_id="c")
    assert isinstance(article, Article)
    assert article.title is None
    assert (
        article.text
        == "The fire chief told reporters on Tuesday that Daniel Okafor's crews had contained the blaze."
    )
