"""Confidence shown as it is: weak links as possible rewrites, balanced direction as such, and
no wording that claims independence or full support where the tool simply found nothing."""

from __future__ import annotations

from newstrace.model import StoryProvenance
from newstrace.pipeline import Pipeline
from newstrace.report.dossier import validate_dossier
from newstrace.report.html import render_story_html
from newstrace.report.markdown import render_story_markdown
from newstrace.report.views import story_view
from newstrace.store import SQLiteStore
from tests.web.sample_story import STORY_ID, sample_articles, sample_provenance, sample_store


def weak_store() -> SQLiteStore:
    """The sample story with its rewrite link below the bar and its copy's order balanced."""
    store = sample_store()
    prov = sample_provenance()
    copy, rewrite = prov.derivations
    rewrite.strength, rewrite.score = "possible", 0.41
    copy.direction = "undetermined"
    prov.flags = []
    store.save_provenance(prov)
    return store


def test_a_possible_link_is_shown_with_its_score_and_never_as_independent() -> None:
    view = story_view(weak_store(), STORY_ID)
    roles = {a.id: a.role for a in view.articles}
    assert roles["orchid-rewrite"] == "possible"
    assert view.story.derivation_count == 1  # only the sure link counts as a derivation
    html = render_story_html(weak_store(), STORY_ID)
    assert "possible rewrite (0.41)" in html
    assert ">independent<" not in html.lower()
    markdown = render_story_markdown(weak_store(), STORY_ID)
    assert "| possible rewrite (0.41) | 0.41 |" in markdown
    assert "order undetermined" in markdown


def test_no_flags_is_not_said_to_mean_every_sentence_is_supported() -> None:
    html = render_story_html(weak_store(), STORY_ID)
    assert "every sentence of every derived article is supported" not in html
    assert "No flags raised" in html and "not proof" in html


def test_a_story_without_links_makes_no_claim_of_independence() -> None:
    store = sample_store()
    store.save_provenance(StoryProvenance(story=STORY_ID))
    html = render_story_html(store, STORY_ID)
    assert "independent report" not in html and ">independent<" not in html.lower()
    assert "not evidence that each was written independently" in html
    assert "no sentence was checked against a source" in html


def test_dossier_keeps_possible_links_apart_with_their_strength_and_direction() -> None:
    store = weak_store()
    data = Pipeline(store).dossier([STORY_ID])
    validate_dossier(data)
    assert [(d["source"], d["derived"]) for d in data["derivations"]] == [
        ("mpa-wire", "courier-copy")
    ]
    assert data["derivations"][0]["direction"] == "undetermined"
    [possible] = data["possible_derivations"]
    assert possible["derived"] == "orchid-rewrite" and possible["strength"] == "possible"
    assert possible["score"] == 0.41 and "direction_evidence" in possible


def test_missing_dates_and_outlets_are_said_and_ids_stand_in() -> None:
    articles = sample_articles()
    for article in articles:
        article.published, article.outlet = None, None
    view = story_view(sample_store(articles=articles), STORY_ID)
    assert any("publication date" in n and "text alone" in n for n in view.notices)
    assert any("outlet" in n for n in view.notices)
    assert {a.outlet for a in view.articles} == {"mpa-wire", "courier-copy", "orchid-rewrite"}
    speakers = {q.speaker: q for q in view.quotes}
    assert "unknown outlet" not in " ".join(o for q in speakers.values() for o in q.outlets)
    html = render_story_html(sample_store(articles=articles), STORY_ID)
    assert "unknown outlet" not in html and "text alone" in html


def test_an_untitled_article_is_called_by_its_opening_words_not_its_id_twice() -> None:
    articles = sample_articles()
    bare = articles[-1]
    bare.title, bare.outlet = "", None
    view = story_view(sample_store(articles=articles), STORY_ID)
    [row] = [a for a in view.articles if a.id == bare.id]
    assert row.outlet == bare.id  # the id stands in for the outlet ...
    opening = " ".join(bare.text.split()[:4])
    assert row.title.startswith("“" + opening) and row.title.endswith("…”")  # ... not the title
    assert len(row.title) <= 84 and not row.title[-3].isspace()
    dated = [a for a in view.articles if a.id != bare.id]
    assert all(a.title and not a.title.startswith("“") for a in dated)


def test_a_group_of_wire_copies_is_drawn_as_one_node() -> None:
    store = sample_store()
    prov = sample_provenance()
    for d in prov.derivations:
        d.group = "wire-1"
    store.save_provenance(prov)
    view = story_view(store, STORY_ID)
    group = [n for n in view.graph.nodes if n.members]
    assert len(group) == 1 and sorted(group[0].members) == ["courier-copy", "orchid-rewrite"]
    assert len(view.graph.nodes) == 2 and len(view.graph.edges) == 1
    assert view.graph.edges[0].derived_article in {"courier-copy", "orchid-rewrite"}
