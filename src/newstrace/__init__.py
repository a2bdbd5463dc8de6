"""newstrace: who reported what, who copied whom, and what was added or changed along the way."""

__version__ = "0.1.0"
