"""WARC archives: HTML responses become articles; a truncated archive keeps what came before."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from newstrace.ingest import read_paths
from newstrace.model import Article, IngestError

PAGES = [
    (
        "https://www.eastportgazette.example/news/depot-fire",
        "Depot fire forces evacuation",
        "More than 2,000 residents left their homes on Tuesday after a fire at a chemical depot.",
    ),
    (
        "https://coastaltimes.example/2026/03/05/inquiry.html",
        "Inquiry into depot opens",
        "The regional environment agency opened an inquiry into the depot fire on Thursday.",
    ),
    (
        "https://harbourwire.example/0415",
        "Harbour reopens to shipping",
        "Eastport harbour reopened to commercial shipping on Friday, the port authority said.",
    ),
]


def _page(title: str, sentence: str) -> bytes:
    body = "".join(f"<p>{sentence} Paragraph {i} adds detail from the scene.</p>" for i in range(4))
    return (
        f"<html><head><title>{title}</title><meta charset='utf-8'></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def write_warc(path: Path, gzipped: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newstrace-tests"}))
    for number, (url, title, sentence) in enumerate(PAGES):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=BytesIO(_page(title, sentence)), http_headers=headers
        )
        writer.write_record(record)
        if number == 0:  # an image and a redirect: skipped, not errors
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url + ".png", "response", payload=BytesIO(b"\x89PNG...."), http_headers=image
                )
            )
            moved = StatusAndHeaders("301 Moved", [("Location", url)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url + "/old", "response", payload=BytesIO(b""), http_headers=moved
                )
            )
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzipped=name.endswith(".gz"))
    items = list(read_paths([path]))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.id for i in items] == [
        "eastportgazette-example-news-depot-fire",
        "coastaltimes-example-2026-03-05-inquiry",
        "harbourwire-example-0415",
    ]
    first = items[0]
    assert isinstance(first, Article)
    assert first.url == PAGES[0][0]
    assert first.format in ("warc", "warc-fallback")
    assert first.title == "Depot fire forces evacuation"
    assert first.text.startswith(PAGES[0][2])
    assert first.outlet == "eastportgazette.example"


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_warc_keeps_earlier_records(tmp_path: Path, gzipped: bool) -> None:
    whole = tmp_path / ("whole.warc.gz" if gzipped else "whole.warc")
    write_warc(whole, gzipped=gzipped)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    # 90 % of the file ends inside the last page's record: the first two pages are intact
    cut.write_bytes(data[: len(data) * 9 // 10])
    items = list(read_paths([cut]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [a.url for a in articles] == [PAGES[0][0], PAGES[1][0]]
    assert len(errors) == 1
    assert errors[0].reason.startswith("truncated or damaged WARC after 5 readable records")
    assert "cut short" in errors[0].reason
    assert errors[0].source == str(cut)


def test_damage_inside_the_first_record(tmp_path: Path) -> None:
    whole = tmp_path / "w.warc.gz"
    write_warc(whole, gzipped=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:40])
    (error,) = list(read_paths([cut]))
    assert isinstance(error, IngestError)
    assert error.reason.startswith("truncated or damaged WARC after 0 readable records")
