"""Metadata for plain text: a YAML front-matter block, or a table given with `ingest --meta`."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.ingest import read_paths
from newstrace.ingest.meta import ArticleMeta, MetaError
from newstrace.ingest.text import front_matter, read_text
from newstrace.model import Article, IngestError

BODY = (
    "KYIV — The president said on Tuesday he had spoken by phone with his French counterpart "
    "about a force to be deployed after a ceasefire.\n\n"
    "The defence minister arrived in the capital on the same day for talks."
)


def test_front_matter_fills_the_fields_and_leaves_the_body(tmp_path: Path) -> None:
    path = tmp_path / "call.md"
    path.write_text(
        "---\n"
        'title: "Leaders discuss a post-ceasefire force by phone"\n'
        "outlet: Kyiv Independent  # the paper\n"
        "date: 2025-03-04 10:00\n"
        "url: https://example.org/call\n"
        "author: 'Olena O''Brien'\n"
        "tags: [war, diplomacy]\n"
        "---\n" + BODY,
        encoding="utf-8",
    )
    [article] = list(read_paths([path]))
    assert isinstance(article, Article)
    assert article.title == "Leaders discuss a post-ceasefire force by phone"
    assert article.outlet == "Kyiv Independent"
    assert article.published == "2025-03-04T10:00:00Z"
    assert article.url == "https://example.org/call"
    assert article.author == "Olena O'Brien"
    assert article.text.startswith("KYIV — The president said") and "---" not in article.text


def test_a_rule_that_opens_no_block_is_text() -> None:
    fields, rest = front_matter("---\nNot a block: it never closes\n" + BODY)
    assert fields == {} and rest.startswith("---")


def test_a_bad_date_in_front_matter_names_the_file() -> None:
    result = read_text("---\ndate: someday soon\n---\n" + BODY, source="x.txt", article_id="x")
    assert isinstance(result, IngestError) and "someday soon" in result.reason


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_meta_table_maps_file_names_and_ids_to_fields(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "call.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "visit.txt").write_text(BODY.replace("French", "Polish"), encoding="utf-8")
    table = tmp_path / f"meta{suffix}"
    if suffix == ".csv":
        table.write_text(
            "file,outlet,published,title\n"
            "call.txt,Kyiv Independent,4 March 2025,Leaders talk by phone\n"
            "visit,Reuters,2025-03-05T08:00:00Z,\n"
            "missing.txt,Nobody,,\n",
            encoding="utf-8",
        )
    else:
        table.write_text(
            '{"file": "call.txt", "outlet": "Kyiv Independent", "published": "4 March 2025",'
            ' "title": "Leaders talk by phone"}\n'
            '{"id": "visit", "source": "Reuters", "date": "2025-03-05T08:00:00Z"}\n'
            '{"file": "missing.txt", "outlet": "Nobody"}\n',
            encoding="utf-8",
        )
    meta = ArticleMeta.load(table)
    articles = {
        a.id: meta.apply(a)
        for a in read_paths([tmp_path / "call.txt", tmp_path / "visit.txt"])
        if isinstance(a, Article)
    }
    assert articles["call"].outlet == "Kyiv Independent"
    assert articles["call"].published == "2025-03-04T00:00:00Z"
    assert articles["call"].title == "Leaders talk by phone"
    assert articles["visit"].outlet == "Reuters" and articles["visit"].title is None
    assert meta.unused() == ["missing.txt"]


def test_meta_table_without_a_file_column_or_with_a_bad_date_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "meta.csv"
    table.write_text("name,outlet\ncall.txt,Reuters\n", encoding="utf-8")
    with pytest.raises(MetaError, match="no file column"):
        ArticleMeta.load(table)
    table.write_text("file,date\ncall.txt,not a date\n", encoding="utf-8")
    with pytest.raises(MetaError, match=r"meta.csv:2: cannot read the date"):
        ArticleMeta.load(table)
