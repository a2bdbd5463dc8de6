"""Serve a store built by the real pipeline from plain text with front matter, for the browser
tests of issue 13: `python serve_reading.py PORT`.

The five reports of tests/data/five_reports lose their header lines; their outlet and date come
back as YAML front matter, except one article left with neither (its id must stand in). The
weakest link of the story is then marked a possible rewrite (below the bar) with undetermined
order, so the page shows how weak links read.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import uvicorn

from newstrace.pipeline import Pipeline
from newstrace.settings import Settings
from newstrace.store import SQLiteStore
from newstrace.web import create_app

FIVE = Path(__file__).resolve().parents[1] / "data" / "five_reports"
_FIELD = re.compile(r"^(Outlet|Date):\s*(.+)$")
BARE = "lanmoor-standard-osk-leak"  # no front matter: no outlet, no date


def with_front_matter(source: Path, target: Path) -> None:
    """The report with its header lines moved into a front-matter block."""
    lines = source.read_text(encoding="utf-8").split("\n")
    title, fields, body = lines[0], {}, []
    for line in lines[1:]:
        match = _FIELD.match(line)
        if match and not body:
            fields[match.group(1).lower()] = match.group(2)
        elif not (line.startswith("By ") and not body):
            body.append(line)
    text = "\n".join(body).strip() + "\n"
    if source.stem == BARE:
        target.write_text(text, encoding="utf-8")
        return
    matter = [
        "---",
        f'title: "{title}"',
        f"outlet: {fields['outlet']}",
        f"published: {fields['date']}",
        "---",
    ]
    target.write_text("\n".join(matter) + "\n" + text, encoding="utf-8")


def build(folder: Path) -> str:
    inputs = folder / "in"
    inputs.mkdir()
    for path in sorted(FIVE.glob("*.txt")):
        with_front_matter(path, inputs / f"{path.stem}.md")
    db = str(folder / "reading.db")
    store = SQLiteStore(db)
    try:
        Pipeline(store, Settings.lexical()).ingest([inputs])
        [story] = [s for s in store.stories() if len(s.articles) > 1]
        prov = store.get_provenance(story.id)
        assert prov is not None and prov.derivations
        weakest = min(prov.derivations, key=lambda d: d.score)
        weakest.strength, weakest.direction = "possible", "undetermined"
        # as the analysis leaves a possible link: below the bar, with no direction weighed
        weakest.score = min(weakest.score, 0.45)
        weakest.direction_evidence = ""
        store.save_provenance(prov)
    finally:
        store.close()
    return db


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        db = build(Path(tmp))
        uvicorn.run(
            create_app(lambda: SQLiteStore(db)),
            host="127.0.0.1",
            port=int(sys.argv[1]),
            log_level="warning",
        )
