"""The store path of the CLI on the demo corpus: ingest, stories, show, report; re-ingest is a no-op."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e import ground_truth as gt
from tests.e2e.conftest import DEMO_CORPUS, NEWSTRACE, ROOT, run_cli

pytestmark = pytest.mark.slow

INGEST_LINE = re.compile(r"added (\d+), already stored (\d+), failed (\d+)")


@dataclass
class StoreRun:
    db: Path
    first_ingest: tuple[int, int, int]
    second_ingest: tuple[int, int, int]
    stories_before: str
    stories_after: str
    reports_before: dict[str, dict[str, Any]]
    reports_after: dict[str, dict[str, Any]]
    workdir: Path


def _ingest(db: Path) -> tuple[int, int, int]:
    return _ingest_file(db, DEMO_CORPUS)


def _ingest_file(db: Path, path: Path) -> tuple[int, int, int]:
    """(added, already stored, failed) as `newstrace ingest` prints them."""
    out = run_cli("ingest", path, "--db", db, "--quiet").stdout
    match = INGEST_LINE.search(out)
    assert match, f"unexpected ingest output: {out!r}"
    added, stored, failed = (int(g) for g in match.groups())
    return added, stored, failed


def _story_ids(listing: str) -> list[str]:
    """Story ids: the first column of `newstrace stories`, below its header."""
    lines = [ln for ln in listing.splitlines() if ln.strip()]
    return [ln.split()[0] for ln in lines[1:]]


def _reports(db: Path, story_ids: list[str], folder: Path) -> dict[str, dict[str, Any]]:
    folder.mkdir(parents=True, exist_ok=True)
    reports = {}
    for sid in story_ids:
        path = folder / f"{sid}.json"
        run_cli("report", sid, "--json", path, "--db", db)
        reports[sid] = json.loads(path.read_text(encoding="utf-8"))
    return reports


@pytest.fixture(scope="module")
def store_run(tmp_path_factory: pytest.TempPathFactory) -> StoreRun:
    work = tmp_path_factory.mktemp("store")
    db = work / "demo.db"
    first = _ingest(db)
    before = run_cli("stories", "--db", db).stdout
    reports_before = _reports(db, _story_ids(before), work / "before")
    second = _ingest(db)
    after = run_cli("stories", "--db", db).stdout
    reports_after = _reports(db, _story_ids(after), work / "after")
    return StoreRun(db, first, second, before, after, reports_before, reports_after, work)


def test_first_ingest_adds_every_article(store_run: StoreRun) -> None:
    assert store_run.first_ingest == (len(gt.ARTICLES), 0, 0)


def test_reingest_adds_nothing(store_run: StoreRun) -> None:
    assert store_run.second_ingest == (0, len(gt.ARTICLES), 0)


def test_reingest_leaves_stories_unchanged(store_run: StoreRun) -> None:
    assert store_run.stories_after == store_run.stories_before


def test_store_holds_the_two_stories(store_run: StoreRun) -> None:
    assert len(_story_ids(store_run.stories_before)) == 2, store_run.stories_before


def test_reingest_leaves_every_story_dossier_unchanged(store_run: StoreRun) -> None:
    assert store_run.reports_after == store_run.reports_before


def test_story_reports_cover_the_corpus(store_run: StoreRun) -> None:
    ids = [a["id"] for r in store_run.reports_before.values() for a in r["articles"]]
    assert sorted(gt.resolve_ids(ids)) == sorted(t.key for t in gt.ARTICLES)


def test_html_report_and_show_name_the_articles(store_run: StoreRun) -> None:
    sizes = {sid: len(r["articles"]) for sid, r in store_run.reports_before.items()}
    strike = max(sizes, key=lambda sid: sizes[sid])
    page = store_run.workdir / "strike.html"
    run_cli("report", strike, "--html", page, "--db", store_run.db)
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    shown = run_cli("show", strike, "--db", store_run.db).stdout
    for text in (html, shown):
        assert "Meridian Press Agency" in text
        assert "Newsbeat Daily" in text


def test_unknown_story_is_a_clear_error(store_run: StoreRun) -> None:
    proc = subprocess.run(
        [str(NEWSTRACE), "show", "no-such-story", "--db", str(store_run.db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode != 0
    assert "no-such-story" in proc.stderr


def test_same_text_under_another_name_is_kept_once(tmp_path: Path) -> None:
    # another outlet's file with the same text is a verbatim copy: stored, and only once
    db = tmp_path / "copies.db"
    wire = tmp_path / "wire.txt"
    copy = tmp_path / "copy-of-the-wire.txt"
    wire.write_bytes((DEMO_CORPUS / "mpa-rail-strike.txt").read_bytes())
    copy.write_bytes(wire.read_bytes())
    assert _ingest_file(db, wire) == (1, 0, 0)
    assert _ingest_file(db, copy) == (1, 0, 0)
    assert _ingest_file(db, copy) == (0, 1, 0)


def test_bad_input_names_file_and_line_and_leaves_the_store_alone(
    store_run: StoreRun, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "cut-short", "title": "A"\n{"id": "no-text"}\n', encoding="utf-8")
    proc = subprocess.run(
        [str(NEWSTRACE), "ingest", str(broken), "--db", str(store_run.db), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode != 0
    errors = [ln for ln in proc.stderr.splitlines() if "broken.jsonl" in ln]
    assert len(errors) == 2, proc.stderr
    assert ":1" in errors[0] and ":2" in errors[1]
    assert run_cli("stories", "--db", store_run.db).stdout == store_run.stories_after
