"""The no-model fallback and the `newstrace demo` command (what `make demo` runs)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.e2e import ground_truth as gt
from tests.e2e.conftest import DEMO_CORPUS, ROOT, DossierRun, run_cli, write_dossier

PACKAGE_SCHEMA = ROOT / "src" / "newstrace" / "report" / "dossier.schema.json"


@pytest.fixture(scope="module")
def lexical_dossier(tmp_path_factory: pytest.TempPathFactory) -> DossierRun:
    out = tmp_path_factory.mktemp("lexical") / "dossier.json"
    return write_dossier([DEMO_CORPUS], out, "--lexical")


def test_lexical_dossier_is_complete_and_says_so(lexical_dossier: DossierRun) -> None:
    schema = json.loads(PACKAGE_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(lexical_dossier.data, schema)
    assert sorted(lexical_dossier.ids) == sorted(t.key for t in gt.ARTICLES)
    used = " ".join(lexical_dossier.data["pipeline"]["analyzed_with"]).lower()
    assert "lexical" in used or "rules" in used, used
    assert "minilm" not in used


def test_lexical_dossier_still_finds_the_verbatim_copy(lexical_dossier: DossierRun) -> None:
    wire, copy = lexical_dossier.id(gt.WIRE), lexical_dossier.id(gt.VERBATIM_COPY)
    pairs = {(d["source"], d["derived"]) for d in lexical_dossier.data["derivations"]}
    assert (wire, copy) in pairs
    assert (copy, wire) not in pairs


@pytest.mark.slow
def test_demo_command_writes_dossier_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    printed = run_cli("demo", "--out", out, "--corpus", DEMO_CORPUS, "--quiet").stdout
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == len(gt.ARTICLES)
    pages = sorted(out.glob("*.html"))
    assert len(pages) == len(dossier["stories"]) >= 2
    assert all(page.stat().st_size > 1000 for page in pages)
    assert sorted(p.stem for p in out.glob("*.md")) == sorted(p.stem for p in pages)
    assert "dossier.json" in printed
