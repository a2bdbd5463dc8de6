"""newstrace.analyze stage."""
