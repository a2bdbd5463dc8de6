"""The dossier does not depend on the process: two runs with different hash seeds agree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_kill_pipeline import _corpus


def _dossier(corpus: Path, out: Path, seed: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "newstrace", "dossier", str(corpus), "-o", str(out)]
    subprocess.run([*command, "--lexical", "-q"], env=env, check=True, stdout=subprocess.DEVNULL)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("pipeline", None)  # timings
    return {key: data[key] for key in ("stories", "derivations", "flags", "claims", "quotes")}


@pytest.mark.slow
def test_two_processes_with_other_hash_seeds_write_the_same_dossier(
    tmp_path: Path, datasets_dir: Path
) -> None:
    corpus = _corpus(datasets_dir, tmp_path / "corpus")
    first = _dossier(corpus, tmp_path / "a.json", "1")
    second = _dossier(corpus, tmp_path / "b.json", "2")
    assert first["flags"] and first["derivations"]
    for key in first:
        assert first[key] == second[key], key
