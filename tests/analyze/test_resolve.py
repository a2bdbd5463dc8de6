"""Story-level entity resolution: one Entity per real thing, and only one."""

from __future__ import annotations

from newstrace.analyze import Analyzer, normalise_name, resolve_entities
from newstrace.model import Article
from newstrace.settings import Settings

STORY = [
    (
        "a",
        "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Friday. "
        "Scholz said Germany would double its aid. The Associated Press reported the meeting "
        "first.",
    ),
    (
        "b",
        "Scholz arrived late. The AP said the two leaders spoke for an hour. "
        "Macron later thanked Scholz.",
    ),
    (
        "c",
        "Hunter Biden appeared in court in Delaware. His father, President Joe Biden, "
        "was in Washington. Joe Biden declined to comment.",
    ),
]


def story() -> list[Article]:
    articles = [Article(id=i, source="mem", text=t) for i, t in STORY]
    Analyzer(Settings.lexical(), embed=False).analyze(articles)
    return articles


def test_normalise_name_strips_titles_articles_possessives_and_initials() -> None:
    assert normalise_name("Chancellor Olaf Scholz's") == "Olaf Scholz"
    assert normalise_name("The Associated Press") == "Associated Press"
    assert normalise_name("Donald J. Trump") == "Donald Trump"


def test_surname_joins_the_full_name_and_acronym_joins_the_organisation() -> None:
    articles = story()
    entities = {e.name: e for e in resolve_entities(articles)}
    assert "Scholz" in entities["Olaf Scholz"].aliases
    assert entities["Olaf Scholz"].type == "PERSON"
    assert entities["Olaf Scholz"].articles == ["a", "b"]
    assert "AP" in entities["Associated Press"].aliases
    assert "Scholz" not in entities and "AP" not in entities
    canon = {m.text: m.canonical for a in articles for m in a.mentions}
    assert canon["Scholz"] == "Olaf Scholz"


def test_two_people_sharing_a_surname_stay_two() -> None:
    entities = {e.name: e for e in resolve_entities(story())}
    assert "Hunter Biden" in entities
    assert "Joe Biden" in entities
    assert entities["Hunter Biden"] is not entities["Joe Biden"]


def test_label_vote_makes_a_surname_a_person() -> None:
    from newstrace.model import EntityMention

    article = Article(id="v", source="mem", text="x")
    article.mentions = [
        EntityMention("Maria Kolesnikova", "PERSON", 0, 0, 1),
        EntityMention("Kolesnikova", "ORG", 1, 2, 3),
        *[EntityMention("Kolesnikova", "PERSON", i, 4 + i, 5 + i) for i in range(2, 7)],
    ]
    (entity,) = resolve_entities([article])
    assert entity.name == "Maria Kolesnikova"
    assert entity.type == "PERSON"


def test_quote_speakers_are_rewritten_to_canonical_names() -> None:
    articles = story()
    resolve_entities(articles)
    speakers = {q.speaker for a in articles for q in a.quotes}
    assert {"Olaf Scholz", "Associated Press"} <= speakers
    assert not speakers & {"Scholz", "AP"}


def test_role_description_speaker_resolves_to_the_one_person_with_that_title() -> None:
    article = Article(
        id="r",
        source="mem",
        text=(
            "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Friday.\n\n"
            '"We stand together," the German chancellor said.'
        ),
    )
    Analyzer(Settings.lexical(), embed=False).analyze([article])
    resolve_entities([article])
    assert [q.speaker for q in article.quotes] == ["Olaf Scholz"]
