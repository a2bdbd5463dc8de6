"""The reading commands of the CLI: `compare`, a missing store, `ingest --meta`, on real text."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newstrace.cli import app

FIVE = Path(__file__).resolve().parents[1] / "data" / "five_reports"
runner = CliRunner()


def _ingest(tmp_path: Path, *extra: str) -> Path:
    db = tmp_path / "five.db"
    result = runner.invoke(app, ["ingest", str(FIVE), "--db", str(db), "--lexical", "-q", *extra])
    assert result.exit_code == 0, result.output
    return db


def test_compare_any_two_articles_prints_the_aligned_diff_and_verdicts(tmp_path: Path) -> None:
    db = _ingest(tmp_path)
    a, b = "northline-osk-leak", "trendwire-osk-leak"
    result = runner.invoke(app, ["compare", a, b, "--db", str(db), "--lexical"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(f"### TrendWire Now (`{b}`) compared with Northline News Agency")
    # the rewrite inflated the leak tenfold: the checker says so on that very row
    altered = next(line for line in out.splitlines() if "120,000" in line)
    assert altered.startswith("| altered | altered: number 12,000 litres -> 120,000 litres |")
    # neither article is claimed to be the other's source: "left only", "the other article"
    assert "| left only | unsupported: quote not in the other article |" in out
    data = json.loads(
        runner.invoke(app, ["compare", a, b, "--db", str(db), "--lexical", "--json"]).output
    )
    assert data["mode"] == "compare" and data["derived"]["id"] == b
    assert sum(data["verdicts"].values()) == len(
        [r for r in data["rows"] if r["derived_sentence"] is not None]
    )


def test_compare_places_each_sentence_the_checker_finds_beside_its_evidence(
    tmp_path: Path,
) -> None:
    """Two reports with no link between them share facts in other words: where the checker
    finds a sentence supported or altered, the row shows the sentence it found, and never says
    "left only" beside a verdict that the other article says it."""
    db = _ingest(tmp_path)
    a, b = "lanmoor-standard-osk-leak", "northline-osk-followup"
    data = json.loads(
        runner.invoke(app, ["compare", a, b, "--db", str(db), "--lexical", "--json"]).output
    )
    rows = [r for r in data["rows"] if r["derived_sentence"] is not None]
    backed = [r for r in rows if r["verdict"] in ("supported", "altered")]
    assert backed, "the two reports of one leak share some fact"
    for row in backed:
        assert row["relation"] in ("shared", "reworded", "altered") and row["source"], row
    unpaired = [r for r in rows if r["relation"] == "added"]
    assert unpaired and all(r["verdict"] == "unsupported" for r in unpaired)
    omitted = [r["source_sentence"] for r in data["rows"] if r["relation"] == "omitted"]
    assert not set(omitted) & {r["source_sentence"] for r in backed}


def test_compare_names_an_unknown_article(tmp_path: Path) -> None:
    db = _ingest(tmp_path)
    result = runner.invoke(app, ["compare", "northline-osk-leak", "nope", "--db", str(db)])
    assert result.exit_code == 2 and "no article with id 'nope'" in result.output


def test_a_missing_store_is_an_error_naming_it_and_nothing_is_created(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    for command in (["stories"], ["show", "s-1"], ["compare", "a", "b"], ["recluster"]):
        result = runner.invoke(app, [*command, "--db", str(typo)])
        assert result.exit_code == 2, command
        assert f"no store at {typo}" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(typo)])
    assert result.exit_code == 3 and "missing.txt: no such file or folder" in result.output
    assert not typo.exists()


def test_ingest_meta_names_the_outlets_of_plain_text(tmp_path: Path) -> None:
    table = tmp_path / "meta.csv"
    table.write_text(
        "file,outlet\nnorthline-osk-leak.txt,Renamed Wire\nnot-there.txt,Ghost\n", encoding="utf-8"
    )
    db = _ingest_with_meta(tmp_path, table)
    from newstrace.store import open_store

    store = open_store(db, must_exist=True)
    try:
        article = store.get_article("northline-osk-leak", with_analysis=False)
        assert article is not None and article.outlet == "Renamed Wire"
    finally:
        store.close()


def _ingest_with_meta(tmp_path: Path, table: Path) -> Path:
    db = tmp_path / "meta.db"
    result = runner.invoke(
        app, ["ingest", str(FIVE), "--db", str(db), "--lexical", "-q", "--meta", str(table)]
    )
    assert result.exit_code == 0, result.output
    assert "1 row(s)" in result.output and "not-there.txt" in result.output
    return db
