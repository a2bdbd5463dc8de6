"""One happening or two: reports written from one template, and names met by coincidence.

Automated earnings briefs and local briefs share their wording across companies and towns;
two reports of one event share its names. Texts written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

from newstrace.cluster import IncrementalClusterer
from newstrace.cluster.represent import Representation
from newstrace.cluster.similarity import ClusterParams, same_happening
from newstrace.model import Article
from newstrace.settings import Settings
from newstrace.store import Store

EARNINGS = (
    "{company} on Tuesday reported third-quarter profit of {profit} million dollars, "
    "beating analysts' forecasts, and said revenue rose {growth} percent to {revenue} million. "
    "Chief executive {ceo} said demand in {region} had held up better than expected. "
    "Shares of {company} rose {move} percent in early trading in New York."
)
EARNINGS_REWORDED = (
    "Third-quarter revenue at {company} climbed {growth} percent to {revenue} million dollars, "
    "the company said on Tuesday, with profit of {profit} million ahead of forecasts. "
    "{ceo}, the chief executive, told analysts that customers in {region} kept buying. "
    "The stock gained {move} percent in New York."
)
HALVERSON = {
    "company": "Halverson Tools",
    "profit": "212",
    "growth": "7",
    "revenue": "1,940",
    "ceo": "Marta Lindqvist",
    "region": "Scandinavia",
    "move": "4",
}
OKAFOR = {
    "company": "Okafor Foods",
    "profit": "96",
    "growth": "3",
    "revenue": "830",
    "ceo": "Daniel Achebe",
    "region": "West Africa",
    "move": "2",
}


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text)


def _place(store: Store, articles: list[Article]) -> dict[str, tuple[str, str]]:
    clusterer = IncrementalClusterer(store, Settings.lexical())
    for article in articles:
        store.add_article(article)
        clusterer.add(article)
    clusterer.stories()
    return {a.article: (a.story, a.event) for a in store.assignments()}


def test_briefs_from_one_template_about_two_companies_are_two_stories(store: Store) -> None:
    placed = _place(
        store,
        [
            _article("halverson-wire", EARNINGS.format(**HALVERSON)),
            _article("halverson-paper", EARNINGS_REWORDED.format(**HALVERSON)),
            _article("okafor-wire", EARNINGS.format(**OKAFOR)),
            _article("okafor-paper", EARNINGS_REWORDED.format(**OKAFOR)),
        ],
    )
    assert placed["halverson-wire"] == placed["halverson-paper"]
    assert placed["okafor-wire"] == placed["okafor-paper"]
    assert placed["halverson-wire"][0] != placed["okafor-wire"][0]


def test_template_wording_without_the_names_is_another_instance() -> None:
    rep = Representation()
    members = [
        rep.member(name, text, None, None, seq)
        for seq, (name, text) in enumerate(
            [
                ("a", EARNINGS.format(**HALVERSON)),
                ("b", EARNINGS_REWORDED.format(**HALVERSON)),
                ("c", EARNINGS.format(**OKAFOR)),
            ]
        )
    ]
    same, other = rep.vector(members[0]), rep.vector(members[1])
    template_twin = rep.vector(members[2])
    params = ClusterParams()
    one_event = rep.channel_cosines(same, other)
    two_companies = rep.channel_cosines(same, template_twin)
    assert one_event is not None and two_companies is not None
    assert two_companies.words > one_event.words  # the template shares more wording ...
    assert same_happening(one_event, params)
    assert not same_happening(two_companies, params)  # ... but not the names


def test_a_shared_street_and_surname_do_not_make_one_happening(store: Store) -> None:
    crash = (
        "Two cyclists were hurt when a van mounted the pavement on Foundry Lane in Wexcombe "
        "on Friday evening. Police said the driver, a 43-year-old man, was arrested at the "
        "scene. Inspector Alan Pryce appealed for witnesses and dashcam footage."
    )
    crash_again = (
        "A van driver was arrested after two cyclists were injured on Foundry Lane, Wexcombe, "
        "on Friday. The 43-year-old man mounted the pavement, police said. Inspector Alan Pryce "
        "asked anyone with dashcam footage to come forward."
    )
    library = (
        "Readers in Millbury will get a new library on Foundry Lane next spring after the "
        "council approved the plans. Councillor Ruth Pryce said the building would have a "
        "children's floor and a cafe run by volunteers."
    )
    placed = _place(
        store,
        [_article("crash", crash), _article("crash-2", crash_again), _article("lib", library)],
    )
    assert placed["crash"] == placed["crash-2"]
    assert placed["lib"][0] != placed["crash"][0]


def test_texts_naming_nobody_are_left_to_their_wording() -> None:
    rep = Representation()
    a = rep.member("a", "heavy rain flooded homes near the river overnight.", None, None, 1)
    b = rep.member("b", "homes near the river were flooded by heavy rain.", None, None, 2)
    assert rep.channel_cosines(rep.vector(a), rep.vector(b)) is None


def test_the_lexical_paths_hashed_vectors_add_nothing_to_a_similarity(
    store: Store, ecb: dict[str, Article]
) -> None:
    """On the lexical path an article's vector is a hashed bag of its words: it may find
    candidate events, but a report is scored against an event by its words and names alone
    (the setting bench/ecb_events.py measures), not with the same words counted twice."""
    from newstrace.analyze import Analyzer
    from newstrace.cluster.incremental import _dense, hashed_words

    analysed = [replace(d) for d in ecb.values()]
    Analyzer(Settings.lexical()).analyze(analysed)
    clusterer = IncrementalClusterer(store, Settings.lexical())
    for article in analysed[:-6]:
        store.add_article(article)
        clusterer.add(article)
    compared = 0
    for article in analysed[-6:]:
        dense = _dense(article)
        assert dense is not None and hashed_words(dense)
        member = clusterer.rep.member(article.id, article.text, dense, None, 0, count=False)
        vector = clusterer.rep.vector(member)
        for event in clusterer.events.values():
            lexical = vector.dot(event.centroid())
            assert abs(clusterer._similarity(vector, dense, event) - lexical) < 1e-9
            compared += lexical > 0.2
    assert compared  # some events are close enough to matter
