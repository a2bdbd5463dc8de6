"""kill -9 during a full ingest (store, analyse, cluster, provenance): a re-run ends where an
uninterrupted run ends, and the SQLite file stays sound throughout."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrace.store import open_store

_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
TOPICS = ("36", "37", "38", "39", "40", "41")


def _corpus(datasets_dir: Path, folder: Path) -> Path:
    """Real ECB+ reports of six topics written out as plain-text files."""
    folder.mkdir()
    base = datasets_dir / "ecbplus" / "ECB+_LREC2014" / "ECB+"
    for topic in TOPICS:
        for path in sorted((base / topic).glob("*.xml")):
            sentences: dict[int, list[str]] = {}
            for number, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
                sentences.setdefault(int(number), []).append(token)
            lines = [" ".join(sentences[k]) for k in sorted(sentences)]
            lines = [line for line in lines if not line.lower().startswith("http")]
            (folder / f"{path.stem}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newstrace", "ingest", str(corpus), "--db", str(db)]
    # small checkpoints, so that the kill lands after some of them and inside another
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "NEWSTRACE_CHECKPOINT_EVERY": "16",
    }
    return subprocess.Popen([*command, "--lexical", "-q"], env=env, stdout=subprocess.DEVNULL)


def _rows(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _state(db: Path) -> dict[str, object]:
    store = open_store(str(db))
    try:
        stories = sorted(sorted(s.articles) for s in store.stories())
        events = sorted(
            sorted(a.article for a in store.assignments() if a.event == e)
            for e in {a.event for a in store.assignments()}
        )
        provenance = [store.get_provenance(s.id) for s in store.stories()]
        derivations = sorted(
            (d.source, d.derived, d.kind) for p in provenance if p for d in p.derivations
        )
        flags = sorted((f.kind, f.article, f.sentence) for p in provenance if p for f in p.flags)
        analysed = sorted((a.id, len(a.sentences), len(a.quantities)) for a in store.articles())
    finally:
        store.close()
    return {
        "stories": stories,
        "events": events,
        "derivations": derivations,
        "flags": flags,
        "analysed": analysed,
    }


@pytest.mark.slow
def test_kill_9_during_analysis_and_clustering_then_rerun(
    tmp_path: Path, datasets_dir: Path
) -> None:
    corpus = _corpus(datasets_dir, tmp_path / "corpus")
    total = len(list(corpus.iterdir()))
    killed = tmp_path / "killed.db"
    # first kill once some articles are analysed, the second once some are clustered
    for sql, threshold in (
        ("SELECT COUNT(*) FROM analyses", 20),
        ("SELECT COUNT(*) FROM assignments", 40),
    ):
        process = _ingest(killed, corpus)
        deadline = time.monotonic() + 120
        while (
            _rows(killed, sql) < threshold
            and process.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.01)
        assert process.poll() is None, "ingest ended before the kill; use more articles"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        conn = sqlite3.connect(killed)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert _rows(killed, "SELECT COUNT(*) FROM assignments") < total
    assert _ingest(killed, corpus).wait() == 0
    clean = tmp_path / "clean.db"
    assert _ingest(clean, corpus).wait() == 0
    after_kill, uninterrupted = _state(killed), _state(clean)
    assert len(uninterrupted["analysed"]) == total  # type: ignore[arg-type]
    assert after_kill == uninterrupted
