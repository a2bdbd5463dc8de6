"""FactCC-style training pairs for the support model, from real news (never a test split).

Source articles: PolNeAR train + ECB+ topics 1-35 (as read by bench/derivation_gen.py). For a
sentence of an article, the claim is, at random:
  supported   the sentence compressed (an aside or a trailing clause dropped), or two adjacent
              sentences joined and trimmed, as a summary would;
  unsupported the compressed sentence with one fact perturbed (a number changed, a name
              swapped for another name of the article or of another article, a negation
              added or removed, two names swapped), or a sentence of another article.
Features are computed by the checker against the whole article, as for FRANK.
"""

from __future__ import annotations

import random
import re

import numpy as np

import derivation_gen as gen
from newstrace.align.features import sentence_features, text_features
from newstrace.align.support import SourceIndex, SupportChecker
from newstrace.align.support_model import aggregate

SEED = 7
N_ARTICLES = 400


def compress(sentence: str, rng: random.Random) -> str:
    """Drop an aside between commas or everything after the last comma, as summaries do."""
    aside = re.search(r", [^,]{5,80},", sentence)
    if aside and rng.random() < 0.5:
        return sentence[: aside.start()] + sentence[aside.end() - 1 :]
    if sentence.count(",") and rng.random() < 0.5:
        head = sentence[: sentence.rfind(",")]
        if len(head.split()) >= 6:
            return head + "."
    return sentence


def synthetic_pairs(checker: SupportChecker) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(SEED)
    docs = gen.polnear_docs(["train"]) + gen.ecb_docs(list(range(1, 36)))
    docs = [d for d in docs if len(d.sentences) >= 6]
    rng.shuffle(docs)
    docs = docs[:N_ARTICLES]
    names_pool = sorted({n for d in docs[:100] for s in d.sentences for n in gen._NAME.findall(s)})
    xs, ys = [], []
    for doc in docs:
        index = SourceIndex.build(text_features(" ".join(doc.sentences), checker.settings))
        candidates = [s for s in doc.sentences if 8 <= len(s.split()) <= 45]
        if not candidates:
            continue
        for _ in range(4):
            sentence = compress(rng.choice(candidates), rng)
            if rng.random() < 0.5:
                claim, label = sentence, True
            elif rng.random() < 0.25:
                other = rng.choice(docs)
                if other is doc:
                    continue
                claim, label = rng.choice(other.sentences), False
            else:
                flipped = gen.flip(sentence, names_pool, rng)
                if flipped is None:
                    continue
                claim, label = flipped[0], False
            claim_features = sentence_features([claim], checker.settings)[0]
            xs.append(aggregate([checker.measure(index, claim_features).values]))
            ys.append(label)
    return np.array(xs), np.array(ys)
