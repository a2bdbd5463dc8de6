"""kill -9 during ingest: the SQLite file stays sound and a re-run ends where a clean run ends."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newstrace.ingest import ingest_into
from newstrace.store import SQLiteStore

ARTICLES = 600
# A short pause per article keeps the run long enough to be killed on any machine; the kill
# still lands inside transactions part of the time (each takes about as long as the pause).
INGEST = (
    "import sys, time\n"
    "from newstrace.ingest import ingest_into\n"
    "from newstrace.store import SQLiteStore\n"
    "ingest_into(SQLiteStore(sys.argv[1]), [sys.argv[2]], on_item=lambda *_: time.sleep(0.001))\n"
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"report_{n:04d}.txt").write_text(
            f"Harbour update number {n}\n\n"
            f"Outlet: Eastport Gazette\nDate: 2026-03-{1 + n % 28:02d}\n\n"
            f"Port officials said {n * 7} containers were handled on day {n}. "
            f"Crews inspected berth {n % 13} and found no damage.\n",
            encoding="utf-8",
        )
    return folder


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _content(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT id, hash, source, text, title, outlet, published, format FROM articles ORDER BY seq"
    ).fetchall()
    conn.close()
    return rows


def test_kill_9_mid_ingest_then_rerun(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    killed_db = tmp_path / "killed.db"
    for threshold in (40, 250):  # kill twice, at different points of the same run
        process = subprocess.Popen(
            [sys.executable, "-c", INGEST, str(killed_db), str(corpus)], env=env
        )
        deadline = time.monotonic() + 60
        while (
            _count(killed_db) < threshold and process.poll() is None and time.monotonic() < deadline
        ):
            time.sleep(0.005)
        assert process.poll() is None, "ingest finished before it could be killed; raise ARTICLES"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        conn = sqlite3.connect(killed_db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        conn.close()
        assert 0 < _count(killed_db) < ARTICLES

    with SQLiteStore(killed_db) as store:
        report = ingest_into(store, [corpus])
        assert not report.errors
        assert store.integrity_check() == "ok"
    clean_db = tmp_path / "clean.db"
    with SQLiteStore(clean_db) as store:
        ingest_into(store, [corpus])
    assert _count(clean_db) == ARTICLES
    assert _content(killed_db) == _content(clean_db)
    with SQLiteStore(killed_db) as store:
        assert store.search("berth 7 containers")[:1] != []
