"""newstrace.ingest: files, folders, feeds and web archives -> Articles (and IngestErrors).

    for item in read_paths(["corpus/"]):
        if isinstance(item, IngestError): print(item)      # "file:line: reason", one line
        else: store.add_article(item)

`ingest_into(store, paths)` does exactly that and counts what happened.

Formats (by extension, corrected by sniffing the first bytes; `.gz` files are read as what they
hold): .txt/.md (text.py), .html/.htm (html.py), .jsonl/.ndjson/.json (jsonl.py),
.rss/.atom/.xml feeds (feeds.py), .warc/.warc.gz (warc.py). `Article.format` is `text`, `html`,
`html-fallback`, `jsonl`, `feed`, `warc` or `warc-fallback` (the `-fallback` forms: trafilatura
found no text and the lxml baseline extractor was used). `max_bytes` limits whole files for
page-like formats and single records in JSONL and WARC streams.
"""

from newstrace.ingest.batch import IngestOutcome, ingest_into
from newstrace.ingest.dates import normalize_date
from newstrace.ingest.decode import NotText, decode_bytes
from newstrace.ingest.limits import DEFAULT_MAX_BYTES
from newstrace.ingest.reader import read_file, read_paths

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestOutcome",
    "NotText",
    "decode_bytes",
    "ingest_into",
    "normalize_date",
    "read_file",
    "read_paths",
]
