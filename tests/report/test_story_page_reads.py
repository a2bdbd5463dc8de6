"""The story page reads only the layers it shows, and shows what a full read would show.

A big story's page cannot decode every sentence of a thousand articles; it reads each
article's quotes and figures (and names, when the story has no resolved entities) and the
sentences only of the articles on its page of claims.
"""

from __future__ import annotations

from dataclasses import asdict, replace

from newstrace.report.views import story_view
from newstrace.report.views.loading import load_story
from newstrace.report.views.story import build_story_view
from tests.web.sample_story import STORY_ID, sample_store


def test_story_page_equals_the_page_built_from_a_full_read() -> None:
    store = sample_store()
    assert store.get_provenance(STORY_ID).entities  # type: ignore[union-attr]
    full = build_story_view(load_story(store, STORY_ID), claims_page=1)
    assert asdict(story_view(store, STORY_ID, claims_page=1)) == asdict(full)
    assert any(cell.sentence for row in full.claims.rows for cell in row.cells)


def test_without_resolved_entities_the_names_come_from_the_mentions() -> None:
    store = sample_store()
    provenance = store.get_provenance(STORY_ID)
    assert provenance is not None
    store.save_provenance(replace(provenance, entities=[]))
    full = build_story_view(load_story(store, STORY_ID), claims_page=1)
    page = story_view(store, STORY_ID, claims_page=1)
    assert page.entities and asdict(page) == asdict(full)


def test_a_store_read_decodes_only_the_layers_asked_for() -> None:
    store = sample_store()
    ids = [a.id for a in store.articles()]
    whole = {a.id: a for a in store.articles(ids)}
    for article in store.articles(ids, layers=("quotes", "quantities")):
        assert article.quotes == whole[article.id].quotes
        assert article.quantities == whole[article.id].quantities
        assert article.sentences == [] and article.mentions == []
        assert article.analyzed_with == whole[article.id].analyzed_with
    assert any(a.sentences for a in whole.values())
