"""newstrace.provenance stage."""
