"""Analysis on Ray workers gives the same corpus as analysis in this process."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.distributed import chunks
from newstrace.model import Article
from newstrace.pipeline import Pipeline
from newstrace.settings import Settings
from newstrace.store import open_store

ray = pytest.importorskip("ray", reason="the `ray` extra is not installed")


def _summary(db: Path, demo_corpus: Path, analyzer: object = None) -> dict[str, object]:
    store = open_store(str(db))
    try:
        Pipeline(store, Settings.lexical(), analyzer=analyzer).ingest([demo_corpus])
        stories = sorted(sorted(s.articles) for s in store.stories())
        provenance = [store.get_provenance(s.id) for s in store.stories()]
        derivations = sorted(
            (d.source, d.derived, d.kind) for p in provenance if p for d in p.derivations
        )
        flags = sorted((f.kind, f.article, f.sentence) for p in provenance if p for f in p.flags)
        quotes = sorted((a.id, q.text, q.speaker or "") for a in store.articles() for q in a.quotes)
    finally:
        store.close()
    return {"stories": stories, "derivations": derivations, "flags": flags, "quotes": quotes}


@pytest.mark.slow
def test_ray_workers_build_the_same_dossier(tmp_path: Path, demo_corpus: Path) -> None:
    from newstrace.distributed import RayAnalyzer

    analyzer = RayAnalyzer(Settings.lexical(), workers=2)
    try:
        on_ray = _summary(tmp_path / "ray.db", demo_corpus, analyzer)
    finally:
        analyzer.close()
        ray.shutdown()
    here = _summary(tmp_path / "here.db", demo_corpus)
    assert on_ray == here
    assert len(on_ray["stories"]) == 2  # type: ignore[arg-type]
    assert on_ray["derivations"] and on_ray["quotes"]


def test_chunks_keep_arrival_order() -> None:
    articles = [Article(str(i), str(i), "text") for i in range(7)]
    parts = chunks(articles, 3)
    assert [len(p) for p in parts] == [3, 2, 2]
    assert [a.id for p in parts for a in p] == [str(i) for i in range(7)]
    assert chunks(articles[:1], 4) == [articles[:1]]
