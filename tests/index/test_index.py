"""MinHash/LSH, hashed TF-IDF and the vector index on real-looking news text."""

from __future__ import annotations

import numpy as np

from newstrace.index import HashedTfidf, MinHashIndex, SparseVector, VectorIndex

WIRE = (
    "Two top leaders of a polygamous community in western Canada have been arrested and "
    "charged with practising polygamy, British Columbia's attorney general said on Wednesday. "
    "Winston Blackmore is charged with marrying 20 women, while James Oler is accused of "
    "marrying two, Attorney General Wally Oppal told reporters in Vancouver."
)
REPRINT = WIRE.replace("on Wednesday", "Wednesday").replace(
    "told reporters", "told a news conference"
)
OTHER = (
    "A magnitude 6.1 earthquake struck off the coast of northern California early on Sunday, "
    "shaking buildings from Eureka to Crescent City, the US Geological Survey said. No injuries "
    "were reported and there was no tsunami warning."
)


def test_minhash_finds_a_lightly_edited_reprint_only() -> None:
    index = MinHashIndex(threshold=0.5, num_perm=64)
    index.add("wire", index.signature(WIRE))
    index.add("quake", index.signature(OTHER))
    reprint = index.signature(REPRINT)
    assert index.query(reprint) == ["wire"]
    assert MinHashIndex.jaccard(reprint, index.signature(WIRE)) > 0.6
    assert MinHashIndex.jaccard(reprint, index.signature(OTHER)) < 0.1


def test_minhash_signatures_round_trip_and_remove() -> None:
    index = MinHashIndex()
    signature = index.signature(WIRE)
    restored = index.from_bytes(MinHashIndex.to_bytes(signature))
    assert MinHashIndex.jaccard(signature, restored) == 1.0
    index.add("wire", restored)
    index.remove("wire")
    assert len(index) == 0
    assert index.query(signature) == []


def test_tfidf_idf_follows_the_stream() -> None:
    model = HashedTfidf(1 << 16)
    for _ in range(5):
        model.fit_transform(WIRE)
    model.fit_transform(OTHER)
    assert model.idf_of("earthquake") > model.idf_of("polygamy")
    same = model.transform(REPRINT).dot(model.transform(WIRE))
    different = model.transform(OTHER).dot(model.transform(WIRE))
    assert same > 0.8 > 0.1 > different
    restored = HashedTfidf.from_bytes(model.to_bytes())
    assert restored.n_docs_ == 6
    assert np.array_equal(restored.df_, model.df_)


def test_sparse_vectors_sum_and_truncate() -> None:
    a = SparseVector(np.array([1, 5, 9]), np.array([0.6, 0.8, 0.0], dtype=np.float32))
    b = SparseVector(np.array([5, 7]), np.array([1.0, 0.0], dtype=np.float32))
    total = a.scaled_sum(b)
    assert total.indices.tolist() == [1, 5, 7, 9]
    assert np.allclose(total.values, [0.6, 1.8, 0.0, 0.0])
    top = total.top(2)
    assert top.indices.tolist() == [1, 5]
    assert abs(float(np.linalg.norm(top.values)) - 1.0) < 1e-6
    assert abs(a.dot(b) - 0.8) < 1e-6


def test_vector_index_search_remove_and_grow() -> None:
    rng = np.random.default_rng(1)
    index = VectorIndex(dim=16, capacity=2)
    vectors = {f"k{i}": rng.normal(size=16).astype(np.float32) for i in range(10)}
    for key, vector in vectors.items():
        index.upsert(key, vector)
    assert len(index) == 10
    best, score = index.search(vectors["k3"], k=1)[0]
    assert best == "k3" and score > 0.999
    index.remove("k3")
    assert "k3" not in index
    assert all(key != "k3" for key, _ in index.search(vectors["k3"], k=10))
    index.upsert("k10", vectors["k3"])  # reuses the freed row
    assert index.search(vectors["k3"], k=1)[0][0] == "k10"
