"""Fixtures for ingest tests: the committed sample articles and bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def samples() -> Path:
    """Well-formed articles in every supported format (tests/ingest/data)."""
    return HERE / "data"


@pytest.fixture(scope="session")
def bad_inputs() -> Path:
    """Broken, empty and binary inputs (tests/data/bad)."""
    return HERE.parent / "data" / "bad"
