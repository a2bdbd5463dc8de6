"""newstrace.align stage."""
