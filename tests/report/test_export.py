"""CSV exports of a story's quotes, figures, flags and claims, from the CLI and the web."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newstrace.cli import app
from newstrace.report.export import export_csv
from newstrace.report.views import story_view
from tests.web.sample_story import STORY_ID, sample_store


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_each_export_lists_what_the_page_lists() -> None:
    view = story_view(sample_store(), STORY_ID)
    flags = _rows(export_csv(view, "flags"))
    assert {(f["article"], f["kind"]) for f in flags} == {
        ("orchid-rewrite", "unsupported"),
        ("orchid-rewrite", "altered"),
    }
    altered = next(f for f in flags if f["kind"] == "altered")
    assert altered["reason"] == "number 1,400 -> 14,000" and altered["sentence"] == "5"
    assert "mpa-wire: About 1,400 passenger trains" in altered["evidence"]
    quotes = _rows(export_csv(view, "quotes"))
    invented = next(q for q in quotes if "abandoned us" in q["quote"])
    assert invented["flagged in"] == "orchid-rewrite"
    figures = _rows(export_csv(view, "figures"))
    trains = [f for f in figures if f["unit"] == "passenger trains"]
    assert {f["value"] for f in trains} == {"1400.0", "14000.0"}
    assert {f["values differ in unit"] for f in trains} == {"yes"}
    claims = _rows(export_csv(view, "claims"))
    first = claims[0]
    assert first["claim"] == "About 1,400 passenger trains were cancelled on Monday."
    assert (first["mpa-wire"], first["orchid-rewrite"]) == ("supported", "contradicted")
    with pytest.raises(ValueError, match="choose one of"):
        export_csv(view, "entities")


def test_cli_export_writes_csv(tmp_path: Path) -> None:
    db = tmp_path / "sample.db"
    sample_store(str(db)).close()
    out = tmp_path / "flags.csv"
    result = CliRunner().invoke(
        app, ["export", STORY_ID, "flags", "--db", str(db), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert len(_rows(out.read_text(encoding="utf-8"))) == 2
    bad = CliRunner().invoke(app, ["export", STORY_ID, "gossip", "--db", str(db)])
    assert bad.exit_code == 2 and "choose one of" in bad.output
