"""newstrace.ingest: files, folders, feeds and web archives -> Articles (and IngestErrors).

    for item in read_paths(["corpus/"]):
        if isinstance(item, IngestError): print(item)
        else: store.add_article(item)

`ingest_into(store, paths)` does exactly that and counts what happened.
"""

from newstrace.ingest.batch import IngestReport, ingest_into
from newstrace.ingest.dates import normalize_date
from newstrace.ingest.decode import NotText, decode_bytes
from newstrace.ingest.limits import DEFAULT_MAX_BYTES
from newstrace.ingest.reader import read_file, read_paths

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestReport",
    "NotText",
    "decode_bytes",
    "ingest_into",
    "normalize_date",
    "read_file",
    "read_paths",
]
