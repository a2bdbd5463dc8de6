"""Fixtures shared by every test package: where ../shared is, and the demo corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATASETS = SHARED / "datasets"
DEMO_CORPUS = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """../shared/datasets; tests that need real external text skip when it is absent."""
    if not DATASETS.is_dir():
        pytest.skip("../shared/datasets not present")
    return DATASETS


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return DEMO_CORPUS
