"""Plain dataclasses that flow through the pipeline.

ingest -> Article (text + metadata); analyze enriches the same Article with layers
(sentences, entity mentions, quotes, quantities, vectors); cluster yields Story/Event;
align and provenance yield Derivation, Flag and Claim; report turns them into a Dossier.
No stage imports a later one; every stage reads and writes these types only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]

Qualifier = Literal["exact", "more_than", "less_than", "about", "range"]
FlagKind = Literal["unsupported", "altered", "contradiction", "numeric_conflict"]
DerivationKind = Literal["verbatim", "syndication", "paraphrase"]
# "derived": the link is sure enough to report; "possible": close but below the bar, shown as a
# possible rewrite with its score, never as independent
DerivationStrength = Literal["derived", "possible"]
# "decided": the direction rests on evidence named in direction_evidence; "undetermined": the
# evidence is balanced and source/derived are in no particular order
DirectionStatus = Literal["decided", "undetermined"]
QuoteKind = Literal["direct", "indirect"]

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the text with white space folded: the identity used for idempotent ingest."""
    folded = _SPACE.sub(" ", text).strip().lower()
    # a file name read from bytes may hold lone surrogates: hash them, do not fail
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Sentence:
    """One sentence of an article; offsets are character offsets into Article.text."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass
class EntityMention:
    """A named-entity mention as found in one article (before story-level resolution)."""

    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, EVENT, ...
    sentence: int
    start: int  # character offsets into Article.text
    end: int
    canonical: str | None = None  # filled by story-level entity resolution


@dataclass
class Quote:
    """Who is quoted saying what. `speaker` is a canonical name or the article's description."""

    text: str  # the quoted words, without quotation marks
    speaker: str | None
    sentence: int  # index of the sentence the quote starts in
    kind: QuoteKind = "direct"
    cue: str | None = None  # "said", "told", "according to" ...
    speaker_text: str | None = None  # the speaker as written ("he", "the minister")
    # the outlet that relayed the words ("according to X, which obtained ... from Y", "told the
    # news agency X", "X reported, citing Y"): the speaker is Y, the words came via X
    via_outlet: str | None = None
    negated: bool = False  # the cue is negated: "did not confirm", "never said"


@dataclass
class Quantity:
    """A figure: value (lower end of a range), unit or counted noun, qualifier, who stated it."""

    value: float
    unit: str
    qualifier: Qualifier
    sentence: int
    text: str  # the sentence it comes from
    span: str = ""  # the figure as written ("more than 5,000 engineers")
    upper: float | None = None
    attributed_to: str | None = None  # who stated it; None = the reporting outlet itself
    # the counted noun phrase, head last ("operational groups", "anti-tank rocket launchers");
    # `unit` is its head ("groups"), so figures of one kind compare across wordings
    counted: str = ""
    via_outlet: str | None = None  # the outlet that relayed the owner's figure, if any


@dataclass
class Negation:
    """A negated predicate of one sentence ("did not confirm", "never visited", "no one was").

    `cue` is the negator as written, `target` the word it negates (the verb, or the noun after
    "no"); offsets are character offsets of the cue into Article.text."""

    sentence: int
    cue: str
    target: str
    start: int
    end: int


@dataclass
class Article:
    """One news article and, once analysed, its analysis layers."""

    id: str
    source: str  # path or URL it was read from
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 UTC, or None when unknown
    author: str | None = None
    url: str | None = None
    format: str = "text"  # text, html, jsonl, feed, warc
    hash: str = ""
    # analysis layers, filled by newstrace.analyze
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)  # outlets/agencies cited ("Reuters")
    negations: list[Negation] = field(default_factory=list)  # negated predicates, by sentence
    sentence_vectors: Vector | None = None  # shape (len(sentences), dim), L2-normalised
    vector: Vector | None = None  # shape (dim,), L2-normalised article embedding
    analyzed_with: str = ""  # which analyzers ran, e.g. "spacy+minilm-onnx"; "" = not analysed

    def __post_init__(self) -> None:
        # the identity of a stored article: its id and its text. Re-reading the same file
        # changes nothing; the same text from another file or URL is another article (a
        # verbatim copy, which provenance records as such), not a duplicate to drop
        if not self.hash:
            self.hash = content_hash(f"{self.id}\n{self.text}")

    @property
    def analyzed(self) -> bool:
        return bool(self.analyzed_with)


@dataclass
class Entity:
    """One real-world thing across a story: canonical name, type, aliases, articles."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass
class Event:
    """One reported development inside a story."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)


@dataclass
class Story:
    """One developing topic: its events and articles."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class StoryStats:
    """A story's line in a list, counted by the store without loading its articles."""

    id: str
    title: str
    articles: int
    outlets: int
    first_seen: str | None
    last_seen: str | None
    flags: int = 0
    derivations: int = 0


@dataclass
class Assignment:
    """Where clustering put one article."""

    article: str
    event: str
    story: str


@dataclass
class SentencePair:
    """A sentence of `derived` aligned to a sentence of `source`, with how they relate."""

    source: str
    source_sentence: int
    derived: str
    derived_sentence: int
    similarity: float
    relation: Literal["shared", "reworded", "altered"] = "shared"


@dataclass
class Derivation:
    """Article `derived` was written from article `source`."""

    source: str
    derived: str
    score: float  # confidence in [0, 1]
    kind: DerivationKind = "paraphrase"
    shared_sentences: int = 0
    direction_evidence: str = ""  # "published earlier", "containment", ...
    pairs: list[SentencePair] = field(default_factory=list)
    strength: DerivationStrength = "derived"
    direction: DirectionStatus = "decided"
    group: str | None = None  # syndication group: copies of one wire story share an id


@dataclass
class Evidence:
    article: str
    text: str


@dataclass
class Flag:
    """A sentence of `article` that is unsupported, altered or in conflict, with evidence."""

    article: str
    kind: FlagKind
    text: str  # the flagged sentence, verbatim
    evidence: list[Evidence] = field(default_factory=list)
    score: float = 0.0
    sentence: int = -1
    reason: str = ""  # human-readable: "number 5,000 -> 50,000", "quote not in any source"


@dataclass
class Claim:
    """One fact as reported across articles: who supports it, who contradicts it."""

    id: str
    text: str
    articles: list[str] = field(default_factory=list)
    contradicted_by: list[str] = field(default_factory=list)
    attributed_to: str | None = None
    sentences: dict[str, int] = field(default_factory=dict)  # article id -> sentence index


@dataclass
class StoryProvenance:
    """Everything align + provenance found for one story."""

    story: str
    derivations: list[Derivation] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


@dataclass
class IngestError:
    """One input that could not be read: the file, the record (if any) and why."""

    source: str
    reason: str
    record: str | None = None  # line number, entry index or WARC record id

    def __str__(self) -> str:
        where = f"{self.source}:{self.record}" if self.record else self.source
        return f"{where}: {self.reason}"
