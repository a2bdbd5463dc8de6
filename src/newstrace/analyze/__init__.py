"""newstrace.analyze: who said what, which figure is whose, one entity per real thing.

`Analyzer(settings).analyze(articles)` fills each Article's analysis layers;
`resolve_entities(articles)` merges a story's mentions into Entities.
"""

from newstrace.analyze.pipeline import Analyzer
from newstrace.analyze.quantities import extract_quantities
from newstrace.analyze.quotes import extract_quotes
from newstrace.analyze.resolve import normalise_name, resolve_entities
from newstrace.analyze.sentences import split_sentences

__all__ = [
    "Analyzer",
    "extract_quantities",
    "extract_quotes",
    "normalise_name",
    "resolve_entities",
    "split_sentences",
]
