"""Candidate finding: MinHash/LSH for near-duplicates, hashed TF-IDF, a bounded vector index."""

from newstrace.index.minhash import MinHashIndex, shingles
from newstrace.index.tfidf import HashedTfidf, SparseVector
from newstrace.index.vectors import VectorIndex

__all__ = ["HashedTfidf", "MinHashIndex", "SparseVector", "VectorIndex", "shingles"]
