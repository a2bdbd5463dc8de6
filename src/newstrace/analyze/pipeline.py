"""The analyze stage: a declared list of components run over a batch of articles.

sentences -> entities -> quotes -> sources -> figures -> negations (-> vectors). One Analyzer
per process holds the loaded models (via newstrace.models); `analyze` runs `components()` in
order, each filling its layer in place, and records what ran in `Article.analyzed_with`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from newstrace.analyze import components
from newstrace.analyze.embeddings import embed_articles
from newstrace.analyze.entities import rule_mentions, spacy_mentions
from newstrace.model import Article
from newstrace.models import Embedder, load_embedder, load_nlp
from newstrace.settings import Settings

MAX_NER_CHARS = 20_000  # NER beyond this many characters of one article adds little, costs much

Component = Callable[[Sequence[Article]], None]


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

    def analyze(
        self, articles: list[Article], progress: Callable[[float], None] | None = None
    ) -> None:
        """Fill sentences, mentions, quotes, quantities, cited_sources and vectors in place.

        The vectors need only the sentences: they are encoded on a second thread while NER and
        the other components run here (the encoder spends its time in native code without the
        GIL, so on two cores the two overlap). The components after NER run article by article
        (each fills its own layer of each article, so the order within a batch is free), and
        `progress(x)` is told the fraction of an article done as it happens.
        """
        tick = progress or _ignore
        todo = [a for a in articles if a.text is not None]
        steps = self.components()
        share = 1 / 3 if self.embed else 1 / 2  # per article: entities, other layers, vectors
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed") as pool:
            vectors: Future[None] | None = None
            per_article: list[Component] = []
            for step, component in steps:
                if step == "sentences":
                    component(todo)
                    if self.embed:
                        embedder = self.embedder  # loaded here, not on the worker thread
                        vectors = pool.submit(
                            embed_articles, todo, embedder, lambda n: tick(n * share)
                        )
                elif step == "entities":
                    self._entities(todo, lambda: tick(share))
                elif step != "vectors":
                    per_article.append(component)
            for article in todo:
                for component in per_article:
                    component([article])
                tick(share)
            if vectors is not None:
                vectors.result()
        name = self.name
        for article in todo:
            article.analyzed_with = name

    def components(self) -> list[tuple[str, Component]]:
        """The components in the order they run; each reads what the earlier ones set."""
        steps: list[tuple[str, Component]] = [
            ("sentences", components.sentences),
            ("entities", self._entities),
            ("quotes", components.quotes),
            ("sources", components.sources),
            ("figures", components.figures),
            ("negations", components.negations),
        ]
        if self.embed:
            steps.append(("vectors", self._vectors))
        return steps

    def _vectors(self, articles: Sequence[Article]) -> None:
        """sentences (+ title) -> sentence_vectors and vector."""
        embed_articles(articles, self.embedder)

    def _entities(
        self, articles: Sequence[Article], done: Callable[[], None] | None = None
    ) -> None:
        """sentences -> mentions (spaCy NER, or rules when no model is loaded); `done()` is
        called as each article's mentions are found."""
        nlp = self.nlp
        if nlp is None:
            for article in articles:
                article.mentions = rule_mentions(article.text, article.sentences)
                if done is not None:
                    done()
            return
        texts = [a.text[:MAX_NER_CHARS] for a in articles]
        found = spacy_mentions(
            nlp, texts, [a.sentences for a in articles], self.settings.batch_size, on_doc=done
        )
        for article, mentions in zip(articles, found, strict=True):
            article.mentions = mentions


def _ignore(fraction: float) -> None:
    """No progress display."""
