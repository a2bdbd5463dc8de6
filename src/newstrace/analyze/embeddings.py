"""Sentence and article vectors, encoded in one batch across all articles.

The article vector is the normalised mean of its title and lead sentences: cheap (no second
pass over the text) and what a reader judges "same story" on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newstrace.model import Article
from newstrace.models import Embedder

LEAD_SENTENCES = 3
MAX_CHARS = 1000  # a "sentence" longer than this is a run-on paragraph; its head is enough
# distinct texts per encoder call: several full length-sorted batches, yet small enough that
# progress moves every second or so on two cores
SLICE = 256


def embed_articles(
    articles: Sequence[Article],
    embedder: Embedder,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Fill `sentence_vectors` (one row per sentence) and `vector` for each article.

    Texts are encoded in slices, in article order; `progress(n)` is told each time `n` more
    articles have all their texts encoded.
    """
    texts: list[str] = []
    owners: list[tuple[int, int]] = []  # (article index, sentence index or -1 for the title)
    for a_idx, article in enumerate(articles):
        if article.title:
            texts.append(article.title[:MAX_CHARS])
            owners.append((a_idx, -1))
        for sentence in article.sentences:
            texts.append(sentence.text[:MAX_CHARS])
            owners.append((a_idx, sentence.index))
    # syndicated copies repeat sentences word for word: encode each distinct text once
    unique: dict[str, int] = {}
    for text in texts:
        unique.setdefault(text, len(unique))
    distinct = list(unique)
    # the last distinct text each article needs: once encoded, the article is done
    needs = [-1] * len(articles)
    for text, (a_idx, _) in zip(texts, owners, strict=True):
        needs[a_idx] = max(needs[a_idx], unique[text])
    encoded = np.zeros((len(distinct), embedder.dim), dtype=np.float32)
    finished = 0
    for lo in range(0, max(len(distinct), 1), SLICE):
        part = distinct[lo : lo + SLICE]
        if part:
            encoded[lo : lo + len(part)] = embedder.encode(part)
        done = sum(1 for need in needs if need < lo + SLICE)
        if progress is not None and done > finished:
            progress(done - finished)
        finished = done
    matrix = encoded[[unique[t] for t in texts]] if texts else encoded
    rows: dict[int, list[int]] = {}
    titles: dict[int, int] = {}
    for row, (a_idx, s_idx) in enumerate(owners):
        if s_idx < 0:
            titles[a_idx] = row
        else:
            rows.setdefault(a_idx, []).append(row)
    for a_idx, article in enumerate(articles):
        sent_rows = rows.get(a_idx, [])
        article.sentence_vectors = (
            matrix[sent_rows].astype(np.float32)
            if sent_rows
            else np.zeros((0, embedder.dim), dtype=np.float32)
        )
        lead = list(sent_rows[:LEAD_SENTENCES])
        if a_idx in titles:
            lead.append(titles[a_idx])
        if lead:
            vec = matrix[lead].mean(axis=0)
            norm = float(np.linalg.norm(vec))
            article.vector = (vec / norm if norm > 0 else vec).astype(np.float32)
        else:
            article.vector = np.zeros(embedder.dim, dtype=np.float32)
