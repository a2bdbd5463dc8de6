"""Real ECB+ reports (topic x sub-topic = one event) and a fresh SQLite store per test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstrace.model import Article
from newstrace.store import SQLiteStore, Store

_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_GLUE = re.compile(r" ([.,;:!?%)]|'s|n't)")


def read_ecb(path: Path) -> Article:
    """One ECB+ XML document as an Article (tokens joined back into sentences)."""
    sentences: dict[int, list[str]] = {}
    for number, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
        sentences.setdefault(int(number), []).append(token)
    lines = [_GLUE.sub(r"\1", " ".join(sentences[k])) for k in sorted(sentences)]
    if lines and lines[0].lower().startswith("http"):
        lines.pop(0)
    return Article(id=path.stem, source=str(path), text="\n".join(lines))


def gold_event(doc_id: str) -> str:
    topic, rest = doc_id.split("_", 1)
    return f"{topic}_{'ecbplus' if rest.endswith('ecbplus') else 'ecb'}"


@pytest.fixture(scope="session")
def ecb(datasets_dir: Path) -> dict[str, Article]:
    """Documents of ECB+ train topics 19 (riots), 22 (shooting trial) and 31 (scoring record)."""
    base = datasets_dir / "ecbplus" / "ECB+_LREC2014" / "ECB+"
    docs = [
        read_ecb(p) for topic in ("19", "22", "31") for p in sorted((base / topic).glob("*.xml"))
    ]
    return {d.id: d for d in docs}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = SQLiteStore(tmp_path / "cluster.db")
    yield opened
    opened.close()
