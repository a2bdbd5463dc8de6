"""A file far longer than any article: refused at once with the reason, memory untouched;
a long real article below the limit is read and analysed whole."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from newstrace.ingest import read_paths
from newstrace.ingest.limits import MAX_ARTICLE_CHARS
from newstrace.model import Article, IngestError
from newstrace.pipeline import Pipeline
from newstrace.settings import Settings
from newstrace.store import open_store


@pytest.fixture(scope="module")
def polnear_text(datasets_dir: Path) -> str:
    """Real news text: PolNeAR test articles run together, as a dump of many articles is."""
    paths = sorted((datasets_dir / "polnear" / "data" / "test" / "text").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def _repeat(text: str, chars: int) -> str:
    return (text * (chars // len(text) + 1))[:chars]


def test_file_longer_than_any_article_is_refused_unread(tmp_path: Path, polnear_text: str) -> None:
    big = tmp_path / "dump.txt"
    big.write_text(_repeat(polnear_text, 12 * MAX_ARTICLE_CHARS), encoding="utf-8")
    tracemalloc.start()
    items = list(read_paths([big], max_bytes=40_000_000))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert "too long for one article" in items[0].reason and "split" in items[0].reason
    assert peak < big.stat().st_size / 20  # refused from its size: the text was never read


def test_text_just_over_the_limit_is_refused_with_its_length(
    tmp_path: Path, polnear_text: str
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(_repeat(polnear_text, MAX_ARTICLE_CHARS + 50_000), encoding="utf-8")
    (item,) = read_paths([path])
    assert isinstance(item, IngestError)
    assert "too long for one article" in item.reason and "characters" in item.reason


def test_one_huge_jsonl_record_is_refused_and_the_others_read(
    tmp_path: Path, polnear_text: str
) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "short-1", "text": polnear_text[:3000]},
        {"id": "huge", "text": _repeat(polnear_text, MAX_ARTICLE_CHARS + 50_000)},
        {"id": "short-2", "text": polnear_text[3000:6000]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["short-1", "short-2"]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert error.record == "huge" and "too long for one article" in error.reason


def test_long_article_below_the_limit_is_analysed_whole(tmp_path: Path, polnear_text: str) -> None:
    path = tmp_path / "long.txt"
    text = polnear_text[: MAX_ARTICLE_CHARS // 2]
    path.write_text(text, encoding="utf-8")
    store = open_store(str(tmp_path / "s.db"))
    try:
        report = Pipeline(store, Settings.lexical()).ingest([path])
        (article,) = store.articles(report.added)
    finally:
        store.close()
    assert not report.errors
    assert len(article.sentences) > 1000
    assert article.sentences[-1].end > len(article.text) - 200  # analysed to the end
    assert article.mentions[-1].start > len(article.text) * 0.9
    assert article.quotes and article.quantities
