"""The real Analyzer, loaded once: lexical for the fast tests, full models for the slow ones."""

from __future__ import annotations

import pytest

from newstrace.analyze import Analyzer
from newstrace.settings import Settings


@pytest.fixture(scope="session")
def lexical_analyzer() -> Analyzer:
    return Analyzer(Settings.lexical())


@pytest.fixture(scope="session")
def full_analyzer() -> Analyzer:
    return Analyzer(Settings())
