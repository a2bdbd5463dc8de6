"""The packaged support cross-encoder: a paraphrase reads as supported, a flipped fact does not;
without the model the checker decides as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.align import cross_encoder
from newstrace.align.features import sentence_features
from newstrace.align.support import ClaimMeasures, SourceIndex, SupportChecker
from newstrace.models import load_embedder
from newstrace.settings import Settings

pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

# (source sentence, the same fact in other words, a fact of it changed); written for this test
CASES = [
    (
        "Firefighters rescued two children from the burning apartment on Main Street early on "
        "Saturday, the fire department said.",
        "Two children were pulled out of a burning flat on Main Street by firefighters in the "
        "early hours of Saturday, according to the fire department.",
        "Two children rescued two firefighters from the burning apartment on Main Street early "
        "on Saturday, the fire department said.",
    ),
    (
        "The city council voted 7-2 on Tuesday to approve the new budget, which raises "
        "property taxes by 3 percent.",
        "On Tuesday the council backed the new budget by seven votes to two; it lifts property "
        "taxes by 3 percent.",
        "The city council voted on Tuesday to reject the new budget, which raises property "
        "taxes by 3 percent.",
    ),
    (
        "Police arrested a 34-year-old man in Denver on Sunday in connection with the "
        "robbery of a jewelry store.",
        "A 34-year-old man was taken into custody by Denver police on Sunday over a jewelry "
        "store robbery.",
        "Police released a 34-year-old man in Denver on Sunday after questioning him about "
        "the robbery of a jewelry store.",
    ),
]


@pytest.fixture(scope="module")
def encoder() -> cross_encoder.CrossEncoder:
    model = cross_encoder.shipped()
    assert model is not None, "the packaged model (align/xenc/) should load"
    return model


@pytest.mark.parametrize(("source", "paraphrase", "flip"), CASES)
def test_a_paraphrase_outscores_a_flip(
    encoder: cross_encoder.CrossEncoder, source: str, paraphrase: str, flip: str
) -> None:
    assert encoder.support(source, paraphrase) > encoder.support(source, flip)


def test_a_pair_scores_the_same_whatever_is_scored_beside_it(
    encoder: cross_encoder.CrossEncoder,
) -> None:
    pairs = [(s, c) for s, p, f in CASES for c in (p, f)]
    together = encoder.probabilities(pairs)
    backwards = encoder.probabilities(pairs[::-1])[::-1]
    for row, other in zip(together, backwards, strict=True):
        assert row == pytest.approx(other, abs=1e-6)
        assert row.sum() == pytest.approx(1.0, abs=1e-5)


def _measured(checker: SupportChecker, source: str, claim: str) -> tuple[ClaimMeasures, str]:
    """The checker's measures and label for `claim`, with MiniLM vectors (the full path)."""
    settings = Settings()
    embedder = load_embedder(settings)
    index = SourceIndex.build(
        sentence_features([source], settings), vectors=embedder.encode([source])
    )
    vector = embedder.encode([claim])[0]
    features = sentence_features([claim], settings)[0]
    measures = checker.measure(index, features, claim_vector=vector)
    return measures, checker.check_index(index, features, claim_vector=vector).label


@pytest.mark.slow
def test_the_checker_reads_the_encoder_beside_the_vectors(
    encoder: cross_encoder.CrossEncoder,
) -> None:
    source, paraphrase, flip = CASES[0]
    checker = SupportChecker(Settings())
    assert checker.encoder is encoder
    supported, label = _measured(checker, source, paraphrase)
    assert label == "supported"
    assert supported.premise == source
    flipped, _ = _measured(checker, source, flip)
    read_supported, read_flipped = checker.reader_score(supported), checker.reader_score(flipped)
    assert read_supported is not None and read_flipped is not None
    assert read_supported > read_flipped


@pytest.mark.slow
def test_without_the_model_the_checker_decides_without_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cross_encoder, "MODEL_DIR", tmp_path)
    cross_encoder.shipped.cache_clear()
    try:
        assert cross_encoder.shipped() is None
        checker = SupportChecker(Settings())
        assert checker.encoder is None
        source, paraphrase, _ = CASES[1]
        measures, label = _measured(checker, source, paraphrase)
        assert checker.reader_score(measures) is None
        assert label == "supported"
        changed = source.replace("3 percent", "8 percent")
        assert _measured(checker, source, changed)[1] == "altered"
    finally:
        cross_encoder.shipped.cache_clear()
