"""A small real-looking story written into a store, for the report and web tests.

A wire report, a verbatim syndicated copy, and a rewrite that rewords sentences, inflates a figure
and adds a quote no source contains, written into an in-memory SQLite store (the real backend);
the demo-corpus tests run the real pipeline as well.
"""

from __future__ import annotations

import re

from newstrace.model import (
    Article,
    Assignment,
    Claim,
    Derivation,
    Entity,
    EntityMention,
    Event,
    Evidence,
    Flag,
    Quantity,
    Quote,
    Sentence,
    SentencePair,
    Story,
    StoryProvenance,
)
from newstrace.store import SQLiteStore

STORY_ID = "s-rail-strike"

WIRE = (
    "Rail engineers across Verenia walked off the job on Monday in the first national strike in 14 "
    "years. "
    "The Rail Engineers' Federation called the 48-hour walkout after talks on pay collapsed. "
    '"More than 6,000 engineers have put down their tools this morning," said Ilsa Brennholt, '
    "the federation's general secretary. "
    "Verenian National Railways said fewer than 2,500 engineers had failed to report for work. "
    "About 1,400 passenger trains were cancelled on Monday."
)
COPY = WIRE + " Services are expected to resume on Wednesday morning."
REWRITE = (
    "Verenia's rail engineers went on strike on Monday, the first national walkout in 14 years. "
    "The Rail Engineers' Federation called the 48-hour walkout after talks on pay collapsed. "
    '"More than 6,000 engineers have put down their tools this morning," said Ilsa Brennholt, '
    "the federation's general secretary. "
    '"The government has abandoned us," Brennholt added. '
    "About 14,000 passenger trains were cancelled on Monday."
)


def _sentences(text: str) -> list[Sentence]:
    out = []
    for i, match in enumerate(re.finditer(r'[^.]+?[.](?:")?(?=\s|$)', text)):
        raw = match.group(0)
        lead = len(raw) - len(raw.lstrip())
        out.append(Sentence(i, raw.strip(), match.start() + lead, match.end()))
    return out


def _mentions(text: str, sentences: list[Sentence]) -> list[EntityMention]:
    names = {
        "Ilsa Brennholt": "PERSON",
        "Brennholt": "PERSON",
        "Rail Engineers' Federation": "ORG",
        "Verenian National Railways": "ORG",
        "Verenia": "GPE",
    }
    out = []
    for name, label in names.items():
        for m in re.finditer(re.escape(name), text):
            sent = next(s.index for s in sentences if s.start <= m.start() < s.end)
            canonical = "Ilsa Brennholt" if label == "PERSON" else name
            out.append(EntityMention(name, label, sent, m.start(), m.end(), canonical))
    return out


def _article(
    aid: str, outlet: str, published: str, title: str, text: str, quotes: list[Quote]
) -> Article:
    sentences = _sentences(text)
    quantities = []
    for s in sentences:
        for m in re.finditer(
            r"(More than |fewer than |About )?([\d,]+) (engineers|passenger trains)", s.text
        ):
            qualifier = {"More than ": "more_than", "fewer than ": "less_than", "About ": "about"}
            quantities.append(
                Quantity(
                    value=float(m.group(2).replace(",", "")),
                    unit=m.group(3),
                    qualifier=qualifier.get(m.group(1) or "", "exact"),  # type: ignore[arg-type]
                    sentence=s.index,
                    text=s.text,
                    span=m.group(0),
                    attributed_to="Ilsa Brennholt" if "Brennholt" in s.text else None,
                )
            )
    return Article(
        id=aid,
        source=f"tests/{aid}.txt",
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        url=f"https://example.org/{aid}",
        sentences=sentences,
        mentions=_mentions(text, sentences),
        quotes=quotes,
        quantities=quantities,
        analyzed_with="test-fixture",
    )


def sample_articles() -> list[Article]:
    brennholt = Quote(
        "More than 6,000 engineers have put down their tools this morning",
        "Ilsa Brennholt",
        2,
        cue="said",
        speaker_text="Ilsa Brennholt",
    )
    invented = Quote(
        "The government has abandoned us",
        "Ilsa Brennholt",
        3,
        cue="added",
        speaker_text="Brennholt",
    )
    return [
        _article(
            "mpa-wire",
            "Meridian Press Agency",
            "2026-03-02T07:45:00Z",
            "Rail engineers strike across Verenia, halting most trains",
            WIRE,
            [brennholt],
        ),
        _article(
            "courier-copy",
            "Coastal Courier",
            "2026-03-02T09:10:00Z",
            "Rail engineers strike across Verenia",
            COPY,
            [brennholt],
        ),
        _article(
            "orchid-rewrite",
            "Orchid Gazette",
            "2026-03-02T11:30:00Z",
            "Verenia grinds to a halt as engineers strike",
            REWRITE,
            [brennholt, invented],
        ),
    ]


def sample_provenance() -> StoryProvenance:
    same = [SentencePair("mpa-wire", i, "courier-copy", i, 1.0, "shared") for i in range(5)]
    rewrite_pairs = [
        SentencePair("mpa-wire", 0, "orchid-rewrite", 0, 0.86, "reworded"),
        SentencePair("mpa-wire", 1, "orchid-rewrite", 1, 1.0, "shared"),
        SentencePair("mpa-wire", 2, "orchid-rewrite", 2, 1.0, "shared"),
        SentencePair("mpa-wire", 4, "orchid-rewrite", 4, 0.93, "altered"),
    ]
    wire = _sentences(WIRE)
    rewrite = _sentences(REWRITE)
    return StoryProvenance(
        story=STORY_ID,
        derivations=[
            Derivation(
                "mpa-wire", "courier-copy", 0.98, "syndication", 5, "published earlier", same
            ),
            Derivation(
                "mpa-wire",
                "orchid-rewrite",
                0.81,
                "paraphrase",
                4,
                "published earlier",
                rewrite_pairs,
            ),
        ],
        flags=[
            Flag(
                "orchid-rewrite",
                "unsupported",
                rewrite[3].text,
                [Evidence("mpa-wire", wire[2].text)],
                0.91,
                3,
                "quote not in any source",
            ),
            Flag(
                "orchid-rewrite",
                "altered",
                rewrite[4].text,
                [Evidence("mpa-wire", wire[4].text)],
                0.88,
                4,
                "number 1,400 -> 14,000",
            ),
        ],
        claims=[
            Claim(
                "c1",
                "About 1,400 passenger trains were cancelled on Monday.",
                ["mpa-wire", "courier-copy"],
                ["orchid-rewrite"],
                None,
                {"mpa-wire": 4, "courier-copy": 4, "orchid-rewrite": 4},
            ),
            Claim(
                "c2",
                "More than 6,000 engineers stopped work.",
                ["mpa-wire", "courier-copy", "orchid-rewrite"],
                [],
                "Ilsa Brennholt",
                {"mpa-wire": 2, "courier-copy": 2, "orchid-rewrite": 2},
            ),
        ],
        entities=[
            Entity(
                "Ilsa Brennholt",
                "PERSON",
                ["Brennholt"],
                ["mpa-wire", "courier-copy", "orchid-rewrite"],
            ),
            Entity(
                "Rail Engineers' Federation",
                "ORG",
                [],
                ["mpa-wire", "courier-copy", "orchid-rewrite"],
            ),
            Entity("Verenian National Railways", "ORG", [], ["mpa-wire", "courier-copy"]),
        ],
    )


def sample_store(path: str = ":memory:", articles: list[Article] | None = None) -> SQLiteStore:
    """The sample story in a SQLite store (in memory unless a file is named)."""
    store = SQLiteStore(path)
    articles = sample_articles() if articles is None else articles
    for article in articles:
        store.add_article(article)
    ids = [a.id for a in articles]
    event = Event("e-strike-day-1", "Engineers walk out on Monday", ids)
    for article_id in ids:
        store.save_assignment(Assignment(article_id, event.id, STORY_ID))
    store.save_stories([Story(STORY_ID, "Rail engineers strike across Verenia", ids, [event])])
    store.save_provenance(sample_provenance())
    return store
