"""newstrace.cluster stage."""
