"""Serve the sample story (tests/web/sample_story.py) with uvicorn: `python serve_sample.py PORT`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import uvicorn

from newstrace.store import SQLiteStore
from newstrace.web import create_app
from tests.web.sample_story import sample_store

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "sample.db")
        sample_store(db).close()
        uvicorn.run(
            create_app(lambda: SQLiteStore(db)),
            host="127.0.0.1",
            port=int(sys.argv[1]),
            log_level="warning",
        )
