"""newstrace.report stage."""
