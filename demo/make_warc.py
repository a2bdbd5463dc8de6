"""Build demo/corpus/crawl.warc.gz from the HTML pages in demo/warc_pages/.

Each page becomes one HTTP response record whose target URI is the page's canonical link,
as a crawler would have stored it. Run from the repo root: .venv/bin/python demo/make_warc.py
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc_pages"
OUT = HERE / "corpus" / "crawl.warc.gz"
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
PUBLISHED = re.compile(r'<meta property="article:published_time" content="([^"]+)"')


def write_warc(pages: list[Path], out: Path) -> int:
    """Write one response record per page, dated by its publication time; return the count."""
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for page in pages:
            html = page.read_text(encoding="utf-8")
            url_match = CANONICAL.search(html)
            date_match = PUBLISHED.search(html)
            if url_match is None or date_match is None:
                raise SystemExit(f"{page}: needs a canonical link and article:published_time")
            payload = html.encode("utf-8")
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(payload))),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url_match.group(1),
                "response",
                payload=BytesIO(payload),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": date_match.group(1)},
            )
            writer.write_record(record)
    return len(pages)


if __name__ == "__main__":
    count = write_warc(sorted(PAGES.glob("*.html")), OUT)
    print(f"wrote {count} records to {OUT}")
