"""Model loading: the lexical fallback always works; the neural backends agree with each other."""

from __future__ import annotations

import numpy as np
import pytest

from newstrace.analyze import Analyzer
from newstrace.model import Article
from newstrace.models import LexicalEmbedder, load_embedder, load_nlp
from newstrace.settings import Settings

PAIR = [
    "The river burst its banks and flooded the old town overnight.",
    "Overnight the river flooded the old town after bursting its banks.",
    "The central bank raised interest rates by half a point.",
]


def test_lexical_embedder_is_deterministic_normalised_and_separates_topics() -> None:
    embedder = LexicalEmbedder()
    first = embedder.encode(PAIR)
    again = LexicalEmbedder().encode(PAIR)
    assert first.dtype == np.float32
    assert first.shape == (3, embedder.dim)
    assert np.allclose(first, again)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert float(first[0] @ first[1]) > float(first[0] @ first[2]) + 0.2


def test_rules_setting_loads_no_spacy_and_analysis_still_runs() -> None:
    settings = Settings.lexical()
    assert load_nlp(settings) is None
    article = Article(id="r", source="mem", text=PAIR[0] + " " + PAIR[2], title="Flood")
    Analyzer(settings).analyze([article])
    assert article.analyzed_with == "rules+lexical"
    assert article.sentence_vectors is not None
    assert article.sentence_vectors.shape == (2, LexicalEmbedder().dim)


def test_empty_input_gives_empty_matrix() -> None:
    assert load_embedder(Settings.lexical()).encode([]).shape[0] == 0


@pytest.fixture(scope="session")
def onnx_embedder():  # type: ignore[no-untyped-def]
    return load_embedder(Settings(embedder="onnx"))


@pytest.mark.slow
def test_onnx_minilm_matches_torch_minilm(onnx_embedder) -> None:  # type: ignore[no-untyped-def]
    torch_embedder = load_embedder(Settings(embedder="torch"))
    a = onnx_embedder.encode(PAIR)
    b = torch_embedder.encode(PAIR)
    assert a.shape == b.shape == (3, 384)
    cosines = (a * b).sum(axis=1)
    assert float(cosines.min()) > 0.98
    assert float(a[0] @ a[1]) > float(a[0] @ a[2]) + 0.3


@pytest.mark.slow
def test_auto_path_uses_spacy_and_onnx() -> None:
    article = Article(
        id="s",
        source="mem",
        text="Chancellor Olaf Scholz met Emmanuel Macron in Paris. Scholz said aid would double.",
        title="Scholz in Paris",
    )
    Analyzer(Settings()).analyze([article])
    assert article.analyzed_with == "spacy-sm+minilm-onnx"
    assert {"Olaf Scholz", "Paris"} <= {m.text for m in article.mentions}
    assert article.vector is not None and article.vector.shape == (384,)
