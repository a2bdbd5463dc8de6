"""Runs the real `newstrace` command once per session and shares what it wrote."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.ground_truth import resolve_ids

ROOT = Path(__file__).resolve().parents[2]
DEMO_CORPUS = ROOT / "demo" / "corpus"
FIVE_REPORTS = ROOT / "tests" / "data" / "five_reports"
NEWSTRACE = Path(sys.executable).with_name("newstrace")

Run = Callable[..., subprocess.CompletedProcess[str]]


def run_cli(*args: str | Path, timeout: float = 540) -> subprocess.CompletedProcess[str]:
    """Run `newstrace ARGS` from the repo root; fail with its stderr when it exits non-zero."""
    assert NEWSTRACE.exists(), f"{NEWSTRACE} missing: install the package (pip install -e .)"
    proc = subprocess.run(
        [str(NEWSTRACE), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"newstrace {' '.join(map(str, args))} exited {proc.returncode}\n"
            f"--- stdout\n{proc.stdout[-3000:]}\n--- stderr\n{proc.stderr[-6000:]}"
        )
    return proc


@dataclass
class DossierRun:
    """A dossier written by the CLI, how long the command took, and the ground-truth id map."""

    data: dict[str, Any]
    seconds: float
    ids: dict[str, str]
    path: Path

    def id(self, key: str) -> str:
        assert key in self.ids, f"article {key!r} not found in {sorted(self.ids)}"
        return self.ids[key]


def write_dossier(inputs: list[Path], out: Path, *extra: str) -> DossierRun:
    started = time.perf_counter()
    run_cli("dossier", *inputs, "-o", out, "--quiet", *extra)
    seconds = time.perf_counter() - started
    data = json.loads(out.read_text(encoding="utf-8"))
    return DossierRun(data, seconds, resolve_ids([a["id"] for a in data["articles"]]), out)


@pytest.fixture(scope="session")
def demo_dossier(tmp_path_factory: pytest.TempPathFactory) -> DossierRun:
    """`newstrace dossier demo/corpus -o dossier.json` with the neural models (once)."""
    out = tmp_path_factory.mktemp("demo-dossier") / "dossier.json"
    return write_dossier([DEMO_CORPUS], out)
