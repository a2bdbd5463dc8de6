"""newstrace.web stage."""
