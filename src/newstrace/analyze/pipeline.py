"""The analyze stage: sentences -> entities -> quotes -> quantities -> sources -> vectors.

One Analyzer per process holds the loaded models (via newstrace.models); `analyze` enriches
the given articles in place and records which analyzers ran in `Article.analyzed_with`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newstrace.analyze.embeddings import embed_articles
from newstrace.analyze.entities import rule_mentions, spacy_mentions
from newstrace.analyze.negation import find_negations
from newstrace.analyze.quantities import extract_quantities
from newstrace.analyze.quotes import according_to, extract_quotes
from newstrace.analyze.sentences import split_sentences
from newstrace.analyze.sources import cited_sources, source_of_sentence
from newstrace.lang.en.attribution import FRAMING_PARTICIPLES
from newstrace.model import Article, Quantity
from newstrace.models import Embedder, load_embedder, load_nlp
from newstrace.settings import Settings

MAX_NER_CHARS = 20_000  # NER beyond this many characters of one article adds little, costs much


class Analyzer:
    """Enriches Articles with their analysis layers; models are loaded once, on first use."""

    def __init__(self, settings: Settings | None = None, embed: bool = True):
        self.settings = settings or Settings()
        self.embed = embed
        self._nlp: object | None = None
        self._nlp_loaded = False
        self._embedder: Embedder | None = None

    @property
    def nlp(self) -> object | None:
        if not self._nlp_loaded:
            self._nlp = load_nlp(self.settings)
            self._nlp_loaded = True
        return self._nlp

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings)
        return self._embedder

    @property
    def name(self) -> str:
        """What ran, e.g. 'spacy-sm+minilm-onnx' or 'rules+lexical'."""
        ner = "spacy-sm" if self.nlp is not None else "rules"
        return f"{ner}+{self.embedder.name}" if self.embed else ner

    def analyze(self, articles: list[Article]) -> None:
        """Fill sentences, mentions, quotes, quantities, cited_sources and vectors in place."""
        todo = [a for a in articles if a.text is not None]
        for article in todo:
            article.sentences = split_sentences(article.text)
        self._entities(todo)
        for article in todo:
            article.quotes = extract_quotes(article.text, article.sentences, article.mentions)
            article.cited_sources = cited_sources(
                article.sentences,
                article.mentions,
                article.quotes,
                text=article.text,
                author=article.author,
                outlet=article.outlet,
            )
            article.quantities = _quantities(article)
            article.negations = find_negations(article)
        if self.embed:
            embed_articles(todo, self.embedder)
        name = self.name
        for article in todo:
            article.analyzed_with = name

    def _entities(self, articles: Sequence[Article]) -> None:
        nlp = self.nlp
        if nlp is None:
            for article in articles:
                article.mentions = rule_mentions(article.text, article.sentences)
            return
        texts = [a.text[:MAX_NER_CHARS] for a in articles]
        found = spacy_mentions(
            nlp, texts, [a.sentences for a in articles], self.settings.batch_size
        )
        for article, mentions in zip(articles, found, strict=True):
            article.mentions = mentions


def _owners_by_sentence(article: Article) -> dict[int, str | None]:
    """The speaker of each sentence that carries a quote (a multi-sentence quote covers all)."""
    owners: dict[int, str | None] = {}
    for quote in article.quotes:
        owners.setdefault(quote.sentence, quote.speaker)
        if quote.kind != "direct":
            continue
        for sentence in article.sentences[quote.sentence + 1 :]:
            core = sentence.text.strip("\"“”‘’' ")[:60]
            if not core or core not in quote.text:
                break
            owners.setdefault(sentence.index, quote.speaker)
    return owners


_FRAMING = re.compile(r",\s+(?:" + "|".join(sorted(FRAMING_PARTICIPLES)) + r")\b")


def _quantities(article: Article) -> list[Quantity]:
    """Figures of every sentence, owned by the speaker whose words hold them, else by the
    sentence's speaker or cited outlet; a figure in the reporter's framing clause (", marking
    three years of war") has no speaker (attributed_to None: the outlet's own figure)."""
    owners = _owners_by_sentence(article)
    out: list[Quantity] = []
    for sentence in article.sentences:
        found = extract_quantities(sentence.text, sentence.index)
        if not found:
            continue
        owner = owners.get(sentence.index)
        reporter = according_to(sentence.text) or source_of_sentence(
            sentence.text, article.cited_sources
        )
        if owner is None:
            owner = reporter
        here = [q for q in article.quotes if q.sentence == sentence.index and q.speaker]
        framing = _FRAMING.search(sentence.text)
        for quantity in found:
            # of several attributions in one sentence, the one whose words hold the figure
            holder = next((q for q in here if quantity.span in q.text), None)
            at = sentence.text.find(quantity.span)
            if holder is not None:
                quantity.attributed_to, quantity.via_outlet = holder.speaker, holder.via_outlet
            elif framing is not None and at > framing.start():
                quantity.attributed_to = reporter
            else:
                quantity.attributed_to = owner
                relay = next((q.via_outlet for q in here if q.speaker == owner), None)
                quantity.via_outlet = relay
        out.extend(found)
    return out
