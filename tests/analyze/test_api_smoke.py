"""The analyze stage end to end on the lexical path (no spaCy, no neural embedder)."""

from __future__ import annotations

import numpy as np

from newstrace.analyze import Analyzer, resolve_entities
from newstrace.model import Article
from newstrace.settings import Settings

TEXT = (
    "BERLIN - Chancellor Olaf Scholz said on Monday that Germany would send 5,000 more "
    "soldiers to Lithuania by 2027.\n\n"
    '"We will not leave our allies alone," Scholz told reporters in Berlin.\n\n'
    "According to the Associated Press, between 3 and 5 battalions could be involved."
)


def test_lexical_path_fills_every_layer() -> None:
    article = Article(id="a1", source="mem", text=TEXT, title="Germany sends troops")
    Analyzer(Settings.lexical()).analyze([article])
    assert article.analyzed_with == "rules+lexical"
    assert [s.paragraph for s in article.sentences] == [0, 1, 2]
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
    assert article.sentence_vectors is not None
    assert article.sentence_vectors.shape[0] == len(article.sentences)
    assert article.vector is not None
    assert abs(float(np.linalg.norm(article.vector)) - 1.0) < 1e-5
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert direct[0].text.startswith("We will not leave")
    values = {(q.value, q.upper, q.unit) for q in article.quantities}
    assert (5000.0, None, "soldiers") in values
    assert (3.0, 5.0, "battalions") in values
    assert all(q.value != 2027 for q in article.quantities)
    entities = resolve_entities([article])
    scholz = [e for e in entities if e.name == "Olaf Scholz"]
    assert scholz and "Scholz" in scholz[0].aliases
