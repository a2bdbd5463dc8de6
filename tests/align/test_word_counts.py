"""The vectorised word counts of sentence matching equal their definitions, on real articles.

`shared_word_counts` (one matrix product over the words two articles share) feeds the Dice
matrix of every comparison and the merged-sentence test of direction; both are checked here
against the plain set arithmetic they replace, on pairs of full-length ECB+ test articles of
one topic (reports of one event: many shared words) and of two topics (few).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from newstrace.align.sentences import PreparedArticle, candidate_matrix, shared_word_counts
from newstrace.analyze import Analyzer
from newstrace.provenance.derivation import CONTAINED_SHARE, MIN_DIRECTION_WORDS, _contained
from newstrace.settings import Settings
from tests.analyze.test_fast_path import _read


@pytest.fixture(scope="module")
def prepared(datasets_dir: Path) -> list[PreparedArticle]:
    base = datasets_dir / "ecbplus" / "ECB+_LREC2014" / "ECB+"
    articles = [_read(p) for t in (36, 41) for p in sorted((base / str(t)).glob("*.xml"))[:6]]
    Analyzer(Settings.lexical()).analyze(articles)
    return [PreparedArticle.of(a) for a in articles]


def _pairs(prepared: list[PreparedArticle]) -> list[tuple[PreparedArticle, PreparedArticle]]:
    return list(itertools.permutations(prepared, 2))


def test_dice_matrix_is_the_set_definition(prepared: list[PreparedArticle]) -> None:
    compared = 0
    for source, derived in _pairs(prepared):
        scores = candidate_matrix(source, derived)
        assert scores.dtype == np.float32
        assert scores.shape == (len(derived.texts), len(source.texts))
        for i, f in enumerate(derived.feats):
            for j, g in enumerate(source.feats):
                shared = len(f.word_set & g.word_set)
                total = len(f.word_set) + len(g.word_set)
                expected = np.float32(2 * shared / total if shared and total else 0.0)
                assert scores[i, j] == expected
                compared += shared > 0
    assert compared > 1000  # the articles do share words: the test compares real overlaps


def test_contained_sentences_are_the_set_definition(prepared: list[PreparedArticle]) -> None:
    found = 0
    for x, y in _pairs(prepared):
        counts = shared_word_counts(x, y)
        expected = set()
        for i, f in enumerate(x.feats):
            best = max((len(f.word_set & g.word_set) for g in y.feats), default=0)
            assert counts[i].max(initial=0) == best
            if (
                len(f.word_set) >= MIN_DIRECTION_WORDS
                and best
                and (best >= CONTAINED_SHARE * len(f.word_set))
            ):
                expected.add(i)
        assert _contained(x, y) == expected
        found += len(expected)
    assert found > 0
