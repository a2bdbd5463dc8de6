"""newstrace.index stage."""
