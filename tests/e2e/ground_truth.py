"""Ground truth of the demo corpus, transcribed from demo/README.md (the corpus is ours).

Ids are the short keys the README uses; WARC records get a URL-slug id that ends with the key,
so tests resolve keys with `resolve_ids` instead of hard-coding the ingest stage's slug rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleTruth:
    key: str
    format: str
    outlet: str
    published: str
    title: str
    event: str  # "A1", "A2" (story A: the rail strike) or "B" (the orchid)


ARTICLES: tuple[ArticleTruth, ...] = (
    ArticleTruth(
        "mpa-rail-strike",
        "text",
        "Meridian Press Agency",
        "2026-03-02T07:45:00Z",
        "Rail engineers strike across Verenia, halting most trains",
        "A1",
    ),
    ArticleTruth(
        "courier-rail-strike",
        "html",
        "The Harbour Courier",
        "2026-03-02T10:20:00Z",
        "Verenia's trains grind to a halt as engineers strike over pay",
        "A1",
    ),
    ArticleTruth(
        "radio-halvard-strike",
        "text",
        "Radio Halvard",
        "2026-03-02T12:30:00Z",
        "Halvard commuters turn to buses and bicycles as rail strike bites",
        "A1",
    ),
    ArticleTruth(
        "observer-rail-strike",
        "warc",
        "The Verenian Observer",
        "2026-03-02T15:05:00Z",
        "On the picket line at Port Alderic: engineers dig in as trains stand idle",
        "A1",
    ),
    ArticleTruth(
        "valley-post-rail-strike",
        "jsonl",
        "Valley Evening Post",
        "2026-03-02T17:30:00Z",
        "Valley commuters stranded as national rail strike begins",
        "A1",
    ),
    ArticleTruth(
        "newsbeat-rail-strike",
        "jsonl",
        "Newsbeat Daily",
        "2026-03-03T06:10:00Z",
        "Verenia Rail Chaos: Thousands of Engineers Strike as Pay Talks Collapse",
        "A1",
    ),
    ArticleTruth(
        "mpa-strike-suspended",
        "feed",
        "Meridian Press Agency",
        "2026-03-06T09:15:00Z",
        "Verenia rail union suspends second strike as mediation agreed",
        "A2",
    ),
    ArticleTruth(
        "ledger-strike-suspended",
        "warc",
        "The Alderic Ledger",
        "2026-03-06T13:30:00Z",
        "Mediation deal halts next week's rail walkout",
        "A2",
    ),
    ArticleTruth(
        "gazette-orchid",
        "html",
        "The Hollow Coast Gazette",
        "2026-03-04T10:00:00Z",
        "Ghost orchid found in Velmoor wetlands for first time in 60 years",
        "B",
    ),
    ArticleTruth(
        "mpa-orchid-rediscovered",
        "feed",
        "Meridian Press Agency",
        "2026-03-04T15:20:00Z",
        "Rare orchid rediscovered in Verenian marsh after six decades",
        "B",
    ),
)

WIRE = "mpa-rail-strike"
VERBATIM_COPY = "courier-rail-strike"
TRIMMED_SYNDICATION = "valley-post-rail-strike"
REWRITE = "newsbeat-rail-strike"
OBSERVER = "observer-rail-strike"
# Articles derived from nothing: no derivation may name them as `derived`.
INDEPENDENT = (
    "mpa-rail-strike",
    "radio-halvard-strike",
    "observer-rail-strike",
    "mpa-strike-suspended",
    "ledger-strike-suspended",
    "gazette-orchid",
    "mpa-orchid-rediscovered",
)
# Articles carrying the wire's paragraphs word for word (any may serve as evidence of its text).
WIRE_TEXT_CARRIERS = ("mpa-rail-strike", "courier-rail-strike", "valley-post-rail-strike")

INVENTED_QUOTE = "We are prepared to stay out for as long as it takes"
FLIPPED_SENTENCE = "while the operator has put a 9 percent increase on the table"
FLIP_SOURCE_SENTENCE = "the operator has offered 4 percent"

CONFLICT_WIRE_SENTENCE = "About 1,400 passenger trains were cancelled on Monday"
CONFLICT_OBSERVER_SENTENCE = "Some 2,100 passenger trains were cancelled on Monday"


@dataclass(frozen=True)
class FigureTruth:
    key: str  # article
    value: float
    qualifier: str
    unit_word: str  # a word the unit must contain
    owner: str | None  # a word the owner must contain; None = stated by the reporter


FIGURES: tuple[FigureTruth, ...] = (
    FigureTruth("mpa-rail-strike", 6000, "more_than", "engineer", "Brennholt"),
    FigureTruth("mpa-rail-strike", 2500, "less_than", "engineer", "Alsgaard"),
    FigureTruth("mpa-rail-strike", 9000, "exact", "engineer", "Venn"),
    FigureTruth("mpa-rail-strike", 1400, "about", "train", None),
    FigureTruth("observer-rail-strike", 2100, "about", "train", None),
    FigureTruth("radio-halvard-strike", 25, "exact", "bus", "Halvard Transit"),
    FigureTruth("valley-post-rail-strike", 38, "exact", "service", "Derrey"),
    FigureTruth("mpa-orchid-rediscovered", 37, "exact", "stem", "Velmoor Botanical Trust"),
)


@dataclass(frozen=True)
class QuoteTruth:
    key: str
    starts: str  # the quoted words begin with this
    speaker: str  # a word the speaker must contain


QUOTES: tuple[QuoteTruth, ...] = (
    QuoteTruth("mpa-rail-strike", "More than 6,000 engineers have put down", "Brennholt"),
    QuoteTruth("mpa-rail-strike", "We regret the disruption to our passengers", "Alsgaard"),
    QuoteTruth("mpa-rail-strike", "This country needs 9,000 new rail engineers", "Venn"),
    QuoteTruth("observer-rail-strike", "I have driven trains for 22 years", "Feld"),
    QuoteTruth("observer-rail-strike", "I understand why they are striking", "Castell"),
    QuoteTruth("radio-halvard-strike", "We are doing what we can", "Omundsen"),
    QuoteTruth("ledger-strike-suspended", "Both sides have come to the table", "Solvay"),
    QuoteTruth("mpa-strike-suspended", "Mediation is the right path", "Venn"),
    QuoteTruth("newsbeat-rail-strike", INVENTED_QUOTE, "Brennholt"),
    QuoteTruth("gazette-orchid", "When I saw the photographs", "Haverford"),
)

# One entity per real thing: (type, canonical name, aliases that must be merged into it).
ENTITIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("PERSON", "Ilsa Brennholt", ("Brennholt",)),
    ("PERSON", "Petra Alsgaard", ("Alsgaard",)),
    ("PERSON", "Oskar Venn", ("Venn",)),
    ("ORG", "Verenian National Railways", ("VNR",)),
    ("ORG", "Rail Engineers' Federation", ("REF",)),
)


def resolve_ids(article_ids: list[str]) -> dict[str, str]:
    """Map each ground-truth key to the one article id that is the key or ends with `-key`."""
    resolved: dict[str, str] = {}
    for truth in ARTICLES:
        hits = [a for a in article_ids if a == truth.key or a.endswith("-" + truth.key)]
        if len(hits) == 1:
            resolved[truth.key] = hits[0]
    return resolved
