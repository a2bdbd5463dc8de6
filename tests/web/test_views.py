"""The view models every surface renders: what a reader is shown of the sample story."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.analyze.quantities import extract_quantities
from newstrace.report.views import (
    ViewNotFound,
    article_diff_view,
    claim_matrix_view,
    format_figure,
    story_list_view,
    story_view,
    word_diff,
)
from tests.web.sample_story import STORY_ID, sample_store


def test_story_view_places_articles_in_time_and_marks_derived_ones() -> None:
    view = story_view(sample_store(), STORY_ID)
    assert [a.id for a in view.articles] == ["mpa-wire", "courier-copy", "orchid-rewrite"]
    roles = {a.id: a.role for a in view.articles}
    assert roles == {"mpa-wire": "source", "courier-copy": "derived", "orchid-rewrite": "derived"}
    assert view.story.first_seen == "2026-03-02T07:45:00Z"
    assert view.story.last_seen == "2026-03-02T11:30:00Z"
    assert (view.story.article_count, view.story.outlet_count, view.story.flag_count) == (3, 3, 2)
    assert [d.date for d in view.timeline] == ["2026-03-02"]
    assert view.timeline[0].new_events == ["Engineers walk out on Monday"]


def test_graph_has_an_edge_from_the_wire_to_the_rewrite() -> None:
    graph = story_view(sample_store(), STORY_ID).graph
    edges = {(e.source, e.derived): e.kind for e in graph.edges}
    assert edges == {
        ("mpa-wire", "courier-copy"): "syndication",
        ("mpa-wire", "orchid-rewrite"): "paraphrase",
    }
    flagged = {n.id: n.flag_count for n in graph.nodes}
    assert flagged["orchid-rewrite"] == 2 and flagged["mpa-wire"] == 0


def test_flags_come_with_their_evidence_and_the_invented_quote_is_marked() -> None:
    view = story_view(sample_store(), STORY_ID)
    altered = next(f for f in view.flags if f.kind == "altered")
    assert altered.evidence[0].text == "About 1,400 passenger trains were cancelled on Monday."
    assert altered.evidence[0].outlet == "Meridian Press Agency"
    [speaker] = view.quotes
    assert speaker.speaker == "Ilsa Brennholt"
    invented = [q.text for q in speaker.quotes if q.unsupported]
    assert invented == ["The government has abandoned us"]
    [copied] = [q for q in speaker.quotes if not q.unsupported]  # one quote, three outlets
    assert copied.outlets == ["Meridian Press Agency", "Coastal Courier", "Orchid Gazette"]
    assert speaker.quotes[1].unsupported_in == ["orchid-rewrite"]


def test_figures_are_grouped_by_what_they_count_with_owner() -> None:
    figures = {g.unit: g for g in story_view(sample_store(), STORY_ID).figures}
    assert set(figures) == {"engineers", "passenger trains"}
    trains = figures["passenger trains"]
    assert trains.values_differ
    assert [(f.display, f.outlets) for f in trains.figures] == [
        ("about 1,400", ["Meridian Press Agency", "Coastal Courier"]),
        ("about 14,000", ["Orchid Gazette"]),
    ]
    owners = {f.attributed_to for f in figures["engineers"].figures if f.value == 6000}
    assert owners == {"Ilsa Brennholt"}


def test_diff_view_aligns_sentences_and_marks_invented_text() -> None:
    diff = article_diff_view(sample_store(), STORY_ID, "mpa-wire", "orchid-rewrite")
    relations = [r.relation for r in diff.rows]
    assert relations == ["reworded", "shared", "shared", "invented", "omitted", "altered"]
    invented = diff.rows[3]
    assert invented.source == [] and invented.flag_kind == "unsupported"
    assert "The government has abandoned us" in invented.derived[0].text
    altered = diff.rows[5]
    changed = [s.text for s in altered.derived if s.op == "changed"]
    assert changed == ["14,000"]
    assert [s.text for s in altered.source if s.op == "changed"] == ["1,400"]
    assert diff.counts["shared"] == 2


def test_diff_of_a_verbatim_copy_is_all_shared_but_the_added_line() -> None:
    diff = article_diff_view(sample_store(), STORY_ID, "mpa-wire", "courier-copy")
    assert diff.counts == {"shared": 5, "added": 1}
    assert diff.rows[-1].derived[0].text.startswith("Services are expected to resume")


def test_word_diff_joins_a_run_of_changed_words() -> None:
    source, derived = word_diff(
        "Engineers walked off the job on Monday.", "Engineers went on strike on Monday."
    )
    assert [s.text for s in derived if s.op == "changed"] == ["went on strike"]
    assert [s.text for s in source if s.op == "changed"] == ["walked off the job"]
    assert "".join(s.text for s in derived) == "Engineers went on strike on Monday."


def test_claim_matrix_rows_and_columns() -> None:
    matrix = claim_matrix_view(sample_store(), STORY_ID)
    assert [c.article for c in matrix.columns] == ["mpa-wire", "courier-copy", "orchid-rewrite"]
    first = matrix.rows[0]  # contradicted claims come first
    assert [c.state for c in first.cells] == ["supported", "supported", "contradicted"]
    assert first.cells[2].sentence == "About 14,000 passenger trains were cancelled on Monday."


def test_story_list_and_unknown_ids() -> None:
    store = sample_store()
    [summary] = story_list_view(store)
    assert summary.id == STORY_ID and summary.derivation_count == 2
    with pytest.raises(ViewNotFound):
        story_view(store, "no-such-story")
    with pytest.raises(ViewNotFound, match="no derivation"):
        article_diff_view(store, STORY_ID, "courier-copy", "orchid-rewrite")
    with pytest.raises(ViewNotFound, match="not part of story"):
        article_diff_view(store, STORY_ID, "mpa-wire", "elsewhere")


@pytest.mark.parametrize(
    ("value", "qualifier", "upper", "shown"),
    [
        (5000.0, "more_than", None, "more than 5,000"),
        (3.5, "about", None, "about 3.5"),
        (10.0, "range", 12.0, "10–12"),
        (2500.0, "less_than", None, "less than 2,500"),
    ],
)
def test_figures_read_as_written(
    value: float, qualifier: str, upper: float | None, shown: str
) -> None:
    assert format_figure(value, qualifier, upper) == shown


FIVE_REPORTS = Path(__file__).resolve().parents[1] / "data" / "five_reports"


def test_a_figure_keeps_the_qualifier_its_article_wrote() -> None:
    """'at least 4 km' is not 'more than 4', nor 'as many as 10,000' 'less than 10,000': the
    figure column repeats the qualifier as written, for every qualified figure of the five
    reports (the extractor's own spans)."""
    shown: dict[str, str] = {}
    for path in sorted(FIVE_REPORTS.glob("*.txt")):
        for i, sentence in enumerate(path.read_text(encoding="utf-8").split("\n")):
            for q in extract_quantities(sentence, i):
                if q.qualifier in ("more_than", "less_than", "about"):
                    shown[q.span.lower()] = format_figure(q.value, q.qualifier, q.upper, q.span)
    assert shown["at least 4 km"] == "at least 4"
    assert shown["roughly 120,000 litres"] == "roughly 120,000"
    assert shown["over ten years"] == "over 10"
    for span, display in shown.items():  # every one reads as the article put it
        assert span.startswith(display.rsplit(" ", 1)[0] + " "), (span, display)
    [troops] = extract_quantities("The ministry said as many as 10,000 troops could be sent.", 0)
    assert format_figure(troops.value, troops.qualifier, None, troops.span) == "as many as 10,000"


def test_each_flag_points_at_the_diff_that_shows_it() -> None:
    view = story_view(sample_store(), STORY_ID)
    assert {(f.article, f.diff_source) for f in view.flags} == {("orchid-rewrite", "mpa-wire")}


def test_article_view_reads_the_rewrite_sentence_by_sentence() -> None:
    from newstrace.report.views import article_view

    view = article_view(sample_store(), STORY_ID, "orchid-rewrite")
    assert view.compared_with == "mpa-wire"
    assert [d.source for d in view.sources] == ["mpa-wire"] and view.copies == []
    sentences = [s for para in view.paragraphs for s in para]
    assert [s.relation for s in sentences] == [
        "reworded",
        "shared",
        "shared",
        "invented",
        "altered",
    ]
    invented = sentences[3]
    assert [(n.kind, n.reason) for n in invented.notes] == [
        ("unsupported", "quote not in any source")
    ]
    assert invented.quoted and sentences[2].quoted and not sentences[0].quoted


def test_article_view_of_the_wire_lists_its_copies() -> None:
    from newstrace.report.views import article_view

    view = article_view(sample_store(), STORY_ID, "mpa-wire")
    assert view.compared_with is None and view.article.role == "source"
    assert [d.derived for d in view.copies] == ["courier-copy", "orchid-rewrite"]
    assert all(s.relation is None for para in view.paragraphs for s in para)
    with pytest.raises(ViewNotFound):
        article_view(sample_store(), STORY_ID, "ghost")


def test_undated_articles_come_last_in_natural_id_order() -> None:
    from newstrace.model import Article
    from newstrace.report.views.text import publication_order

    articles = [
        Article(id="doc_10", source="", text="ten"),
        Article(id="doc_2", source="", text="two"),
        Article(id="doc_1", source="", text="one", published="2026-03-02T08:00:00Z"),
    ]
    ordered = sorted(articles, key=publication_order)
    assert [a.id for a in ordered] == ["doc_1", "doc_2", "doc_10"]


def test_views_survive_provenance_that_names_missing_articles() -> None:
    """A story re-clustered after its provenance was saved may name articles it lost."""
    from newstrace.model import Derivation, Evidence, Flag, Story
    from newstrace.report.html import render_story_html
    from newstrace.report.markdown import render_story_markdown
    from newstrace.report.views import article_view

    store = sample_store()
    store.save_stories([Story(STORY_ID, "Trimmed story", ["mpa-wire", "orchid-rewrite"], [])])
    prov = store.get_provenance(STORY_ID)
    assert prov is not None
    prov.derivations.append(Derivation("gone", "orchid-rewrite", 0.9, "verbatim"))
    prov.flags.append(Flag("gone", "unsupported", "Lost text.", [Evidence("gone", "x")]))
    view = story_view(store, STORY_ID)
    assert {n.id for n in view.graph.nodes} == {"mpa-wire", "orchid-rewrite"}
    assert all(e.source != "gone" for e in view.graph.edges)
    assert "Trimmed story" in render_story_html(store, STORY_ID)
    assert render_story_markdown(store, STORY_ID).startswith("# Trimmed story")
    assert article_view(store, STORY_ID, "orchid-rewrite").compared_with == "mpa-wire"


def test_claim_matrix_pages_show_only_their_articles() -> None:
    from newstrace.model import Claim

    store = sample_store()
    prov = store.get_provenance(STORY_ID)
    assert prov is not None
    prov.claims += [
        Claim(f"x{i}", f"Extra claim number {i} stated by the copy.", ["courier-copy"])
        for i in range(5)
    ]
    store.save_provenance(prov)
    whole = claim_matrix_view(store, STORY_ID)
    assert whole.total == 7 and len(whole.rows) == 7 and len(whole.columns) == 3
    first = claim_matrix_view(store, STORY_ID, page=1, size=3)
    assert (first.total, first.pages, len(first.rows)) == (7, 3, 3)
    assert first.rows[0].contradicted == 1  # the most contested claim opens page 1
    last = claim_matrix_view(store, STORY_ID, page=3, size=3)
    assert [r.text for r in last.rows] == ["Extra claim number 4 stated by the copy."]
    assert [c.article for c in last.columns] == ["courier-copy"]  # silent articles left out


def test_flag_pages_split_groups_and_keep_their_counts() -> None:
    from newstrace.report.views.flags import page_of_groups
    from newstrace.report.views.types import FlagGroup, FlagView

    def flag(article: str, n: int) -> FlagView:
        return FlagView(article, article, article, "unsupported", f"s{n}", "", 0.5, n)

    groups = [
        FlagGroup("a", "a", "a", {"unsupported": 3}, [flag("a", i) for i in range(3)]),
        FlagGroup("b", "b", "b", {"unsupported": 4}, [flag("b", i) for i in range(4)]),
    ]
    first = page_of_groups(groups, 1, 5)
    assert [(g.article, len(g.flags)) for g in first] == [("a", 3), ("b", 2)]
    second = page_of_groups(groups, 2, 5)
    assert [(g.article, [f.sentence for f in g.flags]) for g in second] == [("b", [2, 3])]
    assert second[0].counts == {"unsupported": 4}
    assert page_of_groups(groups, 3, 5) == []


def test_figures_of_one_unit_are_not_called_different_without_evidence() -> None:
    """Two engineer counts stated by two parties, with no flag on either sentence, are listed
    side by side, not marked as a disagreement; the inflated train count, flagged as altered,
    is."""
    figures = {g.unit: g for g in story_view(sample_store(), STORY_ID).figures}
    engineers = figures["engineers"]
    assert len({f.value for f in engineers.figures}) > 1
    assert not engineers.values_differ
    assert figures["passenger trains"].values_differ
