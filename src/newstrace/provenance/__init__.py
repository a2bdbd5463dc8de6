"""newstrace.provenance: who was written from whom, and what each rewrite invented or changed."""

from newstrace.provenance.story import analyze_story, placed_articles

__all__ = ["analyze_story", "placed_articles"]
